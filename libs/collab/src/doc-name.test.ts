import { describe, expect, it } from 'vitest'
import { parseDocName } from './doc-name.js'

describe('parseDocName', () => {
  it('reads scenario and notes documents from a hub path', () => {
    expect(parseDocName('/yjs/scenario:scn_1')).toEqual({
      kind: 'scenario',
      scenarioId: 'scn_1',
    })
    expect(parseDocName('/yjs/scenario%3Ascn_1?x=1')).toEqual({
      kind: 'scenario',
      scenarioId: 'scn_1',
    })
    expect(parseDocName('notes:scn_1:ter_2')).toEqual({
      kind: 'notes',
      scenarioId: 'scn_1',
      territoryId: 'ter_2',
    })
  })

  it.each([
    '',
    '/yjs/',
    'scenario:',
    'scenario:a:b',
    'other:x',
    'scenario:../etc',
    '/yjs/%E0%A4%A',
    `scenario:${'x'.repeat(65)}`,
  ])('refuses %j', (name) => expect(parseDocName(name)).toBeNull())
})
