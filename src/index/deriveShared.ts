/**
 * What the derive worker (`deriveWorker.ts`) is sent and does: the search index
 * and the brief's statements of a corpus, built from only what those builders
 * read of an article (title, group, sentences, the sentences holding a figure),
 * packed as bodies and number arrays (cheap to copy between threads). The very
 * same builders run on it, so the result is the one `deriveCorpus` computes
 * (`tests/index/load.test.ts`). No side effects: any thread may import this.
 */
import type { Article, Sentence } from '../core/types.js';
import { BriefStatements, type BriefStatementsData } from '../briefing/statements.js';
import { SentenceSearch, type SentenceSearchData } from './sentenceSearch.js';

/** What the builders read of each article, packed for the trip to the worker. */
export interface DeriveRequest {
  titles: (string | null)[];
  groupIds: string[];
  bodies: string[];
  /** First sentence of each article in `spans` (length: articles + 1). */
  sentenceStart: Uint32Array;
  /** Per sentence: start, end (in the body) and index. */
  spans: Int32Array;
  /** An article's sentence texts when one is not `body.slice(start, end)` (else null). */
  texts: (string[] | null)[];
  /** First entry of each article in `figureSentence` (length: articles + 1). */
  figureStart: Uint32Array;
  /** The sentence of each figure mention, article by article. */
  figureSentence: Int32Array;
}

export type DeriveResponse = { search: SentenceSearchData; statements: BriefStatementsData; ms: { search: number; statements: number } } | { error: string };

/** Packs what `SentenceSearch.build` and `BriefStatements` read of `articles`. */
export function packForDerive(articles: readonly Article[]): DeriveRequest {
  let sentences = 0;
  let figures = 0;
  for (const a of articles) {
    sentences += a.sentences.length;
    figures += a.figures.length;
  }
  const sentenceStart = new Uint32Array(articles.length + 1);
  const spans = new Int32Array(sentences * 3);
  const figureStart = new Uint32Array(articles.length + 1);
  const figureSentence = new Int32Array(figures);
  const texts: (string[] | null)[] = new Array<string[] | null>(articles.length).fill(null);
  let s = 0;
  let f = 0;
  articles.forEach((a, i) => {
    sentenceStart[i] = s;
    figureStart[i] = f;
    let sliced = true;
    for (const x of a.sentences) {
      spans[3 * s] = x.start;
      spans[3 * s + 1] = x.end;
      spans[3 * s + 2] = x.index;
      s++;
      if (sliced && a.body.slice(x.start, x.end) !== x.text) sliced = false;
    }
    if (!sliced) texts[i] = a.sentences.map((x) => x.text);
    for (const m of a.figures) figureSentence[f++] = m.sentence;
  });
  sentenceStart[articles.length] = s;
  figureStart[articles.length] = f;
  return { titles: articles.map((a) => a.title), groupIds: articles.map((a) => a.groupId), bodies: articles.map((a) => a.body), sentenceStart, spans, texts, figureStart, figureSentence };
}

/** The articles as the builders see them: only the fields they read (the rest is absent). */
export function unpackForDerive(req: DeriveRequest): Article[] {
  return req.bodies.map((body, i) => {
    const sentences: Pick<Sentence, 'index' | 'text'>[] = [];
    const texts = req.texts[i];
    for (let s = req.sentenceStart[i]!, k = 0; s < req.sentenceStart[i + 1]!; s++, k++) {
      sentences.push({ index: req.spans[3 * s + 2]!, text: texts ? texts[k]! : body.slice(req.spans[3 * s]!, req.spans[3 * s + 1]!) });
    }
    const figures: { sentence: number }[] = [];
    for (let f = req.figureStart[i]!; f < req.figureStart[i + 1]!; f++) figures.push({ sentence: req.figureSentence[f]! });
    return { title: req.titles[i]!, groupId: req.groupIds[i]!, sentences, figures } as unknown as Article;
  });
}

/** Builds both structures for `req` (what the worker does; also callable in-thread). */
export function deriveShared(req: DeriveRequest): Extract<DeriveResponse, { search: SentenceSearchData }> {
  const articles = unpackForDerive(req);
  const t0 = performance.now();
  const search = SentenceSearch.build(articles).data();
  const t1 = performance.now();
  const statements = new BriefStatements(articles).data();
  return { search, statements, ms: { search: t1 - t0, statements: performance.now() - t1 } };
}

