/**
 * The brief on real text: points cite every article printing them (or a near
 * duplicate), and only those; clusters are what a scan over every statement finds.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefCorpusStats, briefStatsOf, buildBrief, disagreementPoint, disagreementPoints } from '../../src/briefing/brief.js';
import { sentenceRef } from '../../src/briefing/sources.js';
import { generateArticle } from '../../bench/generate.js';
import { KIND_ORDER, mergeFigureClaims } from '../../src/briefing/claims.js';
import { BriefStatements, SAME_STATEMENT } from '../../src/briefing/statements.js';
import { contentWords, jaccard } from '../../src/briefing/text.js';
import type { Article, FigureClaim, FigureKind, SourceRef } from '../../src/core/types.js';
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

let generatedSlice: Article[] | null = null;
/** 200 articles of the benchmark's generator (seed 7). */
function generated(): Article[] {
  return (generatedSlice ??= assembleArticles(Array.from({ length: 200 }, (_, i) => {
    const g = generateArticle(7, i);
    return extractArticle(doc(g.text, g.fileName.replace(/\.txt$/, '')));
  })));
}

/** A topic's sentences both ways: as a test with the articles holding them, and as a list of global sentence numbers (shuffled). */
function allowedBothWays(articles: readonly Article[], pick: (ai: number, si: number) => boolean, seed: number) {
  const start = [0];
  articles.forEach((a, i) => start.push(start[i]! + a.sentences.length));
  const sentence: number[] = [];
  const article: number[] = [];
  const allowedArticles: number[] = [];
  articles.forEach((a, ai) => {
    let any = false;
    a.sentences.forEach((_, si) => {
      if (!pick(ai, si)) return;
      sentence.push(start[ai]! + si);
      article.push(ai);
      any = true;
    });
    if (any) allowedArticles.push(ai);
  });
  // any order: a deterministic shuffle
  let x = seed;
  for (let i = sentence.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [sentence[i], sentence[j]] = [sentence[j]!, sentence[i]!];
    [article[i], article[j]] = [article[j]!, article[i]!];
  }
  return { sentences: { sentence, article }, isAllowed: pick, allowedArticles };
}

/** A brief as plain data (sources' passages read). */
const plainBrief = (points: readonly { text: string; sources: readonly object[] }[]) => JSON.parse(JSON.stringify(points)) as unknown;

describe('topic briefs from a list of sentences', () => {
  it.each(['crisis', 'generated'])('GIVEN the allowed sentences of %s articles as a list in any order THEN the brief is the one the per-sentence test gives', (which) => {
    // generated articles have wire copies (syndication groups): the visit order counts reports
    const articles = which === 'crisis' ? crisis : generated();
    const claims = mergeFigureClaims(articles);
    const stats = briefCorpusStats(articles);
    expect(stats.nGroups).toBeLessThan(which === 'crisis' ? articles.length + 1 : articles.length);
    const picks: ((ai: number, si: number) => boolean)[] = [
      (ai, si) => (ai * 7 + si) % 3 === 0,
      (ai, si) => ai % 2 === 0 && si < 6,
      (ai) => ai % 5 === 1,
      (_ai, si) => si % 4 !== 2,
    ];
    picks.forEach((pick, n) => {
      const both = allowedBothWays(articles, pick, n + 1);
      expect(both.sentences.sentence.length).toBeGreaterThan(0);
      const viaTest = buildBrief(articles, claims, { isAllowed: both.isAllowed, allowedArticles: both.allowedArticles, stats });
      const viaList = buildBrief(articles, claims, { sentences: both.sentences, stats });
      expect(viaList.length).toBeGreaterThan(0);
      expect(plainBrief(viaList)).toEqual(plainBrief(viaTest));
    });
  });

  it('GIVEN a brief THEN each source equals sentenceRef of its article and sentence, and reading it gives the article text', () => {
    const points = buildBrief(crisis, mergeFigureClaims(crisis));
    const byId = new Map(crisis.map((a) => [a.id, a]));
    let checked = 0;
    for (const p of points.slice(2)) {
      for (const s of p.sources) {
        const a = byId.get(s.article)!;
        const si = a.sentences.findIndex((x) => x.start === s.start && x.end === s.end);
        expect(si).toBeGreaterThanOrEqual(0);
        expect(s).toEqual(sentenceRef(a, si));
        expect({ ...s }).toEqual(sentenceRef(a, si));
        expect(JSON.stringify(s)).toBe(JSON.stringify(sentenceRef(a, si)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('GIVEN the statements as data (what a snapshot stores) THEN briefs from them are the same', () => {
    const claims = mergeFigureClaims(crisis);
    const prepared = new BriefStatements(crisis);
    const copy = (x: ReturnType<BriefStatements['data']>) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, ArrayBuffer.isView(v) ? (v as Int32Array).slice() : Array.isArray(v) ? [...(v as string[])] : v]));
    const again = new BriefStatements(copy(prepared.data()) as unknown as ReturnType<BriefStatements['data']>);
    expect(again.statements).toBe(prepared.statements);
    const both = allowedBothWays(crisis, (ai, si) => (ai + si) % 2 === 0, 3);
    for (const opts of [{}, { sentences: both.sentences }]) {
      const a = buildBrief(crisis, claims, { ...opts, stats: briefStatsOf(crisis, prepared) });
      const b = buildBrief(crisis, claims, { ...opts, stats: briefStatsOf(crisis, again) });
      expect(plainBrief(b)).toEqual(plainBrief(a));
    }
    expect(briefStatsOf(crisis, again).df).toEqual(briefCorpusStats(crisis).df);
  });
});

describe('near duplicates of a topic brief', () => {
  /** Clusters as plain data, members in a fixed order (the order they were found in is not part of a cluster). */
  const plainClusters = (ranked: readonly { representative: number; members: number[]; first: number; groups: number; score: number }[]) =>
    ranked.map((c) => ({ ...c, members: [c.members[0], ...c.members.slice(1).sort((x, y) => x - y)] }));

  it.each(['crisis', 'generated'])('GIVEN allowed sentences of %s articles THEN every cluster found through the prefix index is the one a scan of the allowed statements finds', (which) => {
    const articles = which === 'crisis' ? crisis : generated();
    const statements = new BriefStatements(articles);
    const picks: ((ai: number, si: number) => boolean)[] = [
      () => true,
      (ai, si) => (ai * 7 + si) % 3 === 0,
      (ai, si) => ai % 2 === 0 && si < 6,
      (ai) => ai % 5 === 1,
      (_ai, si) => si % 4 !== 2,
    ];
    let multi = 0;
    picks.forEach((pick, n) => {
      const { sentences } = allowedBothWays(articles, pick, n + 1);
      const indexed = statements.cluster({ sentences }, () => false);
      const scanned = statements.cluster({ sentences }, () => false, { scan: true });
      expect(indexed.ranked.length).toBeGreaterThan(0);
      expect(plainClusters(indexed.ranked)).toEqual(plainClusters(scanned.ranked));
      multi += indexed.ranked.filter((c) => c.members.length > 1).length;
    });
    // near duplicates were found, not only singletons (the crisis passages have none); the generated slice is
    // large enough that word use is counted on a sample (more than 1,024 statements allowed with every sentence)
    if (which === 'generated') {
      expect(multi).toBeGreaterThan(10);
      expect(statements.statements).toBeGreaterThan(2 * 1024);
    }
  });

  it('GIVEN many near duplicates differing in one word THEN the index finds each one (the topic\'s words in every sentence)', () => {
    // every sentence shares the topic's words; they differ in one or two other words
    const towns = ['Goma', 'Uvira', 'Bukavu', 'Kalehe', 'Minova', 'Sake', 'Rutshuru', 'Beni'];
    const texts = towns.map((town, i) =>
      [
        `The Red Cross said people in ${town} were lifting sheets on bodies to identify loved ones.`,
        `The Red Cross said rescuers in ${town} worked through the night with ${i % 2 ? 'dogs' : 'cranes'} and lamps.`,
        `The Red Cross said the road to ${town} was closed by a landslide on ${i % 3 ? 'Monday' : 'Tuesday'} morning.`,
      ].join(' '),
    );
    const articles = assembleArticles(texts.map((t, i) => extractArticle(doc(t, `rc-${i}`))));
    const statements = new BriefStatements(articles);
    const { sentences } = allowedBothWays(articles, () => true, 5);
    const indexed = statements.cluster({ sentences }, () => false);
    const scanned = statements.cluster({ sentences }, () => false, { scan: true });
    expect(plainClusters(indexed.ranked)).toEqual(plainClusters(scanned.ranked));
    expect(indexed.ranked.some((c) => c.members.length >= 4)).toBe(true);
  });

  it.each(['crisis', 'generated'])('GIVEN topic briefs of %s articles THEN the brief from sentences in document order, through the prefix index, is the one a per-sentence test and a scan give', (which) => {
    const articles = which === 'crisis' ? crisis : generated();
    const claims = mergeFigureClaims(articles);
    const stats = briefCorpusStats(articles);
    [(ai: number, si: number) => (ai + si) % 2 === 0, (ai: number) => ai % 3 !== 0, () => true].forEach((pick, n) => {
      const both = allowedBothWays(articles, pick, n + 11);
      // in document order, as a search lists them (the visit then sorts articles, not sentences)
      const order = both.sentences.sentence.map((_, i) => i).sort((i, j) => both.sentences.sentence[i]! - both.sentences.sentence[j]!);
      const inOrder = { sentence: order.map((i) => both.sentences.sentence[i]!), article: order.map((i) => both.sentences.article[i]!) };
      const fast = buildBrief(articles, claims, { sentences: inOrder, stats });
      const scanned = buildBrief(articles, claims, { isAllowed: both.isAllowed, allowedArticles: both.allowedArticles, stats, scan: true });
      expect(fast.length).toBeGreaterThan(0);
      expect(plainBrief(fast)).toEqual(plainBrief(scanned));
    });
  });
});

describe('disagreementPoints', () => {
  /** The straightforward version: group by kind, drop increments, the five most reported of each kind by a stable sort. */
  function reference(claims: readonly FigureClaim[], maxPoints: number) {
    const INCREMENT = /\b(?:additional|extra|more|further|another|new|fresh|reinforcements)\b/i;
    const kinds: FigureKind[] = ['killed', 'wounded', 'casualties', 'missing', 'captured', 'deployed', 'displaced'];
    const points: { weight: number; point: { text: string; sources: SourceRef[] } }[] = [];
    for (const kind of KIND_ORDER) {
      if (!kinds.includes(kind)) continue;
      const list = claims.filter((c) => c.kind === kind && !INCREMENT.test(c.subject ?? '') && !INCREMENT.test(c.qualifier ?? ''));
      if (list.length < 2 || list.every((c) => c.low === list[0]!.low && c.high === list[0]!.high)) continue;
      const top = [...list].sort((a, b) => b.independentReports - a.independentReports || b.high - a.high).slice(0, 5);
      // the wording is shared (disagreementPoint, tested on its own below); what is checked here is which claims are chosen
      points.push(disagreementPoint(kind, top));
    }
    return points
      .sort((a, b) => b.weight - a.weight)
      .slice(0, maxPoints)
      .map((p) => p.point);
  }

  it('GIVEN claims of one kind THEN one point: same numbers grouped by claimant, unattributed said so, two sources each, weighted by reports', () => {
    const src = (article: string): SourceRef => ({ article, quote: `q ${article}`, start: 0, end: 3, publisher: null, title: null, url: null, date: null });
    const claim = (low: number, claimedBy: string | null, reports: number, articles: string[], qualifier: string | null = null): FigureClaim => ({
      kind: 'killed', low, high: low, approximate: qualifier !== null, qualifier, subject: low === 40 ? 'civilians' : null, claimedBy,
      claimDate: null, claimWhen: null, reportedOn: null, sources: articles.map(src), independentReports: reports,
    });
    const top = [claim(40, 'the health ministry', 3, ['a', 'b', 'c']), claim(40, 'police', 2, ['d']), claim(25, null, 1, ['e']), claim(30, 'the army', 1, ['f'], 'at least')];
    const { weight, point } = disagreementPoint('killed', top);
    expect(point.text).toBe('Killed (civilians), sources disagree: 40 per the health ministry and police; 25 (unattributed); at least 30 per the army.');
    expect(point.sources.map((r) => r.article)).toEqual(['a', 'b', 'd', 'e', 'f']);
    expect(weight).toBe(7);
  });

  it.each(['crisis', 'generated'])('GIVEN the claims of %s articles, all or a subset by position THEN the points are the straightforward ones', (which) => {
    const claims = mergeFigureClaims(which === 'crisis' ? crisis : generated());
    let made = 0;
    for (const keep of [() => true, (i: number) => i % 2 === 0, (i: number) => i % 7 < 3, (i: number) => i < 12]) {
      const positions = claims.map((_, i) => i).filter(keep);
      const subset = positions.map((i) => claims[i]!);
      for (const max of [2, 3]) {
        const expected = reference(subset, max);
        expect(disagreementPoints(subset, max)).toEqual(expected);
        // twice through positions: the codes noted the first time are reused
        expect(disagreementPoints(claims, max, Uint32Array.from(positions))).toEqual(expected);
        expect(disagreementPoints(claims, max, positions)).toEqual(expected);
        made += expected.length;
      }
    }
    expect(made).toBeGreaterThan(4);
  });
});
