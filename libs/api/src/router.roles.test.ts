import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, seedTestPlans, testBackends } from '@tessera/db'
import type { Role } from '@tessera/domain'
import { appRouter } from './router.js'
import { testContext, testUser } from './testing.js'

/**
 * Who may call what, for every procedure of the API: `public` (anyone, signed in or not),
 * `signed-in` (every role; the procedure itself may still refuse an action by its rules,
 * which the routers' own tests cover role by role), or the roles allowed. A procedure added
 * to the API without a line here fails the test, so no procedure goes unchecked.
 */
const RULES: Record<string, 'public' | 'signed-in' | Role[]> = {
  'auth.login': 'public',
  'auth.me': 'public',
  'auth.logout': 'signed-in',
  'auth.setLocale': 'signed-in',
  'plans.list': 'signed-in',
  'plans.scenario': 'signed-in',
  'plans.scores': 'signed-in',
  'plans.engineInput': 'signed-in',
  'plans.autoDesign': ['planner', 'manager', 'admin'],
  'plans.rebalance': ['planner', 'manager', 'admin'],
  'plans.hexagonOptions': ['planner', 'manager', 'admin'],
  'settings.currencies': 'signed-in',
  'settings.setUnits': ['admin'],
  'settings.setRate': ['admin'],
  'settings.removeRate': ['admin'],
  'plans.rebaseOnHexagons': ['planner', 'manager', 'admin'],
  'plans.optimizeJob': 'signed-in',
  'plans.suggestions': 'signed-in',
  'plans.cancelOptimizeJob': ['planner', 'manager', 'admin'],
  'scenarios.list': 'signed-in',
  'scenarios.compare': 'signed-in',
  'scenarios.create': ['planner', 'manager', 'admin'],
  'scenarios.rename': ['planner', 'manager', 'admin'],
  'scenarios.archive': ['planner', 'manager', 'admin'],
  'scenarios.delete': ['planner', 'manager', 'admin'],
  'reviews.status': 'signed-in',
  'reviews.submit': ['planner', 'manager', 'admin'],
  'reviews.reopen': ['planner', 'manager', 'admin'],
  'reviews.answer': ['rep'],
  'reviews.decide': ['manager', 'admin'],
  'reviews.publish': ['manager', 'admin'],
  'reviews.history': 'signed-in',
  'reviews.alignmentOn': 'signed-in',
  'reviews.alignmentCsv': 'signed-in',
  'reviews.myChanges': ['rep'],
  'geo.layer': 'signed-in',
  'geo.units': 'signed-in',
  'geo.adjacency': 'signed-in',
  'accounts.byIds': 'signed-in',
  'accounts.count': 'signed-in',
  'accounts.inBBox': 'signed-in',
  'accounts.search': 'signed-in',
  'reps.list': 'signed-in',
  'collab.token': 'signed-in',
  'comments.threads': 'signed-in',
  'comments.thread': 'signed-in',
  'comments.create': 'signed-in',
  'comments.reply': 'signed-in',
  'comments.edit': 'signed-in',
  'comments.delete': 'signed-in',
  'comments.resolve': 'signed-in',
  'comments.mentionable': 'signed-in',
  'tasks.list': 'signed-in',
  'tasks.calendar': 'signed-in',
  'tasks.get': 'signed-in',
  'tasks.create': 'signed-in',
  'tasks.update': 'signed-in',
  'notifications.list': 'signed-in',
  'notifications.unreadCount': 'signed-in',
  'notifications.markRead': 'signed-in',
  'activity.list': 'signed-in',
  'routing.route': 'signed-in',
  'accounts.industries': 'signed-in',
  'targeting.select': 'signed-in',
  'targeting.csv': 'signed-in',
  'targeting.whiteSpace': 'signed-in',
  'imports.history': ['planner', 'manager', 'admin'],
  'imports.report': ['planner', 'manager', 'admin'],
  'analytics.dashboard': 'signed-in',
  'analytics.setQuota': ['planner', 'manager', 'admin'],
  'admin.users': ['admin'],
  'admin.createUser': ['admin'],
  'admin.updateUser': ['admin'],
  'admin.resetPassword': ['admin'],
  'admin.renameOrganization': ['admin'],
  'integrations.apiKeys': ['admin'],
  'integrations.createApiKey': ['admin'],
  'integrations.revokeApiKey': ['admin'],
  'integrations.webhooks': ['admin'],
  'integrations.createWebhook': ['admin'],
  'integrations.updateWebhook': ['admin'],
  'integrations.deleteWebhook': ['admin'],
  'integrations.deliveries': ['admin'],
  'integrations.testWebhook': ['admin'],
}

const ROLES: Role[] = ['admin', 'manager', 'planner', 'rep']

describe('every procedure against every role (role × action matrix)', () => {
  let h: DatabaseHandle
  beforeAll(async () => {
    // The gate is the same on either database: the embedded one is enough.
    h = await testBackends({})[0]!.open()
    await seedTestPlans(h.db, {
      users: Object.fromEntries(
        ROLES.map((role) => [`usr_${role}`, { orgId: 'org_a', role }]),
      ),
      plans: [{ id: 'pln_a', orgId: 'org_a', scenarioIds: ['scn_a'] }],
    })
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  /** Calls a procedure by its path with an empty input: only the gate before it decides. */
  async function call(path: string, role: Role | null) {
    const caller = appRouter.createCaller(
      testContext(
        h.db,
        role ? testUser(`usr_${role}`, { orgId: 'org_a', role }) : null,
        {
          res: { setHeader: () => undefined } as never,
        },
      ),
    ) as unknown as Record<
      string,
      Record<string, (input: unknown) => Promise<unknown>>
    >
    const [group, name] = path.split('.') as [string, string]
    try {
      await caller[group]![name]!({})
      return 'ok'
    } catch (error) {
      return (error as { code?: string }).code ?? 'error'
    }
  }

  it('lists every procedure the API has', () => {
    const procedures = Object.keys(
      (
        appRouter as unknown as {
          _def: { procedures: Record<string, unknown> }
        }
      )._def.procedures,
    ).sort()
    expect(procedures).toEqual(Object.keys(RULES).sort())
  })

  it('lets each role through exactly the procedures its role may call', async () => {
    const wrong: string[] = []
    for (const [path, rule] of Object.entries(RULES)) {
      // Signed out: refused, unless public.
      const anonymous = await call(path, null)
      if ((anonymous === 'UNAUTHORIZED') !== (rule !== 'public'))
        wrong.push(`${path} signed out: ${anonymous}`)
      for (const role of ROLES) {
        const allowed =
          rule === 'public' || rule === 'signed-in' || rule.includes(role)
        const result = await call(path, role)
        if ((result === 'FORBIDDEN') === allowed || result === 'UNAUTHORIZED')
          wrong.push(`${path} as ${role}: ${result}`)
      }
    }
    expect(wrong).toEqual([])
  })
})
