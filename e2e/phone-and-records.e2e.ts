/**
 * A person on a phone at night (390 px) and at a desk (1280 px): the check-in first on Today
 * and saved with a few taps, a bottom tab bar with SOS always in the header, the coach draft
 * first, and nothing one screen saves changing what another saved (check-in against journal,
 * draft against letters). Entries are edited and deleted with an undo; a draft and the last
 * words in Reflect survive a reload; two Reflect tabs both save; limits show before they bite.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launch,
  onboard,
  openTab,
  type Server,
  seriousViolations,
  startServer,
  type Tab,
} from './harness.js';

let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function tapCheckIn(page: Page, mood: string, urge: string) {
  await page.getByRole('group', { name: /^Mood/ }).getByRole('radio', { name: mood, exact: true }).check();
  await page.getByRole('group', { name: /^Urge/ }).getByRole('radio', { name: urge, exact: true }).check();
}

describe('on a 390 px phone', () => {
  let tab: Tab;
  beforeAll(async () => {
    tab = await openTab(browser, server.base, { width: 390, height: 844 });
    await onboard(tab.page, 'phone-night@example.org');
  });
  afterAll(() => tab.context.close());

  it('puts the check-in first, within the first screen, and saves it with a few taps', async () => {
    const { page } = tab;
    const save = page.getByRole('button', { name: 'Save check-in' });
    const heading = page.getByRole('heading', { name: 'Daily check-in' });
    await heading.waitFor();
    const headingBox = await heading.boundingBox();
    expect(headingBox!.y).toBeLessThan(844);
    // Nothing chosen yet: the button says why it waits.
    expect(await save.isDisabled()).toBe(true);
    await page.getByText('Choose your mood to save.').waitFor();
    await tapCheckIn(page, '3', '8');
    await page.locator('#sleep').fill('7,5');
    await save.click();
    await page.getByText('Check-in saved').waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Update check-in' }).waitFor();
    expect(await page.locator('#sleep').inputValue()).toBe('7.5');
    expect(await page.getByRole('radio', { name: '3' }).first().isChecked()).toBe(true);
  });

  it('draws one check-in as points, with labels readable on the phone', async () => {
    const { page } = tab;
    await page.goto('/#/progress');
    await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
    const mood = page.locator('section[aria-labelledby="mood-h"]');
    await mood.locator('svg').waitFor();
    // One day of data: a mood point and an urge point, not a blank chart.
    expect(await mood.locator('circle.pt').count()).toBe(2);
    const sleep = page.locator('section[aria-labelledby="sleep-h"]');
    expect(await sleep.locator('circle.pt').count()).toBe(1);
    const label = mood.locator('text.label').first();
    const box = await label.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(11);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('has a bottom tab bar (Today, Coach, Journal, Progress, More) and SOS on every screen', async () => {
    const { page } = tab;
    const bar = page.locator('nav.tabbar');
    for (const name of ['Today', 'Coach', 'Journal', 'Progress', 'More']) {
      const link = bar.getByRole('link', { name });
      expect(await link.isVisible(), name).toBe(true);
      const box = await link.boundingBox();
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(390);
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(844);
    }
    await bar.getByRole('link', { name: 'More' }).click();
    await page.getByRole('heading', { name: 'More', level: 1 }).waitFor();
    for (const name of ['Reflect', 'Grow', 'Decide', 'Contact log', 'Commitments', 'Settings']) {
      await page
        .locator('main')
        .getByRole('link', { name: new RegExp(`^${name}`) })
        .waitFor();
    }
    for (const screen of ['today', 'coach', 'journal', 'progress', 'more', 'settings', 'safety-plan']) {
      await page.goto(`/#/${screen}`);
      await page.locator('main h1').first().waitFor();
      const sos = page.getByRole('button', { name: /^SOS/ });
      expect(await sos.isVisible(), screen).toBe(true);
      const box = await sos.boundingBox();
      expect(box!.y, screen).toBeLessThan(80);
    }
  });

  it('never hides a focused control under the sticky header, and skips to content in one tab', async () => {
    const { page } = tab;
    await page.goto('/#/today');
    await page.getByRole('heading', { name: 'Daily check-in' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    // Keyboard focus on a control above the view: it scrolls into view below the header.
    await page.getByRole('group', { name: /^Mood/ }).getByRole('radio', { name: '5', exact: true }).focus();
    const header = await page.locator('header.top').boundingBox();
    const focused = await page.evaluate(() => document.activeElement?.getBoundingClientRect().top ?? -1);
    expect(focused).toBeGreaterThanOrEqual(header!.y + header!.height);
    // The first tab stop skips the header and lands in the screen.
    await page.reload();
    await page.getByRole('heading', { name: 'Daily check-in' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('starts the coach with the draft, above the fold', async () => {
    const { page } = tab;
    await page.goto('/#/coach');
    const draft = page.getByRole('textbox', { name: 'Your draft' });
    await draft.waitFor();
    const box = await draft.boundingBox();
    expect(box!.y).toBeLessThan(500);
  });

  it('keeps the check-in and the journal apart: neither save changes the other', async () => {
    const { page } = tab;
    await page.goto('/#/journal');
    await page.getByLabel('Your entry').fill('I miss the Sunday walks.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByText('Saved to your journal.').waitFor();
    await page.goto('/#/today');
    await page.getByRole('button', { name: 'Update check-in' }).waitFor();
    // The journal did not move the day's mood (3) or urge (8).
    expect(
      await page.getByRole('group', { name: /^Mood/ }).getByRole('radio', { name: '3' }).isChecked(),
    ).toBe(true);
    expect(
      await page.getByRole('group', { name: /^Urge/ }).getByRole('radio', { name: '8' }).isChecked(),
    ).toBe(true);
    // Editing the check-in note leaves the journal entry where it was.
    await page.getByLabel('A note (optional, private)').fill('Better after lunch.');
    await page.getByRole('button', { name: 'Update check-in' }).click();
    await page.getByText('Check-in saved').waitFor();
    await page.goto('/#/journal');
    await page.getByText('I miss the Sunday walks.').waitFor();
    await page.getByText('Better after lunch.').waitFor();
  });

  it('edits a journal entry, deletes it, and brings it back with Undo', async () => {
    const { page } = tab;
    await page
      .getByRole('button', { name: /^Edit the entry/ })
      .first()
      .click();
    await page.getByLabel('Edit this entry').fill('I miss the Sunday walks, and that is all right.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('I miss the Sunday walks, and that is all right.').waitFor();
    await page
      .getByRole('button', { name: /^Delete the entry/ })
      .first()
      .click();
    await page.getByText(/is deleted/).waitFor();
    expect(await page.getByText('I miss the Sunday walks, and that is all right.').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('I miss the Sunday walks, and that is all right.').waitFor();
    await page.reload();
    await page.getByText('I miss the Sunday walks, and that is all right.').waitFor();
  });

  it('shows a limit before it bites: nothing is cut, and the save waits', async () => {
    const { page } = tab;
    await page.goto('/#/today');
    const note = page.getByLabel('A note (optional, private)');
    await note.waitFor();
    await note.fill('a'.repeat(2_001));
    expect((await note.inputValue()).length).toBe(2_001);
    await page.getByText(/1 character over the limit of 2,000/).waitFor();
    expect(await page.getByRole('button', { name: 'Update check-in' }).isDisabled()).toBe(true);
    await note.fill('Better after lunch.');
    await page.getByText('19 of 2,000 characters').waitFor();
  });

  it('brings a coach draft back after a reload, with the coach, never among the letters', async () => {
    const { page } = tab;
    await page.goto('/#/coach');
    const draft = page.getByRole('textbox', { name: 'Your draft' });
    await draft.click();
    await draft.pressSequentially('Hi, I hope the move went well.', { delay: 5 });
    await page.getByText('Draft saved on your account, encrypted.').waitFor();
    await page.reload();
    await page.waitForFunction(() =>
      (document.querySelector('.editor textarea') as HTMLTextAreaElement | null)?.value.includes(
        'I hope the move went well',
      ),
    );
    await page.goto('/#/journal');
    await page.getByText('I miss the Sunday walks').first().waitFor();
    expect(await page.getByText('I hope the move went well').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Letters', exact: true }).count()).toBe(0);
  });

  it('keeps the last words typed in Reflect through a reload', async () => {
    const { page } = tab;
    await page.goto('/#/reflect');
    const field = page.locator('#f-patterns');
    await field.waitFor();
    await field.fill('I go quiet instead of asking.');
    // Reload at once, before the pause that would save: the page saves as it closes.
    await page.reload();
    await page.waitForFunction(() =>
      (document.querySelector('#f-patterns') as HTMLTextAreaElement | null)?.value.includes('go quiet'),
    );
  });

  it('lets two Reflect tabs both save, each keeping its own words', async () => {
    const a = tab.page;
    const b = await tab.context.newPage();
    await a.goto('/#/reflect');
    await b.goto('/#/reflect');
    await a.locator('#f-ownRole').waitFor();
    await b.locator('#f-strengths').waitFor();
    await a.locator('#f-ownRole').fill('I stopped asking for what I needed.');
    await a.getByRole('button', { name: 'Save now' }).click();
    await a.getByText('Saved.', { exact: true }).waitFor();
    // Tab B still holds the older version: its save reconciles instead of failing.
    await b.locator('#f-strengths').fill('We laughed a lot.');
    await b.getByRole('button', { name: 'Save now' }).click();
    await b.getByText('Saved.', { exact: true }).waitFor();
    expect(await b.locator('.error').count()).toBe(0);
    await a.reload();
    await a.waitForFunction(
      () =>
        (document.querySelector('#f-ownRole') as HTMLTextAreaElement | null)?.value.includes(
          'stopped asking',
        ) &&
        (document.querySelector('#f-strengths') as HTMLTextAreaElement | null)?.value.includes('laughed'),
    );
    await b.close();
  });
});

describe('at a 1280 px desk', () => {
  it('fits every destination in the navigation, Settings included, and skips them all in one tab', async () => {
    const { page, context } = await openTab(browser, server.base, { width: 1280, height: 900 });
    await onboard(page, 'desk@example.org');
    const nav = page.locator('header nav');
    for (const name of ['Today', 'Reflect', 'Journal', 'Coach', 'Progress', 'Help', 'Settings']) {
      const link = nav.getByRole('link', { name, exact: true });
      expect(await link.isVisible(), name).toBe(true);
      const box = await link.boundingBox();
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(1280);
    }
    expect(await page.locator('nav.tabbar').isVisible()).toBe(false);

    // Fifteen tab stops come before the screen here (the skip link, the logo, Exit, SOS and
    // eleven destinations): the skip link is the first of them and jumps them all.
    await page.goto('/#/coach');
    await page.reload();
    await page.getByRole('heading', { name: 'Message coach', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    expect(await seriousViolations(page), 'coach at 1280 px').toEqual([]);
    await context.close();
  });

  it('takes a logged-in person back to Today, never to the create-account form', async () => {
    const { page, context } = await openTab(browser, server.base, { width: 1280, height: 900 });
    await onboard(page, 'back@example.org');
    await page.goto('/#/welcome');
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Create my account' }).count()).toBe(0);
    await context.close();
  });
});
