/** The editing tools over the map, the shortcuts help, and what plan edits say. */
export const editor = {
  toolbar: {
    label: 'Editing tools',
    select: 'Select',
    selectTitle: 'Select (V)',
    paint: 'Paint',
    paintTitle: 'Paint units into the selected territory (B)',
    rectangle: 'Rectangle',
    rectangleTitle: 'Select the units in a rectangle (R)',
    lasso: 'Lasso',
    lassoTitle: 'Select the units inside a freehand loop (L)',
    undo: 'Undo',
    undoTitle: 'Undo your last edit (Ctrl+Z)',
    redo: 'Redo',
    redoTitle: 'Redo (Ctrl+Shift+Z)',
    shortcuts: 'Keyboard shortcuts',
    shortcutsTitle: 'Keyboard shortcuts (?)',
    paintingInto: 'Painting into {{name}}',
    pickToPaint: 'Pick a territory to paint with',
    rectangleHint: 'Drag a rectangle to select units',
    lassoHint: 'Draw a loop around units to select them',
    shiftAdds: '· Shift adds',
  },
  status: {
    connected: 'Live',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
    waiting_one: '{{status}} · {{count, number}} edit to send',
    waiting_other: '{{status}} · {{count, number}} edits to send',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    select: 'Select: click a territory on the map or in the list',
    paint: 'Paint: drag across units to move them into the selected territory',
    rectangle: 'Rectangle: drag a box to select the units it touches',
    lasso: 'Lasso: draw a loop to select the units inside it',
    shiftClick: 'Add a unit to the selection, or take it out',
    shiftDrag: 'Add a rectangle or lasso to the selection',
    undo: 'Undo your last edit (never a collaborator’s)',
    redo: 'Redo',
    escape: 'Clear the selection',
    help: 'Show this help',
  },
  repair: {
    and: '{{first}} and {{second}}',
    merged:
      '{{what}} placed in a territory merged meanwhile moved on with it to “{{name}}”.',
    removed_one:
      '{{what}} placed in a territory removed meanwhile is unassigned now.',
    removed_other:
      '{{what}} placed in a territory removed meanwhile are unassigned now.',
  },
  refusal: {
    readOnly: 'This plan is read-only for you.',
    territoryGone:
      'That territory no longer exists: someone may have just deleted it.',
    regionGone:
      'That region no longer exists: someone may have just deleted it.',
    locked: '{{name}} is locked: unlock it to change it.',
    leftAsTheyAre: 'Left as they are: {{parts}}.',
    unitsLocked_one: '{{count, number}} unit locked',
    unitsLocked_other: '{{count, number}} units locked',
    unitsInLocked_one: '{{count, number}} unit in a locked territory',
    unitsInLocked_other: '{{count, number}} units in a locked territory',
    noName: 'Give it a name.',
    tooLong:
      'Names can be at most {{max}} characters (this one has {{length, number}}).',
    oneLine:
      'Names must be one line: no line breaks, tabs or other control characters.',
    territoryExists: 'There is already a territory named “{{name}}”.',
    territoryExistsIn:
      'There is already a territory named “{{name}}” in {{parent}}.',
    regionExists: 'There is already a region named “{{name}}”.',
    regionExistsIn: 'There is already a region named “{{name}}” in {{parent}}.',
    notColour: '“{{colour}}” is not a colour: use the form #1a2b3c.',
    mergeSelf: 'Pick another territory to merge this one into.',
    splitLocked:
      'Those units of {{name}} are locked: unlock them to split them off.',
    splitNotOwn: 'None of those units belong to {{name}}.',
    splitAll:
      'A split must leave some units in {{name}}: to move them all, rename it instead.',
    lockedToMerge_one:
      '{{count, number}} unit of {{name}} is locked: unlock it to merge it.',
    lockedToMerge_other:
      '{{count, number}} units of {{name}} are locked: unlock them to merge it.',
    lockedToDelete_one:
      '{{count, number}} unit of {{name}} is locked: unlock it to delete it.',
    lockedToDelete_other:
      '{{count, number}} units of {{name}} are locked: unlock them to delete it.',
    badCurrency:
      '“{{code}}” is not a currency code: use three letters, such as EUR.',
    regionClash:
      "{{region}} can't be deleted yet: its territory “{{territory}}” would then have the same name as “{{clash}}”, which is in no region. Rename one of them first.",
  },
} as const
