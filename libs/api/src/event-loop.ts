/**
 * Lets the event loop in before going on. The embedded database (PGlite) runs each query on
 * this thread and settles it without a turn of the event loop, so a chain of awaited queries
 * holds the whole server — every other request, the hub, socket.io — until the chain ends
 * (a forecast refresh after an import: seconds). Long background work calls this between
 * its steps, so requests are answered in between.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
