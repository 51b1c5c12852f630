/**
 * Browser-facing protections applied to every response and every state-changing request:
 * strict security headers, the double-submit CSRF token plus an Origin check, and the
 * cookie attributes. Nothing here keeps state in memory, so any process can answer.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { HttpProblem } from './problem.js';
import { cookie as readCookie, header as readHeader } from './request.js';

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

/**
 * Sets the security headers on every response, errors included.
 *
 * @example
 * app.use('*', securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    // Set before the handler runs, so every response (errors included) is built with them
    // and never has to be copied afterwards to change its headers.
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    await next();
  };
}

/** Whether the request came over https (the proxy's word counts only when it is trusted). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy) {
    const forwarded = readHeader(c, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (forwarded) return forwarded === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Constant-time comparison of two ASCII tokens. */
function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export interface CsrfOptions {
  trustProxy: boolean;
  /** 32 random bytes as base64url: a fresh token for a browser without one. */
  newToken: () => string;
}

/**
 * Double-submit CSRF: issues a readable `olive_csrf` cookie to any client without one, and
 * refuses a state-changing request unless the `X-CSRF-Token` header equals that cookie and
 * the `Origin` (when the browser sends one) is this server's own. SameSite=Strict session
 * cookies already stop most cross-site requests; this stops the rest (and login CSRF).
 *
 * @example
 * app.use('*', csrf({ trustProxy: false, newToken }));
 */
export function csrf(options: CsrfOptions): MiddlewareHandler {
  return async (c, next) => {
    const cookie = readCookie(c, CSRF_COOKIE);
    if (UNSAFE_METHODS.has(c.req.method)) {
      const origin = readHeader(c, 'origin');
      if (origin !== undefined && !sameOrigin(c, origin, options.trustProxy)) {
        throw new HttpProblem('csrf', 'Requests from another site are refused.');
      }
      const fetchSite = readHeader(c, 'sec-fetch-site');
      if (fetchSite === 'cross-site')
        throw new HttpProblem('csrf', 'Requests from another site are refused.');
      const header = readHeader(c, CSRF_HEADER) ?? '';
      if (!cookie || !sameToken(cookie, header)) {
        throw new HttpProblem(
          'csrf',
          'The request lacks a valid CSRF token: send the olive_csrf cookie value in the X-CSRF-Token header.',
        );
      }
    }
    await next();
    if (!cookie || !/^[A-Za-z0-9_-]{43}$/.test(cookie)) {
      setCookie(c, CSRF_COOKIE, options.newToken(), {
        path: '/',
        sameSite: 'Strict',
        secure: isHttps(c, options.trustProxy),
        httpOnly: false,
      });
    }
  };
}

function sameOrigin(c: Context, origin: string, trustProxy: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const url = new URL(c.req.url);
  const host =
    (trustProxy ? readHeader(c, 'x-forwarded-host') : undefined) ?? readHeader(c, 'host') ?? url.host;
  const scheme = isHttps(c, trustProxy) ? 'https:' : 'http:';
  return parsed.host === host && parsed.protocol === scheme;
}
