/// <reference lib="webworker" />
import { unpackModel } from '@tessera/engine'
import { LiveEngine } from '../lib/live-engine'
import type { FromEngine, ToEngine } from '../lib/protocol'

/**
 * The engine beside the editor, off the main thread: scores follow every edit without
 * holding up the map. Scores go back at once; suggestions (a search over border moves)
 * wait for a pause in the edits, so a brush stroke does not queue a search per frame.
 */
const SUGGEST_AFTER_MS = 250

let engine: LiveEngine | null = null
let suggestionLimit = 6
let suggestTimer: ReturnType<typeof setTimeout> | null = null
let lastSeq = 0

const post = (message: FromEngine) => self.postMessage(message)

/** Sends the scores after an update that started at `t0` (the time reported covers both). */
function sendScores(seq: number, t0: number) {
  if (!engine) return
  const update = engine.scores()
  post({ type: 'scores', seq, update, ms: performance.now() - t0 })
  if (suggestTimer) clearTimeout(suggestTimer)
  suggestTimer = setTimeout(sendSuggestions, SUGGEST_AFTER_MS)
}

function sendSuggestions() {
  suggestTimer = null
  if (!engine) return
  const t0 = performance.now()
  const { balanceScore, suggestions } = engine.suggestions(suggestionLimit)
  post({
    type: 'suggestions',
    seq: lastSeq,
    balanceScore,
    suggestions,
    ms: performance.now() - t0,
  })
}

self.onmessage = (event: MessageEvent<ToEngine>) => {
  const message = event.data
  try {
    if (message.type === 'init') {
      const model = unpackModel(message.model)
      if (!model.ok) throw new Error(model.error.message)
      suggestionLimit = message.suggestions
      engine = new LiveEngine(
        model.value,
        message.reps,
        message.published,
        message.plan,
      )
      sendScores(lastSeq, performance.now())
    } else if (message.type === 'update' && engine) {
      const t0 = performance.now()
      engine.update(message.changes)
      lastSeq = message.seq
      sendScores(message.seq, t0)
    }
  } catch (error) {
    post({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    })
  }
}
