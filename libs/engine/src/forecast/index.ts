export { backtest } from './backtest.js'
export type {
  BacktestClassRow,
  BacktestOptions,
  BacktestResult,
} from './backtest.js'
export { forecastPanel } from './forecast-panel.js'
export type {
  ClassChoice,
  MonthlySeries,
  PanelForecast,
  PanelOptions,
} from './forecast-panel.js'
export {
  forecastSeries,
  forecastSeriesDetailed,
  next12MonthRevenue,
} from './forecast-series.js'
export type { ForecastOptions, SeriesForecast } from './forecast-series.js'
export { naiveForecast, seasonalNaive } from './methods.js'
export type { MethodId } from './methods.js'
export type { SeriesClass } from './prepare.js'
export { formatMonth, parseMonth, parseSeriesCsv } from './series-csv.js'
export type { SeriesCsvResult } from './series-csv.js'
export { WapeAccumulator, wape } from './wape.js'
