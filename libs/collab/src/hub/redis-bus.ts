import { randomUUID } from 'node:crypto'
import { createClient } from 'redis'
import {
  type BusMessage,
  type DocBus,
  decodeBusMessage,
  encodeBusMessage,
} from './bus.js'

type Client = ReturnType<typeof createClient>

/**
 * The hub's bus over Redis pub/sub: one channel per document, binary frames. Two
 * connections, as Redis requires: one subscribed, one to publish. A frame that does not
 * decode (another program on the channel) is dropped and reported.
 */
export class RedisDocBus implements DocBus {
  readonly nodeId = randomUUID()
  private constructor(
    private readonly pub: Client,
    private readonly sub: Client,
    private readonly prefix: string,
    private readonly onError: (error: Error) => void,
  ) {}

  static async connect(
    url: string,
    options: { prefix?: string; onError?: (error: Error) => void } = {},
  ): Promise<RedisDocBus> {
    const onError = options.onError ?? (() => undefined)
    let connected = false
    const pub = createClient({
      url,
      socket: {
        connectTimeout: 5_000,
        // Give up at start (a wrong REDIS_URL must fail the start-up, not hang it); once
        // connected, keep reconnecting with backoff.
        reconnectStrategy: (retries: number, cause: Error) =>
          !connected && retries >= 2
            ? cause
            : Math.min(100 * 2 ** retries, 3_000),
      },
    })
    pub.on('error', onError)
    const sub = pub.duplicate()
    sub.on('error', onError)
    try {
      await Promise.all([pub.connect(), sub.connect()])
    } catch (error) {
      pub.destroy()
      sub.destroy()
      throw error
    }
    connected = true
    return new RedisDocBus(pub, sub, options.prefix ?? 'tessera:yjs:', onError)
  }

  async subscribe(
    docName: string,
    listener: (message: BusMessage) => void,
  ): Promise<() => Promise<void>> {
    const channel = this.prefix + docName
    const onFrame = (frame: Buffer) => {
      let decoded: ReturnType<typeof decodeBusMessage>
      try {
        decoded = decodeBusMessage(new Uint8Array(frame))
      } catch (error) {
        this.onError(error as Error)
        return
      }
      if (decoded.sender !== this.nodeId) listener(decoded.message)
    }
    await this.sub.subscribe(channel, onFrame, true)
    return () => this.sub.unsubscribe(channel, onFrame, true)
  }

  async publish(docName: string, message: BusMessage): Promise<void> {
    await this.pub.publish(
      this.prefix + docName,
      Buffer.from(encodeBusMessage(this.nodeId, message)),
    )
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.sub.quit(), this.pub.quit()])
  }
}
