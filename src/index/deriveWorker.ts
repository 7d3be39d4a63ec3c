/**
 * The derive worker thread: on a cold load, builds the two corpus-level
 * structures that are plain typed arrays (the search index and the brief's
 * statements, `deriveShared`) while the main thread computes the other answers
 * (figures, timeline, quotes, entities). Both go back as their snapshot data,
 * their buffers transferred, not copied. Started by `deriveInWorker`
 * (`workers.ts`); runs the compiled `dist/` code.
 */
import { parentPort } from 'node:worker_threads';
import { deriveShared, type DeriveRequest, type DeriveResponse } from './deriveShared.js';

/** The buffers of every typed array in `v` (each once), to transfer rather than copy. */
function buffersOf(v: object): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const walk = (x: unknown) => {
    if (ArrayBuffer.isView(x)) {
      if (x.buffer instanceof ArrayBuffer) out.add(x.buffer);
    } else if (Array.isArray(x)) {
      for (const y of x) if (typeof y === 'object' && y !== null) walk(y);
    } else if (typeof x === 'object' && x !== null) for (const y of Object.values(x)) walk(y);
  };
  walk(v);
  return [...out];
}

parentPort?.once('message', (req: DeriveRequest) => {
  let res: DeriveResponse;
  try {
    res = deriveShared(req);
  } catch (err) {
    res = { error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(res, 'error' in res ? [] : buffersOf(res));
});
