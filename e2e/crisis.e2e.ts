/**
 * Crisis help (issue 11) in the browser, the way a person in pain meets it: help opens as
 * they type in any field, worded gently for a warning sign, with their own safety plan
 * first; "I'm safe right now" lets the coach show its coaching while help stays on screen.
 */
import type { Browser } from 'playwright-core';
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
let tab: Tab;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  tab = await openTab(browser, server.base, { width: 390, height: 844 });
  await onboard(tab.page, 'night@example.org');
});
afterAll(async () => {
  await tab?.context.close();
  await browser?.close();
  await server?.stop();
});

describe('crisis help', () => {
  it('opens as the person types a journal entry, asks gently, and shows their safety plan first', async () => {
    const { page } = tab;
    await page.goto('/#/safety-plan');
    await page.getByRole('heading', { name: /safety plan/i, level: 1 }).waitFor();
    await page.locator('textarea').first().fill('I call my sister Maya');
    await page.getByRole('button', { name: /save/i }).first().click();
    await page.getByText(/saved/i).first().waitFor();

    await page.goto('/#/journal');
    await page.getByLabel('Your entry').fill('honestly everyone would be better off without me');
    // No save: help opens as the words are typed.
    const dialog = page.getByTestId('crisis-dialog');
    await dialog.waitFor();
    await expect(dialog.getAttribute('data-level')).resolves.toBe('warning');
    await page.getByRole('heading', { name: 'This sounds heavy. Are you safe right now?' }).waitFor();
    const plan = page.getByTestId('crisis-safety-plan');
    await plan.getByText('I call my sister Maya').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('said-safe').click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('stops the coaching for a crisis draft, then shows it with help still on screen once the person is safe', async () => {
    const { page } = tab;
    await page.reload();
    await page.goto('/#/coach');
    const draft = page.getByRole('textbox', { name: 'Your draft' });
    await draft.click();
    await draft.pressSequentially('You never listen to me. I cant do this anymore.', { delay: 5 });
    const help = page.getByTestId('coach-crisis-help');
    await help.waitFor();
    // The crisis dialog opens too, with focus on its title (a key still being typed clicks
    // nothing); the person closes it without saying anything.
    const dialog = page.getByTestId('crisis-dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const worth = page.getByRole('list', { name: 'Worth revising' });
    // Only the help is shown: no coaching of the blame yet.
    await expect(worth.getByText('You never listen', { exact: false }).count()).resolves.toBe(0);
    await help.getByRole('button', { name: /I'm safe right now/ }).click();
    await worth.getByText('You never listen', { exact: false }).first().waitFor();
    // Help stays.
    await expect(help.isVisible()).resolves.toBe(true);
  });
});
