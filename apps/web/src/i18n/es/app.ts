import type { app as en } from '../en/app'
import type { Translation } from '../messages'

export const app: Translation<typeof en> = {
  loading: 'Cargando Tessera…',
  unreachable: {
    title: 'No se puede conectar con Tessera',
    detail:
      'El servidor no ha respondido. Comprueba tu conexión y vuelve a intentarlo.',
  },
  topBar: {
    context: 'Plan y escenario',
    plan: 'Plan',
    scenario: 'Escenario',
    noScenario: 'Sin escenario',
    scenarios: 'Escenarios…',
    myChanges: 'Mis cambios',
    report: 'Informe',
    import: 'Importar…',
    users: 'Usuarios…',
    loadingScenario: 'Cargando el escenario',
    signOut: 'Salir',
  },
  tabs: {
    label: 'Panel lateral',
    territories: 'Territorios',
    dashboard: 'Resultados',
    edit: 'Editar',
    regions: 'Regiones',
    notes: 'Notas',
    discussion: 'Debate',
    tasks: 'Tareas',
    activity: 'Actividad',
    review: 'Revisión',
    targeting: 'Campañas',
  },
  readOnly: {
    rep: 'Solo lectura: los comerciales revisan los planes; los planificadores y los directores los editan.',
    reopen:
      'Solo lectura: este escenario está {{status}}. Reábrelo como borrador (pestaña Revisión) para editarlo.',
    openDraft:
      'Solo lectura: este escenario está {{status}}. Abre un borrador para editar.',
    status: {
      draft: 'en borrador',
      in_review: 'en revisión',
      approved: 'aprobado',
      scheduled: 'programado',
      published: 'publicado',
      superseded: 'sustituido',
      archived: 'archivado',
    },
  },
  plan: {
    pickToPaint:
      'Elige un territorio con el que pintar: haz clic en él en la lista o en el mapa.',
    applied:
      'Aplicado «{{name}}»: {{count, number}} unidades reasignadas. Deshacer lo revierte.',
    nothingSelected:
      'No se ha seleccionado nada: la forma no alcanza ninguna unidad.',
    loadFailed: 'No se ha podido cargar el plan',
    loadFailedDetail:
      'Tessera no ha respondido como se esperaba. Vuelve a intentarlo en un momento.',
    noPlans: 'Aún no hay planes',
    noPlansDetail: 'Cuando un planificador cree un plan, aparecerá aquí.',
    loading: 'Cargando el plan…',
    optimize: 'Optimizar…',
    selectToEdit:
      'Selecciona un territorio en el mapa o en la lista para editarlo.',
  },
}
