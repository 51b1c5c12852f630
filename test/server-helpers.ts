/**
 * Drives the API like a browser would, through `app.request()` with no socket: keeps the
 * cookies it is given and sends the CSRF header on state-changing requests.
 */
import type { Hono } from 'hono';
import { createApp } from '../src/server/app.js';
import type { AppEnv, ServerConfig } from '../src/server/context.js';
import { createJobs, type Jobs } from '../src/server/jobs.js';
import { FAST_ACCOUNTS, type TestStore } from '../src/store/testing.js';

export const ORIGIN = 'http://127.0.0.1:5178';

export interface Client {
  cookies: Map<string, string>;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on them
  json<T = any>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; res: Response }>;
}

/** A client with its own cookie jar; `csrf: false` leaves out the header (to test refusal). */
export function client(app: Hono<AppEnv>, options: { csrf?: boolean } = {}): Client {
  const cookies = new Map<string, string>();
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
  };
  const self: Client = {
    cookies,
    async request(method, path, body, headers = {}) {
      if (!cookies.has('olive_csrf') && method !== 'GET') remember(await app.request(`${ORIGIN}/healthz`));
      const h: Record<string, string> = { ...headers };
      if (cookies.size) h.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (method !== 'GET' && method !== 'HEAD' && options.csrf !== false && !('x-csrf-token' in h)) {
        h['x-csrf-token'] = cookies.get('olive_csrf') ?? '';
      }
      let payload: string | undefined;
      if (body !== undefined) {
        payload = typeof body === 'string' ? body : JSON.stringify(body);
        h['content-type'] ??= 'application/json';
      }
      const res = await app.request(`${ORIGIN}${path}`, { method, headers: h, body: payload });
      remember(res);
      return res;
    },
    async json(method, path, body) {
      const res = await self.request(method, path, body);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, res };
    },
  };
  return self;
}

export interface TestApp {
  app: Hono<AppEnv>;
  clock: { now: Date };
  logs: string[];
  /** Every wait the server asked for (a busy address is slowed), in ms; nobody actually waits. */
  slept: number[];
  /** The heavy-job runner (close it when a test put work on its pool). */
  jobs: Jobs;
}

/**
 * An app over a test store with cheap argon2, a settable clock and waits that are recorded
 * rather than waited. Registration limits are lifted unless `config` sets them, since a
 * test file registers many accounts from the one address `app.request()` comes from.
 */
export function testApp(
  t: TestStore,
  start = '2026-03-01T12:00:00Z',
  config: Partial<ServerConfig> = {},
): TestApp {
  const clock = { now: new Date(start) };
  const logs: string[] = [];
  const slept: number[] = [];
  const jobs = createJobs(config.jobs);
  const app = createApp({
    jobs,
    store: t.store,
    now: () => clock.now,
    log: (m) => logs.push(m),
    sleep: async (ms) => {
      slept.push(ms);
    },
    config: {
      version: '0.0.0-test',
      trustProxy: false,
      webRoot: null,
      accounts: FAST_ACCOUNTS,
      registrations: { perAddressPerHour: 10_000, totalPerHour: 10_000 },
      ...config,
    },
  });
  return { app, clock, logs, slept, jobs };
}

export const PASSWORD = 'olive trees by the harbour';

/** Registers and returns a logged-in client. */
export async function registered(app: Hono<AppEnv>, email: string): Promise<Client> {
  const c = client(app);
  const res = await c.request('POST', '/api/v1/auth/register', {
    email,
    password: PASSWORD,
    acknowledgeDataLoss: true,
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  return c;
}

export const PROFILE = {
  userTimeZone: 'Europe/London',
  exTimeZone: 'America/New_York',
  exPreferredChannel: 'text',
  breakupOn: '2026-01-15',
  endedBy: 'ex',
  monthsTogether: 30,
};
