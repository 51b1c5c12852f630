/**
 * Import appends safety history (issue 13): whatever ids and answers a file carries, every
 * screening and request already stored stays exactly as it was, and nothing stored is lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExRequest, SafetyScreening } from '../method/schema.js';
import { emptyJourney, SAFE_ANSWERS } from '../method/test-helpers.js';
import { keepSafetyHistory } from './import-journey.js';

const answer = fc.constantFrom('yes' as const, 'no' as const, 'unsure' as const);
const sided = fc.record({ byEx: answer, byUser: answer });
const id = fc.constantFrom('a', 'b', 'c', 'screen-1', 'request-1');
const at = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString());

const screening = fc.record<SafetyScreening>({
  id,
  answeredAt: at,
  violence: sided,
  threats: sided,
  coerciveControl: sided,
  stalking: sided,
  exAskedNoContact: answer,
  exBlockedUser: answer,
  courtOrder: answer,
});
const request = fc.record<ExRequest>({
  id,
  at,
  kind: fc.constantFrom('stop-contact' as const, 'reopen-contact' as const),
});
const unique = <T extends { id: string }>(xs: T[]) =>
  xs.filter((x, i) => xs.findIndex((y) => y.id === x.id) === i);

describe('importing a journey', () => {
  it('keeps every stored screening and request as it was, and adds what is new', () => {
    fc.assert(
      fc.property(
        fc.array(screening, { maxLength: 5 }).map(unique),
        fc.array(screening, { maxLength: 5 }).map(unique),
        fc.array(request, { maxLength: 5 }).map(unique),
        fc.array(request, { maxLength: 5 }).map(unique),
        (stored, incoming, storedRequests, incomingRequests) => {
          const file = { ...emptyJourney(), safetyScreenings: incoming, exRequests: incomingRequests };
          const merged = keepSafetyHistory(file, { safetyScreenings: stored, exRequests: storedRequests });
          expect(merged.safetyScreenings.slice(0, stored.length)).toEqual(stored);
          expect(merged.exRequests.slice(0, storedRequests.length)).toEqual(storedRequests);
          for (const list of [merged.safetyScreenings, merged.exRequests]) {
            expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
            for (const r of list) expect(r.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
          }
          // Every imported record is there, under its own id or a new one.
          const strip = ({ id: _id, ...rest }: { id: string }) => rest;
          for (const s of incoming) expect(merged.safetyScreenings.map(strip)).toContainEqual(strip(s));
          for (const r of incomingRequests) expect(merged.exRequests.map(strip)).toContainEqual(strip(r));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('adds an edited copy of a stored "yes" next to it instead of replacing it', () => {
    const stored: SafetyScreening = {
      id: 'screen-1',
      answeredAt: '2026-01-02T10:00:00Z',
      ...SAFE_ANSWERS,
      courtOrder: 'yes',
    };
    const edited = { ...stored, courtOrder: 'no' as const };
    const merged = keepSafetyHistory(
      { ...emptyJourney(), safetyScreenings: [edited] },
      { safetyScreenings: [stored], exRequests: [] },
    );
    expect(merged.safetyScreenings).toEqual([stored, { ...edited, id: 'screen-1-imported-2' }]);
  });
});
