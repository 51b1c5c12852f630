/**
 * Reading request headers and cookies cheaply. On Node, @hono/node-server hands over the
 * raw IncomingMessage, whose headers are already parsed into a plain object; going through
 * `c.req.header()` instead builds a full fetch `Headers` copy of them on first use, a
 * noticeable part of a small request's cost. Elsewhere (tests through `app.request()`),
 * the standard Request is read.
 */
import type { Context } from 'hono';

type NodeHeaders = Record<string, string | string[] | undefined>;

function nodeHeaders(c: Context): NodeHeaders | undefined {
  return (c.env as { incoming?: { headers?: NodeHeaders } } | undefined)?.incoming?.headers;
}

/**
 * One request header by its lowercase name, or undefined. Repeated headers are joined as
 * the fetch standard joins them (", "; cookies with "; ").
 *
 * @example
 * header(c, 'content-type') // 'application/json'
 */
export function header(c: Context, name: string): string | undefined {
  const raw = nodeHeaders(c);
  if (!raw) return c.req.header(name);
  const value = raw[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * One cookie's value, or undefined: the first `name=value` pair with that exact name in
 * the Cookie header, percent-decoded when it holds escapes (undefined if they are broken).
 *
 * @example
 * cookie(c, 'olive_session')
 */
export function cookie(c: Context, name: string): string | undefined {
  const all = header(c, 'cookie');
  if (!all) return undefined;
  for (const pair of all.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!value.includes('%')) return value;
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** How many reverse proxies in front of the server are trusted: `true` is one, `false` none. */
export function proxyHops(trustProxy: boolean | number): number {
  return trustProxy === true ? 1 : trustProxy === false ? 0 : Math.max(0, Math.floor(trustProxy));
}

/**
 * What the trusted proxies say in an `X-Forwarded-*` header: the entry `hops` from the
 * right, which the nearest trusted proxy wrote (entries to its left came from the client
 * and may be made up). With fewer entries than hops, the leftmost one. Undefined without
 * trusted proxies or without the header. Express's `trust proxy` with a hop count reads it
 * the same way.
 *
 * @example
 * // X-Forwarded-For: 6.6.6.6, 203.0.113.9 (the client wrote 6.6.6.6, the proxy appended the rest)
 * forwarded(c, 'x-forwarded-for', 1) // '203.0.113.9'
 */
export function forwarded(c: Context, name: string, hops: number): string | undefined {
  if (hops <= 0) return undefined;
  const entries = header(c, name)
    ?.split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (!entries || entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - hops)];
}
