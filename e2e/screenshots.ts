/**
 * `npm run screenshots`: the main screens in light and dark, desktop and phone width, saved
 * to docs/screenshots/ for the README. Runs the real server with a fresh data directory and
 * a made-up journey (six weeks of check-ins, a relapse, a few exchanges, commitments).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { answerScreening, launch, openTab, register, startServer } from './harness.js';

const OUT = 'docs/screenshots';
/** Every main screen (and More, the phone's way to the rest). */
const SCREENS = [
  'today',
  'coach',
  'journal',
  'progress',
  'reflect',
  'help',
  'safety-plan',
  'more',
  'settings',
];
const DAY = 86_400_000;

/** Writes the made-up journey through the API with the page's own session and CSRF token. */
async function seed(page: Page): Promise<void> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'olive_csrf')?.value ?? '';
  const post = async (path: string, data: unknown) => {
    const res = await page.request.post(`/api/v1/${path}`, {
      data: { data },
      headers: { 'x-csrf-token': csrf },
    });
    if (!res.ok()) throw new Error(`seeding ${path}: ${res.status()} ${await res.text()}`);
  };
  const today = Date.now();
  for (let d = 42; d >= 1; d--) {
    const on = new Date(today - d * DAY).toISOString().slice(0, 10);
    await post('check-ins', {
      on,
      mood: Math.min(10, 3 + Math.round((42 - d) / 8) + (d % 3 === 0 ? 1 : 0)),
      urge: Math.max(0, 8 - Math.round((42 - d) / 7) - (d % 4 === 0 ? 1 : 0)),
      sleepHours: 6 + (d % 3) * 0.5,
    });
    if (d % 2 === 0)
      await post('habit-logs', { on, habit: d % 4 === 0 ? 'exercise' : 'meditation', minutes: 20 });
  }
  for (const [d, direction] of [
    [6, 'user-to-ex'],
    [5, 'ex-to-user'],
    [3, 'user-to-ex'],
    [2, 'ex-to-user'],
  ] as const) {
    const at = new Date(today - d * DAY).toISOString();
    await post('contact-events', {
      at,
      channel: 'email',
      direction,
      initiatedBy: direction === 'user-to-ex' ? 'user' : 'ex',
      answered: true,
      answeredAt: new Date(Date.parse(at) + 5 * 3_600_000).toISOString(),
      tone: 'easy',
    });
  }
  for (const [d, text] of [
    [
      3,
      'Walked to the harbour after work. The urge came back at the bench where we used to sit, then passed.',
    ],
    [1, 'Slept better. I noticed I did not check my phone first thing.'],
  ] as const) {
    const at = new Date(today - d * DAY);
    await post('journal-entries', {
      on: at.toISOString().slice(0, 10),
      writtenAt: at.toISOString(),
      text,
      promptId: 'heavy-today',
    });
  }
  await post('letters', {
    createdAt: new Date(today - 5 * DAY).toISOString(),
    title: 'What I wish I had said',
    text: 'I was scared of losing you, so I held on too tight. I am learning to let things be.',
    sealedUntilOn: null,
  });
  const plan = await page.request.put('/api/v1/safety-plan', {
    data: {
      version: 0,
      data: {
        updatedAt: new Date(today).toISOString(),
        'warning-signs': ['I stop sleeping', 'I reread old messages'],
        'coping-steps': ['A walk round the block', 'The breathing exercise in SOS'],
        'places-and-people': ['The library'],
        'people-to-ask': ['My sister'],
        'professionals-and-lines': ['My GP'],
        'safe-environment': [],
      },
    },
    headers: { 'x-csrf-token': csrf },
  });
  if (!plan.ok()) throw new Error(`seeding the safety plan: ${plan.status()}`);
  await post('commitments', {
    createdAt: new Date(today - 4 * DAY).toISOString(),
    text: 'Return the camping gear by Saturday',
    to: 'ex',
    dueOn: new Date(today + 2 * DAY).toISOString().slice(0, 10),
    status: 'open',
    resolvedAt: null,
  });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launch();
  try {
    const setup = await openTab(browser, server.base);
    await register(setup.page, 'screens@example.org');
    await setup.page
      .getByLabel('When did you break up?')
      .fill(new Date(Date.now() - 50 * DAY).toISOString().slice(0, 10));
    await setup.page.getByLabel('How many months were you together?').fill('34');
    await setup.page.getByRole('button', { name: 'Continue to the safety questions' }).click();
    await answerScreening(setup.page);
    await setup.page.getByRole('button', { name: 'Go to Today' }).click();
    await seed(setup.page);
    const state = await setup.context.storageState();
    await setup.context.close();

    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [device, width, height] of [
        ['desktop', 1280, 900],
        ['phone', 390, 844],
      ] as const) {
        const tab = await openTab(browser, server.base, { colorScheme, width, height });
        await tab.context.addCookies(state.cookies);
        for (const screen of SCREENS) {
          await tab.page.goto(`/#/${screen}`);
          await tab.page.locator('main h1').first().waitFor();
          if (screen === 'coach') {
            const draft = tab.page.getByRole('textbox', { name: 'Your draft' });
            await draft.fill(
              "Hi Sam. I'm sorry for everything. You never listen to me, but I miss you. Thank you for the books, no need to reply.",
            );
            await tab.page.locator('.mirror mark').first().waitFor();
          }
          if (screen === 'progress') await tab.page.locator('main svg').first().waitFor();
          if (screen === 'journal') await tab.page.getByText('Slept better.').first().waitFor();
          await tab.page.waitForTimeout(300);
          const file = `${OUT}/${screen}-${colorScheme}-${device}.png`;
          await tab.page.screenshot({ path: file });
          console.log(file);
        }
        await tab.context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
