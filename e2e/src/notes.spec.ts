import type { Page } from '@playwright/test'
import { xssPayloads } from '@tessera/domain'
import * as Y from 'yjs'
import {
  expect,
  rawClient,
  signIn,
  signInBoth,
  test,
  trapScriptRuns,
} from './support'

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `tmp/e2e-results/notes-${name}.png` })

/** Selects the n-th territory in the list, opens its notes and says which territory it is. */
async function openNotes(page: Page, n: number) {
  await page.getByTestId('tab-territories').click()
  const row = page.getByTestId('territory-row').nth(n)
  const id = (await row.getAttribute('data-territory-id'))!
  const name = (
    await row.locator('.territory-row__name').first().innerText()
  ).trim()
  await row.click()
  await page.getByTestId('tab-notes').click()
  await expect(page.getByTestId('territory-notes')).toContainText(
    `Notes on ${name}`,
  )
  await expect(page.getByTestId('territory-notes')).toContainText('Live')
  return { id, name }
}

test('two people write one territory’s notes at once and see each other’s carets; a rep reads them', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const [manager, planner] = await signInBoth(browser, 'manager', 'planner')
  const territory = await openNotes(manager, 5)
  await openNotes(planner, 5)

  const managerBox = manager.getByRole('textbox', { name: 'Territory notes' })
  const plannerBox = planner.getByRole('textbox', { name: 'Territory notes' })
  await managerBox.click()
  await manager.keyboard.type('Renewal with Acme in March. ')
  await expect(plannerBox).toContainText('Renewal with Acme in March.')
  // Each sees the other in the note, and the other's caret with their name.
  await expect(planner.getByLabel('Also in this note')).toContainText(
    'Morgan Manager',
  )
  await expect(
    planner.locator('.collaboration-carets__label', {
      hasText: 'Morgan Manager',
    }),
  ).toBeVisible()
  await plannerBox.click()
  await planner.keyboard.press('ControlOrMeta+End')
  await planner.keyboard.press('Enter')
  await planner.keyboard.type('Pat: checked the travel times, fine.')
  await expect(managerBox).toContainText('Pat: checked the travel times, fine.')
  await expect(
    manager.locator('.collaboration-carets__label', {
      hasText: 'Pat Planner',
    }),
  ).toBeVisible()
  // Both typing at once: neither loses a word.
  await managerBox.click()
  await manager.keyboard.press('ControlOrMeta+Home')
  await Promise.all([
    manager.keyboard.type('Owner: Morgan. '),
    planner.keyboard.type(' Second visit booked.'),
  ])
  for (const box of [managerBox, plannerBox]) {
    await expect(box).toContainText('Owner: Morgan.')
    await expect(box).toContainText('Second visit booked.')
  }
  await shot(planner, '1-planner-sees-manager-caret')

  // A rep reads the same note, cannot change it, and is told why.
  const rep = await (await browser.newContext()).newPage()
  await signIn(rep, 'rep')
  await rep
    .locator(
      `[data-testid="territory-row"][data-territory-id="${territory.id}"]`,
    )
    .click()
  await rep.getByTestId('tab-notes').click()
  const repBox = rep.getByRole('textbox', { name: 'Territory notes' })
  await expect(repBox).toContainText('Renewal with Acme in March.')
  await expect(repBox).toHaveAttribute('contenteditable', 'false')
  await expect(rep.getByTestId('territory-notes')).toContainText(
    'Read only: planners and managers write territory notes.',
  )
  await shot(rep, '2-rep-reads')

  // Another territory has notes of its own.
  await openNotes(manager, 6)
  await expect(managerBox).not.toContainText('Renewal with Acme')
  await openNotes(manager, 5)
  await expect(managerBox).toContainText('Second visit booked.')
})

test('no XSS payload written into a note by another client runs in the browser', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000)
  const ran = await trapScriptRuns(page)
  await signIn(page, 'manager')
  const row = page.getByTestId('territory-row').nth(2)
  const territoryId = (await row.getAttribute('data-territory-id'))!
  const scenarioId = await page.getByTestId('scenario-name').inputValue()

  // Each payload as text, as a link's address, as an attribute of a known node, and as
  // the name of a node the editor does not know — written straight into the Yjs document.
  const hostile = await rawClient(
    context,
    baseURL!,
    `notes:${scenarioId}:${territoryId}`,
  )
  const fragment = hostile.doc.getXmlFragment('default')
  hostile.doc.transact(() => {
    // (A Yjs type takes content once it is in the document: elements go in first.)
    for (const payload of xssPayloads) {
      const p = new Y.XmlElement('paragraph')
      const h = new Y.XmlElement('heading')
      const code = new Y.XmlElement('codeBlock')
      const odd = new Y.XmlElement('img')
      fragment.insert(fragment.length, [p, h, code, odd])
      const t = new Y.XmlText()
      p.insert(0, [t])
      t.insert(0, payload)
      t.insert(t.length, ' link', { link: { href: payload } })
      p.setAttribute('onclick', payload)
      p.setAttribute('style', payload)
      h.setAttribute('level', payload)
      h.insert(0, [new Y.XmlText('heading')])
      code.setAttribute('language', payload)
      code.insert(0, [new Y.XmlText('code')])
      odd.setAttribute('src', 'x')
      odd.setAttribute('onerror', payload)
    }
    const script = new Y.XmlElement('script')
    fragment.insert(fragment.length, [script])
    script.insert(0, [new Y.XmlText('window.print()')])
  })

  await row.click()
  await page.getByTestId('tab-notes').click()
  const notes = page.getByTestId('territory-notes')
  const box = page.getByRole('textbox', { name: 'Territory notes' })
  // Every payload is there, as text.
  await expect(box).toContainText(xssPayloads[0]!)
  await expect(box).toContainText(xssPayloads[xssPayloads.length - 1]!)
  // Click every link the note shows.
  for (const link of await notes.locator('a').all())
    await link.click({ modifiers: ['ControlOrMeta'] }).catch(() => undefined)
  await page.waitForTimeout(500)
  const found = await page.evaluate(() => {
    // The note's text as the editor shows it (the toolbar's own icons are not in it).
    const area = document.querySelector(
      '[data-testid="territory-notes"] .ProseMirror',
    )!
    const all = [...area.querySelectorAll('*')]
    return {
      unsafeLinks: [...area.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href') ?? '')
        // (An empty address is what the editor leaves of a refused one.)
        .filter(
          (h) => h.trim() !== '' && !/^(https?:|mailto:|\/|#)/i.test(h.trim()),
        ),
      handlers: all.flatMap((el) =>
        [...el.attributes]
          .filter((a) => a.name.startsWith('on'))
          .map((a) => `${el.tagName}.${a.name}`),
      ),
      elements: all
        .map((el) => el.tagName.toLowerCase())
        .filter((t) =>
          [
            'script',
            'img',
            'iframe',
            'object',
            'embed',
            'svg',
            'style',
          ].includes(t),
        ),
    }
  })
  expect(xssPayloads.length).toBeGreaterThanOrEqual(20)
  expect(found.unsafeLinks).toEqual([])
  expect(found.handlers).toEqual([])
  expect(found.elements).toEqual([])
  expect(ran).toEqual([])
  await shot(page, '3-xss-payloads-as-text')
  hostile.provider.destroy()
  hostile.doc.destroy()
})
