/**
 * The warm-start snapshot: a loaded index written to one file, so a restart with
 * an unchanged folder reads it back instead of extracting and merging again.
 *
 * Keyed by a digest of every document's name and content hash (and the format
 * and extraction versions): any added, removed, renamed or changed file makes
 * the snapshot stale, and the loader falls back to the extraction cache.
 *
 * Format (little-endian): "BRIEFSNP", u32 format, u32 reserved, u64 offset of the
 * header; then sections; then the header, JSON:
 * `{ format, extraction, digest, sections: { name: [offset, length, kind] } }`.
 * Sections are JSON (articles in chunks, so no string exceeds V8's limit at
 * 100,000 articles) or raw typed arrays (the search index). Sources of statements
 * are stored as [article, start, end] and rebuilt with `sourceRef`, which makes
 * them from the article the same way. Written to a temporary file and renamed;
 * anything unreadable is reported as a reason and the caller rebuilds.
 */
import { randomBytes, createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Article, Entity, LoadWarning, QuoteClaim, SourceRef, FigureClaim, TimelineEvent, UndatedEvent } from '../core/types.js';
import { sourceRef } from '../briefing/sources.js';
import { EXTRACTION_VERSION } from '../extract/article.js';
import type { BriefPoint } from './briefingIndex.js';
import { fromEntry, toEntry, type StoredEntry } from './cache.js';
import type { CorpusDerived, CorpusIndex } from './corpusIndex.js';
import { SentenceSearch, type SentenceSearchData } from './sentenceSearch.js';

export const SNAPSHOT_FORMAT = 1;
const MAGIC = 'BRIEFSNP';
const PREAMBLE = 24;
const ARTICLES_PER_CHUNK = 2000;

/** Where the snapshot of `corpusDir` lives in `cacheDir` (one per corpus folder). */
export async function snapshotFile(cacheDir: string, corpusDir: string): Promise<string> {
  const real = await fs.realpath(corpusDir).catch(() => path.resolve(corpusDir));
  return path.join(cacheDir, 'snapshots', `${createHash('sha256').update(real).digest('hex').slice(0, 16)}.snap`);
}

type EncodedSource = [number, number, number] | SourceRef;

interface ArticleRecord {
  /** the extraction, as the cache stores it */
  x: StoredEntry;
  date: Article['date'];
  dateSource: Article['dateSource'];
  notBefore: Article['notBefore'];
  syndicatedWith: string[];
  groupId: string;
}

type Kind = 'json' | 'u8' | 'u32';

/** Writes sections one after another; the header with their places goes last. */
class SectionWriter {
  private offset = PREAMBLE;
  readonly sections: Record<string, [number, number, Kind]> = {};
  constructor(private readonly fh: fs.FileHandle) {}

  async add(name: string, data: string | Uint8Array | Uint32Array, kind: Kind): Promise<void> {
    // 8-byte alignment, so typed arrays can be read in place
    const pad = (8 - (this.offset % 8)) % 8;
    if (pad) await this.fh.write(Buffer.alloc(pad), 0, pad, this.offset);
    this.offset += pad;
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await this.fh.write(buf, 0, buf.length, this.offset);
    this.sections[name] = [this.offset, buf.length, kind];
    this.offset += buf.length;
  }

  async finish(header: object): Promise<void> {
    const at = this.offset;
    const json = Buffer.from(JSON.stringify({ ...header, sections: this.sections }), 'utf8');
    await this.fh.write(json, 0, json.length, at);
    const pre = Buffer.alloc(PREAMBLE);
    pre.write(MAGIC, 0, 'latin1');
    pre.writeUInt32LE(SNAPSHOT_FORMAT, 8);
    pre.writeBigUInt64LE(BigInt(at), 16);
    await this.fh.write(pre, 0, PREAMBLE, 0);
  }
}

/**
 * Writes `index` (loaded from documents with `digest`) to `file`, atomically.
 * `extractionWarnings` are the load's warnings about files it could not extract.
 */
export async function writeSnapshot(file: string, digest: string, index: CorpusIndex, extractionWarnings: readonly LoadWarning[]): Promise<void> {
  const articles = index.articles();
  const derived = index.corpusDerived();
  const where = new Map<string, number[]>();
  articles.forEach((a, i) => where.set(a.id, [...(where.get(a.id) ?? []), i]));
  const enc = (s: SourceRef): EncodedSource => {
    for (const i of where.get(s.article) ?? []) {
      const r = sourceRef(articles[i]!, s.start, s.end);
      if (r.quote === s.quote && r.publisher === s.publisher && r.title === s.title && r.url === s.url && r.date === s.date) return [i, s.start, s.end];
    }
    return s;
  };
  const encList = <T extends { sources: SourceRef[] }>(list: readonly T[]) => list.map((x) => ({ ...x, sources: x.sources.map(enc) }));

  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fh = await fs.open(tmp, 'w');
  try {
    const w = new SectionWriter(fh);
    let chunks = 0;
    for (let at = 0; at < articles.length; at += ARTICLES_PER_CHUNK) {
      const records = articles.slice(at, at + ARTICLES_PER_CHUNK).map((a): ArticleRecord => {
        const { date, dateSource, notBefore, syndicatedWith, groupId, ...x } = a;
        return { x: toEntry(x), date, dateSource, notBefore, syndicatedWith, groupId };
      });
      await w.add(`articles.${chunks++}`, JSON.stringify(records), 'json');
    }
    await w.add('claims', JSON.stringify(encList(derived.claims)), 'json');
    await w.add('timeline', JSON.stringify({ events: encList(derived.timeline.events), undated: encList(derived.timeline.undated) }), 'json');
    await w.add('quotes', JSON.stringify(encList(derived.quotes)), 'json');
    await w.add('entities', JSON.stringify(derived.entities), 'json');
    await w.add('brief', JSON.stringify(encList(derived.defaultBrief)), 'json');
    await w.add('briefStats', JSON.stringify({ nGroups: derived.briefStats.nGroups, df: [...derived.briefStats.df] }), 'json');
    await w.add('warnings', JSON.stringify(extractionWarnings), 'json');
    const s = derived.search.data();
    await w.add('search', JSON.stringify({ terms: s.terms, avgFieldLength: s.avgFieldLength }), 'json');
    for (const f of [0, 1] as const) {
      await w.add(`search.offsets.${f}`, s.offsets[f], 'u32');
      await w.add(`search.counts.${f}`, s.counts[f], 'u32');
      await w.add(`search.postings.${f}`, s.postings[f], 'u8');
    }
    await w.add('search.textLength', s.textLength, 'u32');
    await w.add('search.titleLength', s.titleLength, 'u32');
    await w.add('search.articleDocs', s.articleDocs, 'u32');
    await w.finish({ format: SNAPSHOT_FORMAT, extraction: EXTRACTION_VERSION, digest, articles: articles.length, chunks });
    await fh.close();
    await fs.rename(tmp, file);
  } catch (err) {
    await fh.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

export type SnapshotRead =
  | { ok: true; articles: Article[]; derived: CorpusDerived; extractionWarnings: LoadWarning[] }
  | { ok: false; reason: 'missing' | 'stale' | string };

/** Reads the snapshot at `file` if it was made from documents with `digest`. */
export async function readSnapshot(file: string, digest: string): Promise<SnapshotRead> {
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(file, 'r');
  } catch {
    return { ok: false, reason: 'missing' };
  }
  try {
    const { size } = await fh.stat();
    const readAt = async (offset: number, length: number): Promise<Buffer> => {
      if (offset < 0 || length < 0 || offset + length > size) throw new Error('truncated');
      const buf = Buffer.allocUnsafe(length);
      const { bytesRead } = await fh.read(buf, 0, length, offset);
      if (bytesRead !== length) throw new Error('truncated');
      return buf;
    };
    const pre = await readAt(0, PREAMBLE);
    if (pre.toString('latin1', 0, 8) !== MAGIC) return { ok: false, reason: 'not a snapshot file' };
    if (pre.readUInt32LE(8) !== SNAPSHOT_FORMAT) return { ok: false, reason: 'stale' };
    const headerAt = Number(pre.readBigUInt64LE(16));
    const header = JSON.parse((await readAt(headerAt, size - headerAt)).toString('utf8')) as {
      format: number;
      extraction: number;
      digest: string;
      chunks: number;
      sections: Record<string, [number, number, Kind]>;
    };
    if (header.format !== SNAPSHOT_FORMAT || header.extraction !== EXTRACTION_VERSION || header.digest !== digest) return { ok: false, reason: 'stale' };
    const section = async (name: string): Promise<Buffer> => {
      const s = header.sections[name];
      if (!s) throw new Error(`no section ${name}`);
      return readAt(s[0], s[1]);
    };
    const json = async <T>(name: string): Promise<T> => JSON.parse((await section(name)).toString('utf8')) as T;
    const u32 = async (name: string): Promise<Uint32Array> => {
      const b = await section(name);
      // a fresh Buffer of this size has its own aligned memory; copy when it does not
      return b.byteOffset % 4 === 0 ? new Uint32Array(b.buffer, b.byteOffset, b.length / 4) : new Uint32Array(new Uint8Array(b).buffer);
    };

    const articles: Article[] = [];
    for (let c = 0; c < header.chunks; c++) {
      for (const r of await json<ArticleRecord[]>(`articles.${c}`)) {
        const x = fromEntry(r.x);
        articles.push({ ...x, date: r.date, dateSource: r.dateSource, notBefore: r.notBefore, syndicatedWith: r.syndicatedWith, groupId: r.groupId });
      }
    }
    const dec = (s: EncodedSource): SourceRef => (Array.isArray(s) ? sourceRef(articles[s[0]]!, s[1], s[2]) : s);
    const decList = <T extends { sources: SourceRef[] }>(list: (Omit<T, 'sources'> & { sources: EncodedSource[] })[]): T[] =>
      list.map((x) => ({ ...x, sources: x.sources.map(dec) }) as T);

    const timeline = await json<{ events: (Omit<TimelineEvent, 'sources'> & { sources: EncodedSource[] })[]; undated: (Omit<UndatedEvent, 'sources'> & { sources: EncodedSource[] })[] }>('timeline');
    const stats = await json<{ nGroups: number; df: [string, number][] }>('briefStats');
    const searchMeta = await json<{ terms: string[]; avgFieldLength: [number, number] }>('search');
    const data: SentenceSearchData = {
      terms: searchMeta.terms,
      avgFieldLength: searchMeta.avgFieldLength,
      offsets: [await u32('search.offsets.0'), await u32('search.offsets.1')],
      counts: [await u32('search.counts.0'), await u32('search.counts.1')],
      postings: [new Uint8Array(await section('search.postings.0')), new Uint8Array(await section('search.postings.1'))],
      textLength: await u32('search.textLength'),
      titleLength: await u32('search.titleLength'),
      articleDocs: await u32('search.articleDocs'),
    };
    const derived: CorpusDerived = {
      claims: decList<FigureClaim>(await json('claims')),
      timeline: { events: decList<TimelineEvent>(timeline.events), undated: decList<UndatedEvent>(timeline.undated) },
      quotes: decList<QuoteClaim>(await json('quotes')),
      entities: await json<Entity[]>('entities'),
      defaultBrief: decList<BriefPoint>(await json('brief')),
      briefStats: { nGroups: stats.nGroups, df: new Map(stats.df) },
      search: SentenceSearch.fromData(data),
    };
    return { ok: true, articles, derived, extractionWarnings: await json<LoadWarning[]>('warnings') };
  } catch (err) {
    return { ok: false, reason: `unreadable (${(err as Error).message.split('\n')[0]})` };
  } finally {
    await fh.close();
  }
}
