import { formatPercent, formatSignedPercent } from '../../../lib/format'
import { useTranslation } from '../../../i18n'
import { deviationBar } from '../lib/balance'

/**
 * A centred bar: the target in the middle, the ± tolerance band shaded around it, and a fill
 * from the target to the territory's deviation, amber or red once it leaves the band.
 */
export function DeviationBar({
  deviation,
  tolerance,
  metricLabel,
}: {
  deviation: number
  tolerance: number
  metricLabel: string
}) {
  const { t } = useTranslation()
  const bar = deviationBar(deviation, tolerance)
  return (
    <span
      className={`deviation-bar tone-${bar.tone}`}
      role="img"
      aria-label={t('territories.balance.bar', {
        deviation: formatSignedPercent(deviation),
        metric: metricLabel,
        band: formatPercent(tolerance),
      })}
    >
      <span
        className="deviation-bar__band"
        style={{ left: `${bar.bandLeft}%`, width: `${bar.bandWidth}%` }}
      />
      <span className="deviation-bar__target" />
      <span
        className="deviation-bar__fill"
        style={{ left: `${bar.fillLeft}%`, width: `${bar.fillWidth}%` }}
      />
      <span
        className={`deviation-bar__marker${bar.clipped ? ` deviation-bar__marker--clipped-${bar.clipped}` : ''}`}
        style={{ left: `${bar.marker}%` }}
      />
    </span>
  )
}
