import {
  formatCompactCount,
  formatMoney,
  formatSignedPercent,
} from '../../../lib/format'
import { RAMPS, rampCss } from '../lib/color-ramps'
import { BALANCED, NO_DATA, type MapTheme, type ThemeKey } from '../lib/themes'
import { useTranslation } from '../../../i18n'

const css = ([r, g, b, a]: readonly number[]) =>
  `rgb(${r} ${g} ${b} / ${((a ?? 255) / 255).toFixed(2)})`

/** The key for the active data theme: a ramp with its range, or the categories. */
export function ThemeKeyView({
  themeKey,
  theme,
}: {
  themeKey: ThemeKey
  /** The colouring the key is for: says why it has nothing, in the active language. */
  theme?: MapTheme
}) {
  const { t } = useTranslation()
  switch (themeKey.kind) {
    case 'unavailable': {
      const reasons: Record<string, string> = t('map.unavailable', {
        returnObjects: true,
      })
      return (
        <div className="map-key__note">
          {(theme && reasons[theme]) || themeKey.message}
        </div>
      )
    }
    case 'ramp':
      return (
        <div className="map-key" data-testid="map-key">
          <span
            className="map-key__ramp"
            style={{ background: rampCss(themeKey.stops) }}
            aria-hidden
          />
          <span className="map-key__ends">
            <span>{formatMoney(themeKey.min)}</span>
            <span>
              {formatMoney(themeKey.max)}
              {themeKey.clipped ? '+' : ''}
            </span>
          </span>
          <NoData label={t('map.key.noAccounts')} />
        </div>
      )
    case 'diverging': {
      const { tolerance, extent } = themeKey
      const stops = [...RAMPS.under].reverse()
      return (
        <div className="map-key" data-testid="map-key">
          <span
            className="map-key__ramp"
            style={{
              background: `linear-gradient(to right, ${stops.join(', ')}, ${css(BALANCED)} 40%, ${css(BALANCED)} 60%, ${RAMPS.over.join(', ')})`,
            }}
            aria-hidden
          />
          <span className="map-key__ends">
            <span>{formatSignedPercent(-extent)}</span>
            <span>±{formatSignedPercent(tolerance).replace('+', '')}</span>
            <span>{formatSignedPercent(extent)}</span>
          </span>
          <span className="map-key__ends map-key__ends--words">
            <span>{t('map.key.underTarget')}</span>
            <span>{t('map.key.overTarget')}</span>
          </span>
          <NoData label={t('map.key.noTarget')} />
        </div>
      )
    }
    case 'categories':
      return (
        <ul className="map-key map-key__list" data-testid="map-key">
          {themeKey.items.map((item) => (
            <li key={item.label}>
              <span
                className="swatch"
                style={{ background: item.color }}
                aria-hidden
              />
              <span className="map-key__label">{item.label}</span>
              <span className="map-key__count">
                {formatCompactCount(item.units)}
              </span>
            </li>
          ))}
          <li>
            <NoData label={t('map.key.noAccounts')} />
          </li>
        </ul>
      )
  }
}

function NoData({ label }: { label: string }) {
  return (
    <span className="map-key__nodata">
      <span
        className="swatch"
        style={{ background: css(NO_DATA) }}
        aria-hidden
      />
      {label}
    </span>
  )
}

/** The density layer's key: cell colours from few to many accounts. */
export function DensityKey({
  top,
  clipped,
}: {
  top: number
  clipped: boolean
}) {
  const { t } = useTranslation()
  return (
    <div className="map-key">
      <span
        className="map-key__ramp"
        style={{ background: rampCss(RAMPS.density) }}
        aria-hidden
      />
      <span className="map-key__ends">
        <span>1</span>
        <span>
          {t('map.key.perCell', {
            top: `${formatCompactCount(top)}${clipped ? '+' : ''}`,
          })}
        </span>
      </span>
    </div>
  )
}
