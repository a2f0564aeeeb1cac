export { TargetingPanel } from './components/targeting-panel'
export type { TargetingPanelProps } from './components/targeting-panel'
