import type { TerritoryRecord } from '@tessera/domain'
import { useMemo, useState } from 'react'
import { plural } from '../../../lib/format'
import { InlineRename, NameField } from './territory-editor-name'
import {
  type EditAccess,
  blockedReason,
  regionsByName,
  useEdit,
} from './territory-editor-ops'
import '../territory-editor.css'

interface RegionManagerProps extends EditAccess {
  territories: readonly TerritoryRecord[]
}

/** The plan's regions: add one, rename one in place, delete one (its territories stay). */
export function RegionManager(props: RegionManagerProps) {
  const { territories, ops } = props
  const edit = useEdit(props)
  const reason = blockedReason(props)
  const disabled = reason !== null
  const regions = useMemo(() => regionsByName(territories), [territories])
  const counts = useMemo(() => {
    const n = new Map<string, number>()
    for (const t of territories)
      if (t.kind === 'territory' && t.parentId)
        n.set(t.parentId, (n.get(t.parentId) ?? 0) + 1)
    return n
  }, [territories])
  const [confirming, setConfirming] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const check = ops.checkName(territories, name, {
    kind: 'region',
    parentId: null,
  })
  const error = refusal ?? (touched && !check.ok ? check.message : null)

  const create = (e: React.FormEvent) => {
    e.preventDefault()
    setTouched(true)
    if (!check.ok) return
    const outcome = edit((plan) => ops.createRegion(plan, check.name), {
      quiet: true,
    })
    if (!outcome) return
    if (!outcome.ok) {
      setRefusal(outcome.message)
      return
    }
    props.onMessage(`Added the region ${check.name}.`)
    setName('')
    setTouched(false)
  }
  const remove = (region: TerritoryRecord) => {
    const outcome = edit((plan) => ops.deleteRegion(plan, region.id))
    setConfirming(null)
    if (outcome?.ok)
      props.onMessage(
        `Deleted the region ${region.name}; ${plural(outcome.territories, 'territory', 'territories')} now in no region.`,
      )
  }

  return (
    <section
      className="region-manager"
      aria-labelledby="region-manager-title"
      data-testid="region-manager"
    >
      <h3 id="region-manager-title" className="te-section__title">
        Regions
      </h3>
      {reason ? <p className="te-readonly">{reason}</p> : null}
      {regions.length === 0 ? (
        <p className="te-hint">No regions yet.</p>
      ) : (
        <ul className="region-manager__list">
          {regions.map((r) => (
            <li
              key={r.id}
              className="region-manager__row"
              data-testid="region-row"
              data-region-id={r.id}
            >
              <span
                className="swatch"
                style={{ background: r.color }}
                aria-hidden
              />
              <div className="region-manager__name">
                <InlineRename
                  label={`Name of ${r.name}`}
                  value={r.name}
                  validate={(typed) =>
                    ops.checkName(territories, typed, {
                      kind: 'region',
                      parentId: null,
                      exceptId: r.id,
                    })
                  }
                  onCommit={(next) =>
                    edit((plan) => ops.renameRegion(plan, r.id, next), {
                      quiet: true,
                    })
                  }
                  disabled={disabled}
                  testId="region-name"
                />
              </div>
              <span className="te-hint region-manager__count">
                {plural(counts.get(r.id) ?? 0, 'territory', 'territories')}
              </span>
              {confirming === r.id ? (
                <span className="te-actions">
                  <button
                    type="button"
                    className="button button--primary te-button te-button--danger-solid"
                    onClick={() => remove(r)}
                    data-testid="region-delete-confirm"
                  >
                    Delete
                  </button>
                  <button
                    type="button"
                    className="button button--ghost te-button"
                    onClick={() => setConfirming(null)}
                  >
                    Keep
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--ghost te-button"
                  disabled={disabled}
                  aria-label={`Delete the region ${r.name}`}
                  onClick={() => setConfirming(r.id)}
                  data-testid="region-delete"
                >
                  Delete…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="region-manager__new" onSubmit={create}>
        <NameField
          label="New region"
          value={name}
          onChange={(v) => {
            setName(v)
            setTouched(true)
            setRefusal(null)
          }}
          error={error}
          disabled={disabled}
          placeholder="e.g. Mountain"
          testId="region-new-name"
        />
        <button
          type="submit"
          className="button button--secondary te-button"
          disabled={disabled}
          data-testid="region-create"
        >
          Add region
        </button>
      </form>
    </section>
  )
}
