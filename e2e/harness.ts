/**
 * What every browser test needs: the real server (`olive serve`) on a free port with a
 * fresh data directory, Debian's Chromium through playwright-core, a record of every
 * request the page makes, and axe-core for accessibility checks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const PASSWORD = 'olive trees by the harbour';

export interface Server {
  base: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'olive-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/entry.ts', 'serve', '--port', '0'],
    {
      env: { ...process.env, DATABASE_URL: '', OLIVE_DATA_DIR: dataDir, HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`server exited: ${output}`));
      }
    }, 50);
  });
  if (/not built yet/.test(output))
    throw new Error('dist/web is missing: the global setup should have built it');
  return {
    base,
    dataDir,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

export async function openTab(
  browser: Browser,
  base: string,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; timezoneId?: string } = {},
): Promise<Tab> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: options.timezoneId ?? 'Europe/London',
    baseURL: base,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, requests, errors };
}

/** Registers through the Welcome screen and lands on onboarding. */
export async function register(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByText('Step 1 of 3').waitFor();
}

/**
 * Registers and onboards a new person (breakup on 15 September 2026, "No" to every
 * screening question) and lands on Today.
 */
export async function onboard(page: Page, email: string): Promise<void> {
  await register(page, email);
  await page.getByLabel('When did you break up?').fill('2026-09-15');
  await page.getByRole('button', { name: 'Continue to the safety questions' }).click();
  await answerScreening(page);
  await page.getByRole('button', { name: 'Go to Today' }).click();
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
}

/** The screening's answers as shown: "No", "Not sure" or "Yes". */
export type ScreeningAnswer = 'No' | 'Not sure' | 'Yes';

/**
 * Answers the safety screening one question at a time: "No" to everything except the
 * questions whose text matches a key of `answers` (a part of the question's wording).
 */
export async function answerScreening(
  page: Page,
  answers: Record<string, ScreeningAnswer> = {},
): Promise<void> {
  await page.getByRole('button', { name: 'Start the questions' }).click();
  for (;;) {
    const progress = await page.getByText(/^Question \d+ of \d+$/).textContent();
    const [, n, total] = /Question (\d+) of (\d+)/.exec(progress ?? '')!;
    const legend = (await page.getByTestId('safety-screening').locator('legend').textContent()) ?? '';
    const match = Object.entries(answers).find(([part]) => legend.includes(part));
    await page.getByRole('radio', { name: match?.[1] ?? 'No', exact: true }).check();
    if (n === total) break;
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByText(`Question ${Number(n) + 1} of ${total}`).waitFor();
  }
  await page.getByRole('button', { name: 'Save my answers' }).click();
}

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** axe-core's serious and critical violations on the current page, as short strings. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Through the debugger protocol, as the page's own CSP (rightly) refuses inline scripts.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v: { id: string; impact: string; nodes: { target: string[] }[] }) =>
          `${v.impact} ${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  });
  return violations as string[];
}
