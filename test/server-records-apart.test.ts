/**
 * Nothing one screen saves may change what another saved: a day's check-in, the journal
 * entries written that day, the coach's drafts, the letters and the safety plan are each
 * their own record. Also: an export written before journal entries, drafts and the safety
 * plan existed still imports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, type TestStore } from '../src/store/testing.js';
import { PROFILE, registered, type TestApp, testApp } from './server-helpers.js';

const PLAN = {
  updatedAt: '2026-03-01T10:00:00Z',
  'warning-signs': ['I stop sleeping'],
  'coping-steps': ['a walk round the block'],
  'places-and-people': [],
  'people-to-ask': ['my sister'],
  'professionals-and-lines': [],
  'safe-environment': [],
};

describe.each(TEST_DATABASES)('records kept apart on $name', (database) => {
  let t: TestStore;
  let a: TestApp;
  beforeAll(async () => {
    t = await database.open();
    a = testApp(t, '2026-03-02T12:00:00Z');
  });
  afterAll(() => t.dispose());

  it('keeps the check-in, journal entries, drafts, letters and the safety plan from touching each other', async () => {
    const c = await registered(a.app, 'apart@example.org');
    const checkIn = { on: '2026-03-01', mood: 3, urge: 8, sleepHours: 7.5, note: 'Hard morning.' };
    const ci = await c.json('POST', '/api/v1/check-ins', { data: checkIn });
    expect(ci.status).toBe(201);

    const first = await c.json('POST', '/api/v1/journal-entries', {
      data: { on: '2026-03-01', writtenAt: '2026-03-01T21:00:00Z', text: 'I miss the Sunday walks.' },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await c.json('POST', '/api/v1/journal-entries', {
      data: {
        on: '2026-03-01',
        writtenAt: '2026-03-01T23:10:00Z',
        text: 'Later: calmer now.',
        promptId: 'kind-to-myself',
      },
    });
    expect(second.status).toBe(201);
    const draft = await c.json('POST', '/api/v1/drafts', {
      data: { updatedAt: '2026-03-01T22:00:00Z', channel: 'email', text: 'Hi, I hope the move went well.' },
    });
    expect(draft.status).toBe(201);
    expect((await c.json('PUT', '/api/v1/safety-plan', { version: 0, data: PLAN })).status).toBe(201);

    // Editing the check-in's note leaves both journal entries as they were…
    const edited = await c.json('PUT', `/api/v1/check-ins/${ci.body.id}`, {
      version: 1,
      data: { ...checkIn, note: 'Better after lunch.' },
    });
    expect(edited.status).toBe(200);
    const entries = await c.json('GET', '/api/v1/journal-entries');
    expect(entries.body.items.map((e: { data: { text: string } }) => e.data.text)).toEqual([
      'Later: calmer now.',
      'I miss the Sunday walks.',
    ]);
    // …and editing an entry leaves the day's mood and urge as the check-in saved them.
    await c.json('PUT', `/api/v1/journal-entries/${first.body.id}`, {
      version: 1,
      data: { ...first.body.data, text: 'I miss the Sunday walks, and that is all right.' },
    });
    const day = await c.json('GET', `/api/v1/check-ins/${ci.body.id}`);
    expect(day.body.data).toEqual({ ...checkIn, note: 'Better after lunch.' });

    // Drafts and the safety plan never show up as letters.
    expect((await c.json('GET', '/api/v1/letters')).body.items).toEqual([]);
    expect((await c.json('GET', '/api/v1/drafts')).body.items).toHaveLength(1);
    expect((await c.json('GET', '/api/v1/safety-plan')).body.data).toEqual(PLAN);

    // Deleting an entry deletes that entry only.
    expect((await c.json('DELETE', `/api/v1/journal-entries/${second.body.id}`)).status).toBe(204);
    expect((await c.json('GET', '/api/v1/journal-entries')).body.items).toHaveLength(1);
    expect((await c.json('GET', `/api/v1/check-ins/${ci.body.id}`)).status).toBe(200);
  });

  it('says which field is wrong when a journal entry is too long, and keeps nothing half-saved', async () => {
    const c = await registered(a.app, 'long@example.org');
    const r = await c.json('POST', '/api/v1/journal-entries', {
      data: { on: '2026-03-01', writtenAt: '2026-03-01T21:00:00Z', text: 'a'.repeat(20_001) },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].path).toBe('data.text');
    expect((await c.json('GET', '/api/v1/journal-entries')).body.items).toEqual([]);
  });

  it('exports the new records and imports an older export that has none of them', async () => {
    const c = await registered(a.app, 'older@example.org');
    await c.json('PUT', '/api/v1/profile', { version: 0, data: PROFILE });
    await c.json('POST', '/api/v1/journal-entries', {
      data: { on: '2026-03-01', writtenAt: '2026-03-01T21:00:00Z', text: 'Kept in the export.' },
    });
    await c.json('PUT', '/api/v1/safety-plan', { version: 0, data: PLAN });
    const exported = await c.json('GET', '/api/v1/export');
    expect(exported.status).toBe(200);
    expect(exported.body.journalEntries.map((e: { text: string }) => e.text)).toEqual([
      'Kept in the export.',
    ]);
    expect(exported.body.safetyPlan).toEqual(PLAN);

    const older = { ...exported.body };
    delete older.journalEntries;
    delete older.drafts;
    delete older.safetyPlan;
    const imported = await c.json('POST', '/api/v1/import', older);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.imported.journalEntries).toBe(0);
    expect((await c.json('GET', '/api/v1/journal-entries')).body.items).toEqual([]);
  });
});
