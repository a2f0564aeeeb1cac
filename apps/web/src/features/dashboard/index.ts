export { usePrefetchDashboard } from './api/use-dashboard'
export { DashboardPanel } from './components/dashboard-panel'
