/**
 * The large document of bench:collab's cold-load part: a deterministic editing history of a pitch doc
 * (`content` = Y.XmlFragment of paragraphs, as TipTap writes it), as a log of many small Yjs updates.
 *
 * Several authors (fixed client ids) type words at a cursor, delete backwards, start new paragraphs,
 * bold a range and now and then paste a sentence; every edit is one transaction and one update, as an
 * editor sends them. Consecutive edits are grouped into log entries of about `entryBytes` (merged with
 * `Y.mergeUpdates`), like a server that stores a debounced merged update; `entryBytes: 0` keeps one
 * entry per edit. Generation stops once the entries add up to `targetBytes`.
 *
 * The log is written to a file (u32 length + bytes per entry) so the server process, the client process
 * and the lower-bound measurement all read the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';

export interface BigDocOptions {
  targetBytes: number;
  /** Merge consecutive edits into entries of about this many bytes (0 = one entry per edit). */
  entryBytes: number;
  seed: number;
  authors: number;
}

export interface BigDocLog {
  entries: Uint8Array[];
  /** Sum of entry sizes. */
  bytes: number;
  /** Edits (transactions) the history is made of. */
  edits: number;
  /** Size of the whole history as one update (`Y.mergeUpdates`): what a compacted snapshot would hold. */
  mergedBytes: number;
  /** Characters of visible text at the end. */
  textChars: number;
  sha256: string;
  generateMs: number;
}

/** mulberry32: small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'hull cleaning robot cargo ship fuel savings biofouling autonomous inspection port operators pilot ' +
  'customers revenue margin market seed round runway traction team engineering sensors sonar crawler ' +
  'magnetic adhesion battery dock fleet emissions regulation IMO contract pricing subscription per vessel ' +
  'annual recurring growth hiring roadmap prototype trial Rotterdam Singapore Shanghai partners investors'
).split(' ');

const MAX_PARAGRAPHS = 400;
/**
 * Past this many characters (counted roughly), rewrites remove more than they add. The text then stays
 * in the low hundreds of thousands of characters (≈ 190 k at 20 MB of history) while the history grows.
 */
const TARGET_TEXT_CHARS = 80_000;

export function generateBigDoc(o: BigDocOptions): BigDocLog {
  const started = performance.now();
  const rnd = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  const doc = new Y.Doc({ gc: true });
  const content = doc.getXmlFragment('content');
  doc.getMap('comments');
  const authorIds = Array.from({ length: o.authors }, (_, i) => 1000 + i);
  const paragraphs: Y.XmlText[] = [];
  // Each author has a cursor: a paragraph and an offset in it.
  const cursors = authorIds.map(() => ({ p: 0, at: 0 }));

  const edits: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => edits.push(u));

  const entries: Uint8Array[] = [];
  let bytes = 0;
  let pendingBytes = 0;
  let pending: Uint8Array[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const entry = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
    entries.push(entry);
    bytes += entry.length;
    pending = [];
    pendingBytes = 0;
  };

  const newParagraph = (afterIndex: number): number => {
    const el = new Y.XmlElement(rnd() < 0.1 ? 'heading' : 'paragraph');
    const text = new Y.XmlText();
    el.insert(0, [text]);
    const at = Math.min(afterIndex + 1, content.length);
    content.insert(at, [el]);
    paragraphs.splice(at, 0, text);
    return at;
  };

  doc.clientID = authorIds[0]!;
  doc.transact(() => newParagraph(-1));
  const sentence = (words: number) => {
    const w = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    return `${w[0]!.toUpperCase()}${w.slice(1)}. `;
  };
  let visible = 0;
  let editCount = 0;
  let taken = 0;
  while (bytes + pendingBytes < o.targetBytes) {
    const a = int(0, authorIds.length - 1);
    doc.clientID = authorIds[a]!;
    const cur = cursors[a]!;
    if (cur.p >= paragraphs.length) cur.p = paragraphs.length - 1;
    const text = paragraphs[cur.p]!;
    cur.at = Math.min(cur.at, text.length);
    const r = rnd();
    // Past the target length, rewrites take away more than they add: the text stays pitch-doc sized
    // while the history keeps growing (months of rewriting).
    const shrink = visible > TARGET_TEXT_CHARS;
    const before = text.length;
    doc.transact(() => {
      if (r < 0.45) {
        const w = `${pick(WORDS)} `;
        text.insert(cur.at, w);
        cur.at += w.length;
      } else if (r < 0.65) {
        const n = Math.min(cur.at, int(1, 14));
        if (n > 0) {
          text.delete(cur.at - n, n);
          cur.at -= n;
        } else {
          text.insert(cur.at, '.');
          cur.at += 1;
        }
      } else if (r < 0.8) {
        // Select a stretch and type a new sentence over it.
        const s = sentence(int(4, 30));
        const from = int(0, text.length);
        const del = Math.min(text.length - from, shrink ? s.length + int(20, 120) : int(0, s.length));
        if (del > 0) text.delete(from, del);
        text.insert(from, s);
        cur.at = from + s.length;
      } else if (r < 0.82 && !shrink) {
        const s = Array.from({ length: int(3, 6) }, () => sentence(int(8, 25))).join('');
        text.insert(cur.at, s);
        cur.at += s.length;
      } else if (r < 0.85) {
        // A new paragraph below the cursor (a pitch doc stays a few hundred paragraphs long).
        if (paragraphs.length < MAX_PARAGRAPHS) {
          cur.p = newParagraph(cur.p);
          cur.at = 0;
        } else {
          cur.p = int(0, paragraphs.length - 1);
          cur.at = int(0, paragraphs[cur.p]!.length);
        }
      } else if (r < 0.9) {
        const len = text.length;
        if (len > 4) {
          const from = int(0, len - 2);
          text.format(from, Math.min(int(1, 20), len - from), { bold: rnd() < 0.7 ? {} : null });
        } else {
          text.insert(cur.at, 'x');
          cur.at += 1;
        }
      } else {
        // Jump somewhere else in the document.
        cur.p = int(0, paragraphs.length - 1);
        cur.at = int(0, paragraphs[cur.p]!.length);
      }
    });
    visible += text.length - before;
    editCount++;
    for (; taken < edits.length; taken++) {
      const u = edits[taken]!;
      pending.push(u);
      pendingBytes += u.length;
      if (pendingBytes >= o.entryBytes) flush();
    }
    edits.length = 0;
    taken = 0;
  }
  flush();
  let textChars = 0;
  for (const p of paragraphs) textChars += p.length;
  const mergedBytes = Y.encodeStateAsUpdate(doc).length;
  doc.destroy();
  return { entries, bytes, edits: editCount, mergedBytes, textChars, sha256: digest(entries), generateMs: performance.now() - started };
}

export function digest(entries: Uint8Array[]): string {
  const h = createHash('sha256');
  for (const e of entries) h.update(e);
  return h.digest('hex').slice(0, 16);
}

export function writeLog(file: string, entries: Uint8Array[]): void {
  const total = entries.reduce((s, e) => s + 4 + e.length, 0);
  const buf = Buffer.allocUnsafe(total);
  let k = 0;
  for (const e of entries) {
    buf.writeUInt32LE(e.length, k);
    buf.set(e, k + 4);
    k += 4 + e.length;
  }
  writeFileSync(file, buf);
}

export function readLog(file: string): Uint8Array[] {
  const buf = readFileSync(file);
  const out: Uint8Array[] = [];
  for (let k = 0; k < buf.length; ) {
    const n = buf.readUInt32LE(k);
    // Copies, so each entry owns its bytes like a row read from SQLite.
    out.push(Uint8Array.prototype.slice.call(buf, k + 4, k + 4 + n));
    k += 4 + n;
  }
  return out;
}

export interface RawApplyResult {
  /** Best of the runs: `Y.applyUpdate` of every entry, in order, into a fresh Y.Doc. */
  applyMs: number;
  /** CPU time (user + system) of the best run. */
  applyCpuMs: number;
  runsMs: number[];
  /** `Y.encodeStateAsUpdate` of the loaded doc (what a server sends in sync step 2). */
  encodeMs: number;
  /** The loaded document's state (from the last run). */
  state: Uint8Array;
}

/**
 * The lower bound for a cold load: Yjs alone, no storage, no network, one `Y.applyUpdate` per entry.
 * Other ways are slower here: all entries inside one `transact` took ~1.4× as long on the bench machine
 * (the one transaction's bookkeeping grows), and `Y.mergeUpdates` over the whole log is superlinear in
 * the number of updates (38 k small updates: 48 s).
 */
export function rawApply(entries: Uint8Array[], repeat: number): RawApplyResult {
  const runsMs: number[] = [];
  let applyCpuMs = Infinity;
  let encodeMs = Infinity;
  let state: Uint8Array = new Uint8Array();
  for (let i = 0; i < repeat; i++) {
    let t = performance.now();
    const cpu0 = process.cpuUsage();
    const doc = new Y.Doc();
    for (const e of entries) Y.applyUpdate(doc, e);
    runsMs.push(performance.now() - t);
    const cpu = process.cpuUsage(cpu0);
    if (runsMs.at(-1)! <= Math.min(...runsMs)) applyCpuMs = (cpu.user + cpu.system) / 1000;
    t = performance.now();
    state = Y.encodeStateAsUpdate(doc);
    encodeMs = Math.min(encodeMs, performance.now() - t);
    doc.destroy();
  }
  return { applyMs: Math.min(...runsMs), applyCpuMs, runsMs, encodeMs, state };
}
