/**
 * A pool of worker threads running `extractArticle`, so a cold ingest uses every
 * core. Results come back in the cache-entry encoding and are delivered by
 * document position, so the corpus assembled from them is exactly the one a
 * single thread would build (`tests/index/load.test.ts` checks it).
 *
 * The worker runs the compiled `dist/src/index/extractWorker.js`. When that file
 * is missing (tests running the TypeScript sources, a broken build), or a worker
 * cannot start, `createExtractionPool` returns null and the loader extracts in
 * its own thread; it says so in a debug log line.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../corpus/read.js';
import { log } from '../log.js';
import type { DeriveRequest, DeriveResponse } from './deriveShared.js';
import type { ExtractOutcome, ExtractRequest, ExtractResponse } from './extractWorker.js';

/** Documents per message: large enough to amortise messaging, small enough to balance the load. */
const BATCH = 16;

/**
 * Young-generation size of each worker (MB). Extraction allocates many small,
 * short-lived objects (tokens, matches, slices); V8's default young generation
 * (16 MB semi-spaces at most) makes it scavenge so often that garbage collection
 * takes about a tenth of the time. 96 MB (32 MB semi-spaces) cuts that by half or
 * more; the memory is the workers' and is given back when they exit after the load.
 */
const WORKER_YOUNG_GENERATION_MB = 96;

/** The compiled worker script beside this module, or null when it is not there. */
export function defaultWorkerScript(): URL | null {
  const url = new URL('./extractWorker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** Workers to start by default: one per core. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 16));
}

export interface ExtractionPool {
  readonly size: number;
  /**
   * Extracts every document; `onResult(i, outcome)` runs once per document as its
   * result arrives (in any order).
   */
  run(docs: readonly RawDocument[], onResult: (i: number, outcome: ExtractOutcome) => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts `size` workers running `script`; null when the script is missing or a
 * worker fails to start.
 * @example const pool = await createExtractionPool(2); // null: extract in-thread
 */
export async function createExtractionPool(size = defaultWorkerCount(), script: URL | null = defaultWorkerScript()): Promise<ExtractionPool | null> {
  if (!script) {
    log.debug('extraction worker script not found (running from TypeScript sources?); extracting in this thread');
    return null;
  }
  const workers: Worker[] = [];
  try {
    // started together: each takes ~0.1 s to come online
    for (let i = 0; i < size; i++) workers.push(new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }));
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('online', resolve);
            w.once('error', reject);
          }),
      ),
    );
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    log.debug('extraction workers could not start; extracting in this thread', { err: (err as Error).message });
    return null;
  }
  return {
    size,
    async run(docs, onResult) {
      let next = 0;
      let batchNo = 0;
      const batches = new Map<number, number>(); // batch -> first document
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              const send = () => {
                if (next >= docs.length) {
                  w.off('message', onMessage);
                  w.off('error', onError);
                  w.off('exit', onExit);
                  resolve();
                  return;
                }
                const at = next;
                const slice = docs.slice(at, at + BATCH) as RawDocument[];
                next += slice.length;
                const batch = batchNo++;
                batches.set(batch, at);
                w.postMessage({ batch, docs: slice } satisfies ExtractRequest);
              };
              const onMessage = (res: ExtractResponse) => {
                const at = batches.get(res.batch)!;
                batches.delete(res.batch);
                res.results.forEach((r, k) => onResult(at + k, r));
                send();
              };
              const onError = (err: Error) => reject(err);
              const onExit = (code: number) => reject(new Error(`extraction worker exited (code ${code})`));
              w.on('message', onMessage);
              w.on('error', onError);
              w.on('exit', onExit);
              send();
            }),
        ),
      );
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** The compiled derive worker beside this module, or null when it is not there. */
export function defaultDeriveScript(): URL | null {
  const url = new URL('./deriveWorker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * Runs `deriveShared` (the search index and the brief's statements) on `req` in a
 * worker thread started for it, with the same larger young generation as the
 * extraction workers (building allocates many short-lived strings); the worker
 * is stopped once it answers. Rejects if it fails or dies.
 */
export function deriveInWorker(req: DeriveRequest, script: URL): Promise<Extract<DeriveResponse, { search: unknown }>> {
  const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  const result = untilAnswered<Extract<DeriveResponse, { search: unknown }>, DeriveResponse>(worker, 'derive worker', (res, settle) =>
    settle('error' in res ? { error: new Error(res.error) } : { value: res }),
  );
  worker.postMessage(req);
  return result;
}

/** How a worker's one answer ends: a value, or an error. */
export type WorkerOutcome<T> = { value: T } | { error: Error };

/**
 * The one answer of a worker thread started for a single job: `onMessage` hears
 * every message and calls `settle` once with the outcome; the worker is stopped
 * (its memory released) before the promise settles. An error in the worker or an
 * exit before `settle` rejects, naming `name`.
 */
export function untilAnswered<T, M>(worker: Worker, name: string, onMessage: (message: M, settle: (outcome: WorkerOutcome<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: WorkerOutcome<T>) => {
      if (settled) return;
      settled = true;
      void worker.terminate().finally(() => ('error' in outcome ? reject(outcome.error) : resolve(outcome.value)));
    };
    worker.on('message', (m: M) => onMessage(m, settle));
    worker.once('error', (err) => settle({ error: new Error(`${name} failed: ${err.message.split('\n')[0]}`) }));
    worker.once('exit', (code) => settle({ error: new Error(`${name} exited (code ${code}) before finishing`) }));
  });
}
