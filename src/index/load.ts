/**
 * Loads a corpus folder into a `BriefingIndex`: read every file, extract each
 * (independently: cacheable and parallel), then the corpus-level steps (dating,
 * syndication) and the index.
 */
import { createHash } from 'node:crypto';
import type { ArticleExtraction, LoadWarning } from '../core/types.js';
import { CorpusError, listCorpusFiles, readDocument, readManifest, type RawDocument } from '../corpus/read.js';
import { extractArticle } from '../extract/article.js';
import { assembleArticles } from './assemble.js';
import type { BriefingIndex } from './briefingIndex.js';
import { CorpusIndex } from './corpusIndex.js';

export { CorpusError };

export interface LoadOptions {
  corpusDir: string;
  /** Folder for the extraction cache; null or absent: no cache. */
  cacheDir?: string | null;
  maxBytes?: number;
  /** Called as files are processed (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** The clock, for "loaded at". */
  clock?: () => Date;
}

export interface LoadedDocuments {
  docs: RawDocument[];
  warnings: LoadWarning[];
}

export async function readCorpus(corpusDir: string, maxBytes?: number): Promise<LoadedDocuments> {
  const warnings: LoadWarning[] = [];
  const files = await listCorpusFiles(corpusDir, warnings);
  const manifest = await readManifest(corpusDir, warnings);
  const docs: RawDocument[] = [];
  const seenHashes = new Map<string, string>();
  for (const file of files) {
    const r = await readDocument(corpusDir, file, manifest, { maxBytes });
    if ('warning' in r) {
      warnings.push(r.warning);
      continue;
    }
    warnings.push(...r.warnings);
    // the same text under two names is loaded once (metadata may differ; the first file wins)
    const textHash = createHash('sha256').update(r.doc.text).digest('hex');
    const dup = seenHashes.get(textHash);
    if (dup) {
      warnings.push({ file, message: `identical to ${dup}; loaded once` });
      continue;
    }
    seenHashes.set(textHash, file);
    docs.push(r.doc);
  }
  return { docs, warnings };
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
      warnings.push({ file: doc.file, message: `could not be processed (${(err as Error).message.split('\n')[0]}); skipped` });
    }
    onProgress?.(i + 1, docs.length);
  });
  return out;
}

export async function loadBriefingIndex(opts: LoadOptions): Promise<BriefingIndex> {
  const clock = opts.clock ?? (() => new Date());
  const { docs, warnings } = await readCorpus(opts.corpusDir, opts.maxBytes);
  const extractions = extractAll(docs, warnings, opts.onProgress);
  const articles = assembleArticles(extractions);
  return new CorpusIndex({ corpusDir: opts.corpusDir, articles, warnings, loadedAt: clock() });
}
