/**
 * Safety rules that hold against everyone (issue 13), in the browser as a new person would
 * meet them: a screening asked one question at a time with nothing preset, outreach tools
 * that wait for it, "I sent it" that says what it does to the no-contact clock, a re-opening
 * that needs the ex's own message and a confirmation, and a Decide step with no preset
 * answers that confirms "together again".
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerScreening,
  launch,
  openTab,
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

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function profile(page: Page, email: string): Promise<void> {
  await register(page, email);
  await page.getByLabel('When did you break up?').fill(daysAgo(20));
  await page.getByLabel('When were you last in touch with them?').fill(daysAgo(10));
  await page.getByRole('button', { name: 'Continue to the safety questions' }).click();
}

describe('the safety screening', () => {
  it('asks one question at a time, with progress, why, nothing preset and every answer needed', async () => {
    const { page, context } = await openTab(browser, server.base);
    await profile(page, 'screening@example.org');
    const screening = page.getByTestId('safety-screening');
    await screening.waitFor();
    await expect(screening.getByRole('link', { name: 'Help and support lines' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await page.getByText('Question 1 of 11').waitFor();
    await expect(screening.getByRole('radio').count()).resolves.toBe(3);
    await expect(screening.locator('input[type=radio]:checked').count()).resolves.toBe(0);
    await expect(screening.textContent()).resolves.toMatch(/Why we ask:/);
    expect(await seriousViolations(page)).toEqual([]);
    // No answer, no next question.
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose an answer to go on' }).waitFor();
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByText('Question 2 of 11').waitFor();
    await expect(screening.locator('input[type=radio]:checked').count()).resolves.toBe(0);
    // SOS stays in reach in the middle of it.
    await screening.getByRole('button', { name: 'Open SOS' }).click();
    await page.locator('dialog[open]').first().waitFor();
    await page.keyboard.press('Escape');
    await context.close();
  });

  it('keeps the contact log, the ladder and "I sent it" closed until the screening is done', async () => {
    const { page, context } = await openTab(browser, server.base);
    await profile(page, 'skipper@example.org');
    // Leave the screening unanswered and go straight to the coach.
    await page.goto('/#/coach');
    await page.getByRole('textbox', { name: 'Your draft' }).fill('Hi, I hope your week is going well.');
    await expect(page.getByRole('button', { name: 'I sent it' }).isDisabled()).resolves.toBe(true);
    await expect(page.locator('#sent-why').textContent()).resolves.toMatch(/safety questions/);
    await page.goto('/#/contacts');
    await page.getByTestId('safety-screening').waitFor();
    await expect(page.getByRole('button', { name: 'Add to log' }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'The channel ladder' }).count()).resolves.toBe(0);
    // Answered right there, the log opens.
    await answerScreening(page);
    await page.getByRole('button', { name: 'Add to log' }).waitFor();
    await context.close();
  });

  it('locks outreach for "Not sure" about a request for no contact', async () => {
    const { page, context } = await openTab(browser, server.base);
    await profile(page, 'unsure@example.org');
    await answerScreening(page, { 'asked you not to contact them': 'Not sure' });
    await page.getByTestId('lock-notice').waitFor();
    await expect(page.getByTestId('lock-notice').textContent()).resolves.toMatch(
      /not sure whether your ex asked/,
    );
    await context.close();
  });
});

describe('contact while a no-contact period runs', () => {
  it('says "I sent it" will count as a break before it records anything', async () => {
    const { page, context } = await openTab(browser, server.base);
    await profile(page, 'clock@example.org');
    await answerScreening(page);
    await page.goto('/#/coach');
    await page.getByRole('textbox', { name: 'Your draft' }).fill('Hi, I hope your week is going well.');
    await page.getByRole('button', { name: 'I sent it' }).click();
    const text = page.getByTestId('sent-confirm-text');
    await text.waitFor();
    await expect(text.textContent()).resolves.toMatch(/day 10 of 30 without contact.*counts as a break/);
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.goto('/#/contacts');
    await page.getByText('No exchanges yet.').waitFor();
    await page.goto('/#/coach');
    await page.getByRole('textbox', { name: 'Your draft' }).fill('Hi, I hope your week is going well.');
    await page.getByRole('button', { name: 'I sent it' }).click();
    await page.getByRole('button', { name: 'Record it anyway' }).click();
    await page.getByText('Recorded in your contact log').waitFor();
    await page.goto('/#/today');
    await page.getByTestId('streak').waitFor();
    await expect(page.getByTestId('streak').textContent()).resolves.toMatch(/Day 0/);
    await context.close();
  });
});

describe('the contact log during a no-contact period', () => {
  it('counts contact the person starts as a break, unless it was strictly necessary', async () => {
    const { page, context } = await openTab(browser, server.base);
    await profile(page, 'necessary@example.org');
    await answerScreening(page);
    await page.goto('/#/contacts');
    await page.getByLabel('Who wrote or called?').selectOption('user-to-ex');
    await expect(page.getByTestId('break-warning').textContent()).resolves.toMatch(/counts as a break/);
    await page.getByLabel('Was it strictly necessary?').selectOption('children');
    await expect(page.getByTestId('break-warning').textContent()).resolves.toMatch(/does not break/);
    await page.getByRole('button', { name: 'Add to log' }).click();
    await page.getByText('Added to the log.').waitFor();
    await page.goto('/#/today');
    await page.getByTestId('streak').waitFor();
    await expect(page.getByTestId('streak').textContent()).resolves.toMatch(/Day 10/);
    await context.close();
  });
});

describe('a request for no contact', () => {
  it('re-opens only on a message the ex started, confirmed in a dialog', async () => {
    const { page, context } = await openTab(browser, server.base);
    await profile(page, 'reopen@example.org');
    await answerScreening(page, { 'asked you not to contact them': 'Yes' });
    await page.getByTestId('lock-notice').waitFor();
    await page.goto('/#/contacts');
    await page.getByRole('button', { name: 'They got in touch with me first' }).click();
    await page.getByTestId('reopen-needs-message').waitFor();
    await expect(
      page.getByRole('button', { name: 'Yes, they reached out to me first' }).count(),
    ).resolves.toBe(0);
    await page.locator('dialog[open]').getByRole('button', { name: 'Close' }).first().click();
    // Their message, started by them, logged now.
    await page.getByLabel('Who wrote or called?').selectOption('ex-to-user');
    await page.getByLabel('Who started this exchange?').selectOption('ex');
    await page.getByRole('button', { name: 'Add to log' }).click();
    await page.getByText('Added to the log.').waitFor();
    await page.getByRole('button', { name: 'They got in touch with me first' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, they reached out to me first' }).click();
    await page.getByText('they re-opened contact themselves').waitFor();
    await page.goto('/#/today');
    await page.getByTestId('phase').waitFor();
    await expect(page.getByTestId('lock-notice').count()).resolves.toBe(0);
    await context.close();
  });
});

describe('Decide', () => {
  it('starts with no answer preset and asks before recording "together again"', async () => {
    const { page, context } = await openTab(browser, server.base);
    await profile(page, 'decide@example.org');
    await answerScreening(page);
    await page.goto('/#/decide');
    await page.getByRole('heading', { name: 'The assessment' }).waitFor();
    await expect(page.locator('form input[type=radio]:checked').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Save the assessment' }).click();
    await page.getByText(/Answer every question first: \d+ still have no answer/).waitFor();
    await page.getByRole('button', { name: 'We are together again' }).click();
    await page.getByRole('button', { name: 'Yes, we both decided' }).waitFor();
    await page.getByRole('button', { name: 'Not yet' }).click();
    await expect(page.getByText('You recorded:').count()).resolves.toBe(0);
    await context.close();
  });
});
