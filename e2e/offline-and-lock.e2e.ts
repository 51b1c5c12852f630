/**
 * Help that works when nothing else does, and privacy on a shared phone: the installed app
 * (manifest, icons, service worker) opens with the server stopped and still shows SOS, the
 * person's own safety plan (the encrypted copy on the device) and the crisis lines. The app
 * lock asks for a PIN or the account password and ends the session after 5 wrong ones; quick exit leaves at once;
 * the daily reminder is a calendar file. The dialogs pass axe-core too.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launch,
  onboard,
  openTab,
  PASSWORD,
  type Server,
  seriousViolations,
  startServer,
} from './harness.js';

let server: Server;
let browser: Browser;
let stopped = false;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  if (!stopped) await server?.stop();
});

describe('the app lock, quick exit and the reminder', () => {
  it('asks for the PIN after reopening, unlocks with the right one, and logs out after 5 wrong ones', async () => {
    const { page, context } = await openTab(browser, server.base, { width: 390, height: 844 });
    await onboard(page, 'shared-phone@example.org');
    await page.goto('/#/settings');
    await page.getByLabel('Choose a PIN (4 to 8 digits)').fill('2468');
    await page.getByLabel('The same PIN again').fill('2468');
    await page.getByRole('button', { name: 'Turn the app lock on' }).click();
    await page.getByText('The app lock is on for this device.').waitFor();

    await page.goto('/#/journal');
    await page.reload();
    await page.getByRole('heading', { name: 'Olive Branch is locked' }).waitFor();
    // Nothing of the journal is on the page, and no navigation either; SOS still is.
    expect(await page.getByRole('heading', { name: 'Journal and letters' }).count()).toBe(0);
    expect(await page.locator('nav').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^SOS/ }).isVisible()).toBe(true);
    expect(await seriousViolations(page), 'lock screen').toEqual([]);

    await page.getByLabel('PIN').fill('1111');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(/4 tries left/).waitFor();
    await page.getByLabel('PIN').fill('2468');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Journal and letters' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Olive Branch is locked' }).waitFor();
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('PIN').fill('0000');
      await page.getByRole('button', { name: 'Unlock' }).click();
      if (i < 4) await page.getByText(new RegExp(`${4 - i} tr(y|ies) left`)).waitFor();
    }
    await page.getByRole('button', { name: 'Create my account' }).waitFor();
    const session = await page.request.get('/api/v1/auth/session');
    expect(session.status()).toBe(401);
    await context.close();
  });

  it('can ask for the account password instead: a wrong one counts, the right one unlocks, 5 wrong log out', async () => {
    const { page, context } = await openTab(browser, server.base, { width: 390, height: 844 });
    await onboard(page, 'password-lock@example.org');
    await page.goto('/#/settings');
    await page.getByLabel('Unlock with').selectOption('password');
    expect(await page.getByLabel('Choose a PIN (4 to 8 digits)').count()).toBe(0);
    await page.getByRole('button', { name: 'Turn the app lock on' }).click();
    await page.getByText('It asks for your password.').waitFor();
    // Nothing secret is kept on the device for a password lock.
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('olive.lock') ?? '{}'))).toMatchObject({
      method: 'password',
      hash: '',
    });

    await page.goto('/#/journal');
    await page.reload();
    await page.getByRole('heading', { name: 'Olive Branch is locked' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Journal and letters' }).count()).toBe(0);
    expect(await seriousViolations(page), 'lock screen, password').toEqual([]);
    await page.getByLabel('Password').fill('not my password at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(/That password is not right\. 4 tries left/).waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Journal and letters' }).waitFor();

    // The right password started the count again: five wrong ones in a row end the session.
    await page.reload();
    await page.getByRole('heading', { name: 'Olive Branch is locked' }).waitFor();
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Password').fill(`wrong guess number ${i}`);
      await page.getByRole('button', { name: 'Unlock' }).click();
      if (i < 4) await page.getByText(new RegExp(`${4 - i} tr(y|ies) left`)).waitFor();
    }
    await page.getByRole('button', { name: 'Create my account' }).waitFor();
    expect((await page.request.get('/api/v1/auth/session')).status()).toBe(401);
    expect(await page.evaluate(() => localStorage.getItem('olive.lock'))).toBeNull();
    await context.close();
  });

  it('leaves at once with quick exit', async () => {
    const { page, context } = await openTab(browser, server.base, { width: 390, height: 844 });
    await onboard(page, 'quick-exit@example.org');
    await page.getByRole('button', { name: /^Exit/ }).click();
    await page.waitForURL('about:blank');
    expect(await page.evaluate(() => document.body?.textContent ?? '')).toBe('');
    await context.close();
  });

  it('offers a daily reminder as a calendar file that links back to the app', async () => {
    const { page, context } = await openTab(browser, server.base);
    await onboard(page, 'reminder@example.org');
    await page.goto('/#/settings');
    await page.getByLabel('Remind me every day at').fill('21:30');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add to my calendar (.ics)' }).click(),
    ]);
    const { readFileSync } = await import('node:fs');
    const ics = readFileSync(await download.path(), 'utf8');
    expect(ics).toContain('RRULE:FREQ=DAILY');
    expect(ics).toMatch(/DTSTART:\d{8}T213000/);
    expect(ics).toContain(`URL:${server.base}/#/today`);
    await context.close();
  });

  it('has no serious or critical axe violation in the SOS dialog and a lesson dialog', async () => {
    const { page, context } = await openTab(browser, server.base, { colorScheme: 'dark' });
    await onboard(page, 'dialogs@example.org');
    await page.getByRole('button', { name: /^SOS/ }).click();
    await page.locator('dialog[open]').waitFor();
    expect(await seriousViolations(page), 'SOS dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await page
      .getByRole('button', { name: /^Why\?/ })
      .first()
      .click();
    await page.getByTestId('lesson').first().waitFor();
    expect(await seriousViolations(page), 'lesson dialog').toEqual([]);
    await context.close();
  });
});

describe('installed, and offline', () => {
  it('opens with the server stopped and shows SOS, the safety plan and the crisis lines', async () => {
    const { page, context, requests } = await openTab(browser, server.base, { width: 390, height: 844 });
    await onboard(page, 'offline@example.org');
    const manifest = await (await page.request.get('/manifest.webmanifest')).json();
    expect(manifest.name).toBe('Olive Branch');
    expect(manifest.icons.some((i: { sizes: string }) => i.sizes === '512x512')).toBe(true);
    expect((await page.request.get('/icon-dark-512.png')).status()).toBe(200);

    await page.goto('/#/safety-plan');
    await page.getByLabel('My warning signs').fill('I reread old messages at 3 am');
    await page.getByRole('button', { name: 'Save my safety plan' }).click();
    await page.getByText(/Your safety plan is saved/).waitFor();
    // The plan is kept on the device encrypted: its words are not in plain storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain('reread old messages');
    const sealed = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('olive-offline');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('kv').objectStore('kv').get('v1:safety-plan');
            get.onsuccess = () => {
              const row = get.result as { sealed: ArrayBuffer } | undefined;
              resolve(row ? new TextDecoder('latin1').decode(row.sealed) : 'missing');
            };
          };
        }),
    );
    expect(sealed).not.toBe('missing');
    expect(sealed).not.toContain('reread');

    // Installed: the service worker controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await server.stop();
    stopped = true;
    await page.goto(`${server.base}/#/today`);
    await page.reload();
    await page.getByRole('heading', { name: 'You are offline' }).waitFor();
    await page.getByText(/The rest needs the app's server/).waitFor();

    await page.getByRole('button', { name: /^SOS/ }).first().click();
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: /My safety plan/ }).click();
    await page.getByRole('heading', { name: 'My safety plan', level: 1 }).waitFor();
    await page.waitForFunction(() =>
      (document.querySelector('#sp-warning-signs') as HTMLTextAreaElement | null)?.value.includes(
        'reread old messages',
      ),
    );

    await page.goto(`${server.base}/#/help`);
    await page.reload();
    await page.getByTestId('crisis-lines').waitFor();
    expect(await page.getByTestId('crisis-lines').getByRole('link').count()).toBeGreaterThan(0);

    const foreign = requests.filter(
      (u) => !u.startsWith(server.base) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(foreign).toEqual([]);
    await context.close();
  });
});
