/**
 * Writes the example journeys in this folder from the same story builder the tests use, so
 * the examples are always valid snapshots. Run: `npx tsx examples/build.ts`.
 * Each file's name says where the person is; the README shows `olive plan` on them.
 */
import { writeFileSync } from 'node:fs';
import { parseSnapshot } from '../src/method/schema.js';
import { day, evening, story } from '../src/method/test-helpers.js';

function reconciliation() {
  const s = story()
    .screen(0)
    .startNoContact(0)
    .checkIns(0, 120, [3, 8], [8, 2])
    .reflect(2, { reasons: ['communication', 'trust'] })
    .reflect(5, {
      ownRole: 'I went quiet instead of saying what bothered me, then snapped over small things.',
    })
    .reflectAll(9)
    .habit(3, 'exercise')
    .habit(4, 'meditation')
    .habit(6, 'social')
    .confidence(7, 4)
    .contact(14, { channel: 'text', time: '23:30', tone: 'tense', answeredAfterHours: 10 })
    .endNoContact(14, 'break')
    .startNoContact(14)
    .confidence(30, 6)
    .assess(46)
    .endNoContact(48, 'reconnect');
  for (const n of [48, 50, 52, 54]) s.contact(n, { channel: 'email', tone: 'easy' });
  s.contact(53, { channel: 'email', from: 'ex', tone: 'warm' });
  for (const n of [58, 61, 64, 67]) s.contact(n, { channel: 'text', tone: 'easy' });
  s.contact(62, { channel: 'text', from: 'ex', tone: 'warm' });
  s.contact(70, { channel: 'text', from: 'ex', tone: 'easy' });
  for (const n of [72, 75, 78]) s.contact(n, { channel: 'call', tone: 'easy' });
  s.contact(82, { channel: 'meeting', tone: 'warm', initiatedBy: 'ex' });
  s.commit(84, 'Call on Sunday evening to ask about the week', 7, { day: 91, status: 'kept' });
  s.commit(86, 'Book the pottery class we talked about', 4, { day: 89, status: 'kept' });
  s.setback(95, 'argument', 'We argued about the old holiday plans and I raised my voice.');
  return s;
}

const examples: { file: string; snapshot: unknown; at: string }[] = [];
const r = reconciliation();
examples.push({ file: 'early-reflection.json', snapshot: r.at(4), at: evening(4) });
examples.push({ file: 'no-contact-after-a-relapse.json', snapshot: r.at(20), at: evening(20) });
examples.push({ file: 'reconnecting-by-text.json', snapshot: r.at(66), at: evening(66) });
examples.push({ file: 'after-a-setback.json', snapshot: r.at(96), at: evening(96) });

const stopped = story()
  .screen(0)
  .startNoContact(0)
  .checkIns(0, 12, [4, 5], [7, 5])
  .reflectAll(3)
  .contact(6, { channel: 'text', tone: 'tense', answeredAfterHours: 2 })
  .exRequest(6, 'stop-contact');
examples.push({ file: 'ex-asked-for-no-contact.json', snapshot: stopped.at(12), at: evening(12) });

for (const e of examples) {
  const parsed = parseSnapshot(e.snapshot);
  if (!parsed.ok) throw new Error(`${e.file}: ${JSON.stringify(parsed.issues[0])}`);
  writeFileSync(new URL(e.file, import.meta.url), `${JSON.stringify(parsed.snapshot, null, 2)}\n`);
  console.log(`examples/${e.file}  (plan it at ${e.at}, day ${e.at.slice(0, 10)}; journey began ${day(0)})`);
}
