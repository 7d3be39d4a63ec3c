/**
 * Loads a corpus folder into a `BriefingIndex`: read every file, extract each
 * (independently: cached and parallel), then the corpus-level steps (dating,
 * syndication) and the index.
 *
 * Where each article's extraction comes from, cheapest first:
 * 1. the snapshot: when the folder is exactly as it was last time (same files,
 *    same content hashes), the whole index is read back from one file (warm start);
 * 2. the previous index, on a reload (`reloadBriefingIndex`);
 * 3. the extraction cache, by content hash;
 * 4. `extractArticle`, on worker threads (one per core) when the compiled worker
 *    is available, else in this thread.
 * Whatever the source, the index is the one a plain single-threaded load builds.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article, ArticleExtraction, LoadWarning } from '../core/types.js';
import { CorpusError, listCorpusFiles, readDocument, readManifest, type RawDocument } from '../corpus/read.js';
import { EXTRACTION_VERSION, extractArticle } from '../extract/article.js';
import { log } from '../log.js';
import { assembleArticles } from './assemble.js';
import type { BriefingIndex } from './briefingIndex.js';
import { decodeExtraction, encodeExtraction, ExtractionCache } from './cache.js';
import { CorpusIndex, deriveCorpus, deriveCorpusWith } from './corpusIndex.js';
import { packForDerive } from './deriveShared.js';
import { deriveIncremental, type PreviousCorpus } from './incremental.js';
import { readSnapshot, readSnapshotHeader, restampSnapshot, SNAPSHOT_FORMAT, snapshotFile, writeSnapshot, type FileStamp, type FolderStamps, type SnapshotRead } from './snapshot.js';
import { createExtractionPool, defaultDeriveScript, defaultWorkerCount, defaultWorkerScript, deriveInWorker, untilAnswered } from './workers.js';

export { CorpusError };

export interface LoadOptions {
  corpusDir: string;
  /** Folder for the extraction cache and snapshot; null or absent: no cache. */
  cacheDir?: string | null;
  maxBytes?: number;
  /** Called as files are processed (for a progress bar: `progressBar(process.stderr).update`). */
  onProgress?: (done: number, total: number) => void;
  /** Called when a long step without a count starts (for the progress bar: `bar.status`). */
  onPhase?: (what: string) => void;
  /** The clock, for "loaded at". */
  clock?: () => Date;
  /** Extraction threads; default one per core; 0 extracts in this thread. */
  workers?: number;
  /** The compiled worker script; default `extractWorker.js` beside this module (absent under vitest). */
  workerScript?: URL | null;
  /**
   * When to write the snapshot after a load that could not use it: 'background'
   * (the default: right after returning, without delaying readiness; the process
   * stays up until it is written), 'wait' (before returning) or 'never'.
   */
  snapshot?: 'wait' | 'background' | 'never';
  /**
   * Files modified less than this before the snapshot's stamps are read again on
   * a warm start rather than trusted (file system clocks can be coarse). Default 2000.
   */
  stampSlackMs?: number;
  /** Extraction function (tests count calls with it); runs in this thread. */
  extract?: (doc: RawDocument) => ArticleExtraction;
  /**
   * The compiled reload worker script: a reload with a cache folder loads and
   * derives in that thread, so this one keeps answering; default `reloadWorker.js`
   * beside this module (absent under vitest); null reloads in this thread.
   */
  reloadScript?: URL | null;
  /**
   * The compiled derive worker script: on a cold load (not a reload) with worker
   * threads, the search index and the brief's statements are built in it while
   * this thread computes the other answers. Default `deriveWorker.js` beside this
   * module (absent under vitest), for corpora of `DERIVE_WORKER_MIN_ARTICLES` or
   * more; a script given here is used whatever the size; null derives in this thread.
   */
  deriveScript?: URL | null;
}

/** Articles from which a cold load derives on two threads by default (a worker costs ~0.1 s to start). */
export const DERIVE_WORKER_MIN_ARTICLES = 500;

/** What a load did, for logs, tests and the benchmark. */
export interface LoadStats {
  files: number;
  articles: number;
  /** Extractions read back from the snapshot (warm start). */
  fromSnapshot: number;
  /** Reused from the previous index (reload). */
  reused: number;
  /** Read from the extraction cache. */
  cached: number;
  /** Extracted during this load. */
  extracted: number;
  /** Worker threads used for extraction (0: this thread). */
  workers: number;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
  /** Set once a snapshot write (waited for or in the background) has finished. */
  snapshotWritten: Promise<boolean>;
  /**
   * After a warm start, what is built on first use (name finders) is built in the
   * background, without keeping the process alive; this waits until it is (and
   * keeps it alive until then). Articles' bodies, sentences, figures... stay in
   * the snapshot file and are read when used, never all at once.
   */
  whenPrepared(): Promise<void>;
}

export interface LoadedDocuments {
  docs: RawDocument[];
  warnings: LoadWarning[];
}

/** Files read at once: enough to hide disk latency, few enough to stay polite. */
const READ_CONCURRENCY = 32;
const STAT_CONCURRENCY = 64;

/** Runs `f` over `items` with at most `limit` in flight; results by position. */
async function mapLimit<T, R>(items: readonly T[], limit: number, f: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]!, i);
      }
    }),
  );
  return out;
}

export async function readCorpus(corpusDir: string, maxBytes?: number): Promise<LoadedDocuments> {
  const listWarnings: LoadWarning[] = [];
  const files = await listCorpusFiles(corpusDir, listWarnings);
  const r = await readListed(corpusDir, files, maxBytes);
  return { docs: r.docs, warnings: [...listWarnings, ...r.warnings] };
}

/** Reads listed files: the documents, and the warnings from the manifest and the files. */
async function readListed(corpusDir: string, files: readonly string[], maxBytes?: number): Promise<LoadedDocuments> {
  const warnings: LoadWarning[] = [];
  const manifest = await readManifest(corpusDir, warnings);
  // read in parallel, then decide in file order: the same documents and warnings as one by one
  const read = await mapLimit(files, READ_CONCURRENCY, (file) => readDocument(corpusDir, file, manifest, { maxBytes }));
  const docs: RawDocument[] = [];
  const seenHashes = new Map<string, string>();
  read.forEach((r, i) => {
    const file = files[i]!;
    if ('warning' in r) {
      warnings.push(r.warning);
      return;
    }
    warnings.push(...r.warnings);
    // the same text under two names is loaded once (metadata may differ; the first file wins)
    const textHash = createHash('sha256').update(r.doc.text).digest('hex');
    const dup = seenHashes.get(textHash);
    if (dup) {
      warnings.push({ file, message: `identical to ${dup}; loaded once` });
      return;
    }
    seenHashes.set(textHash, file);
    docs.push(r.doc);
  });
  return { docs, warnings };
}

/** Size and times of each file (and the manifest), taken before reading them. */
async function stampFolder(corpusDir: string, files: readonly string[]): Promise<Omit<FolderStamps, 'readWarnings'>> {
  const taken = Date.now();
  const stamp = async (file: string): Promise<FileStamp | null> => {
    const st = await fs.stat(path.join(corpusDir, file)).catch(() => null);
    return st ? [file, st.size, st.mtimeMs, st.ctimeMs] : null;
  };
  const stamps = await mapLimit(files, STAT_CONCURRENCY, stamp);
  return { taken, files: stamps.map((s, i) => s ?? [files[i]!, -1, -1, -1]), manifest: await stamp('manifest.json') };
}

/**
 * Whether the folder is as the snapshot saw it: the same files with the same
 * sizes and times (modification and status change, which no tool can set back).
 * A file modified within `slackMs` of the stamps might have changed again within
 * the file system clock's resolution: then it is not trusted.
 */
function sameFolder(before: FolderStamps, now: Omit<FolderStamps, 'readWarnings'>, slackMs: number): boolean {
  const settled = before.taken - slackMs;
  const same = (a: FileStamp | null, b: FileStamp | null) => (a === null || b === null ? a === b : a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[2] <= settled && a[3] <= settled);
  return same(before.manifest, now.manifest) && before.files.length === now.files.length && before.files.every((f, i) => same(f, now.files[i]!));
}

function failureWarning(file: string, message: string): LoadWarning {
  return { file, message: `could not be processed (${message.split('\n')[0]}); skipped` };
}

/** Extracts documents one by one, reporting progress. */
export function extractAll(docs: RawDocument[], warnings: LoadWarning[], onProgress?: (done: number, total: number) => void): ArticleExtraction[] {
  const out: ArticleExtraction[] = [];
  docs.forEach((doc, i) => {
    try {
      const x = extractArticle(doc);
      for (const w of x.warnings) warnings.push({ file: doc.file, message: w });
      out.push(x);
    } catch (err) {
      warnings.push(failureWarning(doc.file, err instanceof Error ? err.message : String(err)));
    }
    onProgress?.(i + 1, docs.length);
  });
  return out;
}

/** An extraction found by content hash, under the name the file has now. */
function asDocument(x: ArticleExtraction, doc: RawDocument): ArticleExtraction {
  return x.id === doc.id && x.file === doc.file ? x : { ...x, id: doc.id, file: doc.file };
}

/** Only the extraction's own fields of an article (in their order), for reuse. */
function extractionOf(a: Article): ArticleExtraction {
  const { date: _d, dateSource: _s, notBefore: _n, syndicatedWith: _w, groupId: _g, ...x } = a;
  return x;
}

/** What identifies a corpus's extraction inputs: every document's name and content hash, in order. */
export function corpusDigest(docs: readonly RawDocument[]): string {
  const h = createHash('sha256').update(`briefbot snapshot ${SNAPSHOT_FORMAT} extraction ${EXTRACTION_VERSION}\n`);
  for (const d of docs) h.update(`${d.id}\0${d.file}\0${d.hash}\n`);
  return h.digest('hex');
}

const digests = new WeakMap<BriefingIndex, string>();
/** The warnings reading the folder gave (before extraction's), to tell whether a reload changes anything. */
const readWarnings = new WeakMap<BriefingIndex, readonly LoadWarning[]>();
const loadStats = new WeakMap<BriefingIndex, LoadStats>();

/** How an index was loaded (undefined for indexes this module did not build). */
export function statsOf(index: BriefingIndex): LoadStats | undefined {
  return loadStats.get(index);
}

/**
 * Loads (or reloads, reusing `previous`) a corpus folder.
 * @example const { index, stats } = await loadCorpus({ corpusDir: 'seeds', cacheDir: '.cache' });
 */
export async function loadCorpus(opts: LoadOptions, previous: BriefingIndex | null = null): Promise<{ index: BriefingIndex; stats: LoadStats }> {
  const r = await runLoad(opts, previous, null);
  if ('handoff' in r) throw new Error('a load in this thread has no handoff');
  return r;
}

/** A reload worker could not write the snapshot it hands over (a full disk, say). */
class SnapshotWriteError extends Error {}

/** What the previous index of a reload was built from, when the reload runs in a worker that does not have it. */
export interface PriorLoad {
  digest: string | null;
  warnings: readonly LoadWarning[] | null;
}

/**
 * What a reload worker hands back: nothing changed, or the snapshot file it wrote
 * (the main thread opens it like a warm start) and how the load went.
 */
export type ReloadHandoff =
  | { unchanged: true }
  | { unchanged: false; snapshot: string; temporary: boolean; digest: string; warnings: LoadWarning[]; stats: Omit<LoadStats, 'snapshotWritten' | 'whenPrepared' | 'articles'> };

type LoadOutcome = { index: BriefingIndex; stats: LoadStats } | { handoff: ReloadHandoff };

/**
 * The load itself. With `prior` (in a reload worker, which has no previous index):
 * compares with `prior` instead of `previous`, reuses extractions from the cache,
 * and instead of an index returns the snapshot file it wrote.
 */
async function runLoad(opts: LoadOptions, previous: BriefingIndex | null, prior: PriorLoad | null): Promise<LoadOutcome> {
  const clock = opts.clock ?? (() => new Date());
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (phase: string) => {
    const t = performance.now();
    timings[phase] = (timings[phase] ?? 0) + (t - t0);
    t0 = t;
  };
  const listWarnings: LoadWarning[] = [];
  const files = await listCorpusFiles(opts.corpusDir, listWarnings);
  const cache = opts.cacheDir ? new ExtractionCache(opts.cacheDir) : null;
  const snapPath = opts.cacheDir ? await snapshotFile(opts.cacheDir, opts.corpusDir) : null;
  const folder = snapPath ? await stampFolder(opts.corpusDir, files) : null;
  lap('list');

  const stats: LoadStats = { files: files.length, articles: 0, fromSnapshot: 0, reused: 0, cached: 0, extracted: 0, workers: 0, timings, snapshotWritten: Promise.resolve(false), whenPrepared: () => Promise.resolve() };
  const finish = (index: BriefingIndex, digest: string, warnings: readonly LoadWarning[]): { index: BriefingIndex; stats: LoadStats } => {
    stats.articles = index.articles().length;
    digests.set(index, digest);
    readWarnings.set(index, warnings);
    loadStats.set(index, stats);
    return { index, stats };
  };
  const fromSnapshot = (snap: Extract<SnapshotRead, { ok: true }>, digest: string, warnings: LoadWarning[]) => {
    const index = indexFromSnapshot(opts, snap, warnings, stats);
    lap('index');
    opts.onProgress?.(stats.files, stats.files);
    return finish(index, digest, warnings);
  };

  // warm start without reading: every file has the size and times the snapshot saw
  let snapshotTried = false;
  if (snapPath && folder && !previous && !prior) {
    const h = await readSnapshotHeader(snapPath);
    if (h.ok && h.header.stamps && sameFolder(h.header.stamps, folder, opts.stampSlackMs ?? 2000)) {
      const snap = await readSnapshot(snapPath, h.header.digest);
      lap('snapshot read');
      if (snap.ok) return fromSnapshot(snap, h.header.digest, [...listWarnings, ...h.header.stamps.readWarnings]);
      log.warn('snapshot unusable; rebuilding it', { file: snapPath, reason: snap.reason });
      snapshotTried = true;
    }
  }

  const read = await readListed(opts.corpusDir, files, opts.maxBytes);
  const docs = read.docs;
  const warnings = [...listWarnings, ...read.warnings];
  lap('read');
  const digest = corpusDigest(docs);
  stats.files = docs.length;

  // unchanged since the previous snapshot in memory: nothing to do
  if (prior) {
    if (prior.digest === digest && sameWarnings(prior.warnings ?? undefined, warnings)) return { handoff: { unchanged: true } };
  } else if (previous && digests.get(previous) === digest && sameWarnings(readWarnings.get(previous), warnings)) {
    stats.reused = docs.length;
    opts.onProgress?.(docs.length, docs.length);
    return finish(previous, digest, warnings);
  }
  // (in a reload worker) the snapshot on disk already holds these documents: hand it over as it is
  if (prior && snapPath && opts.snapshot !== 'never') {
    const h = await readSnapshotHeader(snapPath);
    if (h.ok && h.header.digest === digest) {
      if (folder) await restampSnapshot(snapPath, { ...folder, readWarnings: read.warnings }).catch(() => undefined);
      const { snapshotWritten: _w, whenPrepared: _h, articles: _a, ...plain } = stats;
      return { handoff: { unchanged: false, snapshot: snapPath, temporary: false, digest, warnings, stats: plain } };
    }
  }

  // warm start by content: the same documents (files touched, say, but not changed)
  if (snapPath && !previous && !prior && !snapshotTried) {
    const snap = await readSnapshot(snapPath, digest);
    lap('snapshot read');
    if (snap.ok) {
      // same contents, new stamps (files touched, copied, checked out): record them for the next start
      if (folder) stats.snapshotWritten = restampSnapshot(snapPath, { ...folder, readWarnings: read.warnings }).then(
        () => true,
        () => false,
      );
      return fromSnapshot(snap, digest, warnings);
    }
    if (snap.reason !== 'missing' && snap.reason !== 'stale') log.warn('snapshot unusable; rebuilding it', { file: snapPath, reason: snap.reason });
  }

  // per document: an extraction, or why it failed
  const results: (ArticleExtraction | { error: string } | undefined)[] = new Array(docs.length);
  let done = 0;
  const progress = () => opts.onProgress?.(++done, docs.length);

  const reusable = new Map<string, Article>();
  for (const a of previous?.articles() ?? []) reusable.set(a.hash, a);
  const lookups: number[] = [];
  docs.forEach((doc, i) => {
    const prev = reusable.get(doc.hash);
    if (prev) {
      results[i] = asDocument(extractionOf(prev), doc);
      stats.reused++;
      progress();
    } else lookups.push(i);
  });
  const toExtract: number[] = [];
  if (cache) {
    await mapLimit(lookups, READ_CONCURRENCY, async (i) => {
      const x = await cache.get(docs[i]!.hash);
      if (x) {
        results[i] = asDocument(x, docs[i]!);
        stats.cached++;
        progress();
      } else toExtract.push(i);
    });
    toExtract.sort((a, b) => a - b);
    if (cache.stats.corrupt > 0) log.warn('extraction cache entries unusable; re-extracting them', { count: cache.stats.corrupt, examples: cache.problems });
  } else toExtract.push(...lookups);
  lap('cache read');

  const writes: Promise<void>[] = [];
  const extractHere = (i: number) => {
    const doc = docs[i]!;
    try {
      const x = (opts.extract ?? extractArticle)(doc);
      results[i] = x;
      if (cache) writes.push(cache.putEncoded(x.hash, encodeExtraction(x)));
    } catch (err) {
      results[i] = { error: err instanceof Error ? err.message : String(err) };
    }
    stats.extracted++;
    progress();
  };
  const wanted = opts.extract ? 0 : (opts.workers ?? defaultWorkerCount());
  // workers pay off only with enough files to share (starting one costs ~100 ms)
  const pool = wanted > 0 && toExtract.length >= 16 ? await createExtractionPool(Math.min(wanted, Math.ceil(toExtract.length / 8)), opts.workerScript === undefined ? defaultWorkerScript() : opts.workerScript) : null;
  if (pool) {
    stats.workers = pool.size;
    try {
      await pool.run(
        toExtract.map((i) => docs[i]!),
        (k, outcome) => {
          const i = toExtract[k]!;
          if (results[i]) return;
          if ('error' in outcome) results[i] = { error: outcome.error };
          else {
            results[i] = decodeExtraction(outcome.json);
            if (cache) writes.push(cache.putEncoded(docs[i]!.hash, outcome.json));
          }
          stats.extracted++;
          progress();
        },
      );
    } catch (err) {
      log.warn('extraction worker failed; extracting the rest in this thread', { err: (err as Error).message });
    } finally {
      await pool.close();
    }
  }
  for (const i of toExtract) if (!results[i]) extractHere(i);
  lap('extract');

  const extractions: ArticleExtraction[] = [];
  const extractionWarnings: LoadWarning[] = [];
  results.forEach((r, i) => {
    const doc = docs[i]!;
    if (!r) return;
    if ('error' in r) extractionWarnings.push(failureWarning(doc.file, r.error));
    else {
      for (const w of r.warnings) extractionWarnings.push({ file: doc.file, message: w });
      extractions.push(r);
    }
  });
  opts.onPhase?.('building figures, timeline, quotes, brief and search');
  const articles = assembleArticles(extractions);
  lap('assemble');
  const onStep = (step: string, ms: number) => (timings[step] = ms);
  const base = await previousCorpus(previous, snapPath, folder);
  lap('previous answers');
  // a cold load derives on two threads: the search index and the brief's statements in a worker
  const deriveScript = !base && !previous && !prior && wanted > 0 ? (opts.deriveScript === undefined ? (articles.length >= DERIVE_WORKER_MIN_ARTICLES ? defaultDeriveScript() : null) : opts.deriveScript) : null;
  const derived = base
    ? deriveIncremental(base, articles, onStep)
    : deriveScript
      ? await deriveCorpusWith(articles, deriveInWorker(packForDerive(articles), deriveScript), onStep)
      : deriveCorpus(articles, onStep);
  lap('derive');
  const index = new CorpusIndex({ corpusDir: opts.corpusDir, articles, warnings: [...warnings, ...extractionWarnings], loadedAt: clock(), derived });
  lap('index');

  await Promise.all(writes);
  if (cache && (cache.stats.writeErrors > 0)) log.warn('extraction cache not fully written', { errors: cache.stats.writeErrors, examples: cache.problems });
  if (cache) void cache.pruneOtherVersions();
  if (prior) {
    // a reload worker: the snapshot is how the index gets to the main thread, so it must be written
    if (!snapPath) throw new Error('a reload worker needs a cache folder');
    const temporary = opts.snapshot === 'never';
    const file = temporary ? `${snapPath}.reload-${process.pid}-${randomBytes(4).toString('hex')}` : snapPath;
    try {
      await writeSnapshot(file, digest, index, extractionWarnings, folder && !temporary ? { ...folder, readWarnings: read.warnings } : null);
    } catch (err) {
      throw new SnapshotWriteError(`could not write the snapshot ${file}: ${(err as Error).message.split('\n')[0]}`);
    }
    lap('snapshot write');
    const { snapshotWritten: _w, whenPrepared: _h, articles: _a, ...plain } = stats;
    return { handoff: { unchanged: false, snapshot: file, temporary, digest, warnings, stats: plain } };
  }
  if (snapPath && opts.snapshot !== 'never') {
    const write = async () => {
      try {
        await writeSnapshot(snapPath, digest, index, extractionWarnings, folder ? { ...folder, readWarnings: read.warnings } : null);
        return true;
      } catch (err) {
        log.warn('could not write the corpus snapshot', { file: snapPath, err: (err as Error).message });
        return false;
      }
    };
    if (opts.snapshot === 'wait') {
      stats.snapshotWritten = Promise.resolve(await write());
      lap('snapshot write');
    } else stats.snapshotWritten = new Promise((resolve) => setImmediate(() => resolve(write())));
  }
  return finish(index, digest, warnings);
}

/**
 * What a reload or a restart after a change can start from: the previous index's
 * articles and answers (a reload in this thread), else those of the snapshot in
 * the cache folder (a reload worker, or a restart), whatever corpus it was made
 * for: `deriveIncremental` finds what changed. Null when there is none, or when
 * the folder's stamps say that many files changed (the full derivation is then
 * as fast, without reading the snapshot).
 */
async function previousCorpus(previous: BriefingIndex | null, snapPath: string | null, folder: Omit<FolderStamps, 'readWarnings'> | null): Promise<PreviousCorpus | null> {
  if (previous) return previous instanceof CorpusIndex ? { articles: previous.articles(), derived: previous.corpusDerived() } : null;
  if (!snapPath) return null;
  const h = await readSnapshotHeader(snapPath);
  if (!h.ok) return null;
  if (h.header.stamps && folder) {
    const seen = new Map(h.header.stamps.files.map((f) => [f[0], f]));
    const changed = folder.files.filter((f) => {
      const b = seen.get(f[0]);
      return !b || b[1] !== f[1] || b[2] !== f[2];
    }).length;
    if (changed > PREVIOUS_CHANGED_SHARE * Math.max(folder.files.length, 1)) return null;
  }
  const snap = await readSnapshot(snapPath, h.header.digest);
  if (!snap.ok) return null;
  // only the answers merged incrementally: the rest (search index, brief statements) can go
  const { claims, timeline, entities } = snap.derived;
  return { articles: snap.articles, derived: { claims, timeline, entities } };
}

/** Above this share of changed files (by their stamps) a restart does not read the previous snapshot. */
const PREVIOUS_CHANGED_SHARE = 0.25;

/** The index of a snapshot just read (a warm start, or a reload worker's handoff); fills in `stats`. */
function indexFromSnapshot(opts: LoadOptions, snap: Extract<SnapshotRead, { ok: true }>, warnings: LoadWarning[], stats: LoadStats): CorpusIndex {
  const index = new CorpusIndex({ corpusDir: opts.corpusDir, articles: snap.articles, warnings: [...warnings, ...snap.extractionWarnings], loadedAt: (opts.clock ?? (() => new Date()))(), derived: snap.derived, locations: snap.locations });
  stats.whenPrepared = prepareInBackground(() => index.prepare());
  stats.files = snap.articles.length + snap.extractionWarnings.filter((w) => w.message.startsWith('could not be processed')).length;
  stats.fromSnapshot = snap.articles.length;
  return index;
}

/**
 * After a warm start, builds what the index otherwise builds on first use (the
 * name finders), on a timer that does not keep the process alive (a one-shot CLI
 * run exits without waiting) unless someone waits for it. Articles are not
 * decoded in bulk: their bodies and heavy fields stay in the snapshot file and
 * are read when a command uses them.
 */
function prepareInBackground(then: () => void | Promise<void>): () => Promise<void> {
  let waited = false;
  let timer: NodeJS.Timeout;
  const done = new Promise<void>((resolve) => {
    timer = setTimeout(() => void Promise.resolve(then()).then(resolve), 0);
    timer.unref();
  });
  return () => {
    if (!waited) {
      timer.ref();
      // the preparation's own timers do not keep the process alive: this does, until it is done
      const hold = setInterval(() => undefined, 1000);
      void done.then(() => clearInterval(hold));
    }
    waited = true;
    return done;
  };
}

function sameWarnings(before: readonly LoadWarning[] | undefined, now: readonly LoadWarning[]): boolean {
  return !!before && before.length === now.length && before.every((w, i) => w.file === now[i]!.file && w.message === now[i]!.message);
}

/**
 * Loads a corpus folder.
 * @example const index = await loadBriefingIndex({ corpusDir: 'seeds', cacheDir: 'data/cache' });
 */
export async function loadBriefingIndex(opts: LoadOptions): Promise<BriefingIndex> {
  return (await loadCorpus(opts)).index;
}

/**
 * Re-reads the folder and builds a new immutable snapshot, re-extracting only
 * files whose content changed (the others come from `previous`, then the cache).
 * Returns `previous` itself when nothing changed, so a watcher can tell.
 *
 * Corpus-level answers are derived incrementally from the previous ones
 * (`deriveIncremental`): from `previous` in this thread, from the snapshot in the
 * cache folder in the worker. With a previous index and a cache folder, the work
 * (reading, extraction, the corpus-level answers) runs in a worker thread (`reloadWorker.ts`), which
 * writes the snapshot file; this thread then opens it as a warm start does, so
 * it keeps answering from `previous` meanwhile. Without the compiled worker
 * (tests on the TypeScript sources), a cache folder, or with `extract` given,
 * the reload runs in this thread. If the worker fails, this rejects and
 * `previous` stays as it was.
 * @example live = new LiveCorpus({ corpusDir, load: (prev) => reloadBriefingIndex(prev, { corpusDir, cacheDir }) });
 */
export async function reloadBriefingIndex(previous: BriefingIndex | null, opts: LoadOptions): Promise<BriefingIndex> {
  if (previous && opts.cacheDir && !opts.extract) {
    const script = opts.reloadScript === undefined ? defaultReloadScript() : opts.reloadScript;
    if (script) return reloadInWorker(previous, opts, script);
    log.debug('reload worker script not found (running from TypeScript sources?); reloading in this thread');
  }
  return (await loadCorpus(opts, previous)).index;
}

/**
 * After a load that built the index in memory (cold, or a reload with changes),
 * the same index read back from the snapshot once it is written: the same answers,
 * with articles' bodies and heavy fields left in the file (see `readSnapshot`), so
 * a long-running process can swap it in and let the in-memory one go. Null when
 * there is nothing to gain or no snapshot to read (not written, replaced since,
 * or `index` already comes from one).
 * @example const lean = await snapshotBacked(index, { corpusDir, cacheDir }); if (lean) live.swap(index, lean);
 */
export async function snapshotBacked(index: BriefingIndex, opts: Pick<LoadOptions, 'corpusDir' | 'cacheDir'>): Promise<BriefingIndex | null> {
  const stats = loadStats.get(index);
  const digest = digests.get(index);
  if (!stats || !digest || !opts.cacheDir || stats.fromSnapshot > 0 || !(await stats.snapshotWritten)) return null;
  const snap = await readSnapshot(await snapshotFile(opts.cacheDir, opts.corpusDir), digest);
  if (!snap.ok) return null;
  const lean = new CorpusIndex({ corpusDir: index.corpusDir, articles: snap.articles, warnings: [...index.warnings()], loadedAt: index.loadedAt, derived: snap.derived, locations: snap.locations });
  const leanStats: LoadStats = { ...stats, fromSnapshot: snap.articles.length, whenPrepared: prepareInBackground(() => lean.prepare()) };
  digests.set(lean, digest);
  readWarnings.set(lean, readWarnings.get(index) ?? []);
  loadStats.set(lean, leanStats);
  return lean;
}

/** The compiled reload worker beside this module, or null when it is not there. */
export function defaultReloadScript(): URL | null {
  const url = new URL('./reloadWorker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** What the main thread sends a reload worker (as `workerData`): only plain values. */
export interface ReloadRequest {
  opts: Pick<LoadOptions, 'corpusDir' | 'cacheDir' | 'maxBytes' | 'workers' | 'snapshot' | 'stampSlackMs'> & { workerScript?: string | null };
  prior: PriorLoad;
}

/** What a reload worker posts: log lines as they come, then one result. */
export type ReloadMessage = { log: string } | { handoff: ReloadHandoff } | { error: string; corpusError: boolean; snapshotWrite?: boolean };

/** The message a reload worker posts when the reload fails. */
export function reloadFailure(err: unknown): ReloadMessage {
  return { error: err instanceof Error ? err.message : String(err), corpusError: err instanceof CorpusError, snapshotWrite: err instanceof SnapshotWriteError };
}

/** Runs in the reload worker: the load, compared with `prior`, ending in a snapshot file. */
export async function prepareReload(req: ReloadRequest): Promise<ReloadHandoff> {
  const { workerScript, ...rest } = req.opts;
  const opts: LoadOptions = { ...rest, ...(workerScript === undefined ? {} : { workerScript: workerScript === null ? null : new URL(workerScript) }) };
  const r = await runLoad(opts, null, req.prior);
  if (!('handoff' in r)) throw new Error('a reload worker must hand over a snapshot');
  return r.handoff;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** A log line from the worker, logged here (so this thread's level and sink apply). */
function relayLog(line: string): void {
  try {
    const { t: _t, level, msg, ...fields } = JSON.parse(line) as { t: string; level: string; msg: string } & Record<string, unknown>;
    const l = LEVELS.find((x) => x === level) ?? 'info';
    log[l](msg, fields);
  } catch {
    log.info(line);
  }
}

/** Runs the reload worker to its one result; rejects if it fails or dies. */
function runReloadWorker(script: URL, req: ReloadRequest): Promise<ReloadHandoff> {
  // the worker is stopped (its memory released) before this thread reads the snapshot
  return untilAnswered<ReloadHandoff, ReloadMessage>(new Worker(script, { workerData: req }), 'reload worker', (m, settle) => {
    if ('log' in m) relayLog(m.log);
    else if ('handoff' in m) settle({ value: m.handoff });
    else settle({ error: m.corpusError ? new CorpusError(m.error) : m.snapshotWrite ? new SnapshotWriteError(m.error) : new Error(m.error) });
  });
}

/** A reload in a worker thread; this thread only opens the snapshot it wrote. */
async function reloadInWorker(previous: BriefingIndex, opts: LoadOptions, script: URL): Promise<BriefingIndex> {
  const started = performance.now();
  const req: ReloadRequest = {
    opts: {
      corpusDir: opts.corpusDir,
      cacheDir: opts.cacheDir,
      ...(opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes }),
      ...(opts.workers === undefined ? {} : { workers: opts.workers }),
      ...(opts.snapshot === undefined ? {} : { snapshot: opts.snapshot }),
      ...(opts.stampSlackMs === undefined ? {} : { stampSlackMs: opts.stampSlackMs }),
      ...(opts.workerScript === undefined ? {} : { workerScript: opts.workerScript?.href ?? null }),
    },
    prior: { digest: digests.get(previous) ?? null, warnings: readWarnings.get(previous) ?? null },
  };
  let handoff: ReloadHandoff;
  try {
    handoff = await runReloadWorker(script, req);
  } catch (err) {
    if (!(err instanceof SnapshotWriteError)) throw err;
    // the worker's work cannot reach this thread: do it here (commands wait, but the reload happens)
    log.warn('reload worker could not write its snapshot; reloading in this thread', { err: err.message });
    return (await loadCorpus(opts, previous)).index;
  }
  if (handoff.unchanged) return previous;
  const t0 = performance.now();
  const snap = await readSnapshot(handoff.snapshot, handoff.digest).finally(() => (handoff.temporary ? fs.rm(handoff.snapshot, { force: true }).catch(() => undefined) : undefined));
  if (!snap.ok) throw new Error(`the reload's snapshot could not be read (${snap.reason})`);
  const stats: LoadStats = { ...handoff.stats, articles: 0, snapshotWritten: Promise.resolve(!handoff.temporary), whenPrepared: () => Promise.resolve() };
  const index = indexFromSnapshot(opts, snap, handoff.warnings, stats);
  // what this reload reused is what the worker took from the cache; `fromSnapshot` counts the handoff
  stats.fromSnapshot = 0;
  stats.files = handoff.stats.files;
  stats.timings['worker'] = t0 - started;
  stats.timings['snapshot read'] = performance.now() - t0;
  stats.articles = index.articles().length;
  digests.set(index, handoff.digest);
  readWarnings.set(index, handoff.warnings);
  loadStats.set(index, stats);
  return index;
}
