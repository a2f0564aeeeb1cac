import { useTranslation } from '../i18n'

export type PanelTab =
  | 'territories'
  | 'dashboard'
  | 'edit'
  | 'regions'
  | 'notes'
  | 'discussion'
  | 'tasks'
  | 'activity'
  | 'review'
  | 'targeting'

const TABS: readonly PanelTab[] = [
  'territories',
  'dashboard',
  'edit',
  'regions',
  'notes',
  'discussion',
  'tasks',
  'activity',
  'review',
  'targeting',
]

/**
 * The side panel's views: the territory list (scores), the performance dashboard (sales vs
 * quota, trend, forecast; wider than the others), the selected territory's editor
 * (with new territories and account placement), the region hierarchy, the selected
 * territory's live notes, the discussion
 * (comment threads), the tasks, the activity feed and the scenario's review and
 * publication. One shows at a
 * time so each keeps the panel's full height.
 */
export function PanelTabs({
  tab,
  onTab,
}: {
  tab: PanelTab
  onTab: (tab: PanelTab) => void
}) {
  const { t } = useTranslation()
  return (
    <div className="panel-tabs" role="tablist" aria-label={t('app.tabs.label')}>
      {TABS.map((key) => (
        <button
          key={key}
          type="button"
          role="tab"
          aria-selected={tab === key}
          className="panel-tabs__tab"
          data-testid={`tab-${key}`}
          onClick={() => onTab(key)}
          onKeyDown={(e) => {
            // Arrow keys move between tabs, as in any tab list.
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
            const i = TABS.indexOf(tab)
            const next =
              TABS[
                (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) %
                  TABS.length
              ]!
            onTab(next)
          }}
        >
          {t(`app.tabs.${key}`)}
        </button>
      ))}
    </div>
  )
}
