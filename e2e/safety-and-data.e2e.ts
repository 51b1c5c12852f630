/**
 * The promises that protect people: a lock from the safety screening turns outreach off
 * everywhere (including "I sent it"), crisis language brings up help at once, the data can
 * be exported and imported into a new account, and an account can be deleted for good.
 * Also: every screen passes axe-core (no serious or critical violation), works at 360 px
 * without sideways scrolling, and registration works with the keyboard alone.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerScreening,
  launch,
  openTab,
  PASSWORD,
  register,
  type Server,
  seriousViolations,
  startServer,
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

async function onboard(page: import('playwright-core').Page, email: string, noContactAsked = false) {
  await register(page, email);
  await page.getByLabel('When did you break up?').fill('2026-09-15');
  await page.getByRole('button', { name: 'Continue to the safety questions' }).click();
  await answerScreening(page, noContactAsked ? { 'asked you not to contact them': 'Yes' } : {});
}

describe('locks and crisis', () => {
  it('locks outreach after "they asked for no contact", and turns off "I sent it" with the reason', async () => {
    const { page, context } = await openTab(browser, server.base);
    await onboard(page, 'locked@example.org', true);
    await page
      .getByText(/locked|turned off/i)
      .first()
      .waitFor();
    await page.goto('/#/coach');
    await page.getByRole('textbox', { name: 'Your draft' }).fill('Hi, I hope you are doing well.');
    await page.locator('[data-verdict="stop"]').waitFor();
    const sent = page.getByRole('button', { name: 'I sent it' });
    expect(await sent.isDisabled()).toBe(true);
    await expect(page.locator('#sent-why').textContent()).resolves.toMatch(/turned off/);
    await context.close();
  });

  it('brings up crisis help at once from the coach and from the journal', async () => {
    const { page, context } = await openTab(browser, server.base);
    await onboard(page, 'crisis@example.org');
    await page.goto('/#/coach');
    await page
      .getByRole('textbox', { name: 'Your draft' })
      .fill('i cant do this anymore, i want to end it all');
    await page.getByTestId('crisis-dialog').waitFor();
    await expect(page.getByTestId('crisis-dialog').textContent()).resolves.toMatch(/988|116 123/);
    await page.keyboard.press('Escape');
    await page.goto('/#/journal');
    await page.getByLabel('Your entry').fill('Some nights I hope I never wake up.');
    await page.getByRole('button', { name: /save/i }).first().click();
    await page.getByTestId('crisis-dialog').waitFor();
    await context.close();
  });
});

describe('your data', () => {
  it('exports JSON, imports it into a new account, then deletes that account for good', async () => {
    const first = await openTab(browser, server.base);
    await onboard(first.page, 'export@example.org');
    await first.page.goto('/#/journal');
    await first.page.getByLabel('Your entry').fill('The garden is finally coming back.');
    await first.page.getByRole('button', { name: /save/i }).first().click();
    await first.page.getByText('The garden is finally coming back.').last().waitFor();
    await first.page.goto('/#/settings');
    const [download] = await Promise.all([
      first.page.waitForEvent('download'),
      first.page.getByRole('link', { name: 'Export (JSON)' }).click(),
    ]);
    // Downloads vanish with their context: keep a copy to import later.
    const file = join(mkdtempSync(join(tmpdir(), 'olive-export-')), 'export.json');
    copyFileSync(await download.path(), file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(JSON.stringify(exported)).toContain('The garden is finally coming back.');
    await first.context.close();

    const second = await openTab(browser, server.base);
    await onboard(second.page, 'import@example.org');
    await second.page.goto('/#/settings');
    await second.page.getByLabel('Import an export (replaces what is here)').setInputFiles(file);
    await second.page.getByRole('button', { name: 'Import', exact: true }).click();
    await second.page.getByText('Imported. Your journey is restored.').waitFor();
    await second.page.goto('/#/journal');
    await second.page.getByText('The garden is finally coming back.').first().waitFor();

    await second.page.goto('/#/settings');
    const del = second.page.locator('section[aria-labelledby="del-h"]');
    await del.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await del.getByLabel(/to confirm/).fill('delete my account');
    await del.getByRole('button', { name: 'Delete everything' }).click();
    await second.page.getByRole('button', { name: 'Create my account' }).waitFor();
    // the account is gone: logging in fails
    await second.page.getByRole('button', { name: 'Log in' }).first().click();
    await second.page.getByLabel('Email', { exact: true }).fill('import@example.org');
    await second.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await second.page.locator('form').getByRole('button', { name: 'Log in' }).click();
    await second.page.getByText(/not right/).waitFor();
    await second.context.close();
  });
});

describe('every screen, for everyone', () => {
  const SCREENS = [
    'today',
    'reflect',
    'journal',
    'grow',
    'decide',
    'coach',
    'contacts',
    'commitments',
    'progress',
    'help',
    'safety-plan',
    'settings',
    'more',
  ];

  it('has no serious or critical axe violation, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await openTab(browser, server.base, { colorScheme });
      await page.goto('/');
      expect(await seriousViolations(page), `welcome ${colorScheme}`).toEqual([]);
      await onboard(page, `axe-${colorScheme}@example.org`);
      for (const name of SCREENS) {
        await page.goto(`/#/${name}`);
        await page.locator('main h1').first().waitFor();
        expect(await seriousViolations(page), `${name} ${colorScheme}`).toEqual([]);
      }
      await context.close();
    }
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const { page, context } = await openTab(browser, server.base, { width: 360, height: 740 });
    await onboard(page, 'phone@example.org');
    for (const name of SCREENS) {
      await page.goto(`/#/${name}`);
      await page.locator('main h1').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it('lets a person register with the keyboard alone', async () => {
    const { page, context } = await openTab(browser, server.base);
    await page.goto('/');
    await page.getByLabel('Email', { exact: true }).waitFor();
    await page.keyboard.press('Tab');
    // Tab until the email field has focus, then type through the form
    for (let i = 0; i < 30; i++) {
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'email'))
        break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('keyboard@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    for (let i = 0; i < 10; i++) {
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox'))
        break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.getByText('Step 1 of 3').waitFor();
    await context.close();
  });
});
