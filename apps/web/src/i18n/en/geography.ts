/** Re-basing a plan onto hexagons or ZIP areas. The server's reasons stay its words. */
export const geography = {
  title: 'Re-base on hexagons or ZIP areas',
  intro:
    'Builds new units around your accounts and copies <strong>{{plan}}</strong> onto them as a new plan. Every account keeps its territory: where a new unit straddles a border, the accounts on the other side are kept by account overrides. This plan is not changed.',
  newUnits: 'New units',
  hexagons: 'Hexagons — anywhere in the world, sized to the accounts',
  zips: 'US ZIP areas — each county split by ZIP code (drawn in small hexagons), for territories finer than counties',
  cellSize: 'Cell size',
  hexagonSize: 'Hexagon size',
  autoZips:
    'Automatic: up to resolution 8 (cells of 0.7 km²), coarser where the counties are large',
  autoResolution: 'Automatic: resolution {{resolution}}',
  autoReading: 'Automatic (reading the accounts…)',
  auto: 'Automatic',
  option:
    'Resolution {{resolution}}: cells of {{area}}, about {{cells}} with accounts',
  tooMany: ' (too many)',
  km2: '{{area}} km²',
  recommended: 'Recommended for {{accounts}} accounts: {{reason}}.',
  scenario: 'Scenario to carry over as the new plan’s draft',
  publishedHint:
    'The published alignment comes along as the new plan’s published one, so disruption is measured against it.',
  made: 'Made “{{name}}”',
  cells: 'Cells',
  cellCounts:
    '{{cells}} ({{occupied}} with accounts, {{bridges}} joining gaps)',
  size: 'Size',
  accounts: 'Accounts',
  placed: '{{placed}} placed',
  placedSkipped:
    '{{placed}} placed, {{skipped}} without usable coordinates (kept by override where they had a territory)',
  overrides: 'Overrides',
  overrideCount_one:
    '{{count, number}} accounts keep their territory by override',
  overrideCount_other:
    '{{count, number}} accounts keep their territory by override',
  islands: 'Islands',
  onePiece: 'none: the cells form one piece',
  links: '{{links}} links join groups of cells too far apart to fill',
  open: 'Open the new plan',
  buildingZips: 'Building ZIP areas…',
  buildingHexagons: 'Building hexagons…',
  buildZips: 'Build ZIP areas and re-base',
  buildHexagons: 'Build hexagons and re-base',
} as const
