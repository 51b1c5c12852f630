/**
 * Coach drafts that save themselves: a pause in typing saves the draft as its own encrypted
 * record (never a letter); closing or hiding the page saves at once with a request that
 * outlives the page, so a reload brings back every word. A second tab that saved the same
 * draft in between is not an error: this tab takes the newer version number and saves its
 * words on top (the person typing now is the one who means it).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Draft } from '../method/schema.js';
import { ApiError, api } from './api.js';
import { create, list, type Rec, remove, update } from './resources.js';

export type DraftRec = Rec<Omit<Draft, 'id'>>;
export type DraftStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

const PAUSE_MS = 700;

/**
 * `text` is the draft as this screen last rendered it; `live`, when given, reads the words
 * as they are this instant (the coach re-renders only after a pause in typing), so a save
 * and a page being closed always keep the last key.
 */
export function useDrafts(text: string, channel: Draft['channel'], ready: boolean, live?: () => string) {
  const [drafts, setDrafts] = useState<DraftRec[]>([]);
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [loaded, setLoaded] = useState(false);
  const loadedRef = useRef(false);
  loadedRef.current = loaded;
  const current = useRef<DraftRec | null>(null);
  const latest = useRef({ text, channel });
  latest.current = { text, channel };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef<Promise<void> | null>(null);
  const dirty = useRef(false);

  function remember(rec: DraftRec) {
    current.current = rec;
    setDrafts((ds) => [rec, ...ds.filter((d) => d.id !== rec.id)]);
  }

  async function write(keepalive: boolean): Promise<void> {
    const { channel: ch } = latest.current;
    const t = live?.() ?? latest.current.text;
    const data: Omit<Draft, 'id'> = { updatedAt: new Date().toISOString(), channel: ch, text: t };
    const cur = current.current;
    dirty.current = false;
    if (!cur) {
      const rec: DraftRec = keepalive
        ? await api.request('POST', '/api/v1/drafts', { data }, { keepalive })
        : await create<Draft>('drafts', data);
      remember(rec);
      return;
    }
    try {
      remember(await update<Draft>('drafts', cur.id, cur.version, data, { keepalive }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 404) {
        // Deleted in another tab: keep these words as a new draft rather than lose them.
        current.current = null;
        remember(await create<Draft>('drafts', data));
      } else if (e.status === 409) {
        const fresh = await api.get<DraftRec>(`/api/v1/drafts/${encodeURIComponent(cur.id)}`);
        remember(await update<Draft>('drafts', cur.id, fresh.version, data));
      } else throw e;
    }
  }

  async function flush(keepalive = false): Promise<void> {
    clearTimeout(timer.current);
    if (!dirty.current) return saving.current ?? undefined;
    if (saving.current) await saving.current.catch(() => undefined);
    setStatus('saving');
    const run = write(keepalive)
      .then(() => setStatus(dirty.current ? 'pending' : 'saved'))
      .catch(() => {
        dirty.current = true;
        setStatus('error');
        timer.current = setTimeout(() => void flush(), 5_000);
      })
      .finally(() => {
        saving.current = null;
      });
    saving.current = run;
    return run;
  }

  // Load the drafts; the newest one comes back into the editor.
  useEffect(() => {
    if (!ready) return;
    list<Draft>('drafts', 200)
      .then((ds) => {
        setDrafts(ds);
        current.current = ds[0] ?? null;
      })
      .catch(() => undefined)
      .finally(() => setLoaded(true));
  }, [ready]);

  // A pause in typing saves.
  useEffect(() => {
    if (!loaded) return;
    const cur = current.current;
    const same = cur ? cur.data.text === text && cur.data.channel === channel : text === '';
    if (same) return;
    dirty.current = true;
    setStatus('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), PAUSE_MS);
  }, [text, channel, loaded]);

  // Leaving the page or hiding it (switching apps on a phone) saves at once.
  useEffect(() => {
    const now = () => {
      const unsaved =
        live !== undefined && loadedRef.current && live() !== (current.current?.data.text ?? '');
      if (dirty.current || unsaved) {
        dirty.current = true;
        void flush(true);
      }
    };
    const onHide = () => document.visibilityState === 'hidden' && now();
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', onHide);
      now();
    };
  }, []);

  return {
    drafts,
    loaded,
    status,
    current: () => current.current,
    /** Saves what is pending, then makes `rec` (or a blank new draft, for null) current. */
    async open(rec: DraftRec | null): Promise<void> {
      await flush();
      current.current = rec;
      setStatus('idle');
    },
    async discard(rec: DraftRec): Promise<void> {
      clearTimeout(timer.current);
      await remove('drafts', rec.id);
      if (current.current?.id === rec.id) {
        current.current = null;
        dirty.current = false;
      }
      setDrafts((ds) => ds.filter((d) => d.id !== rec.id));
      setStatus('idle');
    },
    async restore(rec: DraftRec): Promise<DraftRec> {
      const back = await create<Draft>('drafts', rec.data);
      setDrafts((ds) => [...ds, back].sort((a, b) => (a.data.updatedAt < b.data.updatedAt ? 1 : -1)));
      return back;
    },
    flush,
  };
}

/** Words for the save status, shown next to the draft. */
export const DRAFT_STATUS_TEXT: Record<DraftStatus, string> = {
  idle: '',
  pending: 'Not saved yet…',
  saving: 'Saving…',
  saved: 'Draft saved on your account, encrypted.',
  error: 'Not saved: the app could not reach its server. Your words are still here; it will try again.',
};
