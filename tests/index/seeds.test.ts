/**
 * The engine on the five seed articles: what "done" means for the briefing engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBriefingIndex } from '../../src/index/load.js';
import type { BriefingIndex } from '../../src/index/briefingIndex.js';
import { SEEDS } from '../helpers.js';

let index: BriefingIndex;
beforeAll(async () => {
  index = await loadBriefingIndex({ corpusDir: SEEDS, cacheDir: null, clock: () => new Date('2026-01-01T00:00:00Z') });
});

const claim = (kind: string, low: number, high = low) => index.figures().filter((c) => c.kind === kind && c.low === low && c.high === high);

describe('sources on the seeds', () => {
  it('GIVEN the seeds THEN five articles, with 000 and 004 grouped as one AP wire story', () => {
    const a = (id: string) => index.article(id)!;
    expect(index.articles()).toHaveLength(5);
    expect(a('000_357d44f1acaf523f').syndicatedWith).toEqual(['004_815e43deffc838b1']);
    expect(a('004_815e43deffc838b1').syndicatedWith).toEqual(['000_357d44f1acaf523f']);
    expect(a('000_357d44f1acaf523f').groupId).toBe(a('004_815e43deffc838b1').groupId);
    for (const id of ['001_debecc4f8dbd1735', '002_df10cff95ed2165f', '003_d1f3a4ea73cfd1a9']) expect(a(id).syndicatedWith).toEqual([]);
  });

  it('GIVEN a date line in 004 THEN it is dated from the text, and its wire copy 000 by syndication; the others stay undated (never today, never mtime)', () => {
    const a = (id: string) => index.article(id)!;
    expect(a('004_815e43deffc838b1')).toMatchObject({ date: { year: 2025, month: 4, day: 28 }, dateSource: 'text' });
    expect(a('000_357d44f1acaf523f')).toMatchObject({ date: { year: 2025, month: 4, day: 28 }, dateSource: 'syndication' });
    expect(a('001_debecc4f8dbd1735')).toMatchObject({ date: null, dateSource: 'bound', notBefore: { year: 2024, month: 6 } });
    expect(a('002_df10cff95ed2165f').date).toBeNull();
    expect(a('003_d1f3a4ea73cfd1a9').date).toBeNull();
  });

  it('GIVEN page furniture THEN publishers and titles are inferred where the text shows them', () => {
    expect(index.article('000_357d44f1acaf523f')).toMatchObject({ publisher: 'Express & Star', title: 'North Korea confirms it sent troops to help Russia in Ukraine' });
    expect(index.article('004_815e43deffc838b1')!.publisher).toBe('AP');
    expect(index.article('002_df10cff95ed2165f')!.publisher).toBe('Al Jazeera');
    expect(index.article('003_d1f3a4ea73cfd1a9')).toMatchObject({ title: 'North Korea has sent more troops to Russia, says Seoul', byline: 'Rory Sullivan' });
  });
});

describe('figures on the seeds', () => {
  it('GIVEN the seeds THEN exactly the eleven distinct casualty and troop claims, each with its claimant', () => {
    const expected: [string, number, number, RegExp][] = [
      ['deployed', 10000, 12000, /US, South Korean and Ukrainian intelligence officials/],
      ['deployed', 3000, 3000, /South Korea.s military/],
      ['casualties', 4000, 4000, /South Korea.s Joint Chiefs/],
      ['casualties', 4000, 4000, /Zelensky/],
      ['casualties', 1200, 1200, /U\.?S\.? estimates/],
      ['killed', 300, 300, /National Intelligence Service/],
      ['wounded', 2700, 2700, /National Intelligence Service/],
      ['deployed', 14000, 14000, /Ukrainian officials/],
      ['deployed', 3000, 3000, /Ukrainian officials/],
      ['deployed', 1000, 3000, /JoongAng Ilbo/],
      ['deployed', 12000, 12000, /Ukrainian, South Korean and US intelligence officials/],
    ];
    const all = index.figures();
    expect(all).toHaveLength(11);
    for (const [kind, low, high, who] of expected) {
      const found = claim(kind, low, high).filter((c) => who.test(c.claimedBy ?? ''));
      expect(found, `${kind} ${low}-${high} ${who}`).toHaveLength(1);
    }
  });

  it('GIVEN one claim printed by several outlets THEN one claim with all its sources, and wire copies count once', () => {
    const jcs = claim('casualties', 4000).find((c) => /Joint Chiefs/.test(c.claimedBy ?? ''))!;
    expect(jcs.sources.map((s) => s.article).sort()).toEqual(['000_357d44f1acaf523f', '001_debecc4f8dbd1735', '004_815e43deffc838b1']);
    expect(jcs.independentReports).toBe(2);
    expect(jcs.approximate).toBe(true);
    expect(jcs.subject).toBe('North Korean soldiers');
  });

  it('GIVEN "In March, South Korea\'s military said" in an April 2025 article THEN the claim is dated 2025-03', () => {
    const extra = claim('deployed', 3000).find((c) => /military/.test(c.claimedBy ?? ''))!;
    expect(extra.claimDate).toBe('2025-03');
  });

  it('GIVEN any claim THEN every source quote is verbatim from its article', () => {
    for (const c of index.figures()) {
      for (const s of c.sources) {
        const a = index.article(s.article)!;
        expect(a.body.slice(s.start, s.end)).toBe(s.quote);
        expect(s.quote).toContain(c.low.toLocaleString('en-US').replace(/,000$/, ''));
      }
    }
  });

  it('GIVEN the casualty kinds THEN deployments are excluded', () => {
    const kinds = new Set(index.figures({ kinds: ['killed', 'wounded', 'casualties', 'missing', 'captured'] }).map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['casualties', 'killed', 'wounded']);
  });
});

describe('timeline on the seeds', () => {
  const dated = () => index.timeline().events;
  it('GIVEN the seeds THEN the June 2024 treaty, autumn 2024 deployment, March 2025 events and the 2025-04-28 confirmation are placed', () => {
    const has = (date: string, re: RegExp) => dated().some((e) => e.date === date && re.test(e.text));
    expect(has('2024-06', /treaty|June 2024/)).toBe(true);
    expect(has('2024-FA', /last fall/)).toBe(true);
    expect(has('2025-03', /In March/)).toBe(true);
    expect(has('2025-04-28', /confirmed Monday/)).toBe(true);
  });

  it('GIVEN undated articles THEN their relative dates stay unresolved and are listed as written', () => {
    const undatedIds = new Set(['001_debecc4f8dbd1735', '002_df10cff95ed2165f', '003_d1f3a4ea73cfd1a9']);
    for (const e of dated()) {
      // an undated article may only contribute absolute dates (with a year)
      if (e.sources.every((s) => undatedIds.has(s.article))) expect(e.when, e.text).toMatch(/\d{4}/);
    }
    const und = index.timeline().undated;
    expect(und.some((e) => e.when === 'last fall' && e.sources[0]!.article === '001_debecc4f8dbd1735')).toBe(true);
    expect(und.some((e) => /January/.test(e.when) && e.sources[0]!.article === '002_df10cff95ed2165f')).toBe(true);
  });

  it('GIVEN dated events THEN none is placed after its article was published', () => {
    for (const e of dated()) {
      for (const s of e.sources) if (s.date) expect(e.date.slice(0, 10) <= s.date || e.date.length < s.date.length, `${e.date} ${e.text}`).toBe(true);
    }
  });

  it('GIVEN the same sentence in two wire copies THEN one event with two sources', () => {
    const e = dated().find((x) => x.date === '2025-03' && /additional troops/.test(x.text))!;
    expect(e.sources.map((s) => s.article).sort()).toEqual(['000_357d44f1acaf523f', '004_815e43deffc838b1']);
  });
});

describe('quotes on the seeds', () => {
  it('GIVEN the same Kim quote printed by three outlets with different spellings THEN one quote with three sources', () => {
    const q = index.quotes().find((x) => /They who fought for justice/.test(x.text))!;
    expect(q.sources.map((s) => s.article).sort()).toEqual(['000_357d44f1acaf523f', '001_debecc4f8dbd1735', '004_815e43deffc838b1']);
    expect(q.speaker).toMatch(/Kim/);
  });

  it('GIVEN any quote THEN its words appear verbatim in each source passage', () => {
    for (const q of index.quotes()) {
      const s = q.sources[0]!;
      expect(index.article(s.article)!.body.slice(s.start, s.end)).toBe(s.quote);
      expect(s.quote).toContain(q.text);
    }
  });

  it('GIVEN a misspelt speaker THEN fuzzy lookup finds them', () => {
    expect(index.quotes({ speaker: 'Kim' }).length).toBeGreaterThanOrEqual(2);
  });
});

describe('search and brief on the seeds', () => {
  it('GIVEN misspelt names THEN fuzzy search still finds them, ranked', () => {
    const z = index.search('Zelenskiy');
    expect(z.length).toBeGreaterThan(0);
    expect(z[0]!.quote).toMatch(/Zelensk/);
    expect(index.search('Pyongyan')[0]!.quote).toMatch(/Pyongyang/);
  });

  it('GIVEN a query THEN each hit cites its article and a verbatim sentence', () => {
    for (const h of index.search('casualties')) {
      expect(index.article(h.article)!.body).toContain(h.quote);
      expect(h.score).toBeGreaterThan(0);
    }
  });

  it('GIVEN the seeds THEN the brief has 5-8 sourced points and states the casualty disagreement', () => {
    const points = index.brief();
    expect(points.length).toBeGreaterThanOrEqual(5);
    expect(points.length).toBeLessThanOrEqual(8);
    for (const p of points) expect(p.sources.length).toBeGreaterThan(0);
    const disagreement = points.find((p) => /disagree/.test(p.text) && /4,000/.test(p.text) && /1,200/.test(p.text));
    expect(disagreement?.text).toMatch(/Joint Chiefs/);
    // no two points say the same thing
    const texts = points.map((p) => p.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('GIVEN a topic THEN the brief only uses sentences about it', () => {
    const points = index.brief({ topic: 'Shoigu' });
    expect(points.length).toBeGreaterThan(0);
    expect(points.some((p) => /Shoigu/.test(p.text))).toBe(true);
    expect(index.brief({ topic: 'qwertyzzz' })).toEqual([]);
  });

  it('GIVEN a prefix THEN autocomplete offers at most 25 entity names', () => {
    const s = index.suggest('entity', 'Zel');
    expect(s.some((n) => /Zelensk/.test(n))).toBe(true);
    expect(index.suggest('topic', '').length).toBeLessThanOrEqual(25);
  });
});
