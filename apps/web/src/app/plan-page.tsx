import {
  type PublicUser,
  type UserNotification,
  hexToRgb,
} from '@tessera/domain'
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useLogout } from '../features/auth/api/session'
import {
  type LocationPick,
  TerritoryMap,
  type SelectMode,
  applyUnitSelection,
} from '../features/map/components/territory-map'
import { OptimizeDialog } from '../features/optimize/components/optimize-dialog'
import { CompareDialog } from '../features/scenarios/components/compare-dialog'
import { ScenariosDialog } from '../features/scenarios/components/scenarios-dialog'
import { RebaseDialog } from '../features/geography/components/rebase-dialog'
import { PresenceBar } from '../features/presence/components/presence-bar'
import {
  EditToolbar,
  type EditorTool,
} from '../features/editor/components/edit-toolbar'
import { useEditorShortcuts } from '../features/editor/hooks/use-editor-shortcuts'
import { useOrphanRepair } from '../features/editor/hooks/use-orphan-repair'
import { usePlanEditor } from '../features/editor/hooks/use-plan-editor'
import { applyAlignment } from '../features/editor/lib/apply-alignment'
import { skippedMessage } from '../features/editor/lib/edits'
import { lendToBench } from '../lib/perf-probe'
import { territoryOps } from '../features/editor/lib/territory-operations'
import { TerritoryEditor } from '../features/territories/components/territory-editor'
import { NewTerritoryButton } from '../features/territories/components/territory-editor-new'
import { RegionManager } from '../features/territories/components/region-manager'
import { AccountOverride } from '../features/territories/components/account-override'
import { PanelTabs, type PanelTab } from './panel-tabs'
import { ReviewPanel } from '../features/review/components/review-panel'
import { DashboardPanel, usePrefetchDashboard } from '../features/dashboard'
import { MyChangesPage } from '../features/my-changes'
import { ReportPage } from '../features/report'
import { AdminDialog } from '../features/admin/components/admin-dialog'
import { ImportDialog } from '../features/import/components/import-dialog'
import { TargetingPanel } from '../features/targeting'
import { useUrlView } from '../hooks/use-url-view'
import { ShortcutsHelp } from '../features/editor/components/shortcuts-help'
import {
  type Suggestion,
  SuggestionsPanel,
} from '../features/suggestions/components/suggestions-panel'
import { MoneyUnitsProvider } from '../lib/region-units'
import { TerritoryList } from '../features/territories/components/territory-list'
import type { ScoresState } from '../features/territories/lib/balance'
import { useLiveScores } from '../features/scores/hooks/use-live-scores'
import {
  type PlanSummary,
  regionLabel,
  reuseUnchanged,
  summarizePlan,
} from '../features/territories/lib/territory-summary'
import { TerritoryTable } from '../features/territories/components/territory-table'
import type { TableRow } from '../features/territories/lib/territory-table'
import { primaryMetric } from '../features/territories/lib/balance'
import { FullPageMessage } from './full-page-message'
import {
  ActivityPanel,
  DiscussionPanel,
  NotificationBell,
  TasksPanel,
  TerritoryNotes,
  useLiveCollab,
  useMapThreads,
} from '../features/discussion'
import { TopBar } from './top-bar'
import { usePlanData } from './use-plan-data'
import { useLivePlan } from './use-live-plan'
import { useQueryClient } from '@tanstack/react-query'
import { useTRPC } from '../lib/trpc'
import { useTranslation } from '../i18n'

/**
 * The plan workspace: the map and the territory list side by side (stacked on a phone).
 * Features don't know each other; this page wires the list's clicks to the map's camera
 * and the map's clicks to the list's selection.
 */
export function PlanPage({ user }: { user: PublicUser }) {
  const { t } = useTranslation()
  const [choice, setChoice] = useState<{
    planId: string | null
    scenarioId: string | null
  }>({ planId: null, scenarioId: null })
  const data = usePlanData(choice)
  // Besides the workspace: a rep's "My changes" page, named in the address.
  const [view, setView] = useUrlView()
  const openMyChanges = useCallback(() => setView('my-changes'), [setView])
  const closeMyChanges = useCallback(() => setView(null), [setView])
  const openReport = useCallback(() => setView('report'), [setView])
  const closeReport = useCallback(() => setView(null), [setView])
  const [adminOpen, setAdminOpen] = useState(false)
  const openAdmin = useCallback(() => setAdminOpen(true), [])
  const [importOpen, setImportOpen] = useState(false)
  const openImport = useCallback(() => setImportOpen(true), [])
  const closeImport = useCallback(() => setImportOpen(false), [])
  const showImported = useCallback(
    (box: [number, number, number, number]) =>
      setFocus((f) => ({ box, seq: (f?.seq ?? 0) + 1 })),
    [],
  )
  const closeAdmin = useCallback(() => setAdminOpen(false), [])
  const logout = useLogout()
  const [selected, setSelected] = useState<string | null>(null)
  const [optimizing, setOptimizing] = useState(false)
  const canOptimize = user.role !== 'rep'
  const [focus, setFocus] = useState<
    | { territoryId: string; seq: number }
    | { box: [number, number, number, number]; seq: number }
    | null
  >(null)

  // The plan itself comes live from the hub once synced (edits by anyone show at once); the
  // stored copy from the API shows until then.
  // Who may edit here: planners, managers and admins, on a draft scenario.
  const scenarioStatus = data.plan?.scenarios.find(
    (s) => s.id === data.scenarioId,
  )?.status
  const readOnlyReason =
    user.role === 'rep'
      ? t('app.readOnly.rep')
      : scenarioStatus && scenarioStatus !== 'draft'
        ? t(
            scenarioStatus === 'in_review' || scenarioStatus === 'approved'
              ? 'app.readOnly.reopen'
              : 'app.readOnly.openDraft',
            { status: t(`app.readOnly.status.${scenarioStatus}`) },
          )
        : null
  const canWrite = readOnlyReason === null && scenarioStatus !== undefined
  // Notes are commentary, not the alignment: written on any scenario not archived (the hub
  // applies the same rule).
  const canWriteNotes =
    user.role !== 'rep' &&
    scenarioStatus !== undefined &&
    scenarioStatus !== 'archived'
  const live = useLivePlan(data.scenarioId, user, canWrite)
  const { peers, setPresence } = live
  const editor = usePlanEditor(live.planDoc, canWrite)
  const [tool, setTool] = useState<EditorTool>('select')
  const effectiveTool: EditorTool = canWrite ? tool : 'select'
  const [helpOpen, setHelpOpen] = useState(false)
  const showHelp = useCallback(() => setHelpOpen(true), [])
  useEditorShortcuts({
    enabled: canWrite,
    setTool,
    undo: editor.undo,
    redo: editor.redo,
    showHelp,
  })
  useEffect(() => {
    setPresence({ tool: effectiveTool })
  }, [effectiveTool, setPresence])
  const [message, setMessage] = useState<string | null>(null)
  useOrphanRepair(live.planDoc, canWrite && live.synced, setMessage)
  const [previewing, setPreviewing] = useState<Suggestion | null>(null)
  const applySuggestion = useCallback(
    (s: Suggestion) => {
      setPreviewing(null)
      const result = editor.assign(s.unitIds, s.to)
      if (!result.ok) setMessage(result.message)
    },
    [editor],
  )
  useEffect(() => {
    if (!message) return
    const t = setTimeout(() => setMessage(null), 4000)
    return () => clearTimeout(t)
  }, [message])
  // A brush stroke sends the units it crosses once per frame (one update for everyone),
  // all one undo step until the stroke ends.
  const strokeRef = useRef<{ units: Set<string>; frame: number }>({
    units: new Set(),
    frame: 0,
  })
  const flushStroke = useCallback(() => {
    const stroke = strokeRef.current
    stroke.frame = 0
    if (stroke.units.size === 0) return
    const units = [...stroke.units]
    stroke.units.clear()
    if (!selected) {
      setMessage(t('app.plan.pickToPaint'))
      return
    }
    const result = editor.assign(units, selected, { inStroke: true })
    if (!result.ok) setMessage(result.message)
    else {
      const skipped = skippedMessage(result)
      if (skipped) setMessage(skipped)
    }
  }, [editor, selected, t])
  const onPaint = useCallback(
    (unitIds: string[]) => {
      const stroke = strokeRef.current
      for (const u of unitIds) stroke.units.add(u)
      stroke.frame ||= requestAnimationFrame(flushStroke)
    },
    [flushStroke],
  )
  const onPaintEnd = useCallback(() => {
    const stroke = strokeRef.current
    if (stroke.frame) cancelAnimationFrame(stroke.frame)
    flushStroke()
    editor.endStep()
  }, [flushStroke, editor])
  // What this tab shares: the territory it has selected (its pointer is shared by the map).
  useEffect(() => {
    setPresence({ selection: { territoryId: selected, unitIds: [] } })
  }, [selected, setPresence])
  const onPointer = useCallback(
    (cursor: [number, number] | null) => setPresence({ cursor }),
    [setPresence],
  )
  const remoteCursors = useMemo(
    () =>
      peers.flatMap((p) =>
        p.cursor
          ? [
              {
                id: p.clientId,
                name: p.user.name,
                color: hexToRgb(p.user.color),
                position: p.cursor,
              },
            ]
          : [],
      ),
    [peers],
  )
  const remoteSelections = useMemo(
    () =>
      peers.flatMap((p) =>
        p.selection.territoryId
          ? [
              {
                territoryId: p.selection.territoryId,
                color: hexToRgb(p.user.color),
              },
            ]
          : [],
      ),
    [peers],
  )
  const plan = live.synced && live.plan ? live.plan : data.scenario?.plan
  const territories = plan?.territories
  const assignments = plan?.assignments
  // The map follows an edit at once; the side panel (totals, lists, suggestions) follows it
  // a moment later, in a render React slices and can interrupt, so an edit never holds the
  // page for the whole workspace's render (see docs/architecture.md, "Frame cost").
  // (Until the deferred copy has a plan at all, the panel takes the plan as it is: the
  // workspace must not wait a render to appear.)
  const deferredPlan = useDeferredValue(plan)
  const panelPlan = deferredPlan ?? plan
  const panelTerritories = panelPlan?.territories
  const panelAssignments = panelPlan?.assignments
  const panelOverrides = panelPlan?.accountOverrides
  const overriddenAccounts = data.scenario?.overriddenAccounts
  // Scores come from the engine in a Web Worker, fed with every change to the live
  // document. Until it is ready (or if it fails) the server's scores of the stored document
  // show, refreshed shortly after each change (the hub stores before it shares).
  const liveScores = useLiveScores({
    scenarioId: data.scenarioId,
    planDoc: live.planDoc,
    synced: live.synced,
    reps: data.reps,
  })
  const engineLive = liveScores.status === 'ready'
  const engineFailed = liveScores.status === 'error'
  const queryClient = useQueryClient()
  const trpc = useTRPC()
  const liveVersion = live.version
  useEffect(() => {
    if (engineLive || liveVersion < 2 || !data.scenarioId) return
    const t = setTimeout(() => {
      void queryClient.invalidateQueries({
        queryKey: trpc.plans.scores.queryKey({ scenarioId: data.scenarioId! }),
      })
      void queryClient.invalidateQueries({
        queryKey: trpc.plans.suggestions.pathKey(),
      })
    }, 400)
    return () => clearTimeout(t)
  }, [engineLive, liveVersion, data.scenarioId, queryClient, trpc])
  const serverScores = data.scores
  const scores = useMemo((): ScoresState => {
    if (!engineLive || !liveScores.plan) return serverScores
    return {
      data: {
        settings: liveScores.settings,
        plan: liveScores.plan,
        territories: [...liveScores.territories.values()],
        warnings: 0,
      },
      isLoading: false,
      isError: false,
      retry: serverScores.retry,
    }
  }, [
    engineLive,
    liveScores.plan,
    liveScores.settings,
    liveScores.territories,
    serverScores,
  ])
  // For `npm run bench:web`: inert unless the bench installed its hook before load.
  const benchDoc = live.planDoc
  useEffect(() => {
    const offAssign = lendToBench('assign', editor.assign)
    const offRead = lendToBench('assignments', () =>
      benchDoc ? benchDoc.assignments.toObject() : {},
    )
    return () => {
      offAssign()
      offRead()
    }
  }, [editor.assign, benchDoc])

  // An optimizer's result, landed in this scenario as one ordinary (undoable) edit.
  // (On `step`, not the whole editor object, which is new every render: the optimizer
  // dialog is memoised.)
  const { step: editStep } = editor
  const applyResultHere = useCallback(
    async (draftScenarioId: string) => {
      const draft = await queryClient.fetchQuery(
        trpc.plans.scenario.queryOptions({ scenarioId: draftScenarioId }),
      )
      const done = editStep((plan) =>
        applyAlignment(plan, {
          territories: draft.plan.territories,
          assignments: draft.plan.assignments,
          accountOverrides: draft.plan.accountOverrides,
          settings: draft.settings,
        }),
      )
      if ('ok' in done)
        throw new Error(done.ok ? 'nothing to apply' : done.message)
      setMessage(
        t('app.plan.applied', {
          name: draft.scenario.name,
          count: done.unitsChanged,
        }),
      )
    },
    [queryClient, trpc, editStep, t],
  )

  // Territory operations (create, rename, recolour, merge, split, delete, lock; regions;
  // account overrides): the components get the live document only when this user may write.
  const editAccess = useMemo(
    () => ({
      planDoc: canWrite ? live.planDoc : null,
      ops: territoryOps,
      readOnlyReason,
      onMessage: setMessage,
      endUndoStep: editor.endStep,
    }),
    [canWrite, live.planDoc, readOnlyReason, editor.endStep],
  )
  const unitCentroids = useMemo(
    () =>
      new Map(data.units?.units.map((u) => [u.id, u.centroid] as const) ?? []),
    [data.units],
  )
  const unitWeights = useMemo(
    () =>
      new Map(
        data.units?.stats.map((s) => [s.unitId, s.potential] as const) ?? [],
      ),
    [data.units],
  )
  const searchAccounts = useCallback(
    (q: string) =>
      queryClient.fetchQuery(
        trpc.accounts.search.queryOptions({
          q,
          limit: 10,
          ...(data.layerId ? { layerId: data.layerId } : {}),
        }),
      ),
    [queryClient, trpc, data.layerId],
  )
  const lookupAccounts = useCallback(
    (ids: string[]) =>
      queryClient.fetchQuery(
        trpc.accounts.byIds.queryOptions({
          ids,
          ...(data.layerId ? { layerId: data.layerId } : {}),
        }),
      ),
    [queryClient, trpc, data.layerId],
  )
  const [splitPreview, setSplitPreview] = useState<readonly string[] | null>(
    null,
  )
  const [selectedUnits, setSelectedUnits] = useState<ReadonlySet<string>>(
    () => new Set(),
  )
  const [tab, setTab] = useState<PanelTab>('territories')
  const [openThreadId, setOpenThreadId] = useState<string | null>(null)
  const onSelectUnits = useCallback(
    (ids: string[], mode: SelectMode) => {
      setSelectedUnits((current) => applyUnitSelection(current, ids, mode))
      if (ids.length === 0 && (tool === 'rectangle' || tool === 'lasso'))
        setMessage(t('app.plan.nothingSelected'))
      else if (ids.length > 0 && (tool === 'rectangle' || tool === 'lasso'))
        setTab('edit')
    },
    [tool, t],
  )
  // The balance theme colours territories by how far each is from its target.
  const territoryDeviations = useMemo(() => {
    const metric = primaryMetric(scores.data?.settings)
    return new Map(
      (scores.data?.territories ?? []).flatMap((r) => {
        const d = r.deviations[metric]
        return d === undefined ? [] : [[r.territoryId, d] as const]
      }),
    )
  }, [scores.data])

  const lastSummary = useRef<PlanSummary | null>(null)
  const summary = useMemo(() => {
    if (!panelTerritories || !panelAssignments || !data.units || !data.reps)
      return null
    const next = reuseUnchanged(
      summarizePlan(
        panelTerritories,
        data.reps,
        panelAssignments,
        data.units.stats,
        {
          accountOverrides: panelOverrides ?? {},
          accounts: overriddenAccounts ?? [],
        },
      ),
      lastSummary.current,
    )
    lastSummary.current = next
    return next
  }, [
    panelTerritories,
    panelAssignments,
    panelOverrides,
    overriddenAccounts,
    data.units,
    data.reps,
  ])
  const [tableOpen, setTableOpen] = useState(false)
  const scoreRows = scores.data?.territories
  const tableRows = useMemo((): TableRow[] => {
    if (!summary || !panelTerritories) return []
    const byId = new Map(scoreRows?.map((r) => [r.territoryId, r]))
    const locked = new Map(panelTerritories.map((t) => [t.id, t.locked]))
    return summary.regions.flatMap((region) =>
      region.territories.map((t) => ({
        id: t.id,
        name: t.name,
        color: t.color,
        repName: t.repName,
        regionName: regionLabel(region),
        locked: locked.get(t.id) ?? false,
        score: byId.get(t.id),
      })),
    )
    // `t`: the group without a region is named in the active language.
  }, [summary, panelTerritories, scoreRows, t])
  const openTable = useCallback(() => setTableOpen(true), [])
  const liveSuggestions = liveScores.suggestions
  const suggestions = useMemo(
    () =>
      engineFailed
        ? undefined
        : (liveSuggestions ?? { balanceScore: 0, list: null }),
    [engineFailed, liveSuggestions],
  )

  const mapRef = useRef<HTMLDivElement>(null)
  const selectFromList = useCallback((territoryId: string) => {
    setSelected(territoryId)
    setFocus((f) => ({ territoryId, seq: (f?.seq ?? 0) + 1 }))
    // On a phone the list sits under the map: bring the map back to show where it went.
    const map = mapRef.current
    if (map && map.getBoundingClientRect().top < 0) {
      map.scrollIntoView({ behavior: 'smooth', block: 'start' })
    }
  }, [])

  const planName = data.plan?.name
  useEffect(() => {
    const before = document.title
    document.title = planName ? `${planName} · Tessera` : before
    return () => {
      document.title = before
    }
  }, [planName])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setSelected(null)
      setSelectedUnits(new Set())
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  // Stable callbacks: the top bar and the optimizer dialog are memoised, and skip the render
  // an edit causes.
  const choose = useCallback((c: typeof choice) => {
    setChoice(c)
    setSelected(null)
  }, [])
  const { mutate: logoutMutate } = logout
  const signOut = useCallback(() => logoutMutate(), [logoutMutate])
  const closeOptimize = useCallback(() => setOptimizing(false), [])
  const [scenariosOpen, setScenariosOpen] = useState(false)
  const openScenarios = useCallback(() => setScenariosOpen(true), [])
  const closeScenarios = useCallback(() => setScenariosOpen(false), [])
  const [rebaseOpen, setRebaseOpen] = useState(false)
  // Comparing opens the scenario too: the map shows its alignment, the changed units outlined.
  const [comparing, setComparing] = useState<string | null>(null)
  const closeCompare = useCallback(() => {
    setComparing(null)
    setSelectedUnits(new Set())
  }, [])
  const showChangedUnits = useCallback(
    (unitIds: string[]) => setSelectedUnits(new Set(unitIds)),
    [],
  )
  const planId = data.plan?.id
  const openScenario = useCallback(
    (scenarioId: string) => {
      if (planId) setChoice({ planId, scenarioId })
    },
    [planId],
  )
  // Comments, tasks and notifications follow the server live (socket.io).
  useLiveCollab(planId ?? null)
  usePrefetchDashboard(planId ?? null, data.scenarioId)
  const mapThreads = useMapThreads(planId ?? null, data.scenarioId)
  const openThread = useCallback((threadId: string) => {
    setOpenThreadId(threadId)
    setTab('discussion')
  }, [])
  // A pin for a new comment: placing it makes the map's next click say where (Escape or
  // leaving the discussion stops).
  const [pinAt, setPinAt] = useState<LocationPick | null>(null)
  const [placingPin, setPlacingPin] = useState(false)
  // Campaign targeting: a centre picked on the map, the shape last drawn, the matches shown.
  const [pickingCentre, setPickingCentre] = useState(false)
  const [targetCentre, setTargetCentre] = useState<[number, number] | null>(
    null,
  )
  const [drawnArea, setDrawnArea] = useState<[number, number][] | null>(null)
  const [targets, setTargets] = useState<[number, number][] | null>(null)
  const pickCentre = useCallback((at: LocationPick) => {
    setTargetCentre([at.lonLat[0], at.lonLat[1]])
    setPickingCentre(false)
  }, [])
  const focusBox = useCallback(
    (box: [number, number, number, number]) =>
      setFocus((f) => ({ box, seq: (f?.seq ?? 0) + 1 })),
    [],
  )
  const placePin = useCallback((at: LocationPick) => {
    setPinAt(at)
    setPlacingPin(false)
  }, [])
  const pin = useMemo(
    () => ({
      at: pinAt,
      placing: placingPin,
      onPlace: () => setPlacingPin(true),
      onClear: () => {
        setPinAt(null)
        setPlacingPin(false)
      },
    }),
    [pinAt, placingPin],
  )
  useEffect(() => {
    if (!placingPin) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPlacingPin(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [placingPin])
  useEffect(() => {
    if (tab !== 'discussion') setPlacingPin(false)
    if (tab !== 'targeting') setPickingCentre(false)
  }, [tab])
  const unitNames = useMemo(
    () => new Map((data.units?.units ?? []).map((u) => [u.id, u.name])),
    [data.units],
  )
  const unitName = useCallback(
    (id: string) => unitNames.get(id) ?? null,
    [unitNames],
  )
  // A notification leads to its thing: the scenario it is about, the territory on the map,
  // the thread open in the side panel (or the tasks).
  const openNotification = useCallback(
    (n: UserNotification) => {
      if (n.planId && n.scenarioId && n.scenarioId !== data.scenarioId)
        setChoice({ planId: n.planId, scenarioId: n.scenarioId })
      else if (n.planId && n.planId !== planId)
        setChoice({ planId: n.planId, scenarioId: null })
      if (n.link.page === 'my-changes') {
        setView('my-changes')
        return
      }
      setView(null)
      if (n.link.page === 'review') setTab('review')
      if (n.link.territoryId) selectFromList(n.link.territoryId)
      if (n.link.threadId) {
        setOpenThreadId(n.link.threadId)
        setTab('discussion')
      } else if (n.link.taskId) setTab('tasks')
    },
    [data.scenarioId, planId, selectFromList, setView],
  )
  const bell = useMemo(
    () => <NotificationBell onOpen={openNotification} />,
    [openNotification],
  )
  const topBar = (
    <TopBar
      bell={bell}
      user={user}
      plans={data.plans}
      plan={data.plan}
      scenarioId={data.scenarioId}
      onChoose={choose}
      onSignOut={signOut}
      signingOut={logout.isPending}
      busy={data.switching}
      onScenarios={openScenarios}
      onMyChanges={user.role === 'rep' ? openMyChanges : undefined}
      onReport={openReport}
      onAdmin={user.role === 'admin' ? openAdmin : undefined}
      onImport={
        user.role === 'admin' || user.role === 'planner'
          ? openImport
          : undefined
      }
    />
  )

  let body
  if (view === 'my-changes' && user.role === 'rep') {
    body = (
      <div className="workspace__page">
        <MyChangesPage onBack={closeMyChanges} />
      </div>
    )
  } else if (data.error) {
    body = (
      <FullPageMessage
        title={t('app.plan.loadFailed')}
        detail={t('app.plan.loadFailedDetail')}
        action={{ label: t('common.tryAgain'), onClick: data.retry }}
      />
    )
  } else if (!data.isLoading && data.plans.length === 0) {
    body = (
      <FullPageMessage
        title={t('app.plan.noPlans')}
        detail={t('app.plan.noPlansDetail')}
      />
    )
  } else if (view === 'report' && data.plan && data.scenarioId) {
    body = (
      <div className="workspace__page">
        <ReportPage
          key={data.scenarioId}
          planId={data.plan.id}
          scenarioId={data.scenarioId}
          user={user}
          onBack={closeReport}
        />
      </div>
    )
  } else if (
    !data.layerId ||
    !summary ||
    !territories ||
    !assignments ||
    !data.units ||
    !data.reps
  ) {
    body = <FullPageMessage busy title={t('app.plan.loading')} />
  } else {
    body = (
      <div
        className={
          tab === 'dashboard' ? 'workspace workspace--wide-panel' : 'workspace'
        }
        data-engine={liveScores.status}
        data-engine-seq={liveScores.seq}
      >
        <div className="workspace__map" ref={mapRef}>
          <TerritoryMap
            layerId={data.layerId}
            assignments={assignments}
            territories={territories}
            reps={data.reps}
            units={data.units.units}
            unitStats={data.units.stats}
            selectedTerritoryId={selected}
            focus={focus}
            onSelectTerritory={setSelected}
            remoteCursors={remoteCursors}
            remoteSelections={remoteSelections}
            onPointer={onPointer}
            preview={
              splitPreview && splitPreview.length > 0
                ? { unitIds: splitPreview, color: [15, 23, 42] }
                : previewing
                  ? {
                      unitIds: previewing.unitIds,
                      color: hexToRgb(
                        territories.find((t) => t.id === previewing.to)
                          ?.color ?? '#64748b',
                      ),
                    }
                  : null
            }
            selectedUnitIds={selectedUnits}
            onSelectUnits={onSelectUnits}
            threads={mapThreads}
            onOpenThread={openThread}
            onPickLocation={
              placingPin ? placePin : pickingCentre ? pickCentre : undefined
            }
            onShapeDrawn={setDrawnArea}
            highlight={tab === 'targeting' ? targets : null}
            draftPin={tab === 'discussion' ? (pinAt?.lonLat ?? null) : null}
            territoryDeviations={territoryDeviations}
            tolerance={scores.data?.settings.tolerance}
            tool={effectiveTool}
            onPaint={onPaint}
            onPaintEnd={onPaintEnd}
            overlay={
              <>
                <EditToolbar
                  tool={effectiveTool}
                  onTool={setTool}
                  canUndo={editor.canUndo}
                  canRedo={editor.canRedo}
                  onUndo={editor.undo}
                  onRedo={editor.redo}
                  readOnlyReason={readOnlyReason}
                  brushName={
                    territories.find((t) => t.id === selected)?.name ?? null
                  }
                  status={live.status}
                  pendingEdits={live.pendingEdits}
                  onHelp={showHelp}
                />
                {tableOpen ? (
                  <TerritoryTable
                    rows={tableRows}
                    metric={primaryMetric(scores.data?.settings)}
                    tolerance={scores.data?.settings.tolerance ?? 0}
                    selectedId={selected}
                    onSelect={selectFromList}
                    onClose={() => setTableOpen(false)}
                  />
                ) : null}
                <ShortcutsHelp
                  open={helpOpen}
                  onClose={() => setHelpOpen(false)}
                />
                {message ? (
                  <div
                    className="editor-toast"
                    role="alert"
                    data-testid="editor-message"
                  >
                    {message}
                  </div>
                ) : null}
              </>
            }
          />
        </div>
        <aside className="workspace__panel">
          <div className="workspace__actions">
            <PresenceBar peers={peers} territories={territories} />
            {canOptimize && data.scenarioId && (
              <>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setOptimizing(true)}
                >
                  {t('app.plan.optimize')}
                </button>
                <OptimizeDialog
                  open={optimizing}
                  onClose={closeOptimize}
                  scenarioId={data.scenarioId}
                  territoryCount={
                    territories.filter((t) => t.kind === 'territory').length
                  }
                  onApplyHere={canWrite ? applyResultHere : undefined}
                  onOpenScenario={openScenario}
                />
              </>
            )}
          </div>
          {/* Suggestions are a planner's tool: a rep reads the plan. The dashboard is
              about results, not balance, and needs the height. */}
          {data.scenarioId && user.role !== 'rep' && tab !== 'dashboard' ? (
            <SuggestionsPanel
              scenarioId={data.scenarioId}
              territories={panelTerritories ?? territories}
              units={data.units.units}
              canApply={canWrite}
              live={suggestions}
              onPreview={setPreviewing}
              onApply={applySuggestion}
            />
          ) : null}
          <PanelTabs tab={tab} onTab={setTab} />
          {tab === 'territories' ? (
            <TerritoryList
              summary={summary}
              scores={scores}
              selectedId={selected}
              onSelect={selectFromList}
              onOpenTable={openTable}
            />
          ) : tab === 'dashboard' && planId && data.scenarioId ? (
            <DashboardPanel
              planId={planId}
              scenarioId={data.scenarioId}
              selectedTerritoryId={selected}
              onFocusTerritory={selectFromList}
            />
          ) : tab === 'targeting' && planId && data.scenarioId ? (
            <TargetingPanel
              planId={planId}
              scenarioId={data.scenarioId}
              territories={territories.filter((t) => t.kind === 'territory')}
              pickedCentre={targetCentre}
              picking={pickingCentre}
              onPickCentre={() => setPickingCentre((p) => !p)}
              drawnArea={drawnArea}
              onClearDrawn={() => setDrawnArea(null)}
              onShow={setTargets}
              onFocus={focusBox}
              onSelectTerritory={selectFromList}
            />
          ) : tab === 'edit' ? (
            <div className="workspace__scroll" data-testid="edit-panel">
              <div className="workspace__bar">
                <NewTerritoryButton
                  {...editAccess}
                  territories={territories}
                  defaultRegionId={
                    territories.find((t) => t.id === selected)?.parentId ?? null
                  }
                  onSelectTerritory={selectFromList}
                />
              </div>
              {selected && plan ? (
                <TerritoryEditor
                  {...editAccess}
                  plan={plan}
                  territoryId={selected}
                  reps={data.reps}
                  selectedUnits={selectedUnits}
                  unitCentroids={unitCentroids}
                  unitWeights={unitWeights}
                  onSelectTerritory={(id) =>
                    id ? selectFromList(id) : setSelected(null)
                  }
                  onPreview={setSplitPreview}
                />
              ) : (
                <p className="workspace__hint">{t('app.plan.selectToEdit')}</p>
              )}
              {plan ? (
                <AccountOverride
                  {...editAccess}
                  plan={plan}
                  territoryId={selected}
                  searchAccounts={searchAccounts}
                  lookupAccounts={lookupAccounts}
                />
              ) : null}
            </div>
          ) : tab === 'notes' ? (
            <div className="workspace__scroll" data-testid="notes-panel">
              <TerritoryNotes
                scenarioId={data.scenarioId}
                territory={territories.find((t) => t.id === selected) ?? null}
                user={user}
                canWrite={canWriteNotes}
              />
            </div>
          ) : tab === 'discussion' && planId ? (
            <DiscussionPanel
              planId={planId}
              scenarioId={data.scenarioId}
              user={user}
              territories={territories}
              selectedTerritoryId={selected}
              openThreadId={openThreadId}
              onOpenThread={setOpenThreadId}
              onShowTerritory={selectFromList}
              selectedUnitId={
                selectedUnits.size === 1 ? [...selectedUnits][0]! : null
              }
              unitName={unitName}
              pin={pin}
            />
          ) : tab === 'tasks' && planId ? (
            <TasksPanel
              planId={planId}
              scenarioId={data.scenarioId}
              user={user}
              territories={territories}
              selectedTerritoryId={selected}
              onShowTerritory={selectFromList}
            />
          ) : tab === 'review' && planId && data.scenarioId ? (
            <div className="workspace__scroll">
              <ReviewPanel
                planId={planId}
                scenarioId={data.scenarioId}
                user={user}
                onOpenScenario={openScenario}
                onMyChanges={openMyChanges}
                onCompare={setComparing}
              />
            </div>
          ) : tab === 'activity' && planId ? (
            <ActivityPanel
              planId={planId}
              territories={territories}
              selectedTerritoryId={selected}
              onOpenThread={openThread}
              onShowTerritory={selectFromList}
            />
          ) : (
            <div className="workspace__scroll" data-testid="regions-panel">
              <RegionManager {...editAccess} territories={territories} />
            </div>
          )}
        </aside>
      </div>
    )
  }

  return (
    // Every figure below is shown in its territory's region's currency and distance unit.
    <MoneyUnitsProvider territories={panelTerritories}>
      <div className="app-shell">
        {topBar}
        {body}
        {planId ? (
          <ScenariosDialog
            open={scenariosOpen}
            onClose={closeScenarios}
            planId={planId}
            currentScenarioId={data.scenarioId}
            user={user}
            onOpenScenario={openScenario}
            onCompare={(scenarioId) => {
              openScenario(scenarioId)
              setComparing(scenarioId)
            }}
            onRebase={() => {
              setScenariosOpen(false)
              setRebaseOpen(true)
            }}
          />
        ) : null}
        {rebaseOpen && data.plan ? (
          <RebaseDialog
            open={rebaseOpen}
            onClose={() => setRebaseOpen(false)}
            planId={data.plan.id}
            planName={data.plan.name}
            scenarios={data.plan.scenarios}
            currentScenarioId={data.scenarioId}
            onOpenPlan={(planId, scenarioId) => choose({ planId, scenarioId })}
          />
        ) : null}
        {importOpen ? (
          <ImportDialog open onClose={closeImport} onShowOnMap={showImported} />
        ) : null}
        {user.role === 'admin' ? (
          <AdminDialog
            open={adminOpen}
            onClose={closeAdmin}
            currentUserId={user.id}
          />
        ) : null}
        {comparing ? (
          <CompareDialog
            open
            onClose={closeCompare}
            scenarioId={comparing}
            reps={data.reps ?? []}
            onChangedUnits={showChangedUnits}
          />
        ) : null}
      </div>
    </MoneyUnitsProvider>
  )
}
