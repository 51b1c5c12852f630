import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifyInSlices } from './jobs.js';

describe('stringifyInSlices', () => {
  it('writes exactly what JSON.stringify writes, long arrays included', async () => {
    const record = fc.record({
      id: fc.string(),
      at: fc.date({ noInvalidDate: true }),
      note: fc.option(fc.string()),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string(), fc.oneof(fc.array(record, { maxLength: 1_300 }), fc.jsonValue())),
        async (snapshot) => {
          expect(await stringifyInSlices(snapshot)).toBe(JSON.stringify(snapshot));
        },
      ),
      { numRuns: 40 },
    );
  });
});
