/**
 * The API described for machines and people, from the same zod schemas that validate the
 * requests: `GET /api/openapi.json` (OpenAPI 3.1) and `GET /api/docs` (a self-contained
 * page: no script, no CDN, fits the strict CSP). The route catalogue here is also what the
 * authorization test walks, so a route cannot be added without being documented and tested.
 */
import { Hono } from 'hono';
import * as zc from 'zod';
import type * as z from 'zod/mini';
import { journeySnapshotSchema } from '../method/schema.js';
import {
  changePasswordBody,
  checkPasswordBody,
  DELETE_CONFIRMATION,
  deleteAccountBody,
  loginBody,
  registerBody,
  sessionView,
} from './auth.js';
import type { AppEnv, Deps } from './context.js';
import { rotateKeyBody } from './key-rotation.js';
import { analyzeBody, sentBody } from './method.js';
import { problemCatalogue } from './problem.js';
import { RESOURCES, type Resource } from './resources.js';

type JsonSchema = Record<string, unknown>;

export interface RouteDoc {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI path, `{id}` for a record id. */
  path: string;
  summary: string;
  /** Needs a logged-in session. */
  auth: boolean;
  /** Request body schema (JSON Schema). */
  body?: JsonSchema;
  /** Query parameters. */
  query?: { name: string; description: string }[];
  /** The success status and what it carries. */
  ok: { status: number; description: string; schema?: JsonSchema };
  /** Collection resource this route belongs to (for the authorization test). */
  resource?: Resource;
}

/** JSON Schema of a zod (mini) schema, as a request body is read. */
export function jsonSchemaOf(schema: z.ZodMiniType): JsonSchema {
  const out = zc.toJSONSchema(schema as unknown as zc.ZodType, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** The record schema without `id` (the API's `data`). */
function dataSchemaOf(resource: Resource): JsonSchema {
  const schema = jsonSchemaOf(resource.schema);
  if (resource.kind === 'collection') {
    const properties = { ...(schema.properties as Record<string, unknown>) };
    delete properties.id;
    schema.properties = properties;
    schema.required = ((schema.required as string[] | undefined) ?? []).filter((key) => key !== 'id');
  }
  return schema;
}

const recordSchema = (data: JsonSchema): JsonSchema => ({
  type: 'object',
  required: ['id', 'version', 'createdAt', 'updatedAt', 'data'],
  properties: {
    id: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    data,
  },
});

/** Every route of the API, in the order the docs show them. */
export function routeCatalogue(): RouteDoc[] {
  const routes: RouteDoc[] = [
    {
      method: 'GET',
      path: '/healthz',
      summary: 'Liveness and database kind',
      auth: false,
      ok: { status: 200, description: '{ status, version, database }' },
    },
    {
      method: 'GET',
      path: '/api/v1/auth/session',
      summary: 'The current session',
      auth: true,
      ok: {
        status: 200,
        description: 'the user and when the session expires',
        schema: jsonSchemaOf(sessionView),
      },
    },
    {
      method: 'POST',
      path: '/api/v1/auth/register',
      summary: 'Create an account (and log in). A lost password means lost data.',
      auth: false,
      body: jsonSchemaOf(registerBody),
      ok: { status: 201, description: '{ user } and the session cookie' },
    },
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      summary: 'Log in (throttled after repeated failures)',
      auth: false,
      body: jsonSchemaOf(loginBody),
      ok: { status: 200, description: '{ user } and the session cookie' },
    },
    {
      method: 'POST',
      path: '/api/v1/auth/logout',
      summary: 'Log out this session',
      auth: false,
      ok: { status: 204, description: 'logged out' },
    },
    {
      method: 'POST',
      path: '/api/v1/auth/logout-everywhere',
      summary: 'Revoke every session of the account',
      auth: true,
      ok: { status: 204, description: 'all sessions revoked' },
    },
    {
      method: 'POST',
      path: '/api/v1/auth/password',
      summary: 'Change the password (other sessions are revoked)',
      auth: true,
      body: jsonSchemaOf(changePasswordBody),
      ok: { status: 204, description: 'changed' },
    },
    {
      method: 'POST',
      path: '/api/v1/auth/check-password',
      summary: "Check the account's password, to open the app lock (throttled like a login)",
      auth: true,
      body: jsonSchemaOf(checkPasswordBody),
      ok: { status: 204, description: 'the password is right' },
    },
    {
      method: 'POST',
      path: '/api/v1/auth/rotate-key',
      summary:
        'Re-encrypt every record under a new data key, in one transaction (password required; other sessions are revoked)',
      auth: true,
      body: jsonSchemaOf(rotateKeyBody),
      ok: { status: 200, description: '{ reencrypted }: how many rows now use the new key' },
    },
    {
      method: 'DELETE',
      path: '/api/v1/account',
      summary: `Delete the account and every record (type "${DELETE_CONFIRMATION}")`,
      auth: true,
      body: jsonSchemaOf(deleteAccountBody),
      ok: { status: 204, description: 'deleted' },
    },
  ];
  const versionBody = (data: JsonSchema, min: number): JsonSchema => ({
    type: 'object',
    additionalProperties: false,
    required: ['version', 'data'],
    properties: { version: { type: 'integer', minimum: min }, data },
  });
  for (const resource of RESOURCES) {
    const base = `/api/v1/${resource.path}`;
    const data = dataSchemaOf(resource);
    if (resource.kind === 'singleton') {
      routes.push(
        {
          method: 'GET',
          path: base,
          summary: `${resource.summary}: read`,
          auth: true,
          ok: {
            status: 200,
            description: 'the record, or { version: 0, data: null } before the first write',
            schema: recordSchema(data),
          },
        },
        {
          method: 'PUT',
          path: base,
          summary: `${resource.summary}: create (version 0) or replace`,
          auth: true,
          body: versionBody(data, 0),
          ok: { status: 200, description: 'the record (201 when created)', schema: recordSchema(data) },
        },
        {
          method: 'DELETE',
          path: base,
          summary: `${resource.summary}: remove`,
          auth: true,
          query: [{ name: 'version', description: 'the version you read (409 when stale)' }],
          ok: { status: 204, description: 'removed' },
        },
      );
      continue;
    }
    const item = `${base}/{id}`;
    routes.push(
      {
        method: 'GET',
        path: base,
        summary: `${resource.summary}: list, newest first`,
        auth: true,
        resource,
        query: [
          { name: 'limit', description: '1–500, default 50' },
          { name: 'cursor', description: 'nextCursor of the previous page' },
        ],
        ok: {
          status: 200,
          description: '{ items, nextCursor }',
          schema: {
            type: 'object',
            properties: {
              items: { type: 'array', items: recordSchema(data) },
              nextCursor: { type: ['string', 'null'] },
            },
          },
        },
      },
      {
        method: 'POST',
        path: base,
        summary: `${resource.summary}: create`,
        auth: true,
        resource,
        body: { type: 'object', additionalProperties: false, required: ['data'], properties: { data } },
        ok: { status: 201, description: 'the new record', schema: recordSchema(data) },
      },
      {
        method: 'GET',
        path: item,
        summary: `${resource.summary}: read one`,
        auth: true,
        resource,
        ok: { status: 200, description: 'the record', schema: recordSchema(data) },
      },
    );
    if (!resource.appendOnly) {
      routes.push(
        {
          method: 'PUT',
          path: item,
          summary: `${resource.summary}: replace`,
          auth: true,
          resource,
          body: versionBody(data, 1),
          ok: { status: 200, description: 'the record, version + 1', schema: recordSchema(data) },
        },
        {
          method: 'DELETE',
          path: item,
          summary: `${resource.summary}: delete`,
          auth: true,
          resource,
          query: [{ name: 'version', description: 'the version you read (409 when stale)' }],
          ok: { status: 204, description: 'deleted' },
        },
      );
    }
  }
  routes.push(
    {
      method: 'GET',
      path: '/api/v1/plan',
      summary: 'The method’s plan for now: phase, locks, gates, next steps, metrics',
      auth: true,
      ok: { status: 200, description: 'the Plan (src/method/types.ts)' },
    },
    {
      method: 'GET',
      path: '/api/v1/timing',
      summary: 'Is this a good moment to contact the ex (in their time zone)?',
      auth: true,
      query: [{ name: 'at', description: 'ISO instant, default now' }],
      ok: { status: 200, description: 'the Timing (src/method/types.ts)' },
    },
    {
      method: 'POST',
      path: '/api/v1/coach/analyze',
      summary: 'Coach a draft; context (locks, unanswered, rung, time zone) comes from your data',
      auth: true,
      body: jsonSchemaOf(analyzeBody),
      ok: { status: 200, description: '{ report: { verdict, findings }, context }' },
    },
    {
      method: 'POST',
      path: '/api/v1/coach/sent',
      summary:
        'Record a message as sent (423 while outreach is locked or crisis language is recent; 409 during a no-contact period until acknowledgeNoContact is true)',
      auth: true,
      body: jsonSchemaOf(sentBody),
      ok: { status: 201, description: 'the new contact-events record' },
    },
    {
      method: 'GET',
      path: '/api/v1/export',
      summary: 'The whole journey, decrypted, as a download',
      auth: true,
      query: [{ name: 'format', description: 'json (default) or markdown' }],
      ok: { status: 200, description: 'the journey snapshot', schema: jsonSchemaOf(journeySnapshotSchema) },
    },
    {
      method: 'POST',
      path: '/api/v1/import',
      summary: 'Replace the journey with a snapshot (all or nothing; safety history kept)',
      auth: true,
      body: jsonSchemaOf(journeySnapshotSchema),
      ok: { status: 200, description: '{ imported: counts }' },
    },
    {
      method: 'GET',
      path: '/api/openapi.json',
      summary: 'This description',
      auth: false,
      ok: { status: 200, description: 'OpenAPI 3.1' },
    },
    {
      method: 'GET',
      path: '/api/docs',
      summary: 'This description as a page',
      auth: false,
      ok: { status: 200, description: 'HTML' },
    },
  );
  return routes;
}

const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

/**
 * The OpenAPI 3.1 document.
 *
 * @example
 * openApiDocument('0.1.0').openapi // '3.1.0'
 */
export function openApiDocument(version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeCatalogue()) {
    const parameters: unknown[] = [];
    if (route.path.includes('{id}')) {
      parameters.push({
        name: 'id',
        in: 'path',
        required: true,
        schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
      });
    }
    for (const q of route.query ?? []) {
      parameters.push({
        name: q.name,
        in: 'query',
        required: false,
        description: q.description,
        schema: { type: 'string' },
      });
    }
    const operation: Record<string, unknown> = {
      summary: route.summary,
      responses: {
        [String(route.ok.status)]: {
          description: route.ok.description,
          ...(route.ok.schema ? { content: { 'application/json': { schema: route.ok.schema } } } : {}),
        },
        default: {
          description: 'a problem',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    };
    if (parameters.length) operation.parameters = parameters;
    if (route.body)
      operation.requestBody = { required: true, content: { 'application/json': { schema: route.body } } };
    if (route.auth) operation.security = [{ session: [] }];
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Olive Branch API',
      version,
      description:
        'Same-origin JSON API of Olive Branch. State-changing requests need the X-CSRF-Token header equal to the olive_csrf cookie. Errors are application/problem+json.',
    },
    paths,
    components: {
      schemas: { Problem: PROBLEM_SCHEMA },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'olive_session' } },
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function describeSchema(schema: JsonSchema | undefined): string {
  if (!schema) return '';
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return '';
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(([name, s]) => {
    const type = Array.isArray(s.enum)
      ? (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ')
      : s.type
        ? String(s.type)
        : s.anyOf
          ? 'one of several'
          : 'object';
    return `<li><code>${escapeHtml(name)}</code>${required.has(name) ? '' : ' (optional)'}: ${escapeHtml(type)}</li>`;
  });
  return `<ul>${rows.join('')}</ul>`;
}

/** The docs page: plain HTML, readable without scripts or styles. */
export function docsPage(version: string): string {
  const rows = routeCatalogue()
    .map(
      (r) =>
        `<tr><td><code>${r.method}</code></td><td><code>${escapeHtml(r.path)}</code></td><td>${escapeHtml(r.summary)}${r.auth ? '' : ' <em>(no session needed)</em>'}</td><td>${r.ok.status}</td></tr>`,
    )
    .join('\n');
  const resources = RESOURCES.map((resource) => {
    const data = dataSchemaOf(resource);
    return `<section><h3 id="resource-${resource.path}"><code>${resource.path}</code> (${resource.kind})</h3><p>${escapeHtml(resource.summary)}${resource.kind === 'collection' && resource.appendOnly ? '. Append-only: no update or delete.' : ''}</p>${describeSchema(data)}</section>`;
  }).join('\n');
  const problems = problemCatalogue()
    .map((p) => `<li id="problem-${p.kind}"><code>${p.kind}</code>: ${p.status} ${escapeHtml(p.title)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Olive Branch API ${escapeHtml(version)}</title></head>
<body>
<main>
<h1>Olive Branch API <small>${escapeHtml(version)}</small></h1>
<p>JSON under <code>/api/v1</code>, same origin only. Log in to get the <code>olive_session</code> cookie. Every POST, PUT and DELETE needs the header <code>X-CSRF-Token</code> equal to the <code>olive_csrf</code> cookie. Records come as <code>{ id, version, createdAt, updatedAt, data }</code>; updates send the <code>version</code> they read and get 409 if it changed. Lists are newest first with <code>?limit</code> and <code>?cursor</code>. The machine-readable description is <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<h2>Routes</h2>
<table>
<thead><tr><th>Method</th><th>Path</th><th>What it does</th><th>Success</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Journey resources: the fields of <code>data</code></h2>
${resources}
<h2>Problems</h2>
<p>Errors are <code>application/problem+json</code>: <code>{ type, title, status, detail, errors?: [{ path, message }] }</code>.</p>
<ul>${problems}</ul>
</main>
</body>
</html>
`;
}

/**
 * `/api/openapi.json` and `/api/docs`, mounted at `/api`. Built once per process.
 *
 * @example
 * app.route('/api', openApiRoutes(deps));
 */
export function openApiRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let json: string | undefined;
  let html: string | undefined;
  app.get('/openapi.json', (c) => {
    json ??= JSON.stringify(openApiDocument(deps.config.version));
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(json);
  });
  app.get('/docs', (c) => {
    html ??= docsPage(deps.config.version);
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  });
  return app;
}
