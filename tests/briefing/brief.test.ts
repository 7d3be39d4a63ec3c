/**
 * The brief on real text: points cite every article printing them (or a near
 * duplicate), and only those; clusters are what a scan over every statement finds.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefCorpusStats, buildBrief } from '../../src/briefing/brief.js';
import { mergeFigureClaims } from '../../src/briefing/claims.js';
import { BriefStatements, SAME_STATEMENT } from '../../src/briefing/statements.js';
import { contentWords, jaccard } from '../../src/briefing/text.js';
import type { Article } from '../../src/core/types.js';
import { extractArticle } from '../../src/extract/article.js';
import { assembleArticles } from '../../src/index/assemble.js';
import { CRISIS, crisisFiles, doc, extractFile } from '../helpers.js';

const words = (text: string) => new Set(contentWords(text));

/** Three reports that differ only in the town, and one unrelated. */
const TOWNS = ['Goma', 'Uvira', 'Bukavu'];
function townArticles(): Article[] {
  const rest = [
    'Rescue teams from Kenya arrived on the third day with heavy equipment, search dogs and several field kitchens for the volunteers. The regional governor ordered all schools in the province closed until further notice.',
    'Aid convoys were held up for hours at a checkpoint where soldiers demanded paperwork nobody had been told about. Fuel prices at the only open station doubled overnight, drivers said.',
    'A cargo plane carrying tents and water purification tablets landed late on Tuesday after two failed attempts in heavy fog. Officials promised a full count of the missing within days.',
  ];
  const texts = TOWNS.map((town, i) => `People in ${town} were lifting sheets on bodies to try to identify loved ones. ${rest[i]}`);
  texts.push('Fishermen on the lake reported unusually calm water and clear skies throughout the whole week before the storm.');
  return assembleArticles(texts.map((t, i) => extractArticle(doc(t, `town-${i}`))));
}

let crisis: Article[];
beforeAll(() => {
  crisis = assembleArticles(crisisFiles().map((f) => extractFile(path.join(CRISIS, f))));
});

describe('BriefStatements', () => {
  it('GIVEN real articles THEN every cluster member is a near duplicate of its representative, representatives are not, and no near duplicate is left out', () => {
    const statements = new BriefStatements(crisis);
    const { ranked } = statements.cluster(null, () => false);
    const inCluster = new Set<number>();
    for (const c of ranked) {
      expect(c.members[0]).toBe(c.representative);
      for (const k of c.members) {
        expect(statements.similarity(c.representative, k)).toBeGreaterThanOrEqual(SAME_STATEMENT);
        expect(inCluster.has(k)).toBe(false);
        inCluster.add(k);
      }
    }
    // every statement is in exactly one cluster
    expect(inCluster.size).toBe(statements.statements);
    const reps = ranked.map((c) => c.representative);
    for (let i = 0; i < reps.length; i++) for (let j = i + 1; j < reps.length; j++) expect(statements.similarity(reps[i]!, reps[j]!)).toBeLessThan(SAME_STATEMENT);
    // scores: best first
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
  });

  it('GIVEN a sentence filter THEN clusters hold only allowed sentences, found both through the word lists and by a scan of a small topic', () => {
    const statements = new BriefStatements(crisis);
    const allowedArticles = [0, 3, 7];
    const test = (ai: number, si: number) => allowedArticles.includes(ai) && si % 2 === 0;
    const { ranked, sentencesOf } = statements.cluster({ articles: allowedArticles, test }, () => false);
    expect(ranked.length).toBeGreaterThan(0);
    let sentences = 0;
    for (const c of ranked) {
      for (const s of sentencesOf(c)) {
        const ai = statements.articleOf(s);
        expect(test(ai, s - statements.sentenceStart[ai]!)).toBe(true);
        sentences++;
      }
    }
    const expected = allowedArticles.reduce((n, ai) => n + crisis[ai]!.sentences.filter((s) => s.index % 2 === 0 && statements.statementOf[statements.sentenceStart[ai]! + s.index]! >= 0).length, 0);
    expect(sentences).toBe(expected);
  });

  it('GIVEN the same sentence with a different town in three reports THEN it is one cluster of three independent reports', () => {
    const articles = townArticles();
    const statements = new BriefStatements(articles);
    const { ranked } = statements.cluster(null, () => false);
    const people = ranked.find((c) => c.members.length === 3);
    expect(people?.groups).toBe(3);
    expect(ranked[0]).toBe(people);
  });
});

describe('buildBrief', () => {
  it('GIVEN real articles THEN 5-8 points, each source a different article printing the point or a near duplicate of it', () => {
    const claims = mergeFigureClaims(crisis);
    const points = buildBrief(crisis, claims, { stats: briefCorpusStats(crisis) });
    expect(points.length).toBeGreaterThanOrEqual(5);
    expect(points.length).toBeLessThanOrEqual(8);
    for (const p of points) {
      const ids = p.sources.map((s) => s.article);
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of p.sources) expect(crisis.find((a) => a.id === s.article)!.body.slice(s.start, s.end)).toBe(s.quote);
      if (/sources disagree/.test(p.text)) continue;
      expect(p.sources[0]!.quote).toBe(p.text);
      for (const s of p.sources) expect(jaccard(words(s.quote), words(p.text))).toBeGreaterThanOrEqual(SAME_STATEMENT);
    }
  });

  it('GIVEN reports differing only in the town THEN the point cites all three', () => {
    const articles = townArticles();
    const points = buildBrief(articles, [], { minPoints: 1 });
    const people = points.find((p) => /lifting sheets/.test(p.text));
    expect(people?.sources.map((s) => s.article).sort()).toEqual(['town-0', 'town-1', 'town-2']);
    expect(points[0]).toBe(people);
  });

  it('GIVEN a topic THEN its brief cites only the allowed sentences', () => {
    const articles = townArticles();
    const allowed = new Set(['0:0', '2:0', '2:2']);
    const points = buildBrief(articles, [], { allowed, minPoints: 1 });
    const cited = points.flatMap((p) => p.sources.map((s) => s.article)).sort();
    expect(cited).toEqual(['town-0', 'town-2', 'town-2']);
    expect(points.find((p) => /lifting sheets/.test(p.text))?.sources).toHaveLength(2);
  });

  it('GIVEN the statistics computed before THEN the brief is the one computed without them', () => {
    const claims = mergeFigureClaims(crisis);
    expect(buildBrief(crisis, claims, { stats: briefCorpusStats(crisis) })).toEqual(buildBrief(crisis, claims));
  });
});
