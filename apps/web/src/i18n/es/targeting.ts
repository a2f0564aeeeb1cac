import type { targeting as en } from '../en/targeting'
import type { Translation } from '../messages'

export const targeting: Translation<typeof en> = {
  preparing: 'Preparando la lista…',
  title: 'Segmentación de campañas',
  territory: 'Territorio',
  anyTerritory: 'Cualquier territorio',
  segments: 'Segmentos',
  size: 'Tamaño',
  aroundPoint: 'Alrededor de un punto',
  centrePlaceholder: 'latitud, longitud',
  centreLabel: 'Centro (latitud, longitud)',
  clickMap: 'Haz clic en el mapa…',
  pick: 'Elegir en el mapa',
  radius: 'Radio',
  drawnArea: 'Área dibujada',
  withinShape: 'Dentro de la última forma dibujada ({{count, number}} puntos)',
  clear: 'Quitar',
  drawHint:
    'Dibuja una forma con la herramienta Rectángulo o Lazo en el mapa para segmentar dentro de ella.',
  chooseHint:
    'Elige un territorio, segmentos, un tamaño, un punto o un área dibujada.',
  found: 'cuentas · {{potential}} de potencial',
  showOnMap: 'Mostrar en el mapa',
  download: 'Descargar la lista (CSV)',
  noTerritory: 'sin territorio',
  distance: '{{distance}} · ',
  listed:
    'Se muestran las 50 con más potencial; la descarga incluye las {{total}}.',
  selecting: 'Seleccionando…',
  centre: {
    format: 'Indica el centro como «latitud, longitud».',
    numbers: 'La latitud y la longitud del centro deben ser números.',
    latitude: 'La latitud va de −90 a 90.',
    longitude: 'La longitud va de −180 a 180.',
  },
  whiteSpace: {
    title: 'Oportunidades de crecimiento (espacio en blanco)',
    rank: 'Clasificar',
    levels: {
      territories: 'territorios',
      units: 'unidades',
    },
    unit: 'Unidad',
    territory: 'Territorio',
    whiteSpace: 'Espacio en blanco',
    sales: 'Ventas 12 m',
    buying: 'Compran',
    unassigned: 'sin asignar',
  },
}
