import {
  keepPreviousData,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { KM_PER_MILE } from '@tessera/domain'
import { RFM_SEGMENTS } from '@tessera/engine'
import { useEffect, useMemo, useState } from 'react'
import { errorMessage } from '../../../lib/errors'
import { downloadText } from '../../../lib/download'
import { formatCount, formatMoney } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'
import { formatCentre, parseCentre } from '../lib/centre'
import { useTranslation } from '../../../i18n'
import { useMoneyUnits } from '../../../lib/region-units'
import { WhiteSpaceList } from './white-space-list'
import '../targeting.css'

type SizeBand = 'small' | 'mid' | 'large' | 'enterprise'
type Segment = (typeof RFM_SEGMENTS)[number]['id']
const SIZE_BANDS: SizeBand[] = ['small', 'mid', 'large', 'enterprise']

export interface TargetingPanelProps {
  planId: string
  scenarioId: string
  territories: readonly { id: string; name: string }[]
  /** The centre picked on the map (set by the page after `onPickCentre`). */
  pickedCentre: [number, number] | null
  picking: boolean
  onPickCentre: () => void
  /** The last rectangle or lasso drawn on the map, as a [lon, lat] ring. */
  drawnArea: [number, number][] | null
  onClearDrawn: () => void
  /** The matches to mark on the map (null: none), and where to fly. */
  onShow: (points: [number, number][] | null) => void
  onFocus: (box: [number, number, number, number]) => void
  /** Select (and fly to) a territory, from the growth opportunities. */
  onSelectTerritory: (territoryId: string) => void
}

/**
 * Campaign targeting: accounts by a radius around a point (typed, or picked on the map), by
 * the area last drawn with the rectangle or lasso, by territory, behavioural segment and
 * size band, all combined. The matches are marked on the map; the list downloads as the
 * CSV a marketing tool imports (per territory or per segment: filter, then download).
 */
export function TargetingPanel(props: TargetingPanelProps) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [territoryId, setTerritoryId] = useState('')
  const [segments, setSegments] = useState<Segment[]>([])
  const [sizeBands, setSizeBands] = useState<SizeBand[]>([])
  const [centreText, setCentreText] = useState('')
  // The radius is typed in the organization's distance unit; the query takes kilometres.
  const units = useMoneyUnits()
  const [radius, setRadius] = useState(25)
  const radiusKm = units.distanceUnit === 'mi' ? radius * KM_PER_MILE : radius
  const [useDrawn, setUseDrawn] = useState(false)
  const [downloading, setDownloading] = useState<string | null>(null)

  const { pickedCentre, drawnArea } = props
  useEffect(() => {
    if (pickedCentre) setCentreText(formatCentre(pickedCentre))
  }, [pickedCentre])
  useEffect(() => {
    if (drawnArea) setUseDrawn(true)
  }, [drawnArea])

  const centre = centreText.trim() === '' ? null : parseCentre(centreText)
  const input = useMemo(
    () => ({
      planId: props.planId,
      scenarioId: props.scenarioId,
      limit: 2000,
      ...(territoryId ? { territoryIds: [territoryId] } : {}),
      ...(segments.length ? { segments } : {}),
      ...(sizeBands.length ? { sizeBands } : {}),
      ...(centre?.ok
        ? {
            circle: {
              lon: centre.lonLat[0],
              lat: centre.lonLat[1],
              radiusKm,
            },
          }
        : {}),
      ...(useDrawn && drawnArea ? { polygon: drawnArea } : {}),
    }),
    [
      props.planId,
      props.scenarioId,
      territoryId,
      segments,
      sizeBands,
      centre?.ok,
      centre?.ok ? centre.lonLat.join() : '',
      radiusKm,
      useDrawn,
      drawnArea,
    ],
  )
  const narrowed =
    !!territoryId ||
    segments.length > 0 ||
    sizeBands.length > 0 ||
    !!centre?.ok ||
    (useDrawn && !!drawnArea)
  const result = useQuery(
    trpc.targeting.select.queryOptions(input, {
      enabled: narrowed && !(centre && !centre.ok) && radiusKm > 0,
      placeholderData: keepPreviousData,
    }),
  )
  const { onShow } = props
  useEffect(() => {
    onShow(
      narrowed && result.data
        ? result.data.accounts.map((a) => a.location)
        : null,
    )
  }, [result.data, narrowed, onShow])
  useEffect(() => () => onShow(null), [onShow])

  const download = async () => {
    setDownloading(t('targeting.preparing'))
    try {
      const { csv } = await queryClient.fetchQuery(
        trpc.targeting.csv.queryOptions(input),
      )
      downloadText('campaign-targets.csv', csv)
      setDownloading(null)
    } catch (e) {
      setDownloading(errorMessage(e))
    }
  }

  const toggle = <T,>(list: T[], v: T) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v]
  const data = narrowed ? result.data : undefined

  return (
    <div className="workspace__scroll targeting" data-testid="targeting-panel">
      <WhiteSpaceList
        planId={props.planId}
        scenarioId={props.scenarioId}
        onSelectTerritory={props.onSelectTerritory}
      />
      <h2 className="targeting__title">{t('targeting.title')}</h2>
      <label className="targeting__field">
        <span>{t('targeting.territory')}</span>
        <select
          value={territoryId}
          onChange={(e) => setTerritoryId(e.target.value)}
          data-testid="targeting-territory"
        >
          <option value="">{t('targeting.anyTerritory')}</option>
          {props.territories.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="targeting__field">
        <legend>{t('targeting.segments')}</legend>
        {RFM_SEGMENTS.map((s) => (
          <label
            key={s.id}
            title={t(`common.segments.${s.id}Hint`)}
            className="targeting__check"
          >
            <input
              type="checkbox"
              checked={segments.includes(s.id)}
              onChange={() => setSegments((l) => toggle(l, s.id))}
              data-testid={`targeting-segment-${s.id}`}
            />
            {t(`common.segments.${s.id}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="targeting__field">
        <legend>{t('targeting.size')}</legend>
        {SIZE_BANDS.map((b) => (
          <label key={b} className="targeting__check">
            <input
              type="checkbox"
              checked={sizeBands.includes(b)}
              onChange={() => setSizeBands((l) => toggle(l, b))}
            />
            {t(`common.sizeBands.${b}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="targeting__field">
        <legend>{t('targeting.aroundPoint')}</legend>
        <div className="targeting__row">
          <input
            type="text"
            placeholder={t('targeting.centrePlaceholder')}
            value={centreText}
            onChange={(e) => setCentreText(e.target.value)}
            aria-label={t('targeting.centreLabel')}
            data-testid="targeting-centre"
          />
          <button
            type="button"
            className="button button--small"
            onClick={props.onPickCentre}
            aria-pressed={props.picking}
            data-testid="targeting-pick"
          >
            {props.picking ? t('targeting.clickMap') : t('targeting.pick')}
          </button>
        </div>
        <label className="targeting__row">
          {t('targeting.radius')}
          <input
            type="number"
            min={1}
            max={2000}
            value={radius}
            onChange={(e) => setRadius(Number(e.target.value))}
            data-testid="targeting-radius"
          />
          {units.distanceUnit}
        </label>
        {centre && !centre.ok ? (
          <p className="error-box">{centre.reason}</p>
        ) : null}
      </fieldset>
      <fieldset className="targeting__field">
        <legend>{t('targeting.drawnArea')}</legend>
        {drawnArea ? (
          <label className="targeting__check">
            <input
              type="checkbox"
              checked={useDrawn}
              onChange={(e) => setUseDrawn(e.target.checked)}
              data-testid="targeting-use-drawn"
            />
            {t('targeting.withinShape', { count: drawnArea.length })}{' '}
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={props.onClearDrawn}
            >
              {t('targeting.clear')}
            </button>
          </label>
        ) : (
          <p className="targeting__hint">{t('targeting.drawHint')}</p>
        )}
      </fieldset>
      {!narrowed ? (
        <p className="targeting__hint">{t('targeting.chooseHint')}</p>
      ) : result.error ? (
        <p className="error-box">{errorMessage(result.error)}</p>
      ) : data ? (
        <section className="targeting__result" data-testid="targeting-result">
          <p>
            <strong data-testid="targeting-count">
              {formatCount(data.total)}
            </strong>{' '}
            {t('targeting.found', { potential: formatMoney(data.potential) })}
          </p>
          <div className="targeting__row">
            {data.bbox ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => props.onFocus(data.bbox!)}
              >
                {t('targeting.showOnMap')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--small button--primary"
              disabled={data.total === 0}
              onClick={() => void download()}
              data-testid="targeting-csv"
            >
              {t('targeting.download')}
            </button>
          </div>
          {downloading ? (
            <p className="targeting__hint">{downloading}</p>
          ) : null}
          <ol className="targeting__list">
            {data.accounts.slice(0, 50).map((a) => (
              <li key={a.id}>
                <span>{a.name}</span>
                <small>
                  {a.territory ?? t('targeting.noTerritory')} ·{' '}
                  {a.distanceKm !== null
                    ? t('targeting.distance', {
                        distance: units.distance(a.distanceKm, null, 1),
                      })
                    : ''}
                  {formatMoney(a.potential)}
                </small>
              </li>
            ))}
          </ol>
          {data.total > 50 ? (
            <p className="targeting__hint">
              {t('targeting.listed', { total: formatCount(data.total) })}
            </p>
          ) : null}
        </section>
      ) : (
        <p className="targeting__hint">{t('targeting.selecting')}</p>
      )}
    </div>
  )
}
