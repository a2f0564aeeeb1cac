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

const TABS: readonly { key: PanelTab; label: string }[] = [
  { key: 'territories', label: 'Territories' },
  { key: 'dashboard', label: 'Dashboard' },
  { key: 'edit', label: 'Edit' },
  { key: 'regions', label: 'Regions' },
  { key: 'notes', label: 'Notes' },
  { key: 'discussion', label: 'Discussion' },
  { key: 'tasks', label: 'Tasks' },
  { key: 'activity', label: 'Activity' },
  { key: 'review', label: 'Review' },
  { key: 'targeting', label: 'Campaigns' },
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
  return (
    <div className="panel-tabs" role="tablist" aria-label="Side panel">
      {TABS.map((t) => (
        <button
          key={t.key}
          type="button"
          role="tab"
          aria-selected={tab === t.key}
          className="panel-tabs__tab"
          data-testid={`tab-${t.key}`}
          onClick={() => onTab(t.key)}
          onKeyDown={(e) => {
            // Arrow keys move between tabs, as in any tab list.
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
            const i = TABS.findIndex((x) => x.key === tab)
            const next =
              TABS[
                (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) %
                  TABS.length
              ]!
            onTab(next.key)
          }}
        >
          {t.label}
        </button>
      ))}
    </div>
  )
}
