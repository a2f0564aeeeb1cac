export { MyChangesPage } from './components/my-changes-page'
