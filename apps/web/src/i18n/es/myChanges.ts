import type { myChanges as en } from '../en/myChanges'
import type { Translation } from '../messages'

export const myChanges: Translation<typeof en> = {
  title: 'Mis cambios',
  back: 'Volver al mapa',
  loading: 'Cargando tus cambios…',
  noneTitle: 'No hay cambios que revisar',
  noneText:
    'Cuando un planificador proponga un cambio en tu territorio y lo envíe a revisión, aparecerá aquí para que lo des por enterado o pongas objeciones.',
  caughtUp:
    'Nada espera tu respuesta: todos los cambios de abajo están decididos.',
  decided: 'Decididos',
  decision: {
    approved: 'Aprobado',
    rejected: 'Rechazado',
    withdrawn: 'Retirado',
  },
  answerState: {
    pending: 'Espera tu respuesta',
    acknowledged: 'Lo diste por enterado',
    objected: 'Pusiste objeciones',
  },
  summary: 'Ganas {{gained}} y pierdes {{lost}}.',
  gainedTitle: 'Cuentas ganadas',
  lostTitle: 'Cuentas perdidas',
  hideChange: 'Ocultar el cambio',
  showChange: 'Mostrar el cambio',
  meta: 'Versión {{revision}} · enviada por {{name}} {{when}}',
  aPlanner: 'un planificador',
  reviewBy: 'Revisar antes del ',
  reviewDeadline: 'Plazo de revisión: ',
  overdue: ' · vencido',
  noteFrom: 'Nota del planificador: ',
  moves: {
    total: ' · {{potential}} de potencial',
    none: 'Ninguna.',
    account: 'Cuenta',
    potential: 'Potencial',
    sales: 'Ventas, 12 meses',
    showFewer: 'Mostrar menos',
    showAll: 'Mostrar las {{count, number}}',
  },
  given: {
    acknowledged: 'Diste por enterado este cambio',
    objected: 'Pusiste objeciones a este cambio',
    pending: 'No respondiste',
  },
  canChange: 'Puedes cambiar tu respuesta hasta que decida un director.',
  aManager: 'un director',
  thePlanner: 'el planificador',
  approved:
    'Aprobado por {{who}}. El cambio entra en vigor cuando se publique.',
  rejected:
    'Rechazado por {{who}}. Tu territorio se queda como está salvo que se envíe un cambio revisado.',
  withdrawn:
    'Retirado: {{who}} lo reabrió como borrador. Si se vuelve a enviar, regresará aquí como una nueva versión.',
  answer: {
    needsComment:
      'Di a qué pones objeciones: una objeción necesita un comentario.',
    yours: 'Tu respuesta',
    decision: 'Decisión',
    notAsked: 'No se te pide que revises este cambio.',
    whatObject: '¿A qué pones objeciones?',
    objectHint:
      'El planificador y el director lo leen antes de decidir. Nombra las cuentas o los lugares que importan.',
    sending: 'Enviando…',
    sendObjection: 'Enviar la objeción',
    intro:
      'Dalo por enterado si el cambio te viene bien. Pon objeciones para decirle al planificador qué debería ser distinto: el director ve tu respuesta antes de decidir.',
    acknowledge: 'Enterado',
    object: 'Poner objeciones…',
    keep: 'Mantener mi respuesta',
    change: 'Cambiar tu respuesta',
  },
  metrics: {
    caption: 'Tu territorio antes y después del cambio',
    metric: 'Métrica',
    before: 'Antes',
    after: 'Después',
    change: 'Cambio',
    tone: {
      better: 'a tu favor',
      worse: 'en tu contra',
      same: 'sin cambios',
    },
    accounts: 'Cuentas',
    potential: 'Potencial',
    sales: 'Ventas, últimos 12 meses',
    workloadMinutes: 'Carga de trabajo semanal',
    travelKm: 'Distancia media a las cuentas',
    hours: '{{n}} h',
    km: '{{n}} km',
  },
  map: {
    label:
      'Mapa de tu territorio: unidades que se quedan {{kept}}, ganadas {{gained}}, perdidas {{lost}}.',
    failed: 'No se ha podido cargar el mapa.',
    none: 'No hay mapa para este cambio.',
    gained: 'Ganadas {{count}}',
    lost: 'Perdidas {{count}}',
    oldOutline: 'Contorno anterior',
    newOutline: 'Contorno nuevo',
    missing: '{{units}} fuera del mapa',
  },
}
