import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { describeArticle, generateArticle, runCli, writeCorpus, type ArticleInfo } from '../../bench/generate.js';

const SEED = 42;

/** What a reader sees, computed independently of the generator: no front matter, head, scripts or tags; entities decoded. */
function visibleText(text: string): string {
  let s = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  s = s
    .replace(/<head>[\s\S]*?<\/head>/gi, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', rsquo: '\u2019', lsquo: '\u2018', ldquo: '\u201c', rdquo: '\u201d', mdash: '\u2014', copy: '\u00a9', nbsp: ' ' };
  return s.replace(/&([a-z]+);/g, (m, name: string) => entities[name] ?? m);
}
const wordCount = (text: string) => visibleText(text).split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;

/** Word 5-shingle Jaccard similarity, quote marks normalised. */
function similarity(a: string, b: string): number {
  const shingles = (t: string) => {
    const words = visibleText(t).toLowerCase().replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'").split(/\s+/).filter(Boolean);
    const set = new Set<string>();
    for (let i = 0; i + 5 <= words.length; i++) set.add(words.slice(i, i + 5).join(' '));
    return set;
  };
  const x = shingles(a);
  const y = shingles(b);
  let inter = 0;
  for (const s of x) if (y.has(s)) inter++;
  return inter / (x.size + y.size - inter);
}

/** 400 articles spread over a 100,000-article corpus, plus the first 100. */
const SAMPLE_INDICES = [...Array.from({ length: 100 }, (_, i) => i), ...Array.from({ length: 300 }, (_, i) => 137 + i * 331)];
let sample: { index: number; text: string; visible: string; info: ArticleInfo }[] = [];

beforeAll(() => {
  sample = SAMPLE_INDICES.map((index) => {
    const { article, info } = describeArticle(SEED, index);
    return { index, text: article.text, visible: visibleText(article.text), info };
  });
});

describe('generateArticle', () => {
  it('GIVEN the same seed and index THEN it returns the identical article, whatever was generated before', () => {
    const first = [5, 77, 4321, 99_999].map((i) => generateArticle(SEED, i));
    for (let i = 0; i < 50; i++) generateArticle(7, i); // other seeds and indices in between
    const again = [99_999, 4321, 77, 5].map((i) => generateArticle(SEED, i)).reverse();
    expect(again).toEqual(first);
  });

  it('GIVEN different indices or seeds THEN articles and file names differ', () => {
    const texts = new Set(sample.map((s) => s.text));
    expect(texts.size).toBe(sample.length);
    const names = new Set(sample.map((s) => s.info.fileName));
    expect(names.size).toBe(sample.length);
    expect(generateArticle(1, 10).text).not.toBe(generateArticle(2, 10).text);
  });

  it('names files by zero-padded index with a txt, md or html extension', () => {
    expect(generateArticle(SEED, 12).fileName).toMatch(/^000012_[0-9a-f]{16}\.(txt|md|html)$/);
  });

  it('GIVEN a sample of 200 articles THEN each has 600-900 visible words, as the generator reports', () => {
    for (const s of sample.slice(0, 200)) {
      const n = wordCount(s.text);
      expect(n, `article ${s.index}`).toBeGreaterThanOrEqual(600);
      expect(n, `article ${s.index}`).toBeLessThanOrEqual(900);
      expect(s.info.words, `article ${s.index}`).toBe(n);
    }
  });

  it('leaves no unfilled template slots or undefined values', () => {
    for (const s of sample) {
      expect(s.visible, `article ${s.index}`).not.toMatch(/\{[a-zA-Z_]+\}|undefined|NaN/);
    }
  });
});

describe('feature classes across the sample', () => {
  const all = () => sample.map((s) => s.visible).join('\n');

  it('plants figures of every kind, and every planted figure is written in its article', () => {
    const kinds = new Set<string>();
    for (const s of sample) {
      expect(s.info.figures.length, `article ${s.index}`).toBeGreaterThan(0); // the lede always carries one
      for (const f of s.info.figures) {
        kinds.add(f.kind);
        // as written, but for a capital at the start of a sentence
        expect(s.visible.toLowerCase(), `article ${s.index}: ${f.text}`).toContain(f.text.toLowerCase());
        expect(f.low).toBeLessThanOrEqual(f.high);
      }
    }
    expect([...kinds].sort()).toEqual(['captured', 'casualties', 'deployed', 'displaced', 'killed', 'missing', 'wounded']);
    const perArticle = sample.reduce((n, s) => n + s.info.figures.length, 0) / sample.length;
    expect(perArticle).toBeGreaterThan(8);
  });

  it('writes figures in many styles: qualifiers, ranges, words, attributed and unattributed', () => {
    const figs = sample.flatMap((s) => s.info.figures);
    const qualifiers = new Set(figs.map((f) => f.qualifier));
    for (const q of ['at least', 'about', 'as many as', 'up to', 'more than', 'between', 'nearly', null]) expect(qualifiers).toContain(q);
    expect(figs.some((f) => /^\d[\d,]* to \d/.test(f.text))).toBe(true); // "1,000 to 3,000"
    expect(figs.some((f) => /\d-\d/.test(f.text))).toBe(true); // "10,000-12,000"
    expect(figs.some((f) => /^(two|three|four|five|six|seven|eight|nine|ten)$/.test(f.text))).toBe(true);
    expect(figs.some((f) => / million$/.test(f.text) || f.low >= 100_000)).toBe(true);
    expect(figs.some((f) => f.claimedBy === null)).toBe(true);
    expect(figs.some((f) => f.claimedBy !== null && /spokes(man|woman|person) for/.test(f.claimedBy))).toBe(true);
    const text = all();
    expect(text).toMatch(/, the [a-z ]*ministry said\./);
    expect(text).toMatch(/according to /);
    expect(text).toMatch(/\bThey (reported|said)\b/); // pronoun sources
  });

  it('includes numbers that are not about people', () => {
    const text = all();
    expect(text).toMatch(/[$\u00a3\u20ac]\d/); // money
    expect(text).toMatch(/\d+(%| per cent| percent)/); // percentages
    expect(text).toMatch(/, \d{2}, an? [a-z]/); // ages: "Amina Haddad, 34, a teacher"
    expect(text).toMatch(/\b(19|20)\d\d\b/); // years
    expect(text).toMatch(/\d+ votes|by \d+ votes to \d+/); // votes
  });

  it('includes relative and absolute dates', () => {
    const text = all();
    expect(text).toMatch(/\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/);
    expect(text).toMatch(/\blast (fall|autumn|spring|summer)\b/);
    expect(text).toMatch(/\blast year\b|\bearlier this year\b/);
    expect(text).toMatch(/\bin (January|February|March|April|May|June|July|August|September|October|November|December)\b/);
    expect(text).toMatch(/\bon \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)\b/);
    expect(text).toMatch(/\bon (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b/);
  });

  it('includes quotes with speakers, with curly and straight marks', () => {
    const text = all();
    expect(text).toMatch(/\u201c[^\u201d]+,\u201d (said [A-Z]|[A-Z][a-z]+ [^.]* said)/);
    expect(text).toMatch(/"[^"]+," (said [A-Z]|[A-Z][a-z]+ [^.]* said)/);
    expect(text).toMatch(/ said: [\u201c"]/);
  });

  it('includes boilerplate: ads, share buttons, newsletters, captions with credits, comment notices', () => {
    const text = all();
    expect(text).toMatch(/^(Advertisement|ADVERTISEMENT|ARTICLE AD BOX)$/m);
    expect(text).toMatch(/Share this article|Share full article|^Share$/m);
    expect(text).toMatch(/newsletter/i);
    expect(text).toMatch(/\((Photo: )?[A-Za-z .-]+\/[A-Za-z .-]+\)|Photograph: |Image source, |Credit: /);
    expect(text).toMatch(/Sorry, we are not accepting comments on this article\.|Comments are closed\.|Comments have been disabled/);
  });

  it('makes about 10% of articles near-copies of an earlier article in the same story, under another outlet', () => {
    const copies = sample.filter((s) => s.info.syndicatedFrom !== null);
    expect(copies.length / sample.length).toBeGreaterThan(0.05);
    expect(copies.length / sample.length).toBeLessThan(0.16);
    for (const c of copies) {
      const src = describeArticle(SEED, c.info.syndicatedFrom!);
      expect(c.info.syndicatedFrom!).toBeLessThan(c.index);
      expect(src.info.syndicatedFrom).toBeNull();
      expect(c.info.story).toBe(src.info.story);
      expect(c.info.date).toBe(src.info.date);
      expect(c.info.outlet).not.toBe(src.info.outlet);
      expect(c.text).not.toBe(src.article.text);
      expect(similarity(c.text, src.article.text), `copy ${c.index} of ${c.info.syndicatedFrom}`).toBeGreaterThan(0.4);
    }
    // originals of the same story are not near-duplicates of each other
    const originals = sample.filter((s) => s.info.syndicatedFrom === null);
    const a = originals[0]!;
    const b = originals.find((s) => s !== a && s.info.story === a.info.story)!;
    expect(similarity(a.text, b.text)).toBeLessThan(0.2);
  });

  it('states the date in front matter (~60%), a date line (~20%) or not at all (~20%), matching the hidden date', () => {
    const share = (mode: ArticleInfo['dateMode']) => sample.filter((s) => s.info.dateMode === mode).length / sample.length;
    expect(share('frontmatter')).toBeGreaterThan(0.5);
    expect(share('frontmatter')).toBeLessThan(0.7);
    expect(share('line')).toBeGreaterThan(0.12);
    expect(share('none')).toBeGreaterThan(0.12);
    for (const s of sample) {
      const { date, dateMode, format } = s.info;
      if (dateMode === 'frontmatter' && format !== 'html') {
        const fm = /^---\n([\s\S]*?)\n---\n/.exec(s.text)?.[1] ?? '';
        expect(fm, `article ${s.index}`).toMatch(new RegExp(`^date: "?${date}(T\\d\\d:\\d\\d:\\d\\dZ)?"?$`, 'm'));
        const meta = parseYaml(fm) as Record<string, unknown>;
        expect(String(meta.date).slice(0, 10)).toBe(date);
        expect(meta.publisher).toBe(s.info.outlet);
        expect(typeof meta.title).toBe('string');
      }
      if (dateMode === 'frontmatter' && format === 'html') expect(s.text).toContain(`content="${date}T`);
      if (dateMode === 'line') {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
        expect(s.visible, `article ${s.index}`).toMatch(new RegExp(`date ${date}|Published:? (${d} ${month} ${y}|${month} ${d}, ${y})`));
      }
      if (dateMode === 'none') {
        expect(s.text.startsWith('---\n')).toBe(false);
        expect(s.visible).not.toMatch(/\bdate \d{4}-\d\d-\d\d|Published:? \d/);
      }
    }
  });

  it('writes some Markdown and a few HTML pages with scripts and navigation', () => {
    const md = sample.filter((s) => s.info.format === 'md');
    const html = sample.filter((s) => s.info.format === 'html');
    expect(md.length).toBeGreaterThan(20);
    expect(html.length).toBeGreaterThan(5);
    expect(md.every((s) => /^# /m.test(s.text))).toBe(true);
    expect(html.every((s) => s.text.includes('<script') && s.text.includes('<h1>'))).toBe(true);
    expect(html.some((s) => s.text.includes('<nav'))).toBe(true);
  });

  it('uses a large vocabulary of names, so posting lists are not degenerate', () => {
    const capitalised = new Set(all().match(/\b[A-Z][a-z]{3,}\b/g));
    expect(capitalised.size).toBeGreaterThan(2500);
    const stories = new Set(sample.map((s) => s.info.story));
    expect(stories.size).toBeGreaterThan(30);
    const outlets = new Set(sample.map((s) => s.info.outlet));
    expect(outlets.size).toBeGreaterThan(30);
  });
});

describe('writeCorpus', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'briefbot-corpus-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN an empty folder THEN it writes 1,000 articles; run again THEN it writes none; change one THEN it rewrites only that one', async () => {
    expect(await writeCorpus(dir, 1000, SEED)).toBe(1000);
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(1000);
    const a = generateArticle(SEED, 321);
    expect(await readFile(join(dir, a.fileName), 'utf8')).toBe(a.text);

    expect(await writeCorpus(dir, 1000, SEED)).toBe(0);

    await writeFile(join(dir, a.fileName), 'edited');
    await writeFile(join(dir, 'notes.txt'), 'not an article');
    expect(await writeCorpus(dir, 1000, SEED)).toBe(1);
    expect(await readFile(join(dir, a.fileName), 'utf8')).toBe(a.text);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('not an article');
  });

  it('GIVEN a smaller count THEN it writes the same files as the prefix of a larger corpus', async () => {
    const small = await mkdtemp(join(tmpdir(), 'briefbot-corpus-small-'));
    try {
      await writeCorpus(small, 50, SEED);
      for (const name of await readdir(small)) {
        expect(await readFile(join(small, name), 'utf8')).toBe(await readFile(join(dir, name), 'utf8'));
      }
    } finally {
      await rm(small, { recursive: true, force: true });
    }
  });
});

describe('command line', () => {
  it('GIVEN --articles and --out THEN it writes the corpus; GIVEN bad arguments THEN it exits 2 listing every problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'briefbot-cli-'));
    const logs: string[] = [];
    try {
      expect(await runCli(['--articles', '20', '--out', dir, '--seed', '7'], (l) => logs.push(l))).toBe(0);
      expect(await readdir(dir)).toHaveLength(20);
      expect(logs.join('\n')).toMatch(/20 of 20 articles written/);
      logs.length = 0;
      expect(await runCli(['--articles', 'lots', '--seed', 'x'], (l) => logs.push(l))).toBe(2);
      expect(logs.join('\n')).toMatch(/--articles[\s\S]*--out[\s\S]*--seed/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
