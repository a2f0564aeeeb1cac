import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** The y-websocket message types (the first varUint of every frame). */
export const Message = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const

/** The sync sub-types of y-protocols/sync. */
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const

export function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

/** A sync "update" frame carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, Message.Sync)
    encoding.writeVarUint(e, SyncStep.Update)
    encoding.writeVarUint8Array(e, update)
  })
}

/** Reads a frame's header; throws on a truncated frame (the caller closes the connection). */
export function readHeader(data: Uint8Array): {
  type: number
  decoder: decoding.Decoder
} {
  const decoder = decoding.createDecoder(data)
  return { type: decoding.readVarUint(decoder), decoder }
}
