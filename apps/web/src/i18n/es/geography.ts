import type { geography as en } from '../en/geography'
import type { Translation } from '../messages'

export const geography: Translation<typeof en> = {
  title: 'Pasar a hexágonos o zonas postales',
  intro:
    'Crea unidades nuevas alrededor de tus cuentas y copia <strong>{{plan}}</strong> sobre ellas como un plan nuevo. Cada cuenta conserva su territorio: donde una unidad nueva cruza una frontera, las cuentas del otro lado se mantienen mediante asignaciones de cuenta. Este plan no cambia.',
  newUnits: 'Unidades nuevas',
  hexagons:
    'Hexágonos: en cualquier lugar del mundo, a la medida de las cuentas',
  zips: 'Zonas postales de EE. UU.: cada condado dividido por código postal (dibujado en hexágonos pequeños), para territorios más finos que los condados',
  cellSize: 'Tamaño de celda',
  hexagonSize: 'Tamaño del hexágono',
  autoZips:
    'Automático: hasta la resolución 8 (celdas de 0,7 km²), más grandes donde los condados son extensos',
  autoResolution: 'Automático: resolución {{resolution}}',
  autoReading: 'Automático (leyendo las cuentas…)',
  auto: 'Automático',
  option:
    'Resolución {{resolution}}: celdas de {{area}}, unas {{cells}} con cuentas',
  tooMany: ' (demasiadas)',
  km2: '{{area}} km²',
  recommended: 'Recomendado para {{accounts}} cuentas: {{reason}}.',
  scenario: 'Escenario que pasa como borrador del plan nuevo',
  publishedHint:
    'La alineación publicada pasa a ser la publicada del plan nuevo, así que la alteración se mide respecto a ella.',
  made: 'Creado «{{name}}»',
  cells: 'Celdas',
  cellCounts:
    '{{cells}} ({{occupied}} con cuentas, {{bridges}} que unen huecos)',
  size: 'Tamaño',
  accounts: 'Cuentas',
  placed: '{{placed}} colocadas',
  placedSkipped:
    '{{placed}} colocadas, {{skipped}} sin coordenadas utilizables (mantenidas mediante asignación donde tenían territorio)',
  overrides: 'Asignaciones',
  overrideCount_one:
    '{{count, number}} cuenta conserva su territorio mediante asignación',
  overrideCount_other:
    '{{count, number}} cuentas conservan su territorio mediante asignación',
  islands: 'Islas',
  onePiece: 'ninguna: las celdas forman una sola pieza',
  links:
    '{{links}} enlaces unen grupos de celdas demasiado separados para rellenarlos',
  open: 'Abrir el plan nuevo',
  buildingZips: 'Creando las zonas postales…',
  buildingHexagons: 'Creando los hexágonos…',
  buildZips: 'Crear las zonas postales y pasar el plan',
  buildHexagons: 'Crear los hexágonos y pasar el plan',
}
