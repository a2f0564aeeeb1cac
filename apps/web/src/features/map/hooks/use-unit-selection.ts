import { useCallback, useState } from 'react'
import { applyUnitSelection } from '../lib/unit-selection'
import type { SelectMode } from './use-pointer-tools'

/**
 * The unit selection: the page's when it passes one (controlled), otherwise kept here so the
 * tools work before a page wires them. Every pick is reported to `onSelectUnits` either way.
 */
export function useUnitSelection(
  controlled: ReadonlySet<string> | undefined,
  onSelectUnits: ((unitIds: string[], mode: SelectMode) => void) | undefined,
) {
  const [own, setOwn] = useState<ReadonlySet<string>>(() => new Set())
  const isControlled = controlled !== undefined
  const selectUnits = useCallback(
    (unitIds: string[], mode: SelectMode) => {
      if (!isControlled)
        setOwn((current) => applyUnitSelection(current, unitIds, mode))
      onSelectUnits?.(unitIds, mode)
    },
    [isControlled, onSelectUnits],
  )
  return { selectedUnitIds: controlled ?? own, selectUnits }
}
