/**
 * The extraction cache: what `extractArticle` made of each file, on disk, keyed
 * by the file's content hash (`RawDocument.hash`: its bytes and its manifest
 * entry) and `EXTRACTION_VERSION`. A restart re-extracts only files it has not
 * seen; a changed file has a new hash, so its old entry is simply never asked for.
 *
 * Layout: `<cacheDir>/extractions/v<format>-x<extraction version>/<ab>/<hash>.json`,
 * one small JSON file per entry, written atomically (temporary file, then
 * rename), so a crash mid-write never leaves half an entry under the real name,
 * and a cold ingest that is interrupted keeps what it finished. Folders for
 * other versions are removed when a load notices them.
 *
 * A corrupt, truncated or foreign entry is treated as missing: the file is
 * extracted again and the entry rewritten. Loads report such entries in one log
 * line, not one per file.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ArticleExtraction, Sentence } from '../core/types.js';
import { EXTRACTION_VERSION } from '../extract/article.js';

/** Bumped whenever the entry format below changes. */
export const CACHE_FORMAT = 2;

/**
 * A list of objects stored as rows: each distinct key list ("shape") once, then
 * per object its shape number and values. Keys keep their order, so decoding
 * gives back objects indistinguishable from the originals; JSON without the
 * repeated keys is half the size and parses twice as fast.
 */
export interface Rows {
  k: string[][];
  v: unknown[][];
}

export function toRows(list: readonly object[]): Rows {
  const shapes = new Map<string, number>();
  const k: string[][] = [];
  const v: unknown[][] = list.map((o) => {
    const keys = Object.keys(o);
    const id = keys.join(',');
    let n = shapes.get(id);
    if (n === undefined) {
      shapes.set(id, (n = k.length));
      k.push(keys);
    }
    const row: unknown[] = [n];
    for (const key of keys) row.push((o as Record<string, unknown>)[key]);
    return row;
  });
  return { k, v };
}

export function fromRows<T>(rows: Rows): T[] {
  return rows.v.map((row) => {
    const keys = rows.k[row[0] as number]!;
    const o: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) o[keys[i]!] = row[i + 1];
    return o as T;
  });
}

/**
 * One entry as stored. The extraction's small fields as they are; sentences as
 * [start, end, paragraph] triples when each text is exactly `body.slice(start,
 * end)` (as the splitter makes them: no second copy of the text); figures, times,
 * quotes and entities as rows; the MinHash signature as base64.
 */
export interface StoredEntry {
  format: number;
  extraction: number;
  hash: string;
  head: Pick<ArticleExtraction, 'id' | 'file' | 'title' | 'publisher' | 'byline' | 'url' | 'statedDate' | 'warnings'>;
  body: string;
  spans?: number[];
  sentences?: Sentence[];
  figures: Rows;
  times: Rows;
  quotes: Rows;
  entities: Rows;
  signature: string;
}

/** Sentences as flat [start, end, paragraph] triples, or null when they cannot be rebuilt from the body. */
function sentenceSpans(x: ArticleExtraction): number[] | null {
  const spans: number[] = [];
  for (let i = 0; i < x.sentences.length; i++) {
    const s = x.sentences[i]!;
    if (s.index !== i || x.body.slice(s.start, s.end) !== s.text || Object.keys(s).length !== 5) return null;
    spans.push(s.start, s.end, s.paragraph);
  }
  return spans;
}

function signatureText(sig: readonly number[]): string {
  return Buffer.from(Uint32Array.from(sig).buffer).toString('base64');
}

/** A signature from its stored text (base64 of 32-bit values, or a JSON list). */
export function signatureFrom(text: string): number[] {
  if (text.startsWith('[')) return JSON.parse(text) as number[];
  const b = Buffer.from(text, 'base64');
  const out: number[] = new Array(b.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt32LE(i * 4);
  return out;
}

/** The stored form of an extraction. */
export function toEntry(x: ArticleExtraction): StoredEntry {
  const spans = sentenceSpans(x);
  // signatures are 32-bit: anything else is stored as a plain list (never seen; kept exact)
  const sigOk = x.signature.every((n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff);
  return {
    format: CACHE_FORMAT,
    extraction: EXTRACTION_VERSION,
    hash: x.hash,
    head: { id: x.id, file: x.file, title: x.title, publisher: x.publisher, byline: x.byline, url: x.url, statedDate: x.statedDate, warnings: x.warnings },
    body: x.body,
    ...(spans ? { spans } : { sentences: x.sentences }),
    figures: toRows(x.figures),
    times: toRows(x.times),
    quotes: toRows(x.quotes),
    entities: toRows(x.entities),
    signature: sigOk ? signatureText(x.signature) : JSON.stringify(x.signature),
  };
}

/** The stored form of an extraction, as a JSON string. */
export function encodeExtraction(x: ArticleExtraction): string {
  return JSON.stringify(toEntry(x));
}

/** Sentences rebuilt from spans; their texts are slices of the body (no second copy in memory). */
export function sentencesFromSpans(body: string, spans: ArrayLike<number>): Sentence[] {
  const out: Sentence[] = new Array(spans.length / 3);
  for (let i = 0, k = 0; k < spans.length; i++, k += 3) {
    out[i] = { index: i, start: spans[k]!, end: spans[k + 1]!, text: body.slice(spans[k]!, spans[k + 1]!), paragraph: spans[k + 2]! };
  }
  return out;
}

export class CorruptEntryError extends Error {}

/**
 * Parses a stored entry; throws `CorruptEntryError` when it is not a complete
 * entry of this format and extraction version for `hash`.
 */
export function decodeExtraction(json: string, hash?: string): ArticleExtraction {
  let e: StoredEntry;
  try {
    e = JSON.parse(json) as StoredEntry;
  } catch (err) {
    throw new CorruptEntryError(`not JSON (${(err as Error).message.split('\n')[0]})`);
  }
  return fromEntry(e, hash);
}

/** An extraction from its stored form (see `decodeExtraction`). */
export function fromEntry(e: StoredEntry, hash?: string): ArticleExtraction {
  if (!e || typeof e !== 'object' || e.format !== CACHE_FORMAT || e.extraction !== EXTRACTION_VERSION) throw new CorruptEntryError('another format or extraction version');
  if (hash !== undefined && e.hash !== hash) throw new CorruptEntryError('entry for another file');
  const h = e.head;
  const rows = (r: Rows | undefined) => r && Array.isArray(r.k) && Array.isArray(r.v);
  if (!h || typeof e.body !== 'string' || typeof h.id !== 'string' || typeof h.file !== 'string' || !Array.isArray(h.warnings) || typeof e.signature !== 'string') throw new CorruptEntryError('incomplete entry');
  if (!rows(e.figures) || !rows(e.times) || !rows(e.quotes) || !rows(e.entities)) throw new CorruptEntryError('incomplete entry');
  let sentences: Sentence[];
  if (Array.isArray(e.spans) && e.spans.length % 3 === 0) sentences = sentencesFromSpans(e.body, e.spans);
  else if (Array.isArray(e.sentences)) sentences = e.sentences;
  else throw new CorruptEntryError('no sentences');
  // the fields in `extractArticle`'s order, so a cached extraction is indistinguishable from a fresh one
  return {
    id: h.id,
    file: h.file,
    hash: e.hash,
    title: h.title,
    publisher: h.publisher,
    byline: h.byline,
    url: h.url,
    statedDate: h.statedDate,
    body: e.body,
    sentences,
    figures: fromRows(e.figures),
    times: fromRows(e.times),
    quotes: fromRows(e.quotes),
    entities: fromRows(e.entities),
    signature: signatureFrom(e.signature),
    warnings: h.warnings,
  };
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries that were there but unusable (corrupt, truncated, foreign). */
  corrupt: number;
  writes: number;
  writeErrors: number;
}

/**
 * Extractions on disk by content hash.
 * @example
 *   const cache = new ExtractionCache('/var/cache/briefbot');
 *   const x = (await cache.get(doc.hash)) ?? extractArticle(doc);
 *   await cache.put(x);
 */
export class ExtractionCache {
  readonly dir: string;
  readonly stats: CacheStats = { hits: 0, misses: 0, corrupt: 0, writes: 0, writeErrors: 0 };
  /** The first few problems, for the one log line a load writes. */
  readonly problems: string[] = [];

  constructor(readonly cacheDir: string) {
    this.dir = path.join(cacheDir, 'extractions', `v${CACHE_FORMAT}-x${EXTRACTION_VERSION}`);
  }

  private file(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  private note(problem: string): void {
    if (this.problems.length < 3) this.problems.push(problem);
  }

  /** The cached extraction for `hash`, or null (missing or unusable). */
  async get(hash: string): Promise<ArticleExtraction | null> {
    if (!/^[0-9a-f]{16,128}$/.test(hash)) return null;
    let json: string;
    try {
      json = await fs.readFile(this.file(hash), 'utf8');
    } catch {
      this.stats.misses++;
      return null;
    }
    try {
      const x = decodeExtraction(json, hash);
      this.stats.hits++;
      return x;
    } catch (err) {
      this.stats.corrupt++;
      this.stats.misses++;
      this.note(`${hash.slice(0, 12)}: ${(err as Error).message}`);
      return null;
    }
  }

  /** Stores an entry (already encoded, e.g. by a worker); atomic. */
  async putEncoded(hash: string, json: string): Promise<void> {
    const target = this.file(hash);
    const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(tmp, json);
      await fs.rename(tmp, target);
      this.stats.writes++;
    } catch (err) {
      this.stats.writeErrors++;
      this.note(`cannot write ${path.basename(target)} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      await fs.rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  async put(x: ArticleExtraction): Promise<void> {
    await this.putEncoded(x.hash, encodeExtraction(x));
  }

  /** Removes entry folders of other formats or extraction versions (they can never be read again). */
  async pruneOtherVersions(): Promise<string[]> {
    const parent = path.dirname(this.dir);
    const mine = path.basename(this.dir);
    const entries = await fs.readdir(parent).catch(() => [] as string[]);
    const removed: string[] = [];
    for (const name of entries) {
      if (name === mine || !/^v\d+-x\d+$/.test(name)) continue;
      await fs.rm(path.join(parent, name), { recursive: true, force: true }).catch(() => undefined);
      removed.push(name);
    }
    return removed;
  }
}
