import type { editor as en } from '../en/editor'
import type { Translation } from '../messages'

export const editor: Translation<typeof en> = {
  toolbar: {
    label: 'Herramientas de edición',
    select: 'Seleccionar',
    selectTitle: 'Seleccionar (V)',
    paint: 'Pintar',
    paintTitle: 'Pintar unidades en el territorio seleccionado (B)',
    rectangle: 'Rectángulo',
    rectangleTitle: 'Seleccionar las unidades de un rectángulo (R)',
    lasso: 'Lazo',
    lassoTitle: 'Seleccionar las unidades dentro de un lazo a mano alzada (L)',
    undo: 'Deshacer',
    undoTitle: 'Deshacer tu última edición (Ctrl+Z)',
    redo: 'Rehacer',
    redoTitle: 'Rehacer (Ctrl+Mayús+Z)',
    shortcuts: 'Atajos de teclado',
    shortcutsTitle: 'Atajos de teclado (?)',
    paintingInto: 'Pintando en {{name}}',
    pickToPaint: 'Elige un territorio con el que pintar',
    rectangleHint: 'Arrastra un rectángulo para seleccionar unidades',
    lassoHint: 'Dibuja un lazo alrededor de unidades para seleccionarlas',
    shiftAdds: '· Mayús añade',
  },
  status: {
    connected: 'En directo',
    connecting: 'Conectando…',
    reconnecting: 'Reconectando…',
    offline: 'Sin conexión',
    waiting_one: '{{status}} · {{count, number}} edición por enviar',
    waiting_other: '{{status}} · {{count, number}} ediciones por enviar',
  },
  shortcuts: {
    title: 'Atajos de teclado',
    select: 'Seleccionar: haz clic en un territorio del mapa o de la lista',
    paint:
      'Pintar: arrastra sobre unidades para moverlas al territorio seleccionado',
    rectangle:
      'Rectángulo: arrastra un recuadro para seleccionar las unidades que toca',
    lasso: 'Lazo: dibuja un lazo para seleccionar las unidades de dentro',
    shiftClick: 'Añadir una unidad a la selección, o quitarla',
    shiftDrag: 'Añadir un rectángulo o un lazo a la selección',
    undo: 'Deshacer tu última edición (nunca la de un colaborador)',
    redo: 'Rehacer',
    escape: 'Vaciar la selección',
    help: 'Mostrar esta ayuda',
  },
  repair: {
    and: '{{first}} y {{second}}',
    merged:
      'Colocadas en un territorio fusionado entretanto, se han ido con él a «{{name}}»: {{what}}.',
    removed_one:
      'Colocada en un territorio eliminado entretanto, queda sin asignar: {{what}}.',
    removed_other:
      'Colocadas en un territorio eliminado entretanto, quedan sin asignar: {{what}}.',
  },
  refusal: {
    readOnly: 'Este plan es de solo lectura para ti.',
    territoryGone:
      'Ese territorio ya no existe: puede que alguien acabe de eliminarlo.',
    regionGone:
      'Esa región ya no existe: puede que alguien acabe de eliminarla.',
    locked: '{{name}} está bloqueado: desbloquéalo para cambiarlo.',
    leftAsTheyAre: 'Se quedan como están: {{parts}}.',
    unitsLocked_one: '{{count, number}} unidad bloqueada',
    unitsLocked_other: '{{count, number}} unidades bloqueadas',
    unitsInLocked_one: '{{count, number}} unidad en un territorio bloqueado',
    unitsInLocked_other:
      '{{count, number}} unidades en un territorio bloqueado',
    noName: 'Ponle un nombre.',
    tooLong:
      'Los nombres pueden tener como mucho {{max}} caracteres (este tiene {{length, number}}).',
    oneLine:
      'Los nombres deben ocupar una línea: sin saltos de línea, tabuladores ni otros caracteres de control.',
    territoryExists: 'Ya hay un territorio llamado «{{name}}».',
    territoryExistsIn: 'Ya hay un territorio llamado «{{name}}» en {{parent}}.',
    regionExists: 'Ya hay una región llamada «{{name}}».',
    regionExistsIn: 'Ya hay una región llamada «{{name}}» en {{parent}}.',
    notColour: '«{{colour}}» no es un color: usa el formato #1a2b3c.',
    mergeSelf: 'Elige otro territorio con el que fusionar este.',
    splitLocked:
      'Esas unidades de {{name}} están bloqueadas: desbloquéalas para separarlas.',
    splitNotOwn: 'Ninguna de esas unidades pertenece a {{name}}.',
    splitAll:
      'Una división debe dejar alguna unidad en {{name}}: para moverlas todas, cámbiale el nombre.',
    lockedToMerge_one:
      '{{count, number}} unidad de {{name}} está bloqueada: desbloquéala para fusionarlo.',
    lockedToMerge_other:
      '{{count, number}} unidades de {{name}} están bloqueadas: desbloquéalas para fusionarlo.',
    lockedToDelete_one:
      '{{count, number}} unidad de {{name}} está bloqueada: desbloquéala para eliminarlo.',
    lockedToDelete_other:
      '{{count, number}} unidades de {{name}} están bloqueadas: desbloquéalas para eliminarlo.',
    badCurrency:
      '«{{code}}» no es un código de moneda: usa tres letras, como EUR.',
    regionClash:
      'Aún no se puede eliminar {{region}}: su territorio «{{territory}}» tendría el mismo nombre que «{{clash}}», que no está en ninguna región. Cambia antes el nombre de uno de los dos.',
  },
}
