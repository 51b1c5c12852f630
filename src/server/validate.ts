/**
 * Untrusted input at the edge: read the body as JSON with a size and depth bound, then
 * parse it with zod and report every bad field with its path. Inside the server the types
 * are trusted.
 */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { formatIssues } from '../method/schema.js';
import { type FieldProblem, HttpProblem } from './problem.js';
import { header } from './request.js';

/** Default request body limit (the import route alone allows more). */
export const BODY_LIMIT = 256 * 1024;
/** Deeper JSON than this is refused before parsing: no schema of ours nests deeper than ~6. */
export const MAX_JSON_DEPTH = 32;

/**
 * The deepest nesting of `[`/`{` outside strings, stopping early past `limit`.
 *
 * @example
 * jsonDepth('{"a":[1,{"b":2}]}', 32) // 3
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (ch === 125 || ch === 93) depth--;
  }
  return max;
}

/**
 * Reads the request body as JSON. Refuses a non-JSON content type (415), a body over
 * `limit` bytes (413), nesting over MAX_JSON_DEPTH and malformed JSON (400). An empty body
 * reads as `{}` so bodiless POSTs (logout) need not send one.
 *
 * @example
 * const body = await readJson(c); // unknown, to be parsed with zod
 */
export async function readJson(c: Context, limit: number = BODY_LIMIT): Promise<unknown> {
  const text = await readJsonText(c, limit);
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw malformedJson(error);
  }
}

/** The problem for JSON nested deeper than MAX_JSON_DEPTH. */
export function tooDeep(): HttpProblem {
  return new HttpProblem('malformed-json', `The JSON is nested deeper than ${MAX_JSON_DEPTH} levels.`);
}

/** The problem for a body JSON.parse refused, with its reason. */
export function malformedJson(error: unknown): HttpProblem {
  const reason = error instanceof SyntaxError ? error.message : 'it could not be parsed';
  return new HttpProblem('malformed-json', `The body is not valid JSON: ${reason}`);
}

/**
 * The request body as JSON text ('' when empty), with the same checks as readJson (size,
 * content type, UTF-8, nesting depth) but not parsed: for a body large enough to be
 * parsed off the event loop.
 *
 * @example
 * const text = await readJsonText(c, IMPORT_LIMIT);
 */
export async function readJsonText(
  c: Context,
  limit: number = BODY_LIMIT,
  options: { checkDepth?: boolean } = {},
): Promise<string> {
  const declared = Number(header(c, 'content-length') ?? '0');
  if (Number.isFinite(declared) && declared > limit) {
    throw new HttpProblem(
      'body-too-large',
      `The request body is larger than ${Math.round(limit / 1024)} KB.`,
    );
  }
  const incoming = (c.env as { incoming?: NodeJS.ReadableStream & { readableEnded?: boolean } } | undefined)
    ?.incoming;
  const buffer =
    incoming && typeof incoming.on === 'function' && !incoming.readableEnded
      ? await readIncomingLimited(incoming, limit)
      : await readLimited(c.req.raw, limit);
  if (buffer.byteLength === 0) return '';
  const type = header(c, 'content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new HttpProblem(
      'unsupported-media-type',
      'Send the body as JSON (Content-Type: application/json).',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new HttpProblem('malformed-json', 'The body is not valid UTF-8.');
  }
  if (options.checkDepth !== false && jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw tooDeep();
  return text;
}

function tooLarge(limit: number): HttpProblem {
  return new HttpProblem('body-too-large', `The request body is larger than ${Math.round(limit / 1024)} KB.`);
}

/**
 * Reads the Node request straight from the socket stream when the server runs on
 * @hono/node-server: several times cheaper than going through a web ReadableStream.
 */
function readIncomingLimited(incoming: NodeJS.ReadableStream, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        cleanup();
        incoming.resume(); // drain the rest so the connection can answer
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
  });
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new HttpProblem(
        'body-too-large',
        `The request body is larger than ${Math.round(limit / 1024)} KB.`,
      );
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Parses a value with a zod schema or throws a 400 problem naming every bad field, with
 * `prefix` prepended to paths (`data.` for record bodies).
 *
 * @example
 * const { data } = parseWith(createBody, await readJson(c));
 */
export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.infer<S>;
  throw validationProblem(
    formatIssues(result.error.issues).map((issue) => ({
      path: issue.path === '(root)' ? prefix.replace(/\.$/, '') || '(root)' : `${prefix}${issue.path}`,
      message: issue.message,
    })),
  );
}

/** A 400 problem from field problems; the detail names the first one. */
export function validationProblem(errors: FieldProblem[]): HttpProblem {
  const first = errors[0];
  const detail = first ? `${first.path}: ${first.message}` : 'The request is not valid.';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new HttpProblem('validation', `${detail}${more}`, errors.slice(0, 50));
}
