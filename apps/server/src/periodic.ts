/**
 * Runs `run` once after `firstMs` and then every `everyMs`, without keeping the process
 * alive for it; returns what stops it. For the server's background sweeps.
 */
export function every(
  run: () => void,
  firstMs: number,
  everyMs: number,
): () => void {
  const first = setTimeout(run, firstMs)
  const timer = setInterval(run, everyMs)
  first.unref()
  timer.unref()
  return () => {
    clearTimeout(first)
    clearInterval(timer)
  }
}
