/**
 * Everything extracted from one file that does not depend on any other file.
 * Pure and deterministic: the unit of caching and of parallel work (workers).
 */
import type { ArticleExtraction, DateValue, FigureMention, TimeMentionInSentence } from '../core/types.js';
import { cleanArticleText } from '../corpus/clean.js';
import { htmlMetadata, htmlToText } from '../corpus/html.js';
import type { RawDocument } from '../corpus/read.js';
import { minhashSignature } from '../corpus/syndication.js';
import { findDateLine, findTimeMentions, parseDateString } from './dates.js';
import { extractEntities } from './entities.js';
import { extractFigures, lastClaimant } from './figures.js';
import { extractQuotes } from './quotes.js';
import { splitSentences } from './sentences.js';

/** Bumped whenever extraction changes, so cached results are recomputed. */
export const EXTRACTION_VERSION = 4;

/** Light Markdown to text: headings, emphasis, links and images; the words stay as written. */
function markdownToText(md: string): string {
  return md
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/^\s*(?:-{3,}|\*{3,})\s*$/gm, '');
}

/** Spans between double quotation marks in one sentence (curly or straight). */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /[“"]([^“”"]{1,600})[”"]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) spans.push([m.index, m.index + m[0].length]);
  // a quote left open at the end of the sentence runs to its end
  const lastOpen = text.lastIndexOf('“');
  if (lastOpen >= 0 && text.indexOf('”', lastOpen) < 0) spans.push([lastOpen, text.length]);
  return spans;
}

/** "date 2025-04-28 SEOUL — (AP) — ..." at the very start of a text, with the story on the same line. */
const LEADING_DATE = /^\s*(?:date|dated|published|posted|updated)[:\s]+(\d{4}-\d{2}-\d{2})\b[ \t]*/i;

export function extractArticle(doc: RawDocument): ArticleExtraction {
  const warnings: string[] = [];
  let text = doc.text;
  let declared = doc.declared;
  if (doc.format === 'html') {
    declared = { ...htmlMetadata(text), ...declared };
    text = htmlToText(text);
  } else if (doc.format === 'md') {
    text = markdownToText(text);
  }

  let lineDate: DateValue | null = null;
  const lead = LEADING_DATE.exec(text);
  if (lead) {
    lineDate = parseDateString(lead[1]!);
    text = text.slice(lead[0].length);
  } else {
    const line = findDateLine(text);
    if (line) {
      lineDate = line.value;
      text = text.slice(0, line.start) + text.slice(line.end);
    }
  }

  const cleaned = cleanArticleText(text);
  const body = cleaned.body;

  let statedDate: ArticleExtraction['statedDate'] = null;
  if (declared.date) {
    const v = parseDateString(declared.date);
    if (v) statedDate = { value: v, source: 'metadata' };
    else warnings.push(`date "${declared.date.slice(0, 40)}" in the metadata is not a date I understand; ignored`);
  }
  if (!statedDate && lineDate) statedDate = { value: lineDate, source: 'text' };

  const sentences = splitSentences(body);
  const times: TimeMentionInSentence[] = [];
  const figures: FigureMention[] = [];
  let previousClaimant: string | null = null;
  for (const s of sentences) {
    // dates inside quotation marks are the speaker's ("here today, tomorrow"), not the article's
    let found = findTimeMentions(s.text);
    if (found.length > 0) {
      const quoted = quotedSpans(s.text);
      if (quoted.length > 0) found = found.filter((t) => !quoted.some(([a, b]) => t.start >= a && t.end <= b));
    }
    for (const t of found) times.push({ ...t, sentence: s.index });
    figures.push(...extractFigures(s.text, s.index, found, { previousClaimant }));
    previousClaimant = lastClaimant(s.text, previousClaimant);
  }
  if (body.trim() === '') warnings.push('no article text left after removing page furniture');

  return {
    id: doc.id,
    file: doc.file,
    hash: doc.hash,
    title: declared.title ?? cleaned.title,
    publisher: declared.publisher ?? cleaned.publisher,
    byline: declared.byline ?? cleaned.byline,
    url: declared.url ?? null,
    statedDate,
    body,
    sentences,
    figures,
    times,
    quotes: extractQuotes(body, sentences),
    entities: extractEntities(body, sentences),
    signature: minhashSignature(body),
    warnings,
  };
}
