/**
 * The web app's only door to the server: same-origin fetch with the session cookie and the
 * double-submit CSRF header. Errors come back as problem+json and are turned into one
 * `ApiError` the screens can show inline, next to the field that was wrong.
 */

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail || title);
  }

  /** The message for one field, if the server named it. */
  forField(field: string): string | undefined {
    return this.errors.find(
      (e) => e.path === field || e.path.endsWith(`.${field}`) || e.path.endsWith(`/${field}`),
    )?.message;
  }
}

export type Fetch = typeof fetch;

/** Reads one cookie by name from a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return part.slice(eq + 1).trim();
      }
    }
  }
  return undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Tells the app whether its server answers (state.ts listens), without importing the app. */
function signal(name: 'olive:offline' | 'olive:online'): void {
  if (typeof window !== 'undefined' && typeof Event === 'function') window.dispatchEvent(new Event(name));
}

/**
 * Builds a request function bound to a fetch and a cookie source (both injected so tests
 * run without a browser).
 *
 * @example
 * const api = createApi(fetch, () => document.cookie);
 * const plan = await api.get<Plan>('/api/v1/plan');
 */
export function createApi(fetchFn: Fetch, cookies: () => string) {
  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    options: { keepalive?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (UNSAFE.has(method)) {
      const token = readCookie(cookies(), 'olive_csrf');
      if (token) headers['x-csrf-token'] = token;
    }
    let res: Response;
    try {
      res = await fetchFn(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
        // A save started as the page closes must outlive the page (the last second of typing).
        ...(options.keepalive ? { keepalive: true } : {}),
      });
    } catch {
      signal('olive:offline');
      throw new ApiError(0, 'Offline', 'The app could not reach its server. What you typed is still here.');
    }
    signal('olive:online');
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok) {
      if (type.includes('json')) {
        const p = (await res.json().catch(() => ({}))) as Partial<{
          title: string;
          detail: string;
          errors: FieldError[];
        }>;
        throw new ApiError(
          res.status,
          p.title ?? res.statusText,
          p.detail ?? p.title ?? `The server answered ${res.status}.`,
          Array.isArray(p.errors) ? p.errors : [],
        );
      }
      throw new ApiError(res.status, res.statusText, `The server answered ${res.status}.`);
    }
    if (res.status === 204) return undefined as T;
    if (type.includes('json')) return (await res.json()) as T;
    return (await res.text()) as T;
  }
  return {
    request,
    get: <T>(path: string) => request<T>('GET', path),
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
    put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
    patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
    del: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
  };
}

export type Api = ReturnType<typeof createApi>;

/** The app's API, bound to the browser's fetch and cookies. */
export const api: Api = createApi(
  (input, init) => fetch(input, init),
  () => (typeof document === 'undefined' ? '' : document.cookie),
);
