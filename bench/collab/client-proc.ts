/**
 * Child process that holds editors: each is a Y.Doc with the real y-websocket `WebsocketProvider`
 * (Node `ws` as the WebSocket, a subclass that sends the session cookie). It also does bench:collab's
 * other client-side jobs (a fresh client's sync time, the big document's lower bound).
 *
 * How relay latency is measured without parsing content: every edit of an editor is one transaction
 * that appends a few characters to its own paragraph (Y.XmlText in `content`, as TipTap types), so the
 * editor's own Yjs clock grows with each edit. The sender records (clock after the edit, send time);
 * every other editor records, for each remote transaction, the sender clocks it now has and when
 * (`afterTransaction`: `beforeState` → `afterState`). Edit i has arrived at a receiver once that
 * receiver holds the sender's clock ≥ clock_i. All processes read one monotonic clock
 * (bench/realtime/clock.ts). Whatever the server does (relay each update, merge several), this
 * counts when the change became visible in each receiving Y.Doc.
 *
 * Usage (by the bench only): client-proc.ts
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { monoMs, sleep } from '../realtime/clock.js';
import { cpuMeter, push, serveRequests } from '../realtime/ipc.js';
import { generateBigDoc, rawApply, readLog, writeLog, type BigDocOptions } from './bigdoc.js';
import { COLLAB_VERSION_PARAM } from '../../shared/collabConstants.js';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';

/** A `ws` WebSocket that sends a Cookie header (browsers send the session cookie on the upgrade). */
function cookieWebSocket(cookie: string | null) {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  };
}

interface Arrivals {
  clocks: number[];
  times: number[];
}

interface Editor {
  index: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.XmlText | undefined;
  /** Per sender clientID: when this editor's doc got which clock of it. */
  arrivals: Map<number, Arrivals>;
  /** Own edits: clock after the edit, send time, due time. */
  sentClocks: number[];
  sentTimes: number[];
  sentDue: number[];
  closes: string[];
  timer: NodeJS.Timeout | undefined;
}

export interface OpenArgs {
  /** e.g. ws://127.0.0.1:1234/collab (the provider appends `/<doc>`). */
  serverUrl: string;
  doc: string;
  /** One Cookie header per editor (null: none). */
  cookies: (string | null)[];
  /** Global index of this process's first editor (stagger and names). */
  firstIndex: number;
  timeoutMs: number;
}
export interface OpenResult {
  clientIds: number[];
  connectMs: number;
}
export interface SenderLog {
  clientId: number;
  clocks: number[];
  times: number[];
  due: number[];
}
export interface ArmArgs {
  /** Monotonic ms at which the schedule starts. */
  start: number;
  /** Last moment an edit may be due. */
  end: number;
  intervalMs: number;
  /** Editors in all processes (for the stagger). */
  totalEditors: number;
  /** Characters per edit. */
  chars: number;
}
export interface LatencyArgs {
  senders: SenderLog[];
  /** Only edits sent in [from, to) count. */
  from: number;
  to: number;
}
export interface LatencyResult {
  latencies: Float64Array;
  /** Send time of each entry of `latencies`. */
  sentAt: Float64Array;
  /** Edits sent in the window by this process's editors. */
  sent: number;
  /** Worst lateness of an edit against its schedule (the client's own event loop). */
  sendLagMaxMs: number;
  closes: string[];
}
export interface SyncArgs {
  serverUrl: string;
  doc: string;
  cookie: string | null;
  timeoutMs: number;
  /** Keep this client connected after it synced (until `disconnectAll`). */
  keep?: boolean;
  /** After syncing, make one small edit and report whether the server took it (closes within 1.5 s). */
  probeEdit?: boolean;
}
export interface SyncResult {
  /** Construction → WebSocket open. */
  openMs: number;
  /** Construction → `synced` (sync step 2 from the server applied). */
  syncedMs: number;
  /** Size of the state the client then holds. */
  stateBytes: number;
  /** Characters of text in `content` (a check that the content arrived). */
  textChars: number;
  closes: string[];
  timedOut: boolean;
  /** With `probeEdit`: 'accepted' or the close code and reason the edit got. */
  edit?: string;
}

// Every WebsocketProvider adds a process 'exit' listener; 50 of them are expected here.
process.setMaxListeners(0);

const editors: Editor[] = [];
const extra: { doc: Y.Doc; provider: WebsocketProvider }[] = [];
const WORD = 'abcdefghijklmnopqrstuvwxyz';

function makeProvider(serverUrl: string, name: string, doc: Y.Doc, cookie: string | null, closes: string[]): WebsocketProvider {
  const provider = new WebsocketProvider(serverUrl, name, doc, {
    WebSocketPolyfill: cookieWebSocket(cookie) as unknown as typeof globalThis.WebSocket,
    // Several providers of one document live in this process: they must talk through the server only.
    disableBc: true,
    // Hatchery checks the protocol version; the reference server ignores it.
    params: { [COLLAB_VERSION_PARAM]: String(PROTOCOL_VERSION) },
  });
  provider.on('connection-close', (event) => {
    if (event) closes.push(`${event.code} ${event.reason}`.trim());
  });
  return provider;
}

function whenSynced(provider: WebsocketProvider, timeoutMs: number, what: string): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.off('sync', onSync);
      reject(new Error(`${what} did not sync within ${timeoutMs} ms`));
    }, timeoutMs);
    const onSync = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

function contentChars(doc: Y.Doc): number {
  let n = 0;
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText) => {
    if (node instanceof Y.XmlText) n += node.length;
    else for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText);
  };
  walk(doc.getXmlFragment('content'));
  return n;
}

async function destroyAll(): Promise<void> {
  const all = [...editors.map((e) => e.provider), ...extra.map((x) => x.provider)];
  for (const e of editors) clearTimeout(e.timer);
  const closed = all.map(
    (p) =>
      new Promise<void>((resolve) => {
        const ws = p.ws;
        if (!ws || ws.readyState === ws.CLOSED) return resolve();
        (ws as unknown as WebSocket).once('close', () => resolve());
      }),
  );
  for (const p of all) p.destroy();
  await Promise.race([Promise.all(closed), sleep(5000)]);
  for (const e of editors) e.doc.destroy();
  for (const x of extra) x.doc.destroy();
  editors.length = 0;
  extra.length = 0;
}

const cpu = cpuMeter();

serveRequests({
  ping: () => 'pong',
  ...cpu,

  open: async (a: OpenArgs): Promise<OpenResult> => {
    const t0 = monoMs();
    const opened = a.cookies.map((cookie, i) => {
      const doc = new Y.Doc();
      const e: Editor = {
        index: a.firstIndex + i,
        doc,
        provider: undefined as unknown as WebsocketProvider,
        text: undefined,
        arrivals: new Map(),
        sentClocks: [],
        sentTimes: [],
        sentDue: [],
        closes: [],
        timer: undefined,
      };
      e.provider = makeProvider(a.serverUrl, a.doc, doc, cookie, e.closes);
      e.provider.awareness.setLocalStateField('user', { name: `Bench editor ${e.index}`, color: '#3b82f6' });
      doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (tr.local) return;
        const t = monoMs();
        for (const [client, after] of tr.afterState) {
          if (after <= (tr.beforeState.get(client) ?? 0)) continue;
          let r = e.arrivals.get(client);
          if (!r) e.arrivals.set(client, (r = { clocks: [], times: [] }));
          r.clocks.push(after);
          r.times.push(t);
        }
      });
      editors.push(e);
      return e;
    });
    try {
      await Promise.all(opened.map((e) => whenSynced(e.provider, a.timeoutMs, `editor ${e.index}`)));
    } catch (err) {
      const closes = [...new Set(opened.flatMap((e) => e.closes))];
      throw new Error(`${(err as Error).message}${closes.length ? `; closed with ${closes.join(', ')}` : ''}`);
    }
    return { clientIds: opened.map((e) => e.doc.clientID), connectMs: monoMs() - t0 };
  },

  /** Each editor adds its own paragraph; returns [clientId, clock] after it. */
  addParagraphs: (): [number, number][] =>
    editors.map((e) => {
      const fragment = e.doc.getXmlFragment('content');
      e.doc.transact(() => {
        const p = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        p.insert(0, [text]);
        text.insert(0, `Editor ${e.index}: `);
        fragment.insert(fragment.length, [p]);
        e.text = text;
      });
      return [e.doc.clientID, Y.getState(e.doc.store, e.doc.clientID)];
    }),

  /** Resolves when every editor here holds at least these clocks (everyone's paragraph arrived). */
  converged: async ({ states, timeoutMs }: { states: [number, number][]; timeoutMs: number }) => {
    const deadline = monoMs() + timeoutMs;
    for (;;) {
      const behind = editors.filter((e) => states.some(([c, clock]) => Y.getState(e.doc.store, c) < clock)).length;
      if (behind === 0) return true;
      if (monoMs() > deadline) throw new Error(`${behind} editors did not receive everyone's paragraph within ${timeoutMs} ms`);
      await sleep(50);
    }
  },

  /** Starts every editor's fixed schedule: one edit every `intervalMs`, staggered over the editors. */
  arm: (a: ArmArgs) => {
    for (const e of editors) {
      let i = 0;
      const phase = (e.index / a.totalEditors) * a.intervalMs;
      const next = () => {
        const due = a.start + phase + i * a.intervalMs;
        if (due >= a.end) return;
        e.timer = setTimeout(() => {
          const t = monoMs();
          const s = WORD.slice(i % (WORD.length - a.chars), (i % (WORD.length - a.chars)) + a.chars);
          e.doc.transact(() => e.text!.insert(e.text!.length, s));
          e.sentClocks.push(Y.getState(e.doc.store, e.doc.clientID));
          e.sentTimes.push(t);
          e.sentDue.push(due);
          i++;
          next();
        }, Math.max(0, due - monoMs()));
      };
      next();
    }
    return true;
  },

  sends: (): SenderLog[] => editors.map((e) => ({ clientId: e.doc.clientID, clocks: e.sentClocks, times: e.sentTimes, due: e.sentDue })),

  latencies: (a: LatencyArgs): LatencyResult => {
    const out: number[] = [];
    const at: number[] = [];
    let sent = 0;
    let sendLagMaxMs = 0;
    for (const s of a.senders) {
      const mine = editors.some((e) => e.doc.clientID === s.clientId);
      for (let i = 0; i < s.times.length; i++) {
        if (s.times[i]! < a.from || s.times[i]! >= a.to) continue;
        if (mine) {
          sent++;
          sendLagMaxMs = Math.max(sendLagMaxMs, s.times[i]! - s.due[i]!);
        }
      }
    }
    for (const e of editors) {
      for (const s of a.senders) {
        if (s.clientId === e.doc.clientID) continue;
        const r = e.arrivals.get(s.clientId) ?? { clocks: [], times: [] };
        let k = 0;
        for (let i = 0; i < s.times.length; i++) {
          const sentAt = s.times[i]!;
          // Arrival records are in clock order: walk them alongside the sender's edits.
          while (k < r.clocks.length && r.clocks[k]! < s.clocks[i]!) k++;
          if (sentAt < a.from || sentAt >= a.to) continue;
          out.push(k < r.clocks.length ? r.times[k]! - sentAt : NaN);
          at.push(sentAt);
        }
      }
    }
    return { latencies: Float64Array.from(out), sentAt: Float64Array.from(at), sent, sendLagMaxMs, closes: [...new Set(editors.flatMap((e) => e.closes))] };
  },

  /** A fresh client: how long until it is synced with the server's copy. */
  sync: async (a: SyncArgs): Promise<SyncResult> => {
    const doc = new Y.Doc();
    const closes: string[] = [];
    const t0 = monoMs();
    let openAt = NaN;
    const provider = makeProvider(a.serverUrl, a.doc, doc, a.cookie, closes);
    provider.on('status', ({ status }) => {
      if (status === 'connected' && Number.isNaN(openAt)) openAt = monoMs();
    });
    let timedOut = false;
    try {
      await whenSynced(provider, a.timeoutMs, 'the fresh client');
    } catch {
      timedOut = true;
    }
    const syncedAt = monoMs();
    const closesBeforeSync = closes.length;
    const result: SyncResult = {
      openMs: openAt - t0,
      syncedMs: timedOut ? Infinity : syncedAt - t0,
      stateBytes: Y.encodeStateAsUpdate(doc).length,
      textChars: contentChars(doc),
      closes: closes.slice(0, closesBeforeSync),
      timedOut,
    };
    if (a.probeEdit && !timedOut) {
      const first = doc.getXmlFragment('content').get(0);
      const text = first instanceof Y.XmlElement ? first.get(0) : undefined;
      if (text instanceof Y.XmlText) {
        const before = closes.length;
        text.insert(0, 'x');
        await sleep(1500);
        result.edit = closes.length > before ? `refused, connection closed: ${closes.slice(before).join(', ')}` : 'accepted';
      } else {
        result.edit = 'no paragraph to edit';
      }
    }
    extra.push({ doc, provider });
    if (!a.keep) await destroyAll();
    return result;
  },

  /** Puts a whole state into a document on the server (one client that connects and syncs). */
  upload: async ({ serverUrl, doc: name, stateFile, timeoutMs }: { serverUrl: string; doc: string; stateFile: string; timeoutMs: number }) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, readLog(stateFile)[0]!);
    const provider = makeProvider(serverUrl, name, doc, null, []);
    extra.push({ doc, provider });
    await whenSynced(provider, timeoutMs, 'the uploading client');
    return Y.encodeStateVector(doc);
  },

  /** Applies a state once in this process, so a measured sync does not include Yjs's JIT warm-up. */
  warmup: ({ stateFile }: { stateFile: string }) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, readLog(stateFile)[0]!);
    const n = Y.encodeStateAsUpdate(doc).length;
    doc.destroy();
    return n;
  },

  disconnectAll: async () => {
    await destroyAll();
    return true;
  },

  /** Generates the big document's log into `file` (see bigdoc.ts). */
  generate: ({ file, options }: { file: string; options: BigDocOptions }) => {
    const g = generateBigDoc(options);
    writeLog(file, g.entries);
    const { entries, ...rest } = g;
    return { ...rest, entries: entries.length };
  },

  /** The lower bound: `Y.applyUpdate` of the log into a fresh Y.Doc; writes the final state to `stateFile`. */
  rawApply: ({ file, stateFile, repeat }: { file: string; stateFile: string; repeat: number }) => {
    const entries = readLog(file);
    const { state, ...r } = rawApply(entries, repeat);
    writeLog(stateFile, [state]);
    // The same content as one snapshot (what a compacted log holds): best of 3.
    let snapshotApplyMs = Infinity;
    let textChars = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      snapshotApplyMs = Math.min(snapshotApplyMs, performance.now() - t);
      textChars = contentChars(doc);
      doc.destroy();
    }
    return { ...r, stateBytes: state.length, textChars, snapshotApplyMs };
  },

  close: async () => {
    await destroyAll();
    setImmediate(() => process.exit(0));
  },
});
push('ready');
