import type { Presence, TerritoryRecord } from '@tessera/domain'
import { initials } from '../../../lib/format'
import { useTranslation } from '../../../i18n'
import '../presence.css'

export interface PresencePeer extends Presence {
  clientId: number
}

/**
 * Who else has this scenario open: one avatar per person (in their presence colour, the
 * same colour as their cursor on the map), with what they are working on. The same person
 * in two tabs shows once.
 */
export function PresenceBar({
  peers,
  territories,
}: {
  peers: readonly PresencePeer[]
  territories: readonly TerritoryRecord[]
}) {
  const { t } = useTranslation()
  if (peers.length === 0) return null
  const byUser = new Map<string, PresencePeer>()
  for (const p of peers) if (!byUser.has(p.user.id)) byUser.set(p.user.id, p)
  const names = new Map(territories.map((t) => [t.id, t.name]))
  const people = [...byUser.values()]
  const shown = people.slice(0, 5)
  return (
    <div
      className="presence-bar"
      data-testid="presence-bar"
      aria-label={t('workspace.presence.alsoHere', {
        names: people.map((p) => p.user.name).join(', '),
      })}
      role="group"
    >
      {shown.map((p) => {
        const working = p.selection.territoryId
          ? names.get(p.selection.territoryId)
          : undefined
        const tool = t(`workspace.presence.tool.${p.tool}`)
        const doing = working
          ? t('workspace.presence.doingIn', { doing: tool, territory: working })
          : tool
        return (
          <span
            key={p.user.id}
            className="presence-bar__avatar"
            style={{ background: p.user.color }}
            title={t('workspace.presence.title', { name: p.user.name, doing })}
            data-testid="presence-avatar"
          >
            {initials(p.user.name)}
          </span>
        )
      })}
      {people.length > shown.length ? (
        <span className="presence-bar__more">
          +{people.length - shown.length}
        </span>
      ) : null}
    </div>
  )
}
