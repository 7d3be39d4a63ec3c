/**
 * The extraction worker thread: extracts batches of documents and answers with
 * each result in its cache-entry form (a JSON string), so the encoding work is
 * done here too, and the main thread can write it to the cache as it is.
 * Started by `workers.ts`; runs the compiled `dist/` code.
 */
import { parentPort } from 'node:worker_threads';
import type { RawDocument } from '../corpus/read.js';
import { extractArticle } from '../extract/article.js';
import { encodeExtraction } from './cache.js';

export interface ExtractRequest {
  batch: number;
  docs: RawDocument[];
}

export type ExtractOutcome = { json: string } | { error: string };

export interface ExtractResponse {
  batch: number;
  results: ExtractOutcome[];
}

parentPort?.on('message', (req: ExtractRequest) => {
  const results = req.docs.map((doc): ExtractOutcome => {
    try {
      return { json: encodeExtraction(extractArticle(doc)) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  });
  parentPort!.postMessage({ batch: req.batch, results } satisfies ExtractResponse);
});
