import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode } from '../close-codes.js'
import { MemoryDocStore } from './doc-store.js'
import {
  client,
  destroyClients,
  encodeVarUint,
  startHub,
  storedDoc,
  until,
} from './test-helpers.js'

afterEach(destroyClients)

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc()
    await new Promise((r) => setTimeout(r, 20))
  }
  return process.memoryUsage().heapUsed
}

/** A deterministic stream of junk (xorshift32). */
function junkSource(seed: number) {
  let x = seed
  const rand = () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 2 ** 32
  }
  return {
    rand,
    bytes: (n: number) =>
      Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256))),
  }
}

function frameOf(type: number, ...parts: number[][]): Buffer {
  return Buffer.from([...encodeVarUint(type), ...parts.flat()])
}

/** Opens a raw socket, sends `data`, resolves with the close code (or 0 if it stayed open). */
async function sendRaw(url: string, data: Buffer | string, waitMs = 300) {
  const ws = new WebSocket(url)
  await new Promise((r, j) => {
    ws.once('open', r)
    ws.once('error', j)
  })
  const closed = new Promise<number>((r) => ws.once('close', (c) => r(c)))
  ws.send(data)
  const code = await Promise.race([
    closed,
    new Promise<number>((r) => setTimeout(() => r(0), waitMs)),
  ])
  ws.terminate()
  return code
}

describe('Hub under bad input', () => {
  it('closes each bad connection with a named code, keeps serving everyone else, and gives the memory back', async () => {
    const h = await startHub(new MemoryDocStore(), {
      maxFrameBytes: 8 * 1024 * 1024,
    })
    // Two documents in use by good clients throughout.
    const good = client(h.url, 'scenario:bad')
    const other = client(h.url, 'scenario:elsewhere')
    const watcher = client(h.url, 'scenario:elsewhere')
    await until(
      () =>
        good.provider.synced &&
        other.provider.synced &&
        watcher.provider.synced,
    )
    good.doc.getMap('m').set('before', 1)
    await h.hub.settled()
    const baseline = await heapAfterGc()
    const junk = junkSource(2463534242)
    const url = `${h.url}/scenario:bad`

    // Named refusals for each kind of bad frame.
    const valid = Y.encodeStateAsUpdate(good.doc)
    expect(await sendRaw(url, 'text frames are not the protocol')).toBe(
      CloseCode.MalformedMessage,
    )
    expect(await sendRaw(url, frameOf(9, [1, 2, 3]))).toBe(
      CloseCode.MalformedMessage,
    ) // unknown type
    expect(await sendRaw(url, frameOf(0, [7, 1]))).toBe(
      CloseCode.MalformedMessage,
    ) // unknown sync step
    expect(
      await sendRaw(
        url,
        frameOf(
          0,
          [2, ...encodeVarUint(valid.length)],
          [...valid.subarray(0, 5)],
        ),
      ),
    ).toBe(CloseCode.MalformedMessage) // truncated update
    expect(await sendRaw(url, frameOf(0, [2, 3, 9, 9, 9]))).toBe(
      CloseCode.MalformedMessage,
    ) // not a Yjs update
    expect(await sendRaw(url, frameOf(1, [4, 1, 200, 1, 1]))).toBe(
      CloseCode.MalformedMessage,
    ) // bad presence
    expect(await sendRaw(url, frameOf(0, [0, 5, 1]))).toBe(
      CloseCode.MalformedMessage,
    ) // bad state vector

    // An update of 50 MB: refused as too large, never decoded or stored. (In a function so
    // the test's own copy is garbage before memory is measured.)
    const sendHuge = async () => {
      const huge = new Y.Doc()
      huge.getText('t').insert(0, 'x'.repeat(50 * 1024 * 1024))
      const update = Y.encodeStateAsUpdate(huge)
      huge.destroy()
      expect(update.byteLength).toBeGreaterThan(50 * 1024 * 1024)
      return sendRaw(
        url,
        Buffer.concat([
          Buffer.from([0, 2, ...encodeVarUint(update.length)]),
          update,
        ]),
        5_000,
      )
    }
    expect(await sendHuge()).toBe(CloseCode.TooLarge)

    // Random frames from hundreds of connections at once.
    const codes = await Promise.all(
      Array.from({ length: 300 }, () =>
        sendRaw(url, junk.bytes(1 + Math.floor(junk.rand() * 64))),
      ),
    )
    expect(
      codes.filter((c) => c === CloseCode.MalformedMessage).length,
    ).toBeGreaterThan(200)

    // Thousands of connections opened and dropped, some before they say anything.
    for (let wave = 0; wave < 4; wave++) {
      await Promise.all(
        Array.from({ length: 500 }, async (_, i) => {
          const ws = new WebSocket(`${h.url}/scenario:churn-${i % 20}`)
          await new Promise((r) => {
            ws.once('open', r)
            ws.once('error', r)
          })
          if (i % 2) ws.send(frameOf(0, [0, 1, 0])) // sync step 1 with an empty state vector
          ws.terminate()
        }),
      )
    }

    // Everyone else kept working: the good clients still edit and see each other.
    other.doc.getMap('m').set('during', 2)
    await until(() => watcher.doc.getMap('m').get('during') === 2)
    good.doc.getMap('m').set('after', 3)
    const late = client(h.url, 'scenario:bad')
    await until(() => late.doc.getMap('m').get('after') === 3)
    await h.hub.settled()
    const stored = await storedDoc(h.store, 'scenario:bad')
    expect(stored.getMap('m').toJSON()).toEqual({ before: 1, after: 3 })

    // The churned rooms are evicted and the memory comes back.
    await until(() => h.hub.roomCount <= 2, 10_000)
    const after = await heapAfterGc()
    const grownMB = (after - baseline) / 1024 / 1024
    console.log(
      `hub heap after the storm: ${grownMB.toFixed(1)} MB over baseline`,
    )
    expect(grownMB).toBeLessThan(8)
    await h.close()
  }, 120_000)
})
