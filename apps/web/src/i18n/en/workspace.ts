/** The side panel's smaller pieces: suggested moves and who else is here. */
export const workspace = {
  suggestions: {
    title: 'Suggested moves',
    unavailable: 'Suggestions are unavailable right now.',
    none: 'No move improves the balance now.',
    more: '{{first}} + {{units}}',
    gain: '+{{gain}} balance ({{before}} → {{after}})',
    accounts: '{{accounts}} accounts · {{potential}}',
    travel: ' · travel {{sign}}{{amount}} visit-{{unit}}',
    apply: 'Apply',
  },
  presence: {
    alsoHere: 'Also here: {{names}}',
    title: '{{name}} — {{doing}}',
    doingIn: '{{doing}} in {{territory}}',
    tool: {
      select: 'selecting',
      paint: 'painting',
      lasso: 'lasso-selecting',
      rectangle: 'box-selecting',
      pan: 'looking around',
    },
  },
} as const
