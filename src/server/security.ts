/**
 * Browser-facing protections applied to every response and every state-changing request:
 * the Host check (against DNS rebinding), strict security headers (HSTS over https), the
 * signed double-submit CSRF token bound to the session plus an Origin check, and the cookie
 * attributes. Nothing here keeps state in memory, so any process with the same server
 * secret can answer.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { HttpProblem } from './problem.js';
import { forwarded, proxyHops, cookie as readCookie, header as readHeader } from './request.js';

export const SESSION_COOKIE = 'olive_session';
export const CSRF_COOKIE = 'olive_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** No external origin anywhere: the app talks only to the server that served it. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // With COOP, makes the page cross-origin isolated (it loads nothing from elsewhere
  // anyway), which lets the coach worker share its answers through memory (client.ts).
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** Two years, as the HSTS preload list asks; subdomains are left alone (they may be other apps). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000';

/**
 * HMAC-SHA256 of the parts (joined unambiguously) under the server secret, base64url. What
 * the database and the cookies carry instead of anything a dump or a client could reverse
 * or forge: throttle keys, CSRF tokens, device cookies.
 *
 * @example
 * keyed(secret, 'address', '203.0.113.9') // 43 base64url characters
 */
export function keyed(secret: Uint8Array, ...parts: string[]): string {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(`${part.length}:${part}|`);
  return mac.digest('base64url');
}

/** Constant-time comparison of two ASCII tokens. */
export function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Sets the security headers on every response, errors included, and HSTS when the request
 * came over https (never over plain http, where browsers ignore it anyway).
 *
 * @example
 * app.use('*', securityHeaders({ trustProxy: false }));
 */
export function securityHeaders(options: { trustProxy: boolean | number }): MiddlewareHandler {
  return async (c, next) => {
    // Set before the handler runs, so every response (errors included) is built with them
    // and never has to be copied afterwards to change its headers.
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    if (isHttps(c, options.trustProxy)) c.header('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    await next();
  };
}

/** Whether the request came over https (the proxy's word counts only when it is trusted). */
export function isHttps(c: Context, trustProxy: boolean | number): boolean {
  const proto = forwarded(c, 'x-forwarded-proto', proxyHops(trustProxy))?.toLowerCase();
  if (proto) return proto === 'https';
  return new URL(c.req.url).protocol === 'https:';
}

/** The host name the client asked for (the trusted proxy's word for it), lowercase, no port. */
export function requestedHost(c: Context, trustProxy: boolean | number): string {
  const raw =
    forwarded(c, 'x-forwarded-host', proxyHops(trustProxy)) ??
    readHeader(c, 'host') ??
    new URL(c.req.url).host;
  let hostname: string;
  try {
    hostname = new URL(`http://${raw}`).hostname;
  } catch {
    return '';
  }
  return hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

/**
 * Whether a host name is one this server answers to: one of `allowed`, or any IP address
 * when it listens on all of them (0.0.0.0 or ::). A DNS-rebinding page always reaches the
 * server under its own domain name, never under an IP address, so neither passes for it.
 *
 * @example
 * hostAllowed('evil.example', ['127.0.0.1', 'localhost']) // false
 * hostAllowed('192.168.1.20', ['0.0.0.0', 'localhost']) // true
 */
export function hostAllowed(hostname: string, allowed: readonly string[]): boolean {
  if (hostname === '') return false;
  if (allowed.includes(hostname)) return true;
  const wildcard = allowed.includes('0.0.0.0') || allowed.includes('::');
  return wildcard && isIP(hostname) !== 0;
}

/**
 * Refuses a request whose Host is not one of this server's (421), before anything else
 * runs: a DNS-rebinding page could otherwise register and log in against a local instance.
 *
 * @example
 * app.use('*', hostCheck({ allowedHosts: ['127.0.0.1', 'localhost'], trustProxy: false }));
 */
export function hostCheck(options: {
  allowedHosts: readonly string[];
  trustProxy: boolean | number;
}): MiddlewareHandler {
  const allowed = options.allowedHosts.map((h) => h.replace(/^\[(.*)\]$/, '$1').toLowerCase());
  return async (c, next) => {
    if (!hostAllowed(requestedHost(c, options.trustProxy), allowed)) {
      throw new HttpProblem(
        'unknown-host',
        'This server does not answer to this host name. Open it at the address it was started on, or add the name to OLIVE_ALLOWED_HOSTS.',
      );
    }
    await next();
  };
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface CsrfOptions {
  trustProxy: boolean | number;
  /** The server secret the tokens are signed with. */
  secret: Uint8Array;
  /** `n` random bytes. */
  random: (n: number) => Uint8Array;
}

/** A CSRF token: a random nonce and its HMAC with the session it belongs to ('' before login). */
function csrfToken(secret: Uint8Array, nonce: string, session: string): string {
  return `${nonce}.${keyed(secret, 'csrf', nonce, session)}`;
}

function csrfTokenFits(secret: Uint8Array, token: string, session: string): boolean {
  const nonce = /^([A-Za-z0-9_-]{22})\.[A-Za-z0-9_-]{43}$/.exec(token)?.[1];
  return nonce !== undefined && sameToken(token, csrfToken(secret, nonce, session));
}

/**
 * Signed double-submit CSRF (OWASP): a readable `olive_csrf` cookie holds a nonce and its
 * HMAC with the session cookie, and a state-changing request is refused unless the
 * `X-CSRF-Token` header equals that cookie, the cookie is signed for the session the
 * request carries, and the `Origin` (when the browser sends one) is this server's own. A
 * cookie pair planted by a neighbouring site is signed for no session of the victim's, so
 * it is refused. The token is reissued whenever the session changes (login, logout).
 * SameSite=Strict session cookies already stop most cross-site requests; this stops the
 * rest (and login CSRF).
 *
 * @example
 * app.use('*', csrf({ trustProxy: false, secret, random }));
 */
export function csrf(options: CsrfOptions): MiddlewareHandler<SessionChangeEnv> {
  return async (c, next) => {
    const cookie = readCookie(c, CSRF_COOKIE);
    const session = readCookie(c, SESSION_COOKIE) ?? '';
    if (UNSAFE_METHODS.has(c.req.method)) {
      const origin = readHeader(c, 'origin');
      if (origin !== undefined && !sameOrigin(c, origin, options.trustProxy)) {
        throw new HttpProblem('csrf', 'Requests from another site are refused.');
      }
      const fetchSite = readHeader(c, 'sec-fetch-site');
      if (fetchSite === 'cross-site')
        throw new HttpProblem('csrf', 'Requests from another site are refused.');
      const header = readHeader(c, CSRF_HEADER) ?? '';
      if (!cookie || !sameToken(cookie, header) || !csrfTokenFits(options.secret, cookie, session)) {
        throw new HttpProblem(
          'csrf',
          'The request lacks a valid CSRF token: send the olive_csrf cookie value in the X-CSRF-Token header.',
        );
      }
    }
    await next();
    // The session this browser holds once it has this answer.
    const changed = c.get('sessionChange');
    const after = changed === undefined ? session : (changed ?? '');
    if (!cookie || !csrfTokenFits(options.secret, cookie, after)) {
      const nonce = Buffer.from(options.random(16)).toString('base64url');
      setCookie(c, CSRF_COOKIE, csrfToken(options.secret, nonce, after), {
        path: '/',
        sameSite: 'Strict',
        secure: isHttps(c, options.trustProxy),
        httpOnly: false,
      });
    }
  };
}

/** Set by a handler that starts (the new secret) or ends (null) the session cookie. */
export type SessionChangeEnv = { Variables: { sessionChange?: string | null } };

function sameOrigin(c: Context, origin: string, trustProxy: boolean | number): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const url = new URL(c.req.url);
  const host = forwarded(c, 'x-forwarded-host', proxyHops(trustProxy)) ?? readHeader(c, 'host') ?? url.host;
  const scheme = isHttps(c, trustProxy) ? 'https:' : 'http:';
  return parsed.host === host && parsed.protocol === scheme;
}
