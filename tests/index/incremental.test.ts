/**
 * Incremental derivation: after each change to a corpus (files added, changed,
 * removed, re-dated, wire copies added or dropped so that syndication regroups),
 * `deriveIncremental` from the previous answers gives exactly what a full
 * `deriveCorpus` gives, value for value and in the same order.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../bench/generate.js';
import type { ArticleExtraction, DeclaredMetadata } from '../../src/core/types.js';
import { extractArticle } from '../../src/extract/article.js';
import { assembleArticles } from '../../src/index/assemble.js';
import { deriveCorpus, type CorpusDerived } from '../../src/index/corpusIndex.js';
import { corpusChange, deriveIncremental } from '../../src/index/incremental.js';
import { CRISIS, SEEDS, crisisFiles, doc } from '../helpers.js';

interface Source {
  id: string;
  text: string;
  declared: DeclaredMetadata;
}

const extracted = new Map<string, ArticleExtraction>();
function extraction(s: Source): ArticleExtraction {
  const k = JSON.stringify(s);
  let x = extracted.get(k);
  if (!x) extracted.set(k, (x = extractArticle(doc(s.text, s.id, 'txt', s.declared))));
  return x;
}

/** A deterministic pseudo-random sequence (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seeds = (): Source[] => readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(path.join(SEEDS, f), 'utf8'), declared: {} }));
const crisis = (): Source[] => crisisFiles().map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(path.join(CRISIS, f), 'utf8'), declared: {} }));
const generated = (n: number): Source[] => Array.from({ length: n }, (_, i) => generateArticle(11, i)).map((g) => ({ id: g.fileName.replace(/\.txt$/, ''), text: g.text, declared: {} }));

/** Every answer deriveCorpus gives, but the search index and brief statistics (compared through the default brief). */
function answers(d: CorpusDerived) {
  return { claims: d.claims, timeline: d.timeline, quotes: d.quotes, entities: d.entities, defaultBrief: d.defaultBrief };
}

const EDITS = [
  'On Friday the defence ministry said 250 soldiers were killed near the border.',
  'Officials said on Monday that 1,200 people had been displaced, while the ministry said about 900.',
  '"We will not retreat," the minister said on Tuesday.',
  'The United Nations said 40 civilians were wounded last week.',
];

/**
 * Runs `steps` random changes on `pool` (a corpus starts with `start` of them),
 * checking each against a full derivation; returns how many steps reused answers.
 */
function run(pool: Source[], start: number, steps: number, seed: number): { incremental: number; reusedClaims: number } {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  let corpus = pool.slice(0, start);
  let spare = pool.slice(start);
  let articles = assembleArticles(corpus.map(extraction));
  let derived = deriveCorpus(articles);
  let incremental = 0;
  let reusedClaims = 0;
  for (let step = 0; step < steps; step++) {
    const op = pick(['add', 'remove', 'change', 'redate', 'wire copy', 'wire copy', 'drop dated copy']);
    const next = [...corpus];
    if (op === 'add' && spare.length > 0) {
      const s = spare[0]!;
      spare = spare.slice(1);
      next.push(s);
    } else if (op === 'remove' && next.length > 2) next.splice(Math.floor(random() * next.length), 1);
    else if (op === 'change') {
      const i = Math.floor(random() * next.length);
      next[i] = { ...next[i]!, text: `${next[i]!.text.trimEnd()}\n\n${pick(EDITS)}\n` };
    } else if (op === 'redate') {
      const i = Math.floor(random() * next.length);
      const day = 1 + Math.floor(random() * 27);
      next[i] = { ...next[i]!, declared: { ...next[i]!.declared, date: `2024-0${1 + Math.floor(random() * 9)}-${String(day).padStart(2, '0')}` } };
    } else if (op === 'wire copy') {
      // a near copy of an article under a new name: syndication groups it with the original
      const s = pick(next);
      next.push({ id: `${s.id}-copy${step}`, text: `${s.text.trimEnd()}\n\n${pick(EDITS)}\n`, declared: random() < 0.5 ? { date: '2024-05-0' + (1 + Math.floor(random() * 9)) } : {} });
    } else {
      // drop a copy (or any article) with a stated date: its group's undated copies lose theirs
      const dated = articles.filter((a) => a.statedDate && a.syndicatedWith.length > 0);
      const victim = dated.length > 0 ? pick(dated).id : pick(next).id;
      next.splice(next.findIndex((s) => s.id === victim), 1);
    }
    next.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const nextArticles = assembleArticles(next.map(extraction));
    const full = deriveCorpus(nextArticles);
    const inc = deriveIncremental({ articles, derived }, nextArticles);
    expect(answers(inc), `step ${step} (${op})`).toEqual(answers(full));
    expect(JSON.stringify(answers(inc)), `step ${step} (${op}), as JSON`).toBe(JSON.stringify(answers(full)));
    const change = corpusChange(articles, nextArticles);
    if (change && change.added.length + change.removed.length <= 0.25 * nextArticles.length) incremental++;
    const before = new Set(derived.claims);
    reusedClaims += inc.claims.filter((c) => before.has(c)).length;
    corpus = next;
    articles = nextArticles;
    derived = inc;
  }
  return { incremental, reusedClaims };
}

describe('deriving answers incrementally', () => {
  it('GIVEN random changes to the seeds and the crisis passages THEN every step equals a full derivation', () => {
    const pool = [...seeds(), ...crisis()];
    const r = run(pool, 60, 40, 1);
    expect(r.incremental).toBeGreaterThan(20);
    expect(r.reusedClaims).toBeGreaterThan(0);
  }, 240_000);

  it('GIVEN random changes to a generated slice (wire copies, dates from syndication) THEN every step equals a full derivation', () => {
    const r = run(generated(160), 120, 25, 2);
    expect(r.incremental).toBeGreaterThan(12);
    expect(r.reusedClaims).toBeGreaterThan(0);
  }, 240_000);

  it('GIVEN another seed on the generated slice THEN every step equals a full derivation', () => {
    run(generated(160), 100, 20, 3);
  }, 240_000);

  it('GIVEN a regrouping change THEN the articles whose date or group changed count as touched', () => {
    const pool = generated(300);
    const before = assembleArticles(pool.map(extraction));
    const copy = before.find((a) => a.dateSource === 'syndication');
    expect(copy).toBeDefined();
    // drop the dated members of its group: the copy's date changes, though its file did not
    const group = new Set([copy!.id, ...copy!.syndicatedWith]);
    const after = assembleArticles(pool.filter((s) => !group.has(s.id) || s.id === copy!.id).map(extraction));
    const change = corpusChange(before, after)!;
    expect(change.added.map((a) => a.id)).toContain(copy!.id);
    expect(change.removed.map((a) => a.id)).toContain(copy!.id);
    expect(answers(deriveIncremental({ articles: before, derived: deriveCorpus(before) }, after))).toEqual(answers(deriveCorpus(after)));
  }, 120_000);

  it('GIVEN the untouched articles in another order THEN it derives in full', () => {
    const articles = assembleArticles(seeds().map(extraction));
    expect(corpusChange(articles, [...articles].reverse())).toBeNull();
    const reversed = [...articles].reverse();
    expect(answers(deriveIncremental({ articles, derived: deriveCorpus(articles) }, reversed))).toEqual(answers(deriveCorpus(reversed)));
  });
});
