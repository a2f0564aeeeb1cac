import type { PlanDoc, PlanState, TerritoryRecord } from '@tessera/domain'
import { useCallback, useEffect, useRef } from 'react'
import { byName } from '../../../lib/by-name'
import { i18n } from '../../../i18n'

/** An edit's outcome: `ok` with what it did, or refused with what to tell the user. */
export type Outcome<T extends object = object> =
  ({ ok: true } & T) | { ok: false; message: string }

/**
 * The plan edits the territory editor needs. Features never import each other, so the page
 * passes the editor feature's `territoryOps`, which has exactly this shape; each edit is one
 * transaction on the plan document, undoable by this user only.
 */
export interface TerritoryOps {
  checkName(
    records: Iterable<TerritoryRecord>,
    typed: string,
    place: {
      kind: TerritoryRecord['kind']
      parentId: string | null
      exceptId?: string
    },
  ): Outcome<{ name: string }>
  createTerritory(
    plan: PlanDoc,
    input: { name: string; parentId?: string | null; repId?: string | null },
  ): Outcome<{ id: string }>
  renameTerritory(plan: PlanDoc, id: string, name: string): Outcome
  recolourTerritory(plan: PlanDoc, id: string, color: string): Outcome
  setTerritoryRep(plan: PlanDoc, id: string, repId: string | null): Outcome
  setTerritoryRegion(
    plan: PlanDoc,
    id: string,
    parentId: string | null,
  ): Outcome
  setTerritoryLocked(plan: PlanDoc, id: string, locked: boolean): Outcome
  mergeTerritories(
    plan: PlanDoc,
    fromId: string,
    intoId: string,
  ): Outcome<{ units: number; accounts: number }>
  splitTerritory(
    plan: PlanDoc,
    id: string,
    unitIds: Iterable<string>,
    newName: string,
  ): Outcome<{ id: string; units: number; skippedLockedUnits: number }>
  deleteTerritory(
    plan: PlanDoc,
    id: string,
  ): Outcome<{ units: number; accounts: number }>
  proposeSplit(
    unitIds: Iterable<string>,
    centroids: ReadonlyMap<string, readonly [number, number]>,
    weights: ReadonlyMap<string, number>,
  ): string[]
  createRegion(plan: PlanDoc, name: string): Outcome<{ id: string }>
  renameRegion(plan: PlanDoc, id: string, name: string): Outcome
  deleteRegion(plan: PlanDoc, id: string): Outcome<{ territories: number }>
  setRegionUnits(
    plan: PlanDoc,
    id: string,
    choice: {
      currency?: string | null
      distanceUnit?: 'km' | 'mi' | null
    },
  ): Outcome
  assignUnits(
    plan: PlanDoc,
    unitIds: Iterable<string>,
    territoryId: string,
  ): Outcome<{
    moved: number
    skippedLocked: number
    skippedLockedUnits: number
  }>
  setUnitsLocked(
    plan: PlanDoc,
    unitIds: Iterable<string>,
    locked: boolean,
  ): Outcome<{ changed: number }>
  setAccountOverride(
    plan: PlanDoc,
    accountId: string,
    territoryId: string | null,
  ): Outcome
}

/** What the editor components read: the live plan as plain JSON. */
export type PlanView = Pick<
  PlanState,
  'territories' | 'assignments' | 'accountOverrides' | 'lockedUnits'
>

/** What every editing component is given to write with. */
export interface EditAccess {
  /** The live document; null until it is open (then nothing can be edited). */
  planDoc: PlanDoc | null
  ops: TerritoryOps
  /** Why this user may not edit here (shown, and every control disabled), or null. */
  readOnlyReason: string | null
  /** Shows a short message to the user (the page's toast). */
  onMessage: (text: string) => void
  /**
   * Closes the current undo step, so the next edit is a step of its own (the undo manager
   * groups edits until told otherwise; see use-plan-editor).
   */
  endUndoStep?: () => void
}

/** Why nothing can be edited right now, or null when editing is possible. */
export function blockedReason(
  access: Pick<EditAccess, 'planDoc' | 'readOnlyReason'>,
): string | null {
  return (
    access.readOnlyReason ??
    (access.planDoc ? null : i18n.t('territories.editor.connecting'))
  )
}

/**
 * Runs an edit as its own undo step and reports a refusal through `onMessage` (unless the
 * caller shows it itself). Returns the outcome, or null when nothing could be edited.
 */
export function useEdit(access: EditAccess) {
  const { planDoc, readOnlyReason, onMessage, endUndoStep } = access
  return useCallback(
    <T extends object>(
      edit: (plan: PlanDoc) => Outcome<T>,
      options: { quiet?: boolean } = {},
    ): Outcome<T> | null => {
      const blocked = blockedReason({ planDoc, readOnlyReason })
      if (blocked || !planDoc) {
        if (blocked) onMessage(blocked)
        return null
      }
      endUndoStep?.()
      const outcome = edit(planDoc)
      endUndoStep?.()
      if (!outcome.ok && !options.quiet) onMessage(outcome.message)
      return outcome
    },
    [planDoc, readOnlyReason, onMessage, endUndoStep],
  )
}

/** Territories (not regions) sorted by name, for pickers. */
export function territoriesByName(
  records: readonly TerritoryRecord[],
): TerritoryRecord[] {
  return records.filter((r) => r.kind === 'territory').sort(byName)
}

/** Regions sorted by name. */
export function regionsByName(
  records: readonly TerritoryRecord[],
): TerritoryRecord[] {
  return records.filter((r) => r.kind === 'region').sort(byName)
}

/**
 * The latest `value`, for an effect that calls a callback prop without re-running each
 * time the page passes a new function object (which would repeat searches or previews).
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  useEffect(() => {
    ref.current = value
  })
  return ref
}
