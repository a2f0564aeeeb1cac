import type { Page, WebSocketRoute } from '@playwright/test'
import { expect, openDraft, test } from './support'

const accounts = (page: Page, name: string) =>
  page
    .getByTestId('territory-row')
    .filter({ hasText: name })
    .first()
    .locator('.territory-row__accounts')
    .innerText()

test('edits made offline are kept, shown as pending, and merge on reconnect', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const a = await (await browser.newContext()).newPage()
  // The planner's link to the hub goes through a switch the test can open: a dropped
  // network, as the browser sees it (the socket closes and cannot come back).
  let online = true
  const links: WebSocketRoute[] = []
  await a.routeWebSocket(/\/yjs\//, (ws) => {
    if (!online) {
      void ws.close({ code: 1006, reason: 'offline' }).catch(() => undefined)
      return
    }
    links.push(ws)
    ws.connectToServer()
  })
  const b = await (await browser.newContext()).newPage()
  await openDraft(a, 'planner')
  await openDraft(b, 'manager')
  // Both live, showing the live document rather than the stored copy they start with.
  for (const p of [a, b])
    await expect(p.getByTestId('connection-status')).toHaveText('Live')
  await b.waitForTimeout(1000)
  const before = await accounts(b, 'Wichita')

  // The network goes.
  online = false
  await a.context().setOffline(true)
  for (const ws of links.splice(0)) await ws.close().catch(() => undefined)
  await expect(a.getByTestId('connection-status')).toContainText('Offline')

  // A paints one unit into Wichita while offline: kept, counted, not yet seen by B.
  await a
    .getByTestId('territory-row')
    .filter({ hasText: 'Wichita' })
    .first()
    .click()
  await a.keyboard.press('b')
  const box = (await a.getByTestId('map').boundingBox())!
  await expect(async () => {
    await a.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.5)
    await a.mouse.down()
    await a.mouse.up()
    expect(await accounts(a, 'Wichita')).not.toBe(before)
  }).toPass({ timeout: 30_000, intervals: [1000, 2000] })
  await expect(a.getByTestId('connection-status')).toContainText(
    /\d+ edits? to send/,
  )
  await a.screenshot({ path: 'tmp/e2e-results/offline-1-pending.png' })
  const offlineValue = await accounts(a, 'Wichita')
  expect(await accounts(b, 'Wichita')).toBe(before)

  // The network comes back: the edit goes out and B sees it.
  online = true
  await a.context().setOffline(false)
  await expect(a.getByTestId('connection-status')).toHaveText('Live', {
    timeout: 30_000,
  })
  await expect
    .poll(() => accounts(b, 'Wichita'), { timeout: 20_000 })
    .toBe(offlineValue)
  await b.screenshot({ path: 'tmp/e2e-results/offline-2-merged.png' })
  for (const p of [a, b]) await p.context().close()
})
