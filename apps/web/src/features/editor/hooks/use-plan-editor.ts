import type { PlanDoc } from '@tessera/domain'
import { useCallback, useEffect, useState } from 'react'
import * as Y from 'yjs'
import { type EditResult, LOCAL_EDIT, assignUnits } from '../lib/edits'
import { i18n } from '../../../i18n'

export interface PlanEditor {
  canUndo: boolean
  canRedo: boolean
  /**
   * Moves units into a territory. Each call is its own undo step, unless `inStroke`: then it
   * joins the running step (a brush stroke's batches) until `endStep`.
   */
  assign: (
    unitIds: Iterable<string>,
    territoryId: string,
    options?: { inStroke?: boolean },
  ) => EditResult
  /**
   * Runs any edit of the plan (made with origin LOCAL_EDIT) as one undo step of its own;
   * refused with a message when this user cannot write here.
   */
  step: <T>(edit: (plan: PlanDoc) => T) => T | EditResult
  undo: () => void
  redo: () => void
  /** Ends the current undo step (a brush stroke is one step however long it lasts). */
  endStep: () => void
}

/** The refusal when this user cannot write here (words in the active language). */
const readOnly = (): EditResult => ({
  ok: false,
  message: i18n.t('editor.refusal.readOnly'),
})

/**
 * Edits of the live plan document with per-user undo: a `Y.UndoManager` that tracks only
 * this tab's own edits (origin LOCAL_EDIT), so undo never reverts a collaborator's work —
 * and, the assignments being a keyed log, an undo does not bring back an old value over a
 * newer one someone else wrote.
 */
export function usePlanEditor(
  planDoc: PlanDoc | null,
  canWrite: boolean,
): PlanEditor {
  const [undoManager, setUndoManager] = useState<Y.UndoManager | null>(null)
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false })

  useEffect(() => {
    if (!planDoc || !canWrite) {
      setUndoManager(null)
      setStacks({ canUndo: false, canRedo: false })
      return
    }
    const um = new Y.UndoManager(
      [
        planDoc.assignments.array,
        planDoc.accountOverrides.array,
        planDoc.lockedUnits.array,
        planDoc.territories,
        // Balance settings (an optimizer's result applied here brings its own).
        planDoc.meta,
      ],
      // Steps are closed explicitly (`endStep`), not by time: on a slow machine a stroke's
      // batches can be further apart than any timeout, and one stroke must be one undo.
      { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 24 * 3_600_000 },
    )
    const update = () =>
      setStacks({ canUndo: um.canUndo(), canRedo: um.canRedo() })
    um.on('stack-item-added', update)
    um.on('stack-item-popped', update)
    um.on('stack-cleared', update)
    setUndoManager(um)
    update()
    return () => {
      um.destroy()
    }
  }, [planDoc, canWrite])

  const assign = useCallback(
    (
      unitIds: Iterable<string>,
      territoryId: string,
      options?: { inStroke?: boolean },
    ) => {
      if (!planDoc || !canWrite) return readOnly()
      // Outside a stroke an edit is a step of its own: close whatever came before it and
      // close it after, so the next edit does not join it.
      if (!options?.inStroke) undoManager?.stopCapturing()
      const result = assignUnits(planDoc, unitIds, territoryId)
      if (!options?.inStroke) undoManager?.stopCapturing()
      return result
    },
    [planDoc, canWrite, undoManager],
  )
  const step = useCallback(
    <T>(edit: (plan: PlanDoc) => T): T | EditResult => {
      if (!planDoc || !canWrite) return readOnly()
      undoManager?.stopCapturing()
      const result = edit(planDoc)
      undoManager?.stopCapturing()
      return result
    },
    [planDoc, canWrite, undoManager],
  )
  const undo = useCallback(() => void undoManager?.undo(), [undoManager])
  const redo = useCallback(() => void undoManager?.redo(), [undoManager])
  const endStep = useCallback(() => undoManager?.stopCapturing(), [undoManager])
  return { ...stacks, assign, step, undo, redo, endStep }
}
