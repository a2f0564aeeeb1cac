import { z } from 'zod'
import { territoryColor } from './palette.js'

/**
 * Presence: what each collaborator's awareness state (y-protocols) carries in a plan
 * document — who they are, where their pointer is on the map, what they have selected and
 * which tool they hold. Any y-websocket client can put anything in its awareness state, so
 * a remote state is parsed, never trusted: a state that does not fit is ignored.
 */
export const tools = ['select', 'paint', 'lasso', 'rectangle', 'pan'] as const
export type Tool = (typeof tools)[number]

const LonLat = z.tuple([
  z.number().min(-180).max(180),
  z.number().min(-90).max(90),
])

export const Presence = z.object({
  user: z.object({
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(200),
    color: z.string().regex(/^#[0-9a-f]{6}$/i),
  }),
  /** The map pointer (lon, lat); null when it is off the map. */
  cursor: LonLat.nullable().default(null),
  selection: z
    .object({
      territoryId: z.string().max(100).nullable().default(null),
      unitIds: z.array(z.string().max(100)).max(100_000).default([]),
    })
    .default({ territoryId: null, unitIds: [] }),
  tool: z.enum(tools).default('select'),
})
export type Presence = z.infer<typeof Presence>

/** A remote awareness state as presence, or null when it is not one. */
export function parsePresence(state: unknown): Presence | null {
  const parsed = Presence.safeParse(state)
  return parsed.success ? parsed.data : null
}

/** A collaborator's colour: stable per user (the same in every browser), from the palette. */
export function presenceColor(userId: string): string {
  let h = 2166136261
  for (let i = 0; i < userId.length; i++) {
    h ^= userId.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return territoryColor((h >>> 0) % 64)
}
