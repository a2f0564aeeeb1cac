import { type PlanDoc, type OrphanRepair, repairOrphans } from '@tessera/domain'
import { useEffect } from 'react'
import { i18n } from '../../../i18n'

/**
 * Keeps the plan free of units that point at a removed territory (a collaborator merged or
 * deleted it while someone else, not yet aware, painted into it; libs/domain `orphans.ts`).
 * A writer repairs once synced and after every change that came from elsewhere, and says
 * what it did.
 */
export function useOrphanRepair(
  planDoc: PlanDoc | null,
  enabled: boolean,
  onRepaired: (message: string) => void,
): void {
  useEffect(() => {
    if (!planDoc || !enabled) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const run = () => {
      timer = null
      const done = repairOrphans(planDoc)
      if (done) onRepaired(describeRepair(planDoc, done))
    }
    // Not inside another transaction's observers: on the next tick.
    const schedule = () => {
      timer ??= setTimeout(run, 0)
    }
    const onTransaction = (tr: { local: boolean }) => {
      if (!tr.local) schedule()
    }
    planDoc.doc.on('afterTransaction', onTransaction)
    schedule()
    return () => {
      if (timer) clearTimeout(timer)
      planDoc.doc.off('afterTransaction', onTransaction)
    }
  }, [planDoc, enabled, onRepaired])
}

export function describeRepair(plan: PlanDoc, repair: OrphanRepair): string {
  return repair.moves
    .map(({ into, units, accounts }) => {
      const unitText = units
        ? i18n.t('common.count.unit', { count: units })
        : ''
      const accountText = accounts
        ? i18n.t('common.count.account', { count: accounts })
        : ''
      const what =
        unitText && accountText
          ? i18n.t('editor.repair.and', {
              first: unitText,
              second: accountText,
            })
          : unitText || accountText
      const name = into ? plan.territories.get(into)?.name : undefined
      return into
        ? i18n.t('editor.repair.merged', { what, name: name ?? into })
        : i18n.t('editor.repair.removed', { what, count: units + accounts })
    })
    .join(' ')
}
