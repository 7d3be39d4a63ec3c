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
 * Sections are JSON (articles' light fields in chunks, so no string exceeds V8's
 * limit at 100,000 articles), per-article records (body, sentence spans and heavy
 * fields, read on use by `ArticleStore`) or raw typed arrays (the search index,
 * the brief's statements, each article's lead passage: the span of its first
 * sentence in memory, its words read from the file when `/sources` shows it).
 * Sources of statements are stored as a table of passages (article, start, end,
 * text: typed arrays; their words as UTF-8, read from the file when a quote is
 * asked for) and rebuilt as `sourceRef` makes them from the article, only when a
 * statement's sources are read (`CitedPassages`). Written to a temporary file and
 * renamed; anything unreadable is reported as a reason and the caller rebuilds
 * (a record damaged after the header was checked fails the command reading it).
 */
import { randomBytes, createHash } from 'node:crypto';
import fsSync, { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Article, Entity, LoadWarning, QuoteClaim, SourceRef, FigureClaim, TimelineEvent, UndatedEvent } from '../core/types.js';
import { briefStatsOf } from '../briefing/brief.js';
import { articleDate, LEAD_PASSAGE, leadPassage, type LeadPassage } from '../briefing/sources.js';
import { BriefStatements, type BriefStatementsData } from '../briefing/statements.js';
import { EXTRACTION_VERSION } from '../extract/article.js';
import type { BriefPoint } from './briefingIndex.js';
import { fromRows, sentencesFromSpans, signatureFrom, toEntry, toRows, type Rows } from './cache.js';
import type { CorpusDerived, CorpusIndex, SourceLocations } from './corpusIndex.js';
import { SentenceSearch, type SentenceSearchData } from './sentenceSearch.js';

export const SNAPSHOT_FORMAT = 9;

/** A file's size and times when it was read: [file, size, mtimeMs, ctimeMs]. */
export type FileStamp = [string, number, number, number];

/**
 * What the folder looked like when the snapshot was made: every file's stamp
 * (taken before reading it), when the stamps were taken, and the warnings reading
 * gave. A restart whose files all carry the same stamps, none modified near that
 * time, has the same contents, so it can skip reading and hashing them.
 */
export interface FolderStamps {
  taken: number;
  files: FileStamp[];
  manifest: FileStamp | null;
  /** warnings from the manifest and from reading the files (not from listing the folder) */
  readWarnings: LoadWarning[];
}

export interface SnapshotHeader {
  format: number;
  extraction: number;
  digest: string;
  articles: number;
  chunks: number;
  stamps: FolderStamps | null;
  sections: Record<string, [number, number, Kind]>;
}
const MAGIC = 'BRIEFSNP';
/** The arrays of `BriefStatementsData` stored as raw sections, with their kind. */
const STATEMENT_ARRAYS = [
  ['df', 'i32'],
  ['statementOf', 'i32'],
  ['sentenceScore', 'f32'],
  ['groupOf', 'i32'],
  ['byGroup', 'i32'],
  ['statementStart', 'u32'],
  ['statementWords', 'i32'],
  ['central', 'f64'],
  ['postingStart', 'u32'],
  ['postings', 'i32'],
  ['familyOf', 'i32'],
] as const satisfies readonly (readonly [keyof BriefStatementsData, Kind])[];
const PREAMBLE = 24;
const ARTICLES_PER_CHUNK = 2000;

/** Where the snapshot of `corpusDir` lives in `cacheDir` (one per corpus folder). */
export async function snapshotFile(cacheDir: string, corpusDir: string): Promise<string> {
  const real = await fs.realpath(corpusDir).catch(() => path.resolve(corpusDir));
  return path.join(cacheDir, 'snapshots', `${createHash('sha256').update(real).digest('hex').slice(0, 16)}.snap`);
}

/** `sources.article` of a cited passage that is not what `sourceRef` makes from an article (kept whole in `sources.odd`). */
const ODD_PASSAGE = 0xffffffff;
/** Bound on text offsets for a passage's numeric key `start * PLACE_LIMIT + end` (exact below 2^53). */
const PLACE_LIMIT = 2 ** 26;

/**
 * An article's light fields, read at start-up and kept in memory: [id, file, hash,
 * title, publisher, byline, url, statedDate, warnings, date, dateSource, notBefore,
 * syndicatedWith, groupId]. Its body and heavy fields (sentences, figures, times,
 * quotes, entities, signature) stay on disk, in the cache-entry encoding, and are
 * read when used (see `ArticleStore`).
 */
type LightRecord = [
  string, string, string, string | null, string | null, string | null, string | null, Article['statedDate'], string[],
  Article['date'], Article['dateSource'], Article['notBefore'], string[], string,
];

/**
 * An article's record in the file: a head of u32s (byte length of the body, count
 * of sentence span values or NO_SPANS, byte length of each of the `PARTS`), the
 * sentence spans as u32 [start, end, paragraph] triples, the body as UTF-8, then
 * each part as JSON in the cache entry's encoding (and, with NO_SPANS, the
 * sentences as JSON at the end). Body and sentences, which search and the brief
 * read, decode without parsing JSON; each part is read and parsed when first used
 * (the brief reads figures, rarely the others).
 */
const PARTS = ['figures', 'times', 'quotes', 'entities', 'signature'] as const;
type Part = (typeof PARTS)[number];
const NO_SPANS = 0xffffffff;
const ON_DISK = ['body', 'sentences', ...PARTS] as const;
const HEAD = 4 * (2 + PARTS.length);

function encodeRecord(a: Article): Buffer {
  const e = toEntry(a);
  const bodyBytes = Buffer.from(e.body, 'utf8');
  const parts = PARTS.map((k) => Buffer.from(JSON.stringify(e[k]), 'utf8'));
  if (!e.spans) parts.push(Buffer.from(JSON.stringify(e.sentences), 'utf8'));
  const head = Buffer.alloc(HEAD + 4 * (e.spans?.length ?? 0));
  head.writeUInt32LE(bodyBytes.length, 0);
  head.writeUInt32LE(e.spans ? e.spans.length : NO_SPANS, 4);
  PARTS.forEach((_, k) => head.writeUInt32LE(parts[k]!.length, 8 + 4 * k));
  e.spans?.forEach((v, i) => head.writeUInt32LE(v, HEAD + 4 * i));
  return Buffer.concat([head, bodyBytes, ...parts]);
}

function decodePart(k: Part, json: string): unknown {
  return k === 'signature' ? signatureFrom(JSON.parse(json) as string) : fromRows(JSON.parse(json) as Rows);
}

/** What an article keeps on disk, decoded: body and sentences at once, each part when first read. */
interface Heavy {
  body: string;
  sentences: Article['sentences'];
  /** Where each part starts in the file, and where the last ends. */
  partAt: number[];
  parts: Partial<Pick<Article, Part>>;
}

/** Articles decoded from the snapshot kept at once (each about 30 KB of heap): what a command touches. */
export const RECENT_ARTICLES = 256;

/** Closes a snapshot file once no article read from it can be reached any more. */
const closeWhenUnreachable = new FinalizationRegistry<number>((fd) => {
  try {
    fsSync.closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * The articles of a snapshot whose bodies and heavy fields stay in the file: read
 * with positioned synchronous reads through a descriptor opened once (a snapshot
 * written later under the same name replaces the name, not this open file, so an
 * index keeps reading the file it was loaded from), decoded on use, the most
 * recently used `RECENT_ARTICLES` kept, and any decoded article still referenced
 * elsewhere found again through a weak reference (so two reads of one article's
 * sentences give the same array while someone holds it).
 */
export class ArticleStore {
  private readonly recent = new Map<number, Heavy>();
  private readonly weak = new Map<number, WeakRef<Heavy>>();
  private readonly forget = new FinalizationRegistry<number>((i) => {
    if (!this.weak.get(i)?.deref()) this.weak.delete(i);
  });
  private scratch = Buffer.alloc(0);
  private last = -1;
  private lastHeavy: Heavy | null = null;
  /** Articles decoded from the file so far (for tests and measurements). */
  reads = 0;
  /** Lead passages: [start, end] per article (NO_LEAD: none), and where each one's quote ends in the file. */
  private leads: { spans: Uint32Array; textAt: number; textEnds: Uint32Array } | null = null;

  /** The words of the cited passages: where they start in the file, and where each one ends (bytes after that). */
  private texts: { at: number; ends: Uint32Array } | null = null;

  /** Where the cited passages' words are (see `text`). */
  setTexts(at: number, ends: Uint32Array): void {
    this.texts = { at, ends };
  }

  /** The words of cited passage text `t`, read from the file (nothing is kept: a page reads few, and only for JSON output). */
  text(t: number): string {
    const { at, ends } = this.texts!;
    const from = at + (t === 0 ? 0 : ends[t - 1]!);
    const to = at + ends[t]!;
    return this.read(from, to, 'a cited passage').toString('utf8', 0, to - from);
  }

  /** Where the lead passages are (see `LEAD_PASSAGE`). */
  setLeads(spans: Uint32Array, textAt: number, textEnds: Uint32Array): void {
    this.leads = { spans, textAt, textEnds };
  }

  /** Article `i`'s lead passage, its quote read from the file (not the body) when asked for. */
  lead(i: number, a: Article, withQuote: boolean): LeadPassage {
    if (!this.leads) {
      // no leads stored: from the article itself
      const first = this.heavy(i, a).sentences[0];
      const body = this.heavy(i, a).body;
      if (!first && body.trim() === '') return null;
      const start = first?.start ?? 0;
      const end = first?.end ?? Math.min(body.length, 200);
      return withQuote ? { start, end, quote: body.slice(start, end) } : { start, end };
    }
    const { spans, textAt, textEnds } = this.leads;
    const start = spans[2 * i]!;
    if (start === NO_LEAD) return null;
    const end = spans[2 * i + 1]!;
    if (!withQuote) return { start, end };
    const from = textAt + (i === 0 ? 0 : textEnds[i - 1]!);
    const to = textAt + textEnds[i]!;
    return { start, end, quote: this.read(from, to, `article ${a.id}`).toString('utf8', 0, to - from) };
  }

  /** Articles held decoded (at most the capacity; others only while referenced elsewhere). */
  get kept(): number {
    return this.recent.size;
  }

  /** Lets every decoded article go (each is read from the file again when next used). */
  forgetDecoded(): void {
    this.recent.clear();
    this.weak.clear();
    this.last = -1;
    this.lastHeavy = null;
  }

  /** `starts[i]` and `ends[i]`: the byte range of article `i`'s record in the file. */
  constructor(
    private readonly fd: number,
    private readonly starts: Float64Array,
    private readonly ends: Float64Array,
    private readonly capacity = RECENT_ARTICLES,
  ) {
    closeWhenUnreachable.register(this, fd);
  }

  /** The decoded body and heavy fields of article `i` (the light fields of which are `a`). */
  heavy(i: number, a: Article): Heavy {
    if (i === this.last && this.lastHeavy) return this.lastHeavy;
    let h = this.recent.get(i);
    if (h) this.recent.delete(i); // re-inserted below as the most recent
    else {
      h = this.weak.get(i)?.deref() ?? this.decode(i, a);
      if (this.recent.size >= this.capacity) {
        const [oldest, v] = this.recent.entries().next().value as [number, Heavy];
        this.recent.delete(oldest);
        this.weak.set(oldest, new WeakRef(v));
        this.forget.register(v, oldest);
      }
    }
    this.recent.set(i, h);
    this.last = i;
    this.lastHeavy = h;
    return h;
  }

  /** Field `k` (a part: figures, times...) of article `i`. */
  part<K extends Part>(i: number, a: Article, k: K): Article[K] {
    const h = this.heavy(i, a);
    let v = h.parts[k] as Article[K] | undefined;
    if (v === undefined) {
      const p = PARTS.indexOf(k);
      const from = h.partAt[p]!;
      const to = h.partAt[p + 1]!;
      v = h.parts[k] = decodePart(k, this.read(from, to, `article ${a.id}`).toString('utf8', 0, to - from)) as Article[K];
    }
    return v;
  }

  /** Bytes `from..to` of the file, in a buffer reused for every read (what is kept is decoded out of it). */
  private read(from: number, to: number, what: string): Buffer {
    const length = to - from;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, 2 * this.scratch.length));
    const buf = this.scratch;
    let got = 0;
    while (got < length) {
      const n = fsSync.readSync(this.fd, buf, got, length - got, from + got);
      if (n === 0) throw new Error(`snapshot file truncated (${what})`);
      got += n;
    }
    return buf;
  }

  private decode(i: number, a: Article): Heavy {
    const at = this.starts[i]!;
    const length = this.ends[i]! - at;
    const buf = this.read(at, at + length, `article ${a.id}`);
    this.reads++;
    if (length < HEAD) throw new Error(`snapshot record of article ${a.id} is truncated`);
    const bodyLength = buf.readUInt32LE(0);
    const spanCount = buf.readUInt32LE(4);
    const bodyAt = HEAD + (spanCount === NO_SPANS ? 0 : 4 * spanCount);
    const partAt = [at + bodyAt + bodyLength];
    for (let k = 0; k < PARTS.length; k++) partAt.push(partAt[k]! + buf.readUInt32LE(8 + 4 * k));
    const partsEnd = partAt[PARTS.length]!;
    if (bodyAt + bodyLength > length || partsEnd > at + length || (spanCount !== NO_SPANS && partsEnd !== at + length)) throw new Error(`snapshot record of article ${a.id} is inconsistent`);
    const body = buf.toString('utf8', bodyAt, bodyAt + bodyLength);
    let sentences: Article['sentences'];
    if (spanCount === NO_SPANS) {
      sentences = JSON.parse(buf.toString('utf8', partsEnd - at, length)) as Article['sentences'];
      if (!Array.isArray(sentences)) throw new Error(`snapshot record of article ${a.id} has no sentences`);
    } else {
      const spans = new Array<number>(spanCount);
      for (let k = 0; k < spanCount; k++) spans[k] = buf.readUInt32LE(HEAD + 4 * k);
      sentences = sentencesFromSpans(body, spans);
    }
    return { body, sentences, partAt, parts: {} };
  }
}

const NO_LEAD = 0xffffffff;

/** Shared by every stored article (non-enumerable): its lead passage through its store. */
function storedLead(this: Stored, withQuote: boolean): LeadPassage {
  return this[STORE].lead(this[SLOT], this, withQuote);
}

const STORE = Symbol('article store');
const SLOT = Symbol('article slot');
type Stored = Article & { [STORE]: ArticleStore; [SLOT]: number };

/**
 * One getter per field, shared by every stored article (so they all share one
 * hidden class): reads the field through the article's store. Assigning a field
 * replaces the getter with the value (kept in memory).
 */
const accessors = Object.fromEntries(
  ON_DISK.map((k) => [
    k,
    {
      enumerable: true,
      configurable: true,
      get(this: Stored) {
        return k === 'body' || k === 'sentences' ? this[STORE].heavy(this[SLOT], this)[k] : this[STORE].part(this[SLOT], this, k);
      },
      set(this: Stored, v: unknown) {
        Object.defineProperty(this, k, { value: v, writable: true, enumerable: true, configurable: true });
      },
    } satisfies PropertyDescriptor,
  ]),
) as Record<(typeof ON_DISK)[number], PropertyDescriptor>;

/**
 * An article whose light fields are in memory and whose body and heavy fields are
 * read from `store` when used. It has every field of an `Article`, enumerable, in
 * the usual order (spreading it, or `JSON.stringify`, gives a plain article).
 */
function storedArticle(r: LightRecord, store: ArticleStore, slot: number): Article {
  const a = { id: r[0], file: r[1], hash: r[2], title: r[3], publisher: r[4], byline: r[5], url: r[6], statedDate: r[7] };
  Object.defineProperty(a, STORE, { value: store });
  Object.defineProperty(a, SLOT, { value: slot });
  Object.defineProperty(a, LEAD_PASSAGE, { value: storedLead });
  for (const k of ON_DISK) Object.defineProperty(a, k, accessors[k]);
  return Object.assign(a, { warnings: r[8], date: r[9], dateSource: r[10], notBefore: r[11], syndicatedWith: r[12], groupId: r[13] }) as unknown as Article;
}

/** Whether an article's body and heavy fields are read from a snapshot file (rather than held in memory). */
export function isOnDisk(a: Article): boolean {
  return STORE in a && !!Object.getOwnPropertyDescriptor(a, 'sentences')?.get;
}

/** The store an article read from a snapshot reads its fields from, if any. */
export function storeOf(a: Article): ArticleStore | undefined {
  return (a as Partial<Stored>)[STORE];
}

type Kind = 'json' | 'u8' | 'u32' | 'i32' | 'f32' | 'f64';
type Typed = Uint8Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** Writes sections one after another; the header with their places goes last. */
class SectionWriter {
  private offset = PREAMBLE;
  readonly sections: Record<string, [number, number, Kind]> = {};
  constructor(private readonly fh: fs.FileHandle) {}

  async add(name: string, data: string | Typed, kind: Kind): Promise<void> {
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
export async function writeSnapshot(file: string, digest: string, index: CorpusIndex, extractionWarnings: readonly LoadWarning[], stamps: FolderStamps | null = null): Promise<void> {
  const articles = index.articles();
  const derived = index.corpusDerived();
  const where = new Map<string, number[]>();
  articles.forEach((a, i) => where.set(a.id, [...(where.get(a.id) ?? []), i]));
  // every cited passage once, in a table; statements cite it by number. A passage is
  // (article, start, end, text) when it is what `sourceRef` makes from the article: its
  // words stored once (the same words in a wire copy are one text) in a text section
  // read when asked for; any other SourceRef is kept whole (`sources.odd`).
  const passages = { article: [] as number[], start: [] as number[], end: [] as number[], text: [] as number[] };
  const odd: [number, SourceRef][] = [];
  const odds = new Map<string, number>();
  const textIds = new Map<string, number>();
  const texts: Buffer[] = [];
  const textEnds: number[] = [];
  let textBytes = 0;
  const textId = (quote: string): number => {
    let t = textIds.get(quote);
    if (t === undefined) {
      textIds.set(quote, (t = texts.length));
      const b = Buffer.from(quote, 'utf8');
      texts.push(b);
      textBytes += b.length;
      if (textBytes > 0xffffffff) throw new Error('cited passages exceed 4 GB');
      textEnds.push(textBytes);
    }
    return t;
  };
  // a passage's number by where it sits (per article, by start and end); each article's
  // cited fields made once
  const placed: (Map<number, number> | undefined)[] = new Array(articles.length);
  const cited: (Omit<SourceRef, 'article' | 'quote' | 'start' | 'end'> | undefined)[] = new Array(articles.length);
  const add = (s: SourceRef, at: number): number => {
    const n = passages.article.length;
    if (at < 0) odd.push([n, s]);
    passages.article.push(at < 0 ? ODD_PASSAGE : at);
    passages.start.push(at < 0 ? 0 : s.start);
    passages.end.push(at < 0 ? 0 : s.end);
    passages.text.push(at < 0 ? 0 : textId(s.quote));
    return n;
  };
  const enc = (s: SourceRef): number => {
    // what `sourceRef(articles[i], s.start, s.end)` makes, field by field (a place too far
    // into a body for the numeric key is kept whole, as any other source)
    if (s.end < PLACE_LIMIT) {
      for (const i of where.get(s.article) ?? []) {
        const a = articles[i]!;
        const c = (cited[i] ??= { publisher: a.publisher, title: a.title, url: a.url, date: articleDate(a) });
        if (c.publisher !== s.publisher || c.title !== s.title || c.url !== s.url || c.date !== s.date || a.body.slice(s.start, s.end) !== s.quote) continue;
        const places = (placed[i] ??= new Map());
        const key = s.start * PLACE_LIMIT + s.end;
        let n = places.get(key);
        if (n === undefined) places.set(key, (n = add(s, i)));
        return n;
      }
    }
    const key = JSON.stringify(s);
    let n = odds.get(key);
    if (n === undefined) odds.set(key, (n = add(s, -1)));
    return n;
  };
  const encList = <T extends { sources: SourceRef[] }>(list: readonly T[]) => toRows(list.map((x) => ({ ...x, sources: x.sources.map(enc) })));
  // an event's text is its first source's sentence: stored once
  const encEvents = <T extends { text: string; sources: SourceRef[] }>(list: readonly T[]) =>
    toRows(list.map((x) => ({ ...x, text: x.text === x.sources[0]?.quote ? null : x.text, sources: x.sources.map(enc) })));
  const sections = {
    claims: encList(derived.claims),
    events: encEvents(derived.timeline.events),
    undated: encEvents(derived.timeline.undated),
    quotes: encList(derived.quotes),
    brief: encList(derived.defaultBrief),
  };

  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fh = await fs.open(tmp, 'w');
  try {
    const w = new SectionWriter(fh);
    let chunks = 0;
    for (let at = 0; at < articles.length; at += ARTICLES_PER_CHUNK) {
      const slice = articles.slice(at, at + ARTICLES_PER_CHUNK);
      const light = slice.map((a): LightRecord => [a.id, a.file, a.hash, a.title, a.publisher, a.byline, a.url, a.statedDate, a.warnings, a.date, a.dateSource, a.notBefore, a.syndicatedWith, a.groupId]);
      // bodies and heavy parts one after another, with where each ends
      const parts: Buffer[] = [];
      const ends = new Uint32Array(slice.length);
      let size = 0;
      slice.forEach((a, i) => {
        const b = encodeRecord(a);
        parts.push(b);
        size += b.length;
        ends[i] = size;
      });
      await w.add(`articles.${chunks}`, JSON.stringify(light), 'json');
      await w.add(`heavy.${chunks}`, Buffer.concat(parts, size), 'u8');
      await w.add(`heavyEnds.${chunks}`, ends, 'u32');
      chunks++;
    }
    // each article's lead passage (what /sources cites), so that listing them reads no body
    const leadSpans = new Uint32Array(2 * articles.length);
    const leadEnds = new Uint32Array(articles.length);
    const leadTexts: Buffer[] = [];
    let leadBytes = 0;
    articles.forEach((a, i) => {
      const lead = leadPassage(a);
      leadSpans[2 * i] = lead ? lead.start : NO_LEAD;
      leadSpans[2 * i + 1] = lead ? lead.end : NO_LEAD;
      if (lead) {
        const b = Buffer.from(lead.quote!, 'utf8');
        leadTexts.push(b);
        leadBytes += b.length;
      }
      leadEnds[i] = leadBytes;
    });
    await w.add('leads.spans', leadSpans, 'u32');
    await w.add('leads.textEnds', leadEnds, 'u32');
    await w.add('leads.text', Buffer.concat(leadTexts, leadBytes), 'u8');
    const loc = index.sourceLocations();
    await w.add('located.sentenceStart', loc.sentenceStart, 'u32');
    for (const name of ['claims', 'events', 'undated'] as const) {
      await w.add(`located.${name}.offsets`, loc[name].offsets, 'u32');
      await w.add(`located.${name}.sentences`, new Uint32Array(loc[name].sentences.buffer, loc[name].sentences.byteOffset, loc[name].sentences.length), 'u32');
    }
    // the cited passages as numbers, their words as UTF-8 (read from the file when a quote is asked for)
    for (const k of ['article', 'start', 'end', 'text'] as const) await w.add(`sources.${k}`, Uint32Array.from(passages[k]), 'u32');
    await w.add('sources.odd', JSON.stringify(odd), 'json');
    await w.add('texts.ends', Uint32Array.from(textEnds), 'u32');
    await w.add('texts.bytes', Buffer.concat(texts, textBytes), 'u8');
    // the claims in chunks too (their keys table repeated in each), for the same reason
    const claimRows = sections.claims;
    for (let c = 0, i = 0; c === 0 || i < claimRows.v.length; c++, i += SOURCE_CHUNK) {
      await w.add(`claims.${c}`, JSON.stringify({ k: claimRows.k, v: claimRows.v.slice(i, i + SOURCE_CHUNK) }), 'json');
    }
    await w.add('timeline', JSON.stringify({ events: sections.events, undated: sections.undated }), 'json');
    await w.add('quotes', JSON.stringify(sections.quotes), 'json');
    await w.add('entities', JSON.stringify(toRows(derived.entities)), 'json');
    await w.add('brief', JSON.stringify(sections.brief), 'json');
    // what topic briefs are made of: its word list as JSON, its arrays raw (sentenceStart is located.sentenceStart)
    const bs = index.briefStatements().data();
    await w.add('statements', JSON.stringify({ words: bs.words, nGroups: bs.nGroups, families: bs.families }), 'json');
    for (const [name, kind] of STATEMENT_ARRAYS) await w.add(`statements.${name}`, bs[name], kind);
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
    await w.finish({ format: SNAPSHOT_FORMAT, extraction: EXTRACTION_VERSION, digest, articles: articles.length, chunks, stamps } satisfies Omit<SnapshotHeader, 'sections'>);
    await fh.close();
    await fs.rename(tmp, file);
  } catch (err) {
    await fh.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

export type SnapshotRead =
  | { ok: true; articles: Article[]; derived: CorpusDerived; locations: SourceLocations; extractionWarnings: LoadWarning[] }
  | { ok: false; reason: 'missing' | 'stale' | string };

export type HeaderRead = { ok: true; header: SnapshotHeader } | { ok: false; reason: 'missing' | 'stale' | string };

async function open(file: string): Promise<fs.FileHandle | null> {
  try {
    return await fs.open(file, 'r');
  } catch {
    return null;
  }
}

function reader(fh: fs.FileHandle, size: number) {
  return async (offset: number, length: number): Promise<Buffer> => {
    if (offset < 0 || length < 0 || offset + length > size) throw new Error('truncated');
    const buf = Buffer.allocUnsafe(length);
    const { bytesRead } = await fh.read(buf, 0, length, offset);
    if (bytesRead !== length) throw new Error('truncated');
    return buf;
  };
}

/** Positioned reads of a descriptor (the one an index keeps reading its articles through). */
function fdReader(fd: number, size: number) {
  return async (offset: number, length: number): Promise<Buffer> => {
    if (offset < 0 || length < 0 || offset + length > size) throw new Error('truncated');
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = await new Promise<number>((resolve, reject) => fsSync.read(fd, buf, got, length - got, offset + got, (err, bytes) => (err ? reject(err) : resolve(bytes))));
      if (n === 0) throw new Error('truncated');
      got += n;
    }
    return buf;
  };
}

async function header(readAt: (offset: number, length: number) => Promise<Buffer>, size: number): Promise<HeaderRead> {
  const pre = await readAt(0, PREAMBLE);
  if (pre.toString('latin1', 0, 8) !== MAGIC) return { ok: false, reason: 'not a snapshot file' };
  if (pre.readUInt32LE(8) !== SNAPSHOT_FORMAT) return { ok: false, reason: 'stale' };
  const headerAt = Number(pre.readBigUInt64LE(16));
  const h = JSON.parse((await readAt(headerAt, size - headerAt)).toString('utf8')) as SnapshotHeader;
  if (h.format !== SNAPSHOT_FORMAT || h.extraction !== EXTRACTION_VERSION) return { ok: false, reason: 'stale' };
  return { ok: true, header: h };
}

/**
 * Replaces the folder stamps of a snapshot (its contents unchanged), rewriting
 * only the header at the end of the file. A failure midway leaves a header that
 * does not parse: the next load ignores the snapshot and rebuilds it.
 */
export async function restampSnapshot(file: string, stamps: FolderStamps): Promise<void> {
  const fh = await fs.open(file, 'r+');
  try {
    const size = (await fh.stat()).size;
    const h = await header(reader(fh, size), size);
    if (!h.ok) return;
    const pre = await reader(fh, size)(0, PREAMBLE);
    const at = Number(pre.readBigUInt64LE(16));
    const json = Buffer.from(JSON.stringify({ ...h.header, stamps }), 'utf8');
    await fh.write(json, 0, json.length, at);
    await fh.truncate(at + json.length);
  } finally {
    await fh.close();
  }
}

/** The snapshot's header only: its digest and the folder stamps, to decide whether to read the rest. */
export async function readSnapshotHeader(file: string): Promise<HeaderRead> {
  const fh = await open(file);
  if (!fh) return { ok: false, reason: 'missing' };
  try {
    const { size } = await fh.stat();
    return await header(reader(fh, size), size);
  } catch (err) {
    return { ok: false, reason: `unreadable (${(err as Error).message.split('\n')[0]})` };
  } finally {
    await fh.close();
  }
}

/**
 * A cited passage as `sourceRef(a, start, end)` makes it (the same fields, own and
 * enumerable, in the same order), whose quote, the article's words `start..end`,
 * is read from the snapshot file when asked for (replies list sources by article
 * and never read it; JSON output does) instead of being held in memory.
 */
class CitedPassage implements SourceRef {
  readonly #store: ArticleStore;
  readonly #text: number;
  declare article: string;
  declare quote: string;
  declare start: number;
  declare end: number;
  declare publisher: string | null;
  declare title: string | null;
  declare url: string | null;
  declare date: string | null;

  constructor(store: ArticleStore, a: Article, start: number, end: number, date: string | null, text: number) {
    this.#store = store;
    this.#text = text;
    this.article = a.id;
    Object.defineProperty(this, 'quote', CitedPassage.quote);
    this.start = start;
    this.end = end;
    this.publisher = a.publisher;
    this.title = a.title;
    this.url = a.url;
    this.date = date;
  }

  /** One descriptor for every passage (so they share one hidden class). */
  static readonly quote: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: CitedPassage) {
      return this.#store.text(this.#text);
    },
    set(this: CitedPassage, v: unknown) {
      Object.defineProperty(this, 'quote', { value: v, writable: true, enumerable: true, configurable: true });
    },
  };
}

/** Source lists made into SourceRefs and kept at once (counted in sources, the most recently read kept). */
export const RECENT_SOURCES = 200_000;

/**
 * The table of cited passages of a snapshot, as numbers (article, start, end, text),
 * and each statement's sources as a run of passage numbers. A statement's
 * `sources` is made into SourceRefs when read (`CitedPassage`), and the lists read
 * most recently are kept (`RECENT_SOURCES` sources in all), so a page reading a
 * statement's sources in a loop makes them once; answers no page shows hold no
 * objects.
 */
class CitedPassages {
  private readonly recent = new Map<object, SourceRef[]>();
  private held = 0;
  private readonly dates = new Map<number, string | null>();
  /** Statements' source lists made into objects so far (for tests and measurements). */
  made = 0;
  constructor(
    private readonly store: ArticleStore,
    private readonly articles: readonly Article[],
    private readonly article: Uint32Array,
    private readonly start: Uint32Array,
    private readonly end: Uint32Array,
    private readonly text: Uint32Array,
    private readonly odd: ReadonlyMap<number, SourceRef>,
    private readonly capacity = RECENT_SOURCES,
  ) {}

  /** The SourceRef of passage `p` (a new object, except for passages stored whole). */
  ref(p: number): SourceRef {
    const ai = this.article[p]!;
    if (ai === ODD_PASSAGE) return this.odd.get(p)!;
    const a = this.articles[ai]!;
    let date = this.dates.get(ai);
    if (date === undefined) this.dates.set(ai, (date = articleDate(a)));
    return new CitedPassage(this.store, a, this.start[p]!, this.end[p]!, date, this.text[p]!);
  }

  /** Statement `owner`'s sources: passages `numbers[from..to)`. */
  sources(owner: object, numbers: Uint32Array, from: number, to: number): SourceRef[] {
    let list = this.recent.get(owner);
    if (list) {
      this.recent.delete(owner); // re-inserted as the most recent
      this.recent.set(owner, list);
      return list;
    }
    list = new Array<SourceRef>(to - from);
    for (let k = from; k < to; k++) list[k - from] = this.ref(numbers[k]!);
    this.made++;
    this.recent.set(owner, list);
    this.held += list.length;
    for (const [o, l] of this.recent) {
      if (this.held <= this.capacity || o === owner) break;
      this.recent.delete(o);
      this.held -= l.length;
    }
    return list;
  }
}


/**
 * The sources of the statements of one list read from a snapshot: statement `i`'s
 * passages are `numbers[offsets[i]..offsets[i + 1])`. Filled statement by statement
 * (a list can be stored in several sections), then trimmed.
 */
class SourceRuns {
  numbers: Uint32Array = new Uint32Array(1024);
  offsets: Uint32Array = new Uint32Array(1024);
  count = 0;
  private filled = 0;

  constructor(private readonly passages: number) {}

  /** Adds the next statement's passage numbers; returns its number in the list. */
  add(list: readonly number[]): number {
    if (this.filled + list.length > this.numbers.length) this.numbers = grow(this.numbers, this.filled + list.length);
    for (const n of list) {
      if (!(n < this.passages)) throw new Error('source of an unknown passage');
      this.numbers[this.filled++] = n;
    }
    if (this.count + 2 > this.offsets.length) this.offsets = grow(this.offsets, this.count + 2);
    this.offsets[++this.count] = this.filled;
    return this.count - 1;
  }

  /** Drops the room left for more. */
  trim(): void {
    this.numbers = this.numbers.slice(0, this.filled);
    this.offsets = this.offsets.slice(0, this.count + 1);
  }
}

function grow(a: Uint32Array, atLeast: number): Uint32Array {
  const b = new Uint32Array(Math.max(atLeast, 2 * a.length));
  b.set(a);
  return b;
}

const STATEMENT = Symbol('statement number');

/**
 * The `sources` of the statements of one list read from a snapshot (one descriptor
 * for the list, so they share one hidden class): made into SourceRefs when read.
 */
function lazySources(passages: CitedPassages, runs: SourceRuns): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: { [STATEMENT]: number }) {
      const i = this[STATEMENT];
      return passages.sources(this, runs.numbers, runs.offsets[i]!, runs.offsets[i + 1]!);
    },
    set(this: object, v: unknown) {
      Object.defineProperty(this, 'sources', { value: v, writable: true, enumerable: true, configurable: true });
    },
  };
}

/** An event's `text` when it is its first source's words (stored once, as the source). */
const FIRST_SOURCE_TEXT: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: { sources: SourceRef[] }) {
    return this.sources[0]!.quote;
  },
  set(this: object, v: unknown) {
    Object.defineProperty(this, 'text', { value: v, writable: true, enumerable: true, configurable: true });
  },
};

/**
 * Items decoded between two turns of the event loop while a snapshot is read: a
 * reload reads the new snapshot on the main thread while the bot is answering,
 * so long lists are decoded in slices (a few milliseconds each), not in one go.
 */
const DECODE_SLICE = 16_384;
/** Cited passages, or claims, per section of the snapshot (each section parsed in one go when read). */
const SOURCE_CHUNK = 16_384;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Reads the snapshot at `file` if it was made from documents with `digest`: the
 * precomputed answers, the search index and every article's light fields. The
 * articles' bodies and heavy fields stay in the file, read when used through a
 * descriptor kept open for as long as any of the articles can be reached.
 */
export async function readSnapshot(file: string, digest: string, opts: { recentArticles?: number; recentSources?: number } = {}): Promise<SnapshotRead> {
  let fd: number;
  try {
    fd = await new Promise<number>((resolve, reject) => fsSync.open(file, 'r', (err, n) => (err ? reject(err) : resolve(n))));
  } catch {
    return { ok: false, reason: 'missing' };
  }
  let kept = false;
  try {
    const { size } = fsSync.fstatSync(fd);
    const readAt = fdReader(fd, size);
    const h = await header(readAt, size);
    if (!h.ok) return h;
    const head = h.header;
    if (head.digest !== digest) return { ok: false, reason: 'stale' };
    const section = async (name: string): Promise<Buffer> => {
      const s = head.sections[name];
      if (!s) throw new Error(`no section ${name}`);
      return readAt(s[0], s[1]);
    };
    const json = async <T>(name: string): Promise<T> => JSON.parse((await section(name)).toString('utf8')) as T;
    const typed = async <T extends Typed>(name: string, Type: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number }): Promise<T> => {
      const b = await section(name);
      const size = Type.BYTES_PER_ELEMENT;
      if (b.length % size !== 0) throw new Error(`section ${name} is truncated`);
      // a fresh Buffer of this size has its own aligned memory; copy when it does not
      return b.byteOffset % size === 0 ? new Type(b.buffer, b.byteOffset, b.length / size) : new Type(new Uint8Array(b).buffer, 0, b.length / size);
    };
    const u32 = (name: string): Promise<Uint32Array> => typed(name, Uint32Array);

    // each article's record: its byte range in the file (the bytes themselves are read when used)
    const starts = new Float64Array(head.articles);
    const ends = new Float64Array(head.articles);
    const lights: LightRecord[][] = [];
    let n = 0;
    for (let c = 0; c < head.chunks; c++) {
      const place = head.sections[`heavy.${c}`];
      if (!place) throw new Error(`no section heavy.${c}`);
      const chunkEnds = await u32(`heavyEnds.${c}`);
      const light = await json<LightRecord[]>(`articles.${c}`);
      if (chunkEnds.length !== light.length || n + light.length > head.articles || (chunkEnds.length > 0 && chunkEnds[chunkEnds.length - 1] !== place[1])) throw new Error(`chunk ${c} is inconsistent`);
      for (let i = 0; i < light.length; i++, n++) {
        starts[n] = place[0] + (i === 0 ? 0 : chunkEnds[i - 1]!);
        ends[n] = place[0] + chunkEnds[i]!;
        if (ends[n]! < starts[n]!) throw new Error(`chunk ${c} is inconsistent`);
      }
      lights.push(light);
    }
    if (n !== head.articles) throw new Error('article count does not match');
    const store = new ArticleStore(fd, starts, ends, opts.recentArticles);
    const leadText = head.sections['leads.text'];
    const leadSpans = await u32('leads.spans');
    const leadEnds = await u32('leads.textEnds');
    if (!leadText || leadSpans.length !== 2 * head.articles || leadEnds.length !== head.articles || (head.articles > 0 && leadEnds[head.articles - 1] !== leadText[1])) throw new Error('lead passages are inconsistent');
    store.setLeads(leadSpans, leadText[0], leadEnds);
    // strings repeated over many records (outlets, claims' qualifiers and subjects...) read as one string each
    const strings = new Map<string, string>();
    const intern = (v: string): string => {
      const seen = strings.get(v);
      if (seen !== undefined) return seen;
      strings.set(v, v);
      return v;
    };
    // a wire copy's group and copies are other articles' ids: the same strings
    const ids = new Map<string, string>();
    for (const light of lights) for (const r of light) ids.set(r[0], r[0]);
    // dates (stated, resolved, lower bound): a few thousand values over the corpus, one object each (none is modified)
    const dateObjects = new Map<string, object>();
    const shareDate = <T extends object | null>(v: T): T => {
      if (v === null) return v;
      const key = JSON.stringify(v);
      const seen = dateObjects.get(key);
      if (seen !== undefined) return seen as T;
      dateObjects.set(key, v);
      return v;
    };
    const articles: Article[] = [];
    for (const light of lights) {
      for (const r of light) {
        if (r[4] !== null) r[4] = intern(r[4]);
        r[7] = shareDate(r[7]);
        r[9] = shareDate(r[9]);
        r[11] = shareDate(r[11]);
        r[12] = r[12].map((id) => ids.get(id) ?? id);
        r[13] = ids.get(r[13]) ?? r[13];
        articles.push(storedArticle(r, store, articles.length));
      }
      await nextTurn();
    }
    ids.clear();
    dateObjects.clear();
    // sources as `sourceRef` makes them, their quote read from the file when asked for; one object per passage, shared by the answers citing it
    const textsAt = head.sections['texts.bytes'];
    const textEnds = await u32('texts.ends');
    if (!textsAt || (textEnds.length > 0 && textEnds[textEnds.length - 1] !== textsAt[1])) throw new Error('cited passages are inconsistent');
    store.setTexts(textsAt[0], textEnds);
    const passageArticle = await u32('sources.article');
    const passageStart = await u32('sources.start');
    const passageEnd = await u32('sources.end');
    const passageText = await u32('sources.text');
    const passages = passageArticle.length;
    if (passageStart.length !== passages || passageEnd.length !== passages || passageText.length !== passages) throw new Error('cited passages are inconsistent');
    const odd = new Map(await json<[number, SourceRef][]>('sources.odd'));
    for (let p = 0; p < passages; p++) {
      const ai = passageArticle[p]!;
      if (ai === ODD_PASSAGE ? !odd.has(p) : ai >= articles.length || passageText[p]! >= textEnds.length) throw new Error('cited passages are inconsistent');
    }
    const cited = new CitedPassages(store, articles, passageArticle, passageStart, passageEnd, passageText, odd, opts.recentSources);
    /**
     * Statements from rows; their `sources` (passage numbers) kept as typed arrays per
     * list (`SourceRuns`) and made into SourceRefs when read, an event's missing text
     * read from its first source when asked for. `into` continues a list.
     */
    type List<T> = { out: T[]; runs: SourceRuns; sources: PropertyDescriptor };
    const newList = <T>(): List<T> => {
      const runs = new SourceRuns(passages);
      return { out: [], runs, sources: lazySources(cited, runs) };
    };
    const decRows = async <T>(rows: Rows, into: List<T>, textFromSource = false): Promise<void> => {
      const { out, runs, sources } = into;
      for (let r = 0; r < rows.v.length; r++) {
        const row = rows.v[r]!;
        const keys = rows.k[row[0] as number]!;
        const o: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          if (k === 'sources') {
            Object.defineProperty(o, STATEMENT, { value: runs.add(row[i + 1] as number[]) });
            Object.defineProperty(o, k, sources);
          }
          // an event's text left out because it is its first source's words: read as they are, when asked for
          else if (k === 'text' && textFromSource && row[i + 1] === null) Object.defineProperty(o, k, FIRST_SOURCE_TEXT);
          else {
            const v = row[i + 1];
            // a claim's qualifier, subject, dates...: a few thousand values over hundreds of thousands of claims, one string each
            o[k] = typeof v === 'string' && k !== 'text' ? intern(v) : v;
          }
        }
        out.push(o as T);
        if ((r + 1) % DECODE_SLICE === 0) await nextTurn();
      }
    };
    const decList = async <T>(rows: Rows, textFromSource = false): Promise<T[]> => {
      const list = newList<T>();
      await decRows(rows, list, textFromSource);
      list.runs.trim();
      return list.out;
    };
    const decEvents = <T>(rows: Rows): Promise<T[]> => decList<T>(rows, true);
    /** A list stored in sections `<name>.0`, `<name>.1`, ...: parsed and decoded one section at a time. */
    const chunkedList = async <T>(name: string): Promise<T[]> => {
      if (!head.sections[`${name}.0`]) throw new Error(`no section ${name}.0`);
      const list = newList<T>();
      for (let c = 0; head.sections[`${name}.${c}`]; c++) await decRows(await json<Rows>(`${name}.${c}`), list);
      list.runs.trim();
      return list.out;
    };

    const timeline = await json<{ events: Rows; undated: Rows }>('timeline');
    const statementMeta = await json<{ words: string[]; nGroups: number; families: number }>('statements');
    const sentenceStart = await u32('located.sentenceStart');
    const statementData = { ...statementMeta, sentenceStart } as Record<string, unknown>;
    for (const [name, kind] of STATEMENT_ARRAYS) {
      const at = `statements.${name}`;
      statementData[name] = await (kind === 'u32' ? typed(at, Uint32Array) : kind === 'i32' ? typed(at, Int32Array) : kind === 'f32' ? typed(at, Float32Array) : typed(at, Float64Array));
    }
    const statements = new BriefStatements(statementData as unknown as BriefStatementsData);
    if (statements.articleCount !== articles.length || statements.statementOf.length !== sentenceStart[articles.length]) throw new Error('brief statements do not match the articles');
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
      claims: await chunkedList<FigureClaim>('claims'),
      timeline: { events: await decEvents<TimelineEvent>(timeline.events), undated: await decEvents<UndatedEvent>(timeline.undated) },
      quotes: await decList<QuoteClaim>(await json('quotes')),
      entities: fromRows<Entity>(await json('entities')),
      defaultBrief: await decList<BriefPoint>(await json('brief')),
      briefStats: briefStatsOf(articles, statements),
      search: SentenceSearch.fromData(data),
    };
    const located = async (name: 'claims' | 'events' | 'undated') => {
      const offsets = await u32(`located.${name}.offsets`);
      const sentences = await u32(`located.${name}.sentences`);
      return { offsets, sentences: new Int32Array(sentences.buffer, sentences.byteOffset, sentences.length) };
    };
    const locations: SourceLocations = { sentenceStart, claims: await located('claims'), events: await located('events'), undated: await located('undated') };
    const extractionWarnings = await json<LoadWarning[]>('warnings');
    kept = true; // the store closes it once its articles are unreachable
    return { ok: true, articles, derived, locations, extractionWarnings };
  } catch (err) {
    return { ok: false, reason: `unreadable (${(err as Error).message.split('\n')[0]})` };
  } finally {
    if (!kept) fsSync.close(fd, () => undefined);
  }
}
