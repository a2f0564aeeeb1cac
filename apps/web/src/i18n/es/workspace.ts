import type { workspace as en } from '../en/workspace'
import type { Translation } from '../messages'

export const workspace: Translation<typeof en> = {
  suggestions: {
    title: 'Movimientos sugeridos',
    unavailable: 'Las sugerencias no están disponibles ahora.',
    none: 'Ahora ningún movimiento mejora el equilibrio.',
    more: '{{first}} + {{units}}',
    gain: '+{{gain}} de equilibrio ({{before}} → {{after}})',
    accounts: '{{accounts}} cuentas · {{potential}}',
    travel: ' · desplazamiento {{sign}}{{amount}} {{unit}} de visita',
    apply: 'Aplicar',
  },
  presence: {
    alsoHere: 'También aquí: {{names}}',
    title: '{{name}} — {{doing}}',
    doingIn: '{{doing}} en {{territory}}',
    tool: {
      select: 'seleccionando',
      paint: 'pintando',
      lasso: 'seleccionando con lazo',
      rectangle: 'seleccionando con rectángulo',
      pan: 'echando un vistazo',
    },
  },
}
