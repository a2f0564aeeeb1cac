import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import {
  formatCompactCount,
  formatCount,
  formatDecimal,
  formatFixed,
  formatMoney,
  formatMoneyFigure,
  formatPercent,
  formatRole,
  formatScenarioStatus,
  formatSignedPercent,
  formatWholeMoney,
  initials,
} from './format'

/** Non-breaking spaces as plain ones: what matters here is the digits and their order. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('in English', () => {
  it('abbreviates money to one decimal', () => {
    expect(formatMoney(1_234_567)).toBe('$1.2M')
    expect(formatMoney(850_000)).toBe('$850K')
    expect(formatMoney(2_500_000_000)).toBe('$2.5B')
    expect(formatMoney(0)).toBe('$0')
    expect(formatWholeMoney(1_234_567)).toBe('$1,234,567')
    expect(formatMoneyFigure(1_040_000_000)).toBe('$1.04B')
  })

  it('shows another currency when told one', () => {
    expect(formatMoney(1_234_567, 'EUR')).toBe('€1.2M')
    expect(formatMoney(850_000, 'GBP')).toBe('£850K')
    expect(plain(formatWholeMoney(1_234, 'SEK'))).toBe('SEK 1,234')
  })

  it('groups thousands', () => {
    expect(formatCount(12345)).toBe('12,345')
    expect(formatCompactCount(12345)).toBe('12.3K')
    expect(formatDecimal(1234.56)).toBe('1,234.6')
    expect(formatFixed(72)).toBe('72.0')
    expect(i18n.t('common.count.account', { count: 1 })).toBe('1 account')
    expect(i18n.t('common.count.account', { count: 2500 })).toBe(
      '2,500 accounts',
    )
  })

  it('formats a share as a whole percent', () => {
    expect(formatPercent(0.723)).toBe('72\u202f%')
    expect(formatPercent(1.1)).toBe('110\u202f%')
    expect(formatPercent(0)).toBe('0\u202f%')
    expect(formatPercent(12.345)).toBe('1,235\u202f%')
    expect(formatPercent(Number.NaN)).toBe('–')
  })

  it('signs deviations, with a true minus and no sign for zero', () => {
    expect(formatSignedPercent(2.77)).toBe('+277\u202f%')
    expect(formatSignedPercent(-0.12)).toBe('\u221212\u202f%')
    expect(formatSignedPercent(0.001)).toBe('0\u202f%')
    expect(formatSignedPercent(-0.004)).toBe('0\u202f%')
    expect(formatSignedPercent(Number.POSITIVE_INFINITY)).toBe('–')
  })

  it('labels roles and statuses and makes initials', () => {
    expect(formatRole('planner')).toBe('Sales ops planner')
    expect(formatRole('auditor')).toBe('auditor')
    expect(formatScenarioStatus('in_review')).toBe('In review')
    expect(initials('Dana  Planner')).toBe('DP')
    expect(initials('Ana Maria de la Cruz')).toBe('AC')
    expect(initials('cher')).toBe('C')
  })
})

describe('in Spanish', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
  })

  it('groups with dots and writes decimals with a comma', async () => {
    await i18n.changeLanguage('es')
    expect(formatCount(25_000)).toBe('25.000')
    // Spanish groups four-digit numbers only from five digits on (CLDR).
    expect(formatCount(2_500)).toBe('2500')
    expect(formatDecimal(1234.56)).toBe('1234,6')
    expect(formatFixed(72)).toBe('72,0')
    expect(plain(formatCompactCount(12345))).toBe('12,3 mil')
    expect(plain(formatPercent(12.345))).toBe('1235 %')
    expect(plain(formatSignedPercent(-0.12))).toBe('\u221212 %')
    expect(i18n.t('common.count.account', { count: 25_000 })).toBe(
      '25.000 cuentas',
    )
    expect(i18n.t('common.count.account', { count: 1 })).toBe('1 cuenta')
  })

  it('puts the currency after the amount, dollars as US$', async () => {
    await i18n.changeLanguage('es')
    expect(plain(formatMoney(1_234_567))).toBe('1,2 M US$')
    expect(plain(formatMoney(1_234_567, 'EUR'))).toBe('1,2 M €')
    expect(plain(formatWholeMoney(1_234_567))).toBe('1.234.567 US$')
  })

  it('labels roles and statuses in Spanish', async () => {
    await i18n.changeLanguage('es')
    expect(formatRole('rep')).toBe('Comercial')
    expect(formatScenarioStatus('published')).toBe('Publicado')
  })

  it('switches back without keeping the other language’s formats', async () => {
    await i18n.changeLanguage('es')
    expect(formatCount(12_345)).toBe('12.345')
    await i18n.changeLanguage('en')
    expect(formatCount(12_345)).toBe('12,345')
  })
})
