import { describe, expect, it } from 'vitest'
import { describeActivity } from './activity-text'

const names: Record<string, string> = { w3: 'West 3', w4: 'West 4' }
const nameOf = (id: string | null | undefined) =>
  (id && names[id]) || 'a removed territory'

describe('describeActivity', () => {
  it('says who moved how many units between which territories', () => {
    const e = describeActivity(
      {
        actorName: 'Ana',
        action: 'plan.edit',
        subjectId: 'scn_1',
        details: {
          moves: [
            { from: 'w3', to: 'w4', count: 12 },
            { from: 'w4', to: null, count: 1 },
            { from: null, to: 'gone', count: 2 },
          ],
        },
      },
      nameOf,
    )
    expect(e.lines).toEqual([
      'Ana moved 12 units from West 3 to West 4',
      'Ana unassigned 1 unit from West 4',
      'Ana assigned 2 units to a removed territory',
    ])
    expect(e.territoryId).toBe('w4')
  })

  it('leads a comment to its thread and a task to its territory', () => {
    expect(
      describeActivity(
        {
          actorName: 'Bo',
          action: 'comment.reply',
          subjectId: 'cmt_2',
          details: { threadId: 'cmt_1', territoryId: 'w3' },
        },
        nameOf,
      ),
    ).toEqual({
      lines: ['Bo replied on West 3'],
      threadId: 'cmt_1',
      territoryId: 'w3',
    })
    expect(
      describeActivity(
        {
          actorName: null,
          action: 'task.complete',
          subjectId: 't',
          details: { title: 'Rebalance', territoryId: 'w4' },
        },
        nameOf,
      ),
    ).toEqual({
      lines: ['Someone completed “Rebalance”'],
      threadId: null,
      territoryId: 'w4',
    })
  })
})

describe('describeActivity for reviews', () => {
  const nameOf = () => 'T'
  const say = (action: string, details: Record<string, unknown>) =>
    describeActivity(
      { actorName: 'Morgan', action, subjectId: 'scn_1', details },
      nameOf,
    ).lines[0]
  it('puts each step of a review and publication in words', () => {
    expect(
      say('review.submit', {
        name: 'Q3',
        revision: 2,
        reps: ['a', 'b'],
        dueDate: '2026-12-11',
      }),
    ).toBe(
      'Morgan submitted “Q3” for review (revision 2), 2 reps to review by 2026-12-11',
    )
    expect(
      say('review.object', { name: 'Q3', revision: 1, comment: 'No' }),
    ).toBe('Morgan objected to their change in “Q3” (revision 1): “No”')
    expect(
      say('review.reject', { name: 'Q3', revision: 1, reason: 'Too big' }),
    ).toBe('Morgan rejected “Q3” (revision 1): Too big')
    expect(
      say('scenario.publish', { name: 'Q3', effectiveDate: '2026-12-04' }),
    ).toBe('Morgan published “Q3”, in force from 2026-12-04')
    expect(say('something.else', {})).toBe('Morgan: something.else')
  })
})
