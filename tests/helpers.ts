/** Shared test helpers: build documents and indexes from real text. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { RawDocument } from '../src/corpus/read.js';
import { splitFrontMatter } from '../src/corpus/read.js';
import type { ArticleExtraction, DeclaredMetadata } from '../src/core/types.js';
import { extractArticle } from '../src/extract/article.js';
import type { BriefingIndex } from '../src/index/briefingIndex.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SEEDS = path.join(ROOT, 'seeds');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const CRISIS = path.join(SHARED, 'corpora', 'crisis-timelines');
export const HELDOUT = path.join(ROOT, 'tests', 'fixtures', 'heldout');

/** A document as the reader would produce it, from text. */
export function doc(text: string, id = 'doc', format: RawDocument['format'] = 'txt', declared: DeclaredMetadata = {}): RawDocument {
  const fm = splitFrontMatter(text.replace(/\r\n?/g, '\n'));
  return { id, file: `${id}.${format}`, format, hash: createHash('sha256').update(text).digest('hex'), text: fm.body, declared: { ...fm.meta, ...declared } };
}

export function extractFile(file: string): ArticleExtraction {
  const ext = path.extname(file).slice(1);
  const format = ext === 'md' ? 'md' : ext === 'html' ? 'html' : 'txt';
  return extractArticle(doc(readFileSync(file, 'utf8'), path.basename(file).replace(/\.[^.]+$/, ''), format));
}

export function crisisFiles(): string[] {
  return readdirSync(CRISIS).filter((f) => f.endsWith('.txt')).sort();
}

/** Everything an index answers, as JSON, for checking that two ways of loading give the same index. */
export function indexAnswers(index: BriefingIndex): string {
  return JSON.stringify({
    articles: index.articles(),
    warnings: index.warnings(),
    figures: index.figures(),
    casualties: index.figures({ kinds: ['killed', 'wounded', 'casualties'], topic: 'Kursk' }),
    topicFigures: index.figures({ topic: 'Kursk' }),
    timeline: index.timeline(),
    topicTimeline: index.timeline({ topic: 'Russia' }),
    quotes: index.quotes(),
    kim: index.quotes({ speaker: 'kim' }),
    brief: index.brief(),
    topicBrief: index.brief({ topic: 'troops' }),
    search: index.search('north korean troops killed'),
    fuzzy: index.search('zelenskiy'),
    entities: index.entities(),
    suggest: index.suggest('topic', 'Ku'),
    suggestZel: index.suggest('topic', 'zel'),
  });
}
