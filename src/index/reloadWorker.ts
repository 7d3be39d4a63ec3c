/**
 * The reload worker thread: one reload of the corpus (read, extract what the
 * cache lacks, the corpus-level answers, derived incrementally from those of the
 * previous snapshot in the cache folder), ending in a snapshot file that the
 * main thread opens as a warm start does. The main thread keeps answering from
 * its previous snapshot meanwhile. Started per reload by `reloadBriefingIndex`
 * (src/index/load.ts) with a `ReloadRequest` as `workerData`; runs the compiled
 * `dist/` code. Log lines go to the main thread, which logs them at its level.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setLogLevel, setLogSink } from '../log.js';
import { prepareReload, reloadFailure, type ReloadMessage, type ReloadRequest } from './load.js';

const post = (m: ReloadMessage) => parentPort!.postMessage(m);
setLogLevel('debug');
setLogSink((line) => post({ log: line }));
prepareReload(workerData as ReloadRequest).then(
  (handoff) => post({ handoff }),
  (err: unknown) => post(reloadFailure(err)),
);
