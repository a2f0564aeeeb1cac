/** The app shell: loading and error pages, the top bar, the side panel's tabs, the workspace. */
export const app = {
  loading: 'Loading Tessera…',
  unreachable: {
    title: 'Can’t reach Tessera',
    detail: 'The server did not answer. Check your connection, then try again.',
  },
  topBar: {
    context: 'Plan and scenario',
    plan: 'Plan',
    scenario: 'Scenario',
    noScenario: 'No scenario',
    scenarios: 'Scenarios…',
    myChanges: 'My changes',
    report: 'Report',
    import: 'Import…',
    users: 'Users…',
    loadingScenario: 'Loading the scenario',
    signOut: 'Sign out',
  },
  tabs: {
    label: 'Side panel',
    territories: 'Territories',
    dashboard: 'Dashboard',
    edit: 'Edit',
    regions: 'Regions',
    notes: 'Notes',
    discussion: 'Discussion',
    tasks: 'Tasks',
    activity: 'Activity',
    review: 'Review',
    targeting: 'Campaigns',
  },
  readOnly: {
    rep: 'View only: reps review plans; planners and managers edit them.',
    reopen:
      'View only: this scenario is {{status}}. Reopen it as a draft (Review tab) to edit.',
    openDraft: 'View only: this scenario is {{status}}. Open a draft to edit.',
    status: {
      draft: 'draft',
      in_review: 'in review',
      approved: 'approved',
      scheduled: 'scheduled',
      published: 'published',
      superseded: 'superseded',
      archived: 'archived',
    },
  },
  plan: {
    pickToPaint:
      'Pick a territory to paint with: click it in the list or on the map.',
    applied:
      'Applied “{{name}}”: {{count, number}} units reassigned. Undo reverts it.',
    nothingSelected: 'Nothing selected: the shape did not reach any unit.',
    loadFailed: 'The plan could not be loaded',
    loadFailedDetail:
      'Tessera did not answer as expected. Try again in a moment.',
    noPlans: 'No plans yet',
    noPlansDetail: 'When a planner creates a plan, it appears here.',
    loading: 'Loading the plan…',
    optimize: 'Optimize…',
    selectToEdit: 'Select a territory on the map or in the list to edit it.',
  },
} as const
