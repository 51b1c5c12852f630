import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../coach/index.js';
import { type CoachClient, createCoachClient, type WorkerLike } from './client.js';
import {
  type CoachRequest,
  type CoachResponse,
  type CoachShared,
  SHARED_BYTES,
  SHARED_HEADER_BYTES,
  SHARED_LENGTH,
  SHARED_SEQ,
} from './protocol.js';

/**
 * A stand-in for the coach worker that answers with the real `analyze`. `fast` answers
 * land in the shared buffer at once (as a worker done within the page's wait); the message
 * always follows later, as a real worker's does. `slow` answers come by message only.
 */
function fakeWorker(mode: 'fast' | 'slow' | 'late', ms = 0.5) {
  const messages: CoachResponse[] = [];
  const landing: CoachResponse[] = [];
  let shared: { slots: Int32Array; bytes: Uint8Array } | null = null;
  const write = (reply: CoachResponse) => {
    if (!shared) return;
    const json = new TextEncoder().encode(JSON.stringify(reply));
    shared.bytes.set(json);
    Atomics.store(shared.slots, SHARED_LENGTH, json.byteLength);
    Atomics.store(shared.slots, SHARED_SEQ, reply.seq);
  };
  const worker: WorkerLike & { flush(): void; land(): void; requests: CoachRequest[] } = {
    onmessage: null,
    requests: [],
    postMessage(message: CoachRequest | CoachShared) {
      if ('shared' in message) {
        shared = {
          slots: new Int32Array(message.shared, 0, 2),
          bytes: new Uint8Array(message.shared, SHARED_HEADER_BYTES),
        };
        return;
      }
      worker.requests.push(message);
      const reply: CoachResponse = {
        key: message.key,
        version: message.version,
        seq: message.seq,
        ms,
        ok: true,
        report: analyze(message.text, message.context),
      };
      if (mode === 'fast') write(reply);
      if (mode === 'late') landing.push(reply);
      messages.push(reply);
    },
    /** A late worker's answers reach the shared buffer (their messages are still queued). */
    land() {
      for (const reply of landing.splice(0)) write(reply);
    },
    /** Delivers the queued messages, as the page's event loop would. */
    flush() {
      while (messages.length > 0)
        worker.onmessage?.({ data: messages.shift()! } as MessageEvent<CoachResponse>);
    },
  };
  return worker;
}

/** Frames about to paint: `frame()` runs what the page asked to run before the next one. */
function frames() {
  const pending: (() => void)[] = [];
  return {
    beforeFrame: (cb: () => void) => void pending.push(cb),
    frame: () => {
      for (const cb of pending.splice(0)) cb();
    },
  };
}

const newShared = () => new SharedArrayBuffer(SHARED_HEADER_BYTES + SHARED_BYTES);

function collect(client: CoachClient, key: string, version: number, text: string, waitMs: number) {
  const got: CoachResponse[] = [];
  client.analyze(key, version, text, undefined, (r) => got.push(r), { waitMs });
  return got;
}

describe('the coach client', () => {
  it('hands over an answer that lands within the wait at once, and only once', () => {
    const worker = fakeWorker('fast');
    const client = createCoachClient(worker, newShared());
    const got = collect(client, 'editor', 1, 'You never listen to me.', 50);
    // Delivered before analyze returned: the keystroke's own frame can paint it.
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ version: 1, ok: true });
    expect(got[0]?.ok && got[0].report.verdict).toBe('revise');
    worker.flush(); // the worker's message for the same answer is a repeat
    expect(got).toHaveLength(1);
  });

  it('falls back to the message when the worker is slower than the wait', () => {
    const worker = fakeWorker('slow');
    const client = createCoachClient(worker, newShared());
    const got = collect(client, 'editor', 1, 'I hope you are well.', 1);
    expect(got).toHaveLength(0);
    worker.flush();
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ version: 1, ok: true });
  });

  it('answers by message only without shared memory, or when not asked to wait', () => {
    for (const [shared, waitMs] of [
      [null, 50],
      [newShared(), 0],
    ] as const) {
      const worker = fakeWorker('fast');
      const client = createCoachClient(worker, shared);
      const got = collect(client, 'editor', 7, 'Thank you for everything.', waitMs);
      expect(got).toHaveLength(0);
      worker.flush();
      expect(got.map((r) => r.version)).toEqual([7]);
    }
  });

  it('never drops another caller’s answer that was still on its way', () => {
    const worker = fakeWorker('fast');
    const client = createCoachClient(worker, newShared());
    // A journal note checked by message, then a keystroke answered from shared memory.
    const note = collect(client, 'note-1', 1, 'i dont want to be here anymore', 0);
    const typed = collect(client, 'editor', 2, 'You always do this.', 50);
    expect(typed).toHaveLength(1);
    expect(note).toHaveLength(0);
    worker.flush();
    expect(note).toHaveLength(1);
    expect(note[0]?.ok && note[0].report.verdict).toBe('stop');
    expect(typed).toHaveLength(1);
  });

  it('keeps latest-only scheduling: text typed while an answer is pending replaces the queued one', () => {
    const worker = fakeWorker('slow');
    const client = createCoachClient(worker, newShared());
    const got: number[] = [];
    for (const [v, text] of [
      [1, 'a'],
      [2, 'ab'],
      [3, 'abc'],
    ] as const) {
      client.analyze('editor', v, text, undefined, (r) => got.push(r.version), { waitMs: 1 });
    }
    expect(worker.requests.map((r) => r.version)).toEqual([1]);
    worker.flush();
    expect(worker.requests.map((r) => r.version)).toEqual([1, 3]);
    worker.flush();
    expect(got).toEqual([1, 3]);
  });

  it('paints an answer that missed the wait in the frame that shows the keystroke, if it is there by then', () => {
    const worker = fakeWorker('late');
    const f = frames();
    const client = createCoachClient(worker, newShared(), f.beforeFrame);
    const got = collect(client, 'editor', 1, 'You never listen to me.', 1);
    expect(got).toHaveLength(0);
    worker.land();
    f.frame();
    expect(got.map((r) => r.version)).toEqual([1]);
    worker.flush(); // its message repeats it
    expect(got).toHaveLength(1);
  });

  it('sends the next keystroke at once when the last answer is already in shared memory', () => {
    const worker = fakeWorker('late');
    const client = createCoachClient(worker, newShared(), null);
    const got: number[] = [];
    client.analyze('editor', 1, 'I', undefined, (r) => got.push(r.version), { waitMs: 1 });
    worker.land();
    client.analyze('editor', 2, 'I m', undefined, (r) => got.push(r.version), { waitMs: 1 });
    expect(worker.requests.map((r) => r.version)).toEqual([1, 2]);
    worker.land();
    worker.flush();
    expect(got).toEqual([1, 2]);
  });

  it('stops waiting on a device whose worker computes slower than the wait, not on one that was only late', () => {
    /** How many of ten keystrokes the page waited on (a wait reads the clock). */
    const waits = (ms: number) => {
      const worker = fakeWorker('slow', ms);
      const client = createCoachClient(worker, newShared(), null);
      const clock = vi.spyOn(performance, 'now');
      let waited = 0;
      for (let v = 1; v <= 10; v++) {
        clock.mockClear();
        client.analyze('editor', v, 'Hello', undefined, () => undefined, { waitMs: 0.01 });
        if (clock.mock.calls.length > 0) waited++;
        worker.flush();
      }
      clock.mockRestore();
      return waited;
    };
    // Three answers that took longer to compute than the wait, then no more waiting.
    expect(waits(50)).toBe(3);
    expect(waits(0.001)).toBe(10);
  });

  it('never loses the last keystroke to a half-written answer in shared memory', () => {
    const worker = fakeWorker('slow');
    const shared = newShared();
    const client = createCoachClient(worker, shared);
    const got: CoachResponse[] = [];
    client.analyze('editor', 1, 'You never listen to me.', {}, (r) => got.push(r), { waitMs: 1 });
    // The worker is writing the next answer over this one: the sequence number still says 1,
    // the bytes are half of something else.
    const slots = new Int32Array(shared, 0, 2);
    const bytes = new Uint8Array(shared, SHARED_HEADER_BYTES);
    bytes.set(new TextEncoder().encode('{"key":"editor","ver'));
    Atomics.store(slots, SHARED_LENGTH, 20);
    Atomics.store(slots, SHARED_SEQ, 1);
    // The last keystroke: its analysis is sent, not lost to the bad copy.
    expect(() =>
      client.analyze('editor', 2, 'I cant do this anymore.', {}, (r) => got.push(r), { waitMs: 1 }),
    ).not.toThrow();
    worker.flush();
    worker.flush();
    const last = got.at(-1)!;
    expect(last.version).toBe(2);
    expect(last.ok && last.report.verdict).toBe('stop');
  });
});
