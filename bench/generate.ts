/**
 * Deterministic generator of realistic synthetic news corpora for `npm run bench`.
 *
 * Every article is a pure function of `(seed, index)`: no shared state decides
 * its content, so a 100,000-article corpus can be produced lazily, in any order
 * or in parallel, and the first N articles of a larger corpus are exactly the
 * N-article corpus. About 10% of articles are near-copies of an earlier article
 * in the same story (a wire report re-run by another outlet with small edits);
 * the source always has a smaller index, so every copy's original is present in
 * any prefix of the corpus.
 *
 * Articles are assembled from sentence templates modelled on real reports
 * (`templates.ts`) and a vocabulary of ~40 stories, outlets and name pools
 * (`vocabulary.ts`). All people, outlets, agencies, events and figures are
 * invented. Relative dates ("on Monday", "last fall", "in March") are correct
 * relative to the article's hidden publication date, which `describeArticle`
 * returns along with the figures each article states, for scoring.
 *
 * @example
 *   const a = generateArticle(42, 7);          // { fileName: '000007_....txt', text }
 *   await writeCorpus('/tmp/corpus-1k', 1000);  // -> 1000 (0 when re-run)
 *
 * CLI: node dist/bench/generate.js --articles 1000 --out /tmp/corpus-1k [--seed 42]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  AGENCIES, CLAIMANTS, CULTURES, INTERNATIONAL_ROLES, KIND_WORDS, MONTHS, OCCUPATIONS, OFFICIAL_TITLES, OUTLETS,
  RELATED_HEADLINES, SECTIONS, SMALL_NUMBER_WORDS, STORIES, TENS_WORDS, THINK_TANKS, UK_SPELLINGS, WEEKDAYS,
  type Culture, type Outlet, type StoryGroup, type StorySpec,
} from './vocabulary.js';
import {
  CAPTIONS, FIGURE_TEMPLATES, FILLER, HEADLINES, MILESTONES, NUMBER_SENTENCES, PHOTOGRAPHERS_AGENCIES, QUOTES,
  QUOTE_FRAGMENTS, type FigureCategory, type FigureTemplate,
} from './templates.js';

export type { FigureCategory } from './templates.js';

export interface GeneratedArticle {
  fileName: string;
  text: string;
}

/** A figure the generator wrote into an article: the ground truth for scoring extraction. */
export interface PlantedFigure {
  kind: FigureCategory;
  low: number;
  high: number;
  /** As written: "at least", "about", "between"... or null. */
  qualifier: string | null;
  /** The number as written ("about 10,000-12,000", "three", "dozens of"), but lower-case where a sentence starts with it. */
  text: string;
  /**
   * Who the article says gives the figure, as written ("the health ministry",
   * "Interior Minister Ahmed Haddad", "Amal Saleh, a spokeswoman for the Red
   * Crescent", "opposition activists" for "They reported..."); null when unattributed.
   */
  claimedBy: string | null;
}

export interface ArticleInfo {
  index: number;
  fileName: string;
  story: string;
  outlet: string;
  /** Hidden publication date, YYYY-MM-DD; relative dates in the text resolve against it. */
  date: string;
  /** How the date is stated: YAML front matter (or HTML meta), a date line in the text, or not at all. */
  dateMode: 'frontmatter' | 'line' | 'none';
  format: 'txt' | 'md' | 'html';
  /** Index of the article this one is a near-copy of, or null for an original. */
  syndicatedFrom: number | null;
  /** Visible words (front matter, markup and scripts excluded). */
  words: number;
  figures: PlantedFigure[];
}

export const DEFAULT_SEED = 42;
/** Share of articles that are near-copies of an earlier article. */
export const SYNDICATION_RATE = 0.1;
/** Bounds on visible words per article (guaranteed). */
export const MIN_WORDS = 600;
export const MAX_WORDS = 900;

// ---------------------------------------------------------------------------
// Seeded randomness

/** 32-bit avalanche hash of a few integers (murmur3 finaliser per step). */
function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    let k = Math.imul(p | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for text generation. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)]!;
  }
  /** Log-uniform integer in [lo, hi]. */
  logInt(lo: number, hi: number): number {
    return Math.round(Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo))));
  }
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [arr[i], arr[j]] = [arr[j]!, arr[i]!];
    }
    return arr;
  }
}

const SALT = { article: 1, copy: 2, story: 3, outlet: 4, isCopy: 5, source: 6, name: 7 } as const;

// ---------------------------------------------------------------------------
// Dates (day numbers since 1970-01-01, UTC)

const DAY_MS = 86_400_000;
interface Ymd { y: number; m: number; d: number; wd: number }
const ymdCache = new Map<number, Ymd>();
function ymd(day: number): Ymd {
  let v = ymdCache.get(day);
  if (!v) {
    const t = new Date(day * DAY_MS);
    v = { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), wd: t.getUTCDay() };
    if (ymdCache.size < 100_000) ymdCache.set(day, v);
  }
  return v;
}
function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
function isoDate(day: number): string {
  const { y, m, d } = ymd(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}
type Style = 'us' | 'uk';
/** "7 February" / "February 7", optionally with the year. */
function dayMonth(t: Ymd, style: Style, withYear: boolean): string {
  const month = MONTHS[t.m - 1]!;
  if (style === 'uk') return withYear ? `${t.d} ${month} ${t.y}` : `${t.d} ${month}`;
  return withYear ? `${month} ${t.d}, ${t.y}` : `${month} ${t.d}`;
}
const SEASONS = ['winter', 'winter', 'spring', 'spring', 'spring', 'summer', 'summer', 'summer', 'fall', 'fall', 'fall', 'winter'];
const SEASON_START: Record<string, number> = { spring: 3, summer: 6, fall: 9 };
const COUNT_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];

/**
 * How a report dated `art` refers to something that happened on `ev` (ev <= art):
 * the phrase is correct relative to the publication date.
 */
function whenPhrase(rng: Rng, ev: number, art: number, style: Style): string {
  const diff = Math.max(0, art - ev);
  const E = ymd(ev);
  const A = ymd(art);
  const wd = WEEKDAYS[E.wd]!;
  const r = rng.next();
  if (diff === 0) return r < 0.6 ? `on ${wd}` : r < 0.85 ? wd : r < 0.95 ? `earlier on ${wd}` : 'today';
  if (diff === 1 && r < 0.06) return 'yesterday';
  if (diff <= 6) {
    if (r < 0.55) return `on ${wd}`;
    if (r < 0.7) return wd;
    if (r < 0.8) return `late on ${wd}`;
    if (r < 0.9) return `on ${wd} night`;
    return `on ${wd} morning`;
  }
  if (diff <= 13) {
    // "last week" only when the event fell in the previous calendar week
    if (r < 0.4 && diff - A.wd >= 1 && diff - A.wd <= 7) return 'last week';
    return `on ${dayMonth(E, style, false)}`;
  }
  if (diff >= 14 && diff <= 100 && r < 0.12) {
    if (diff < 60) {
      const weeks = Math.round(diff / 7);
      if (Math.abs(weeks * 7 - diff) <= 1) return `${COUNT_WORDS[weeks] ?? weeks} weeks ago`;
    } else {
      const months = Math.round(diff / 30.4);
      if (Math.abs(months * 30.4 - diff) <= 3) return `${COUNT_WORDS[months] ?? months} months ago`;
    }
  }
  if (E.y === A.y && E.m === A.m) return r < 0.5 ? 'earlier this month' : `on ${dayMonth(E, style, false)}`;
  if (E.y === A.y) {
    if (A.m - E.m === 1 && r < 0.2) return 'last month';
    if (r < 0.45) return `in ${MONTHS[E.m - 1]}`;
    if (r < 0.6 && diff > 45) return 'earlier this year';
    if (r < 0.8) return `on ${dayMonth(E, style, false)}`;
    return `in ${E.d <= 10 ? 'early' : E.d <= 20 ? 'mid-' : 'late'}${E.d <= 10 || E.d > 20 ? ' ' : ''}${MONTHS[E.m - 1]}`;
  }
  if (E.y === A.y - 1) {
    const season = SEASONS[E.m - 1]!;
    const start = SEASON_START[season];
    if (r < 0.2 && start !== undefined && A.m < start) return `last ${season === 'fall' && style === 'uk' ? 'autumn' : season}`;
    if (r < 0.4) return 'last year';
    if (r < 0.6) return `in ${MONTHS[E.m - 1]} last year`;
    if (r < 0.8) return `in ${MONTHS[E.m - 1]} ${E.y}`;
    return `on ${dayMonth(E, style, true)}`;
  }
  if (r < 0.4) return `in ${E.y}`;
  if (r < 0.75) return `in ${MONTHS[E.m - 1]} ${E.y}`;
  return `on ${dayMonth(E, style, true)}`;
}

/** "since April", "since mid-March", "since 2011", "since the war began in April last year". */
function sincePhrase(rng: Rng, story: StoryRt, art: number, style: Style): string {
  const start = story.startDay;
  const E = ymd(start);
  const A = ymd(art);
  const r = rng.next();
  if (r < 0.45) {
    const verb = story.spec.group === 'violence' || story.spec.group === 'epidemic' ? 'began' : 'struck';
    const subject = story.spec.group === 'violence' ? story.spec.event : `the ${KIND_WORDS[story.spec.kind].eventWord}`;
    return `since ${subject} ${verb} ${whenPhrase(rng, start, art, style)}`;
  }
  if (art - start <= 6) return `since ${WEEKDAYS[E.wd]}`;
  if (E.y === A.y) return r < 0.7 ? `since ${MONTHS[E.m - 1]}` : r < 0.85 ? `since mid-${MONTHS[E.m - 1]}` : `since ${dayMonth(E, style, false)}`;
  if (E.y === A.y - 1) return r < 0.7 ? `since ${MONTHS[E.m - 1]} last year` : 'since last year';
  return r < 0.7 ? `since ${E.y}` : `since ${MONTHS[E.m - 1]} ${E.y}`;
}

// ---------------------------------------------------------------------------
// Numbers

function commas(n: number): string {
  const s = String(n);
  if (n < 1000) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return out;
}
function numberWords(n: number): string | null {
  if (n <= 20) return SMALL_NUMBER_WORDS[n]!;
  if (n < 100) {
    const t = TENS_WORDS[Math.floor(n / 10)]!;
    return n % 10 === 0 ? t : `${t}-${SMALL_NUMBER_WORDS[n % 10]}`;
  }
  return null;
}
/** Round to two significant figures, as estimates are. */
function round2(n: number): number {
  if (n < 100) return n < 20 ? n : Math.round(n / 5) * 5;
  const mag = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / mag) * mag;
}
/** The count as written, and the value it states ("1.2 million" states 1,200,000). */
function formatCount(rng: Rng, n: number, allowWords: boolean): [string, number] {
  if (n >= 1_000_000) {
    const m = Math.round(n / 100_000) / 10;
    return [`${m} million`, Math.round(m * 1_000_000)];
  }
  if (allowWords && n <= 20 && rng.chance(0.45)) return [numberWords(n)!, n];
  if (allowWords && n < 100 && n % 10 === 0 && rng.chance(0.3)) return [numberWords(n)!, n];
  if (n >= 10_000 && rng.chance(0.04)) return [String(n), n];
  return [commas(n), n];
}

interface NumPhrase { text: string; low: number; high: number; qualifier: string | null }

const EXACTISH = ['at least', 'more than', 'over'];
const SMALL_BOUNDS = ['at least', 'up to', 'as many as'];
const ESTIMATES = ['about', 'around', 'approximately', 'some', 'roughly', 'an estimated', 'nearly', 'almost', 'as many as', 'up to', 'close to'];

type NumMode = 'free' | 'bare' | 'between';
function numPhrase(rng: Rng, value: number, mode: NumMode, allowVague: boolean, estimate: boolean): NumPhrase {
  value = Math.max(2, Math.round(value));
  if (mode === 'between') {
    const lo = round2(value);
    const hi = Math.max(lo + 1, round2(value * (1.2 + rng.next() * 1.3)));
    return { text: `between ${commas(lo)} and ${commas(hi)}`, low: lo, high: hi, qualifier: 'between' };
  }
  if (mode === 'bare') {
    const v = estimate ? round2(value) : value;
    const [text, n] = formatCount(rng, v, true);
    return { text, low: n, high: n, qualifier: null };
  }
  const r = rng.next();
  if (allowVague && r < 0.04) {
    const [text, low, high] =
      value < 100 ? ['dozens of', 24, 99] : value < 1000 ? ['hundreds of', 200, 999] : value < 10_000 ? ['thousands of', 2000, 9999] : ['tens of thousands of', 20_000, 99_999];
    return { text, low, high, qualifier: 'vague' };
  }
  if (r < 0.14 && value >= 20) {
    const lo = round2(value);
    const hi = round2(value * (1.2 + rng.next() * 1.3));
    if (hi > lo) {
      const f = rng.next();
      const qualifier = f < 0.3 ? 'about' : null;
      const sep = f < 0.45 ? '-' : f < 0.65 ? ' to ' : f < 0.8 ? '\u2013' : null;
      const body = sep === null ? `between ${commas(lo)} and ${commas(hi)}` : `${commas(lo)}${sep}${commas(hi)}`;
      return { text: qualifier && sep ? `${qualifier} ${body}` : body, low: lo, high: hi, qualifier: sep === null ? 'between' : qualifier };
    }
  }
  let qualifier: string | null = null;
  const q = rng.next();
  if (q < 0.2) qualifier = rng.pick(EXACTISH);
  else if (q < 0.45 || (estimate && q < 0.7)) qualifier = value < 20 ? rng.pick(SMALL_BOUNDS) : rng.pick(ESTIMATES);
  const v = qualifier && ESTIMATES.includes(qualifier) ? round2(value) : value;
  const [text, n] = formatCount(rng, v, true);
  return { text: qualifier ? `${qualifier} ${text}` : text, low: n, high: n, qualifier };
}

// ---------------------------------------------------------------------------
// People and places

interface Person { first: string; last: string; female: boolean }
const fullName = (p: Person) => `${p.first} ${p.last}`;
/**
 * A person from a culture's name pools; with probability `novel` the surname is
 * invented from the culture's syllables instead, which gives the corpus the long
 * tail of rare names real news has.
 */
function makePerson(rng: Rng, c: Culture, novel = 0): Person {
  const female = rng.chance(0.4);
  const first = rng.pick(female ? c.female : c.male);
  if (novel === 0 || !rng.chance(novel)) return { first, last: rng.pick(c.last), female };
  let last = rng.pick(c.placeSyllables) + rng.pick(c.placeSyllables);
  if (rng.chance(0.4)) last += rng.pick(c.placeSyllables);
  const end = rng.pick(c.surnameEnds);
  if (end !== '-') last += end;
  return { first, last: cap(last), female };
}
function makeVillage(rng: Rng, c: Culture): string {
  const prefix = rng.pick(c.placePrefix);
  let core = rng.pick(c.placeSyllables) + rng.pick(c.placeSyllables);
  if (rng.chance(0.35)) core += rng.pick(c.placeSyllables);
  const suffix = rng.pick(c.placeSuffix);
  if (suffix !== '-') core += suffix;
  core = core[0]!.toUpperCase() + core.slice(1);
  return prefix === '-' ? core : prefix.endsWith(' ') ? prefix + core : prefix + core.toLowerCase();
}
/** "a teacher", "an engineer", "a university lecturer". */
const withArticle = (s: string) => (/^[aeio]|^u(?!ni)/i.test(s) ? `an ${s}` : `a ${s}`);
/** A village of the story: usually a known one, sometimes one never named before. */
function villageName(rng: Rng, st: { villages: string[]; culture: Culture }): string {
  return rng.chance(0.35) ? makeVillage(rng, st.culture) : rng.pick(st.villages);
}
const cap = (s: string): string => {
  const c = s.charCodeAt(0);
  if (c >= 97 && c <= 122) return String.fromCharCode(c - 32) + s.slice(1);
  return c > 127 ? s[0]!.toUpperCase() + s.slice(1) : s;
};

// ---------------------------------------------------------------------------
// Stories at run time: names and milestones fixed per (seed, story)

interface Official { title: string; person: Person }
interface Milestone { day: number; text: string }
interface StoryRt {
  spec: StorySpec;
  index: number;
  culture: Culture;
  startDay: number;
  villages: string[];
  officials: Official[];
  leader: Official;
  internationals: { role: string; person: Person }[];
  claimants: string[];
  /** Singular organisations among the claimants ("the health ministry"), for "it said" templates. */
  orgs: string[];
  milestones: Milestone[];
  finals: Record<FigureCategory, number>;
}

const INTL_CULTURES: Culture[] = [CULTURES.international, CULTURES.international, CULTURES.arab, CULTURES.westAfrican, CULTURES.indian, CULTURES.greek];

const storyCache = new Map<string, StoryRt>();
function storyRt(seed: number, index: number): StoryRt {
  const key = `${seed}:${index}`;
  const hit = storyCache.get(key);
  if (hit) return hit;
  const spec = STORIES[index]!;
  const rng = new Rng(hash32(seed, index, SALT.story));
  const culture = CULTURES[spec.culture];
  const villages = Array.from({ length: 80 }, () => makeVillage(rng, culture));
  // officials get distinct names, so one name never holds two jobs in a story
  const taken = new Set<string>();
  const official = (title: string): Official => {
    let person = makePerson(rng, culture, 0.3);
    for (let i = 0; i < 20 && taken.has(fullName(person)); i++) person = makePerson(rng, culture, 0.3);
    taken.add(fullName(person));
    return { title, person };
  };
  const leader = official(spec.leaderTitle);
  const officials = [leader, ...OFFICIAL_TITLES[spec.group].filter((t) => t !== spec.leaderTitle).map(official)];
  const internationals = rng.shuffle([...INTERNATIONAL_ROLES]).slice(0, 6).map((role) => ({ role, person: makePerson(rng, rng.pick(INTL_CULTURES)) }));
  const startDay = dayOf(spec.start);
  const toll = spec.toll;
  const finals: Record<FigureCategory, number> = {
    killed: toll,
    wounded: Math.round(toll * (1.5 + rng.next() * 1.5)),
    casualties: Math.round(toll * 3),
    missing: Math.max(20, Math.round(toll * (spec.group === 'disaster' || spec.group === 'migration' ? 0.4 : 0.08))),
    captured: Math.max(30, Math.min(4000, Math.round(toll * 0.03))),
    deployed: Math.min(60_000, Math.max(800, round2(toll * 0.6))),
    displaced: Math.min(4_000_000, Math.max(3000, round2(toll * (spec.group === 'violence' ? 80 : 40)))),
  };
  const st: StoryRt = { spec, index, culture, startDay, villages, officials, leader, internationals, claimants: [], orgs: [], milestones: [], finals };
  const fillStory = (s: string) =>
    s.replace(/\{(demonym|province|provinceWord|place)\}/g, (_, k: string) =>
      k === 'demonym' ? spec.demonym : k === 'province' ? rng.pick(spec.provinces) : k === 'provinceWord' ? spec.provinceWord : rng.pick(spec.places));
  st.claimants = [...CLAIMANTS.any, ...CLAIMANTS[spec.group], ...CLAIMANTS[spec.group]].map(fillStory);
  st.orgs = st.claimants.filter((c) => /^the /.test(c) && !isPlural(c) && !/government|governor|mayor/.test(c));
  // milestones: spread over the story's span; the first is the onset
  const n = Math.max(6, Math.min(24, Math.round(spec.spanDays / 25)));
  const mRng = new Rng(hash32(seed, index, SALT.story, 2));
  const days = Array.from({ length: n - 1 }, () => startDay + 1 + Math.floor(mRng.next() * spec.spanDays)).sort((a, b) => a - b);
  const groupKey = spec.group === 'migration' ? 'm' : spec.group[0]!;
  const milestonePool = kindPool([MILESTONES[groupKey] ?? MILESTONES.v!], spec.kind);
  for (const day of days) {
    const tpl = mRng.pick(milestonePool);
    const text = tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
      switch (k) {
        case 'place': return mRng.pick(spec.places);
        case 'capital': return spec.capital;
        case 'side_a': return spec.sideA;
        case 'side_b': return spec.sideB;
        case 'leader_title': return spec.leaderTitle.toLowerCase();
        case 'city_abroad': return mRng.pick(CITIES_ABROAD);
        case 'age': return String(mRng.int(2, 80));
        case 'child': return mRng.pick(['girl', 'boy', 'woman', 'man']);
        default: throw new Error(`unknown milestone slot ${k}`);
      }
    });
    st.milestones.push({ day, text });
  }
  storyCache.set(key, st);
  return st;
}

/** Cumulative share of a story's final totals reached by `day`. */
function progress(st: StoryRt, day: number): number {
  const p = Math.min(1, Math.max(0, (day - st.startDay) / st.spec.spanDays));
  if (st.spec.group === 'violence' || st.spec.group === 'epidemic') return 0.05 + 0.95 * p;
  return 0.25 + 0.75 * (1 - Math.exp(-6 * p)) / (1 - Math.exp(-6));
}

const storyWeightCache = new Map<number, number[]>();
/** Cumulative story weights: a few big stories, a long tail (rank order shuffled per seed). */
function storyWeights(seed: number): number[] {
  const hit = storyWeightCache.get(seed);
  if (hit) return hit;
  const rng = new Rng(hash32(seed, SALT.story, 99));
  const ranks = rng.shuffle(STORIES.map((_, i) => i));
  const weights = new Array<number>(STORIES.length);
  ranks.forEach((storyIndex, rank) => (weights[storyIndex] = 1 / (rank + 2) ** 0.8));
  let acc = 0;
  const cum = weights.map((x) => (acc += x));
  storyWeightCache.set(seed, cum);
  return cum;
}
function pickCumulative(rng: Rng, cum: readonly number[]): number {
  const x = rng.next() * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
let outletAcc = 0;
const OUTLET_CUM = OUTLETS.map((o) => (outletAcc += o.weight));

interface Staff { names: string[] }
const staffCache = new Map<string, Staff>();
function outletStaff(seed: number, outletIndex: number): Staff {
  const key = `${seed}:${outletIndex}`;
  const hit = staffCache.get(key);
  if (hit) return hit;
  const rng = new Rng(hash32(seed, outletIndex, SALT.outlet));
  const cultures = Object.values(CULTURES) as Culture[];
  const names = Array.from({ length: 10 }, (_, i) => fullName(makePerson(rng, i < 5 ? CULTURES.international : rng.pick(cultures))));
  const staff = { names };
  staffCache.set(key, staff);
  return staff;
}

// ---------------------------------------------------------------------------
// Templates: compiled once into literal/slot parts

type Part = string | { slot: string; capital: boolean };
interface Compiled { parts: Part[]; orgOnly: boolean; qualifierBefore: Record<string, string | null> }
const compiledCache = new Map<string, Compiled>();
const compiledUkCache = new Map<string, Compiled>();
/** The template compiled for a style: UK outlets get UK spelling baked in. */
function compileFor(t: string, style: Style): Compiled {
  if (style === 'us') return compile(t);
  let c = compiledUkCache.get(t);
  if (!c) {
    const us = compile(t);
    c = { ...us, parts: us.parts.map((p) => (typeof p === 'string' ? toUk(p) : p)) };
    compiledUkCache.set(t, c);
  }
  return c;
}
const QUALIFIER_BEFORE = /(at least|more than|around|about|as many as|an extra|another|a further)\s*$/i;
function compile(t: string): Compiled {
  const hit = compiledCache.get(t);
  if (hit) return hit;
  const parts: Part[] = [];
  const qualifierBefore: Record<string, string | null> = {};
  let last = 0;
  for (const m of t.matchAll(/\{(\w+)\}/g)) {
    if (m.index! > last) parts.push(t.slice(last, m.index));
    const name = m[1]!;
    const capital = name[0] !== name[0]!.toLowerCase();
    parts.push({ slot: capital ? name[0]!.toLowerCase() + name.slice(1) : name, capital });
    const q = QUALIFIER_BEFORE.exec(t.slice(Math.max(0, m.index! - 14), m.index));
    const qual = q ? q[1]!.toLowerCase() : null;
    qualifierBefore[name.toLowerCase()] = qual === 'at least' || qual === 'more than' || qual === 'around' || qual === 'about' || qual === 'as many as' ? qual : null;
    last = m.index! + m[0].length;
  }
  if (last < t.length) parts.push(t.slice(last));
  const c: Compiled = { parts, orgOnly: / it |which|its /.test(t), qualifierBefore };
  compiledCache.set(t, c);
  return c;
}

const CITIES_ABROAD = ['Geneva', 'Doha', 'Jeddah', 'Addis Ababa', 'Nairobi', 'Brussels', 'New York', 'Paris', 'London', 'Istanbul', 'Cairo', 'Washington', 'Vienna', 'Oslo', 'Rome', 'Abu Dhabi', 'Ankara', 'Berlin'];
const LENDERS = ['International Monetary Fund', 'World Bank', 'African Development Bank', 'Asian Development Bank', 'European Investment Bank'];
const STATE_MEDIA = ['state media', 'the official news agency', 'state television', 'a government-run newspaper'];
const PLURAL_CLAIMANTS: Record<StoryGroup, string[]> = {
  violence: ['Opposition activists', 'Witnesses', 'Residents', 'Medical sources', 'Local officials', 'Rights activists'],
  disaster: ['Rescue workers', 'Residents', 'Local officials', 'Survivors', 'Villagers'],
  epidemic: ['Health workers', 'Local officials', 'Doctors', 'Residents'],
  accident: ['Rescue workers', 'Witnesses', 'Local officials', 'Relatives'],
  migration: ['Survivors', 'Rescue workers', 'Aid workers', 'Local officials'],
};

function whoNoun(rng: Rng, st: StoryRt, cat: FigureCategory): string {
  const { group, kind, slug } = st.spec;
  if (cat === 'deployed') {
    return rng.pick(
      group === 'violence' ? ['troops', 'soldiers', 'police officers', 'security personnel', 'troops', 'peacekeepers']
        : group === 'disaster' ? ['rescue workers', 'soldiers', 'troops', 'firefighters', 'emergency workers']
          : group === 'epidemic' ? ['health workers', 'medical staff', 'vaccinators', 'community health workers']
            : group === 'accident' ? (kind === 'sinking' ? ['divers', 'rescuers', 'soldiers'] : ['rescuers', 'firefighters', 'responders'])
              : ['coast guard officers', 'rescuers', 'police officers'],
    );
  }
  if (cat === 'displaced') return rng.pick(group === 'migration' ? ['people', 'refugees', 'Rohingya'] : ['people', 'civilians', 'residents', 'families', 'people']);
  if (group === 'accident' || group === 'migration') {
    const victims: Record<string, string[]> = {
      'amasra-mine': ['miners', 'workers'], 'lake-ferry': ['passengers', 'people'], 'gulf-oil-spill': ['workers', 'crew members'],
      'beirut-blast': ['people', 'residents'], 'mediterranean-shipwreck': ['migrants', 'people', 'passengers'], 'rohingya-exodus': ['people', 'civilians', 'villagers'],
    };
    return rng.pick(victims[slug] ?? ['people']);
  }
  if (group === 'violence') {
    if (kind === 'protest') return rng.pick(cat === 'captured' ? ['protesters', 'people', 'activists', 'students'] : ['protesters', 'people', 'demonstrators', 'people']);
    if (cat === 'casualties') return rng.pick(['soldiers', 'fighters', 'troops', 'people']);
    if (cat === 'captured') return rng.pick(['soldiers', 'fighters', 'civilians', 'aid workers', 'villagers']);
    return rng.pick(['people', 'civilians', 'people', 'soldiers', 'fighters', 'villagers']);
  }
  if (group === 'epidemic') return rng.pick(['people', 'patients', 'people']);
  return rng.pick(['people', 'residents', 'people']);
}

const PLURAL_SOURCE = /(officials|witnesses|sources|agencies|activists|residents|commanders|groups|workers|survivors|investigators|epidemiologists|media|police|doctors|villagers|relatives|rescuers)$/;
/** "Officials say" but "the ministry says". */
function isPlural(claimant: string): boolean {
  return !claimant.includes(',') && PLURAL_SOURCE.test(claimant);
}

/** Government-side sources tend to give lower figures, opposition and rights groups higher ones. */
function claimantBias(claimant: string | null): number {
  if (!claimant) return 1;
  if (/army|military|government|state |interior|police|defence|junta|ministry|company|operator/i.test(claimant)) return 0.75;
  if (/activist|rights|opposition|amnesty|watch|monitoring|rebel|survivor|lawyer|residents/i.test(claimant)) return 1.35;
  return 1;
}

// ---------------------------------------------------------------------------
// Article composition

interface Para { text: string; figs: PlantedFigure[]; words?: number }
interface Speaker { pre: string; post: string; short: string; titled: boolean; female: boolean }

interface Draft {
  story: StoryRt;
  day: number;
  style: Style;
  outletIndex: number;
  headlines: string[];
  standfirst: string | null;
  lede: Para;
  paras: Para[];
  /** Dateline city for wire copy ("KHARTOUM, Sudan"). */
  datelineCity: string;
  group: string;
}

/** Mutable state while one article is written. */
class Writer {
  readonly st: StoryRt;
  readonly group: string;
  readonly kind: string;
  evDay: number;
  figs: PlantedFigure[] = [];
  private vals: Record<string, NumPhrase | string> = {};
  private lastPerson: Person | null = null;
  private mentioned = new Set<string>();
  readonly used = new Set<string>();
  private claimant: string | null = null;
  private claimant2: string | null = null;
  private orgOnly = false;

  constructor(readonly rng: Rng, st: StoryRt, readonly day: number, readonly style: Style) {
    this.st = st;
    this.group = st.spec.group === 'migration' ? 'm' : st.spec.group[0]!;
    this.kind = st.spec.kind;
    this.evDay = day;
  }

  pickClaimant(orgOnly: boolean): string {
    const rng = this.rng;
    if (!orgOnly && rng.chance(0.22)) {
      const o = rng.pick(this.st.officials);
      if (rng.chance(0.5)) return `${o.title} ${fullName(o.person)}`;
      const p = makePerson(rng, this.st.culture, 0.5);
      return `${fullName(p)}, a spokes${rng.chance(0.5) ? 'person' : p.female ? 'woman' : 'man'} for ${rng.pick(this.st.orgs)}`;
    }
    return rng.pick(orgOnly ? this.st.orgs : this.st.claimants);
  }

  /** Fills one template; figure slots come from `this.vals`. */
  fill(t: string): string {
    const c = compileFor(t, this.style);
    this.orgOnly = c.orgOnly;
    let out = '';
    let appositive = false;
    for (const p of c.parts) {
      if (typeof p === 'string') {
        // "Ahmed Haddad, a spokesman for the army, said": close the appositive before a verb
        out += appositive && /^ [a-z]/.test(p) ? `,${p}` : p;
        appositive = false;
      } else {
        const v = this.slot(p.slot);
        out += p.capital ? cap(v) : v;
        appositive = (p.slot === 'claimant' || p.slot === 'claimant2') && v.includes(', a spokes');
      }
    }
    return out;
  }

  private person(rng: Rng): string {
    const p = makePerson(rng, rng.chance(0.85) ? this.st.culture : CULTURES.international, 0.5);
    this.lastPerson = p;
    const where = rng.chance(0.5) ? `from ${villageName(rng, this.st)}` : `in ${rng.pick(this.st.spec.places)}`;
    return `${fullName(p)}, ${rng.int(19, 78)}, ${withArticle(rng.pick(OCCUPATIONS))} ${where},`;
  }

  private slot(name: string): string {
    const { rng, st } = this;
    const spec = st.spec;
    const v = this.vals[name];
    if (v !== undefined) return typeof v === 'string' ? v : v.text;
    switch (name) {
      case 'claimant':
        return (this.claimant ??= this.pickClaimant(this.orgOnly));
      case 'claimant2':
        return (this.claimant2 ??= this.pickClaimant(true));
      case 'claimant_pl':
        return (this.claimant ??= rng.pick(PLURAL_CLAIMANTS[spec.group]).toLowerCase());
      case 'says':
        return isPlural(this.claimant ?? '') ? 'say' : 'says';
      case 'claimant_says':
        return rng.pick(['officials say', 'UN says', 'activists say', 'ministry says', 'police say', 'state media says', 'rescuers say']);
      case 'when':
        return whenPhrase(rng, this.evDay, this.day, this.style);
      case 'since':
        return sincePhrase(rng, st, this.day, this.style);
      case 'weekday':
        return WEEKDAYS[ymd(this.evDay).wd]!;
      case 'month': {
        const d = ymd(this.day - rng.int(35, 200));
        this.vals.month2 = MONTHS[(d.m + rng.int(0, 1)) % 12]!;
        return MONTHS[d.m - 1]!;
      }
      case 'month2':
        return MONTHS[ymd(this.day).m - 1]!;
      case 'in_place': {
        const r = rng.next();
        if (r < 0.5) return `in ${rng.pick(spec.places)}`;
        if (r < 0.62) return `in the town of ${rng.pick(spec.places)}`;
        if (r < 0.75) return `near ${villageName(rng, st)}`;
        if (r < 0.87) return `in the ${rng.pick(spec.provinces)} ${spec.provinceWord}`;
        return `in and around ${rng.pick(spec.places)}`;
      }
      case 'place':
        return rng.pick(spec.places);
      case 'village':
        return villageName(rng, st);
      case 'facility': {
        const r = rng.next();
        if (r < 0.35) return `${villageName(rng, st)} General Hospital`;
        if (r < 0.6) return `${makePerson(rng, st.culture, 0.6).last} Memorial Hospital`;
        if (r < 0.8) return `${rng.pick(spec.places)} Teaching Hospital`;
        return `${villageName(rng, st)} district health centre`;
      }
      case 'street':
        return rng.chance(0.5) ? `${makePerson(rng, st.culture, 0.6).last} Street` : `${villageName(rng, st)} Road`;
      case 'province':
        return rng.pick(spec.provinces);
      case 'provinceWord':
        return spec.provinceWord;
      case 'capital':
        return spec.capital;
      case 'country':
        return spec.country;
      case 'demonym':
        return spec.demonym;
      case 'neighbor':
        return rng.pick(spec.neighbors);
      case 'event':
        return spec.event;
      case 'event_word':
        return KIND_WORDS[spec.kind].eventWord;
      case 'attack':
        return rng.pick(KIND_WORDS[spec.kind].attacks);
      case 'side_a':
        return spec.sideA;
      case 'side_b':
        return spec.sideB;
      case 'wire':
        return rng.pick(AGENCIES).name;
      case 'wire_ref':
        return rng.chance(0.5) ? rng.pick(AGENCIES).name : 'The agency';
      case 'leader_title':
        return spec.leaderTitle.toLowerCase();
      case 'leader':
        return `${st.leader.title} ${fullName(st.leader.person)}`;
      case 'official':
      case 'official2': {
        const o = rng.pick(st.officials);
        return `${o.title} ${fullName(o.person)}`;
      }
      case 'person':
        return this.person(rng);
      case 'pron':
        return this.lastPerson?.female ? 'she' : 'he';
      case 'disease':
        return spec.hazard;
      case 'days':
        return String(rng.pick([3, 5, 7, 10, 14, 30, 60, 90]));
      case 'hours':
        return String(rng.int(6, 72));
      case 'small':
        return String(rng.int(3, 40));
      case 'cabinet':
        return String(rng.int(24, 40));
      case 'cases':
        return commas(round2(rng.logInt(200, 90_000)));
      case 'vessels':
        return String(rng.int(4, 60));
      case 'money':
      case 'money2':
        return this.money();
      case 'money_small':
        return `$${commas(rng.int(20, 80) * 100)}`;
      case 'millions':
        return String(rng.int(1, 12));
      case 'pct_small':
        return `${rng.int(2, 40)}%`;
      case 'pct':
        return rng.chance(0.5) ? `${rng.int(2, 89)}%` : `${rng.int(2, 89)} ${this.style === 'uk' ? 'per cent' : 'percent'}`;
      case 'year':
        return String(ymd(this.day).y - rng.int(2, 40));
      case 'year2':
        return String(ymd(this.day).y - rng.int(0, 1));
      case 'votes':
        return String(rng.int(8, 13));
      case 'abstain':
        return String(rng.int(1, 5));
      case 'votes_for':
        return String(rng.int(150, 400));
      case 'votes_against':
        return String(rng.int(10, 140));
      case 'count':
      case 'count2':
        return commas(round2(rng.logInt(20, 60_000)));
      case 'tonnes':
        return commas(round2(rng.logInt(50, 40_000)));
      case 'pop':
        return String(rng.int(3, 90));
      case 'lender':
        return rng.pick(LENDERS);
      case 'km':
      case 'km2':
        return String(rng.int(8, 140));
      case 'miles':
        return String(rng.int(5, 90));
      case 'mag':
        return (5.4 + rng.int(0, 25) / 10).toFixed(1);
      case 'clock':
        return `${pad2(rng.int(0, 23))}${pad2(rng.int(0, 59))}`;
      case 'rain':
        return String(rng.int(120, 600));
      case 'barrels':
        return commas(round2(rng.logInt(1000, 60_000)));
      case 'city_abroad':
        return rng.pick(CITIES_ABROAD);
      case 'age':
        return String(rng.int(2, 90));
      default:
        throw new Error(`unknown template slot {${name}}`);
    }
  }

  private money(): string {
    const rng = this.rng;
    const r = rng.next();
    const cur = r < 0.7 ? '$' : r < 0.85 ? '\u00a3' : '\u20ac';
    const billions = rng.chance(0.3);
    const amount = billions ? (rng.chance(0.5) ? rng.int(1, 25) : (rng.int(12, 99) / 10).toFixed(1)) : round2(rng.logInt(2, 900));
    if (rng.chance(0.3)) return `${cur}${amount}${billions ? 'bn' : 'm'}`;
    return `${cur}${amount} ${billions ? 'billion' : 'million'}`;
  }

  freshFigure(pool: readonly FigureTemplate[]): FigureTemplate {
    let t = this.rng.pick(pool);
    for (let i = 0; i < 6 && this.used.has(t.t); i++) t = this.rng.pick(pool);
    this.used.add(t.t);
    return t;
  }

  /** One figure sentence from a template, recording what it plants. */
  figure(tpl: FigureTemplate): string {
    const { rng, st } = this;
    const fl = figureFlags(tpl);
    const [c1, c2] = fl.cats;
    this.vals = {};
    this.claimant = null;
    this.claimant2 = null;
    this.orgOnly = fl.orgOnly;
    if (fl.claimantPl) this.claimant = rng.pick(PLURAL_CLAIMANTS[st.spec.group]).toLowerCase();
    else if (fl.claimant) this.claimant = this.pickClaimant(fl.orgOnly);
    const claimedBy = this.claimant;
    const bias = claimantBias(claimedBy);
    const total = (cat: FigureCategory) => st.finals[cat] * progress(st, this.day) * bias * (0.85 + rng.next() * 0.3);
    const event = (cat: FigureCategory) => {
      const toll = st.spec.toll;
      switch (cat) {
        case 'killed': return rng.logInt(2, Math.max(8, Math.min(400, toll * 0.02)));
        case 'wounded': return rng.logInt(3, Math.max(12, Math.min(900, toll * 0.05)));
        case 'casualties': return rng.logInt(5, Math.max(20, Math.min(1500, toll * 0.06)));
        case 'missing': return rng.logInt(2, Math.max(8, Math.min(3000, st.finals.missing * 0.5)));
        case 'captured': return rng.logInt(2, Math.max(10, Math.min(500, st.finals.captured)));
        case 'deployed': return round2(rng.logInt(60, Math.max(200, st.finals.deployed)));
        case 'displaced': return round2(rng.logInt(150, Math.max(500, st.finals.displaced * 0.1)));
      }
    };
    const value = (cat: FigureCategory) => (tpl.s === 't' ? total(cat) : event(cat));
    const v1 = value(c1);
    const estimate = c1 === 'deployed' || c1 === 'displaced' || tpl.s === 't';
    let n: NumPhrase;
    if (fl.nBare) {
      n = numPhrase(rng, v1, 'bare', false, estimate);
      this.vals.n_bare = { ...n };
      n.qualifier = fl.nBareQualifier;
      if (n.qualifier) n.text = `${n.qualifier} ${n.text}`;
    } else if (fl.nBetween) {
      n = numPhrase(rng, v1, 'between', false, estimate);
      this.vals.n_between = n;
    } else {
      n = numPhrase(rng, v1, 'free', fl.vague, estimate);
      this.vals.n = n;
    }
    this.record(c1, n, claimedBy);
    if (c2) {
      let v2 = value(c2);
      if (c2 === c1 && fl.mMode === 'between') v2 = v1 * (1.5 + rng.next() * 2);
      else if (c2 === c1 && !fl.claimant2) v2 = Math.max(2, v1 * (0.2 + rng.next() * 0.6));
      else if (c2 === 'wounded' && c1 === 'killed') v2 = v1 * (1 + rng.next() * 2.5);
      else if (c2 === 'casualties') v2 = total(c2) * (0.5 + rng.next());
      const m = numPhrase(rng, v2, fl.mMode, false, tpl.s === 't' || fl.mMode === 'between');
      this.vals[fl.mMode === 'between' ? 'm_between' : 'm'] = m;
      const by2 = fl.claimant2 ? (this.claimant2 = this.pickClaimant(true)) : claimedBy;
      this.record(c2, m, by2);
    }
    if (fl.p) {
      const p0 = Math.max(2, Math.round(v1 * (0.7 + rng.next() * 0.25)));
      const p = Math.min(p0, n.low - 1 > 1 ? n.low - 1 : p0);
      const text = commas(p);
      this.vals.p = text;
      this.record(c1, { text, low: p, high: p, qualifier: null }, claimedBy);
    }
    this.vals.who = whoNoun(rng, st, c1);
    this.vals.troops = this.vals.who;
    const out = this.fill(tpl.t);
    this.vals = {};
    this.claimant = null;
    this.claimant2 = null;
    return out;
  }

  private record(kind: FigureCategory, n: NumPhrase, claimedBy: string | null): void {
    this.figs.push({ kind, low: n.low, high: n.high, qualifier: n.qualifier, text: n.text, claimedBy });
  }

  /** A template not yet used in this article, if one can be found quickly. */
  fresh(pool: readonly string[]): string {
    let t = this.rng.pick(pool);
    for (let i = 0; i < 6 && this.used.has(t); i++) t = this.rng.pick(pool);
    this.used.add(t);
    return t;
  }

  /** A plain (non-figure) sentence. */
  sentence(t: string): string {
    this.vals = {};
    this.claimant = null;
    const s = this.fill(t);
    this.vals = {};
    return s;
  }

  speaker(kind: 'official' | 'intl' | 'resident' | 'analyst' | 'anon'): Speaker {
    const { rng, st } = this;
    const shortOf = (p: Person) => (this.style === 'uk' && rng.chance(0.7) ? `${p.female ? 'Ms' : 'Mr'} ${p.last}` : p.last);
    if (kind === 'official') {
      const o = rng.chance(0.25) ? st.leader : rng.pick(st.officials);
      const name = fullName(o.person);
      if (this.mentioned.has(name)) {
        const s = shortOf(o.person);
        return { pre: s, post: s, short: s, titled: true, female: o.person.female };
      }
      this.mentioned.add(name);
      const t = `${o.title} ${name}`;
      return { pre: t, post: t, short: shortOf(o.person), titled: true, female: o.person.female };
    }
    if (kind === 'intl') {
      const i = rng.pick(st.internationals);
      const name = fullName(i.person);
      const titled = /^(UN |US |EU |British |French )/.test(i.role);
      if (this.mentioned.has(name)) {
        const s = shortOf(i.person);
        return { pre: s, post: s, short: s, titled: true, female: i.person.female };
      }
      this.mentioned.add(name);
      return titled
        ? { pre: `${i.role} ${name}`, post: `${i.role} ${name}`, short: shortOf(i.person), titled, female: i.person.female }
        : { pre: `${name}, ${i.role},`, post: `${name}, ${i.role}`, short: shortOf(i.person), titled, female: i.person.female };
    }
    if (kind === 'resident') {
      const p = makePerson(rng, st.culture, 0.5);
      const where = rng.chance(0.5) ? `from ${villageName(rng, st)}` : `in ${rng.pick(st.spec.places)}`;
      const desc = `${fullName(p)}, ${rng.int(17, 80)}, ${withArticle(rng.pick(OCCUPATIONS))} ${where}`;
      return { pre: `${desc},`, post: desc, short: shortOf(p), titled: false, female: p.female };
    }
    if (kind === 'analyst') {
      const p = makePerson(rng, rng.pick(INTL_CULTURES), 0.3);
      const desc = `${fullName(p)}, ${rng.chance(0.5) ? 'an analyst' : 'a senior fellow'} at ${rng.pick(THINK_TANKS)}`;
      return { pre: `${desc},`, post: desc, short: shortOf(p), titled: false, female: p.female };
    }
    const org = this.pickClaimant(true).replace(/^the /, '');
    const anon = rng.chance(0.5) ? `a spokesperson for the ${org}` : 'a senior official who spoke on condition of anonymity';
    return { pre: anon, post: anon, short: 'the official', titled: true, female: false };
  }

  /** A quotation with its speaker, in one of the shapes real reports use. */
  quote(kind: 'official' | 'intl' | 'resident' | 'analyst' | 'anon'): string {
    const { rng } = this;
    const bank = pool(kind === 'resident' ? 'resident' : kind === 'analyst' ? 'analyst' : 'official', this.group, this.kind);
    const q1 = this.sentence(this.fresh(bank));
    const sp = this.speaker(kind);
    const comma = (q: string) => (q.endsWith('.') ? `${q.slice(0, -1)},` : q);
    const r = rng.next();
    const said = sp.titled ? `${sp.post} said` : `said ${sp.post}`;
    if (r < 0.22) return `"${comma(q1)}" ${said}.`;
    if (r < 0.36) return `${cap(sp.pre)} said: "${q1}"`;
    if (r < 0.46) return `${cap(sp.pre)} told ${rng.pick(AGENCIES).name}: "${q1}"`;
    if (r < 0.58) {
      const q2 = this.sentence(this.fresh(bank));
      return `"${q1} ${comma(q2)}" ${said}${rng.chance(0.4) ? ' in a statement' : ''}.`;
    }
    if (r < 0.66 && sp.titled) return `"${comma(q1)}" ${said}, according to ${rng.pick(STATE_MEDIA)}.`;
    if (r < 0.76) return `${cap(sp.pre)} described the situation as "${rng.pick(QUOTE_FRAGMENTS)}".`;
    if (r < 0.86 && sp.titled) {
      const when = whenPhrase(rng, this.day - rng.int(0, 3), this.day, this.style);
      return rng.chance(0.5) ? `"${comma(q1)}" ${sp.post} told reporters in ${this.st.spec.capital} ${when}.` : `"${comma(q1)}" ${sp.post} said ${when}.`;
    }
    const q2 = this.sentence(this.fresh(bank));
    return `"${comma(q1)}" ${said}. "${q2}"`;
  }
}

interface FigureFlags {
  cats: [FigureCategory, FigureCategory | undefined];
  orgOnly: boolean;
  claimant: boolean;
  claimantPl: boolean;
  claimant2: boolean;
  nBare: boolean;
  nBareQualifier: string | null;
  nBetween: boolean;
  vague: boolean;
  mMode: NumMode;
  p: boolean;
}
const flagCache = new Map<FigureTemplate, FigureFlags>();
/** What a figure template needs, worked out once per template. */
function figureFlags(tpl: FigureTemplate): FigureFlags {
  let f = flagCache.get(tpl);
  if (f) return f;
  const t = tpl.t;
  const has = (slot: string) => t.includes(`{${slot}}`) || t.includes(`{${cap(slot)}}`);
  const comp = compile(t);
  f = {
    cats: tpl.c.split('/') as [FigureCategory, FigureCategory | undefined],
    orgOnly: comp.orgOnly,
    claimant: has('claimant'),
    claimantPl: has('claimant_pl'),
    claimant2: has('claimant2'),
    nBare: has('n_bare'),
    nBareQualifier: comp.qualifierBefore.n_bare ?? null,
    nBetween: has('n_between'),
    vague: /\{n\} \{who\}/i.test(t),
    mMode: has('m_between') ? 'between' : /(closer to|including|another|and) \{m\}/.test(t) ? 'bare' : 'free',
    p: has('p'),
  };
  flagCache.set(tpl, f);
  return f;
}

/**
 * Templates may start with a kind tag, "[war]" or "[flood|storm]": they then
 * suit only stories of those kinds. Returns the text without the tag, or null
 * when the template does not suit `kind`.
 */
function forKind(t: string, kind: string): string | null {
  if (t.charCodeAt(0) !== 91 /* [ */) return t;
  const end = t.indexOf(']');
  return t.slice(1, end).split('|').includes(kind) ? t.slice(end + 1) : null;
}
function kindPool(lists: readonly (readonly string[] | undefined)[], kind: string): string[] {
  const out: string[] = [];
  for (const list of lists) for (const t of list ?? []) {
    const x = forKind(t, kind);
    if (x !== null) out.push(x);
  }
  return out;
}
const poolCache = new Map<string, readonly string[]>();
/** Sentences for a story: the general ones, plus the group's (twice, so they weigh more), suited to its kind. */
function pool(name: 'filler' | 'numbers' | 'official' | 'resident' | 'analyst', group: string, kind: string): readonly string[] {
  const key = `${name}:${group}:${kind}`;
  let hit = poolCache.get(key);
  if (!hit) {
    const src = name === 'filler' ? FILLER : name === 'numbers' ? NUMBER_SENTENCES : QUOTES[name];
    hit = kindPool([src['*'], src[group], src[group]], kind);
    poolCache.set(key, hit);
  }
  return hit;
}

const figureCache = new Map<string, readonly FigureTemplate[]>();
/** Which figures each kind of story reports. */
const CATEGORIES_BY_GROUP: Readonly<Record<string, readonly FigureCategory[]>> = {
  v: ['killed', 'wounded', 'casualties', 'missing', 'captured', 'deployed', 'displaced'],
  d: ['killed', 'wounded', 'missing', 'deployed', 'displaced'],
  e: ['killed', 'deployed'],
  a: ['killed', 'wounded', 'missing', 'deployed', 'displaced'],
  m: ['killed', 'missing', 'captured', 'deployed', 'displaced'],
};
function figureTemplatesFor(group: string, kind: string): readonly FigureTemplate[] {
  const key = `${group}:${kind}`;
  let hit = figureCache.get(key);
  if (!hit) {
    const allowed = CATEGORIES_BY_GROUP[group]!;
    hit = FIGURE_TEMPLATES.filter(
      (t) =>
        (t.g === '*' || t.g.includes(group)) &&
        t.c.split('/').every((c) => allowed.includes(c as FigureCategory)) &&
        // diseases do not "kill people in" places or leave bodies in rubble
        !(group === 'e' && /were killed|been killed|killed \{|mown|bodies|buried|blast|bombing/.test(t.t)),
    ).flatMap((t) => {
      const x = forKind(t.t, kind);
      return x === null ? [] : [x === t.t ? t : { ...t, t: x }];
    });
    figureCache.set(key, hit);
  }
  return hit;
}
const ledeCache = new Map<string, readonly FigureTemplate[]>();
function ledesFor(group: string, kind: string): readonly FigureTemplate[] {
  const key = `${group}:${kind}`;
  let hit = ledeCache.get(key);
  if (!hit) {
    hit = LEDES[group]!.flatMap((t) => {
      const x = forKind(t.t, kind);
      return x === null ? [] : [x === t.t ? t : { ...t, t: x }];
    });
    ledeCache.set(key, hit);
  }
  return hit;
}

const countWords = (s: string): number => {
  let n = 0;
  let inWord = false;
  let alnum = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32) {
      if (inWord && alnum) n++;
      inWord = false;
      alnum = false;
    } else {
      inWord = true;
      if (!alnum && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7))) alnum = true;
    }
  }
  if (inWord && alnum) n++;
  return n;
};

type ParaKind = 'figure' | 'quote' | 'background' | 'filler' | 'numbers' | 'reaction' | 'eyewitness' | 'analysis';
const PARA_KINDS: [ParaKind, number][] = [
  ['figure', 30], ['quote', 16], ['background', 12], ['filler', 14], ['numbers', 10], ['reaction', 8], ['eyewitness', 8], ['analysis', 4],
];
let pk = 0;
const PARA_CUM = PARA_KINDS.map(([, wt]) => (pk += wt));

function paragraph(w: Writer, kind: ParaKind): Para {
  const { rng, st } = w;
  w.figs = [];
  const fill = () => w.sentence(w.fresh(pool('filler', w.group, w.kind)));
  const sentences: string[] = [];
  switch (kind) {
    case 'figure': {
      const n = rng.chance(0.35) ? 2 : 1;
      for (let i = 0; i < n; i++) {
        w.evDay = w.day - (rng.chance(0.5) ? rng.int(0, 6) : rng.int(0, 60));
        sentences.push(w.figure(w.freshFigure(figureTemplatesFor(w.group, w.kind))));
      }
      if (rng.chance(0.35)) sentences.push(fill());
      break;
    }
    case 'quote':
      sentences.push(w.quote(rng.chance(0.6) ? 'official' : 'anon'));
      if (rng.chance(0.3)) sentences.push(fill());
      break;
    case 'background': {
      const past = st.milestones.filter((m) => m.day < w.day && !w.used.has(m.text));
      const k = Math.min(past.length, rng.int(1, 2));
      const chosen = rng.shuffle([...past]).slice(0, k).sort((a, b) => a.day - b.day);
      for (const m of chosen) {
        if (w.used.has(m.text)) continue;
        w.used.add(m.text);
        let when = whenPhrase(rng, m.day, w.day, w.style);
        if (rng.chance(0.6)) {
          if (/^[A-Z]/.test(when)) when = `On ${when}`; // a bare weekday opens a sentence as "On Monday,"
          sentences.push(`${cap(when)}, ${m.text}.`);
        } else sentences.push(`${cap(m.text)} ${when}.`);
      }
      if (sentences.length === 0 || rng.chance(0.4)) sentences.push(fill());
      break;
    }
    case 'filler':
      for (let i = rng.int(1, 3); i > 0; i--) sentences.push(fill());
      break;
    case 'numbers': {
      const numbers = pool('numbers', w.group, w.kind);
      w.evDay = w.day - rng.int(0, 10);
      sentences.push(w.sentence(w.fresh(numbers)));
      if (rng.chance(0.5)) sentences.push(w.sentence(w.fresh(numbers)));
      if (rng.chance(0.3)) sentences.push(fill());
      break;
    }
    case 'reaction':
      sentences.push(w.quote('intl'));
      if (rng.chance(0.4)) sentences.push(fill());
      break;
    case 'eyewitness':
      sentences.push(w.quote('resident'));
      if (rng.chance(0.4)) sentences.push(w.quote('resident'));
      break;
    case 'analysis':
      sentences.push(w.quote('analyst'));
      break;
  }
  const text = sentences.join(' ');
  return { text, figs: w.figs, words: countWords(text) };
}

const scopeCache = new Map<string, readonly FigureTemplate[]>();
function eventTemplates(group: string, kind: string): readonly FigureTemplate[] {
  const key = `e:${group}:${kind}`;
  let hit = scopeCache.get(key);
  if (!hit) scopeCache.set(key, (hit = figureTemplatesFor(group, kind).filter((t) => t.s === 'e')));
  return hit;
}
function totalTemplates(group: string, kind: string): readonly FigureTemplate[] {
  const key = `t:${group}:${kind}`;
  let hit = scopeCache.get(key);
  if (!hit) scopeCache.set(key, (hit = figureTemplatesFor(group, kind).filter((t) => t.s === 't')));
  return hit;
}

const LEDES: Readonly<Record<string, readonly FigureTemplate[]>> = {
  v: [
    { g: 'v', c: 'killed', s: 'e', t: '{Side_a} killed {n} {who} in {place} {when}, {claimant} said, in one of the deadliest days since {event} began.' },
    { g: 'v', c: 'killed', s: 'e', t: '[protest]{Side_a} opened fire on protesters in {place} {when}, killing {n} {who}, {claimant} said.' },
    { g: 'v', c: 'captured', s: 'e', t: '[protest]Police detained {n} {who} in {capital} {when} as thousands defied a ban on demonstrations, {claimant} said.' },
    { g: 'v', c: 'killed', s: 'e', t: '[war]{N} {who} were killed when a {attack} struck {place} {when}, {claimant} said.' },
    { g: 'v', c: 'killed', s: 'e', t: '[war]Fighting between {side_a} and {side_b} killed {n} {who} in and around {place} {when}, {claimant} said.' },
    { g: 'v', c: 'killed/wounded', s: 'e', t: 'At least {n_bare} {who} were killed and {m} wounded {in_place} {when}, {claimant} said, as {event} showed no sign of easing.' },
    { g: 'v', c: 'deployed', s: 'e', t: '[war]{Country} has sent {n} more {who} to {place}, {claimant} said {when}, after heavy losses in the area.' },
    { g: 'v', c: 'displaced', s: 'e', t: '[war]Thousands of {who} fled {place} {when} as {side_b} advanced on the town, and {claimant} said {n} had crossed into {neighbor}.' },
  ],
  d: [
    { g: 'd', c: 'killed', s: 't', t: 'The death toll from {event} in {country} rose to {n} {when}, {claimant} said, as rescuers searched for survivors.' },
    { g: 'd', c: 'killed/missing', s: 't', t: '{N} {who} have been killed and {m} are missing after {event} in {country}, {claimant} said {when}.' },
    { g: 'd', c: 'killed', s: 'e', t: 'Rescuers pulled {n} more bodies from the debris in {place} {when}, {claimant} said, as hopes of finding survivors faded.' },
    { g: 'd', c: 'displaced', s: 't', t: '{Claimant} said {when} that {n} {who} had been left homeless by {event}, as aid began to reach {place}.' },
  ],
  e: [
    { g: 'e', c: 'killed/killed', s: 'e', t: '{Country} reported {n} new deaths from {disease} {when}, bringing the toll since the outbreak began to {m}, {claimant} said.' },
    { g: 'e', c: 'killed', s: 't', t: '{Claimant} said {when} that {disease} had killed {n} {who} {since}, and warned that the outbreak was spreading to new areas.' },
  ],
  a: [
    { g: 'a', c: 'killed/wounded', s: 'e', t: '{N} {who} were killed and {m} injured in the {attack} in {place} {when}, {claimant} said.' },
    { g: 'a', c: 'missing', s: 'e', t: '{Claimant} said {when} that {n} {who} were still missing after the {attack} near {place}.' },
  ],
  m: [
    { g: 'm', c: 'killed', s: 'e', t: '{N} {who} drowned and hundreds more were feared missing after an overcrowded boat capsized off {place} {when}, {claimant} said.' },
    { g: 'm', c: 'displaced', s: 't', t: '{N} {who} have fled to {neighbor} {since}, {claimant} said {when}.' },
  ],
};

const STANDFIRSTS = [
  'The {event_word} is the deadliest in {country} in years.',
  'Casualty figures vary widely, and the true toll may never be known.',
  'Aid agencies say the humanitarian situation is deteriorating fast.',
  'Officials warn the toll is likely to rise as rescuers reach remote areas.',
  'The statement was the first official confirmation of the figures.',
  'Residents describe scenes of chaos as {side_a} struggle to respond.',
  'The UN says access to the worst-hit areas remains severely restricted.',
];

function compose(seed: number, index: number): Draft {
  const rng = new Rng(hash32(seed, index, SALT.article));
  const storyIndex = pickCumulative(rng, storyWeights(seed));
  const st = storyRt(seed, storyIndex);
  const outletIndex = pickCumulative(rng, OUTLET_CUM);
  const outlet = OUTLETS[outletIndex]!;
  // coverage clusters after milestones; disasters are covered mostly early on
  let day: number;
  if (st.milestones.length > 0 && rng.chance(0.5)) day = rng.pick(st.milestones).day + rng.int(0, 6);
  else if (st.spec.group === 'violence' || st.spec.group === 'epidemic') day = st.startDay + rng.int(0, st.spec.spanDays);
  else day = st.startDay + Math.floor(st.spec.spanDays * rng.next() ** 2);
  const w = new Writer(rng, st, day, outlet.style);
  const group = w.group;

  // lede: the news peg, a few days before publication at most
  w.evDay = day - (rng.chance(0.7) ? rng.int(0, 2) : rng.int(3, 6));
  w.figs = [];
  const ledes = ledesFor(group, st.spec.kind);
  const ledeTpl = ledes.length > 0 && rng.chance(0.8) ? rng.pick(ledes) : rng.pick(eventTemplates(group, st.spec.kind));
  const lede: Para = { text: w.figure(ledeTpl), figs: w.figs };
  const ledeFig = lede.figs[0]!;

  const figText = ledeFig.qualifier === 'vague' ? ledeFig.text.replace(/ of$/, '') : ledeFig.text;
  const h = (t: string) => cap(w.sentence(t.replace(/\{N\}/g, cap(figText)).replace(/\{n\}/g, figText)));
  const headlinePool = [...HEADLINES['*']!, ...(HEADLINES[group] ?? [])]
    .filter((t) => ledeFig.kind === 'killed' || !/\{n\}/i.test(t))
    .map((t) => t.replace('{Disease}', cap(st.spec.hazard)).replace('{disease}', st.spec.hazard));
  const headlines = [h(rng.pick(headlinePool)), h(rng.pick(headlinePool))];
  const standfirst = rng.chance(0.55) ? w.sentence(rng.pick(STANDFIRSTS)) : null;

  const target = rng.int(590, 800);
  const paras: Para[] = [];
  let words = countWords(lede.text) + countWords(headlines[0]!) + (standfirst ? countWords(standfirst) : 0);
  let guard = 0;
  // the second paragraph usually carries a running total
  if (rng.chance(0.6)) {
    w.figs = [];
    w.evDay = day - rng.int(0, 2);
    const p = { text: w.figure(w.freshFigure(totalTemplates(group, st.spec.kind))), figs: w.figs };
    paras.push(p);
    words += countWords(p.text);
  }
  while (words < target && guard++ < 80) {
    const kind = PARA_KINDS[pickCumulative(rng, PARA_CUM)]![0];
    const p = paragraph(w, kind);
    const n = p.words!;
    if (words + n > 820) continue;
    paras.push(p);
    words += n;
  }
  const datelineCity = rng.chance(0.6) ? st.spec.capital : rng.pick(st.spec.places);
  return { story: st, day, style: outlet.style, outletIndex, headlines, standfirst, lede, paras, datelineCity, group };
}

// ---------------------------------------------------------------------------
// Syndication: which articles are near-copies, and of what

function isCopy(seed: number, index: number): boolean {
  return index > 0 && hash32(seed, index, SALT.isCopy) / 4294967296 < SYNDICATION_RATE;
}
function sourceOf(seed: number, index: number): number {
  const back = 1 + (hash32(seed, index, SALT.source) % Math.min(index, 300));
  let j = index - back;
  while (isCopy(seed, j)) j--;
  return j;
}

/** One-pass speller from whole-word and word-prefix replacement pairs. */
function speller(whole: readonly (readonly [string, string])[], prefix: readonly (readonly [string, string])[]): (s: string) => string {
  const map = new Map<string, string>([...whole, ...prefix]);
  const alt = (xs: readonly (readonly [string, string])[]) => xs.map(([a]) => a.replace(/[-]/g, '\\-')).sort((a, b) => b.length - a.length).join('|');
  const re = new RegExp(`\\b(?:(${alt(whole)})\\b|(${alt(prefix)}))`, 'g');
  return (s) => s.replace(re, (m) => map.get(m) ?? m);
}
const flip = (xs: readonly (readonly [string, string])[]) => xs.map(([a, b]) => [b, a] as const);
const toUk = speller(UK_SPELLINGS.whole, UK_SPELLINGS.prefix);
const toUs = speller(flip(UK_SPELLINGS.whole), flip(UK_SPELLINGS.prefix));
function respell(text: string, style: Style): string {
  return style === 'uk' ? toUk(text) : toUs(text);
}

const WEEKDAY_RE = /\bsaid (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const SAID_ON_RE = /\bsaid on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;

/** Small copy-desk edits of a wire story re-run by another outlet (seed 000 vs 004). */
function syndicate(src: Draft, rng: Rng, outletIndex: number): Draft {
  const outlet = OUTLETS[outletIndex]!;
  const edit = (t: string): string => {
    let s = respell(t, outlet.style);
    if (outlet.style === 'uk') s = s.replace(WEEKDAY_RE, 'said on $1');
    else if (rng.chance(0.5)) s = s.replace(SAID_ON_RE, 'said $1');
    return s;
  };
  const contract = rng.chance(0.4);
  const although = rng.chance(0.3);
  const tweak = (t: string) => {
    let s = edit(t);
    if (contract) s = s.replace(/\bhad not\b/g, "hadn't").replace(/\bdid not\b/g, "didn't").replace(/\bcould not\b/g, "couldn't");
    if (although) s = s.replace(/\bthough\b/g, 'although');
    return s;
  };
  let paras = src.paras.map((p) => ({ text: tweak(p.text), figs: p.figs }));
  // merge two neighbouring paragraphs, or split one at a sentence boundary
  if (paras.length > 3 && rng.chance(0.5)) {
    const k = rng.int(0, paras.length - 2);
    const a = paras[k]!;
    const b = paras[k + 1]!;
    paras.splice(k, 2, { text: `${a.text} ${b.text}`, figs: [...a.figs, ...b.figs] });
  } else if (rng.chance(0.4)) {
    const k = paras.findIndex((p) => p.figs.length === 0 && /\. [A-Z]/.test(p.text));
    if (k >= 0) {
      const t = paras[k]!.text;
      const cut = t.search(/\. [A-Z]/) + 1;
      paras.splice(k, 1, { text: t.slice(0, cut), figs: [] }, { text: t.slice(cut + 1), figs: [] });
    }
  }
  // trim the tail, as copy desks do, if the article stays long enough
  if (rng.chance(0.4)) {
    const last = paras[paras.length - 1];
    const words = paras.reduce((s, p) => s + countWords(p.text), 0);
    if (last && words - countWords(last.text) > 640) paras = paras.slice(0, -1);
  }
  return {
    ...src,
    style: outlet.style,
    outletIndex,
    headlines: rng.chance(0.5) ? src.headlines : [src.headlines[1]!, src.headlines[0]!],
    standfirst: rng.chance(0.7) ? (src.standfirst ? tweak(src.standfirst) : null) : null,
    lede: { text: tweak(src.lede.text), figs: src.lede.figs },
    paras,
  };
}

// ---------------------------------------------------------------------------
// Rendering: boilerplate, formats, date metadata

type Format = 'txt' | 'md' | 'html';
type DateMode = 'frontmatter' | 'line' | 'none';

interface Block {
  /** Block role decides its markup in md/html. */
  role: 'site' | 'headline' | 'standfirst' | 'byline' | 'dateline' | 'caption' | 'body' | 'boiler' | 'related' | 'nav';
  text: string;
  /** Visible words, when already known (quote curling does not change it). */
  words?: number;
}

/** Straight quotes to curly ones, opening after a space, bracket or dash. */
function smartQuotes(s: string): string {
  return s.replace(/["']/g, (q, off: number) => {
    const p = off === 0 ? 32 : s.charCodeAt(off - 1);
    const open = p <= 32 || p === 40 || p === 91 || p === 0x2014 || p === 0x2013 || (q === '"' && p === 45);
    return q === '"' ? (open ? '\u201c' : '\u201d') : open ? '\u2018' : '\u2019';
  });
}

function credit(rng: Rng, names: readonly string[]): string {
  const agency = rng.chance(0.6) ? rng.pick(AGENCIES).name : rng.pick(PHOTOGRAPHERS_AGENCIES);
  const who = rng.pick(names);
  const r = rng.next();
  if (r < 0.3) return `(${who}/${agency})`;
  if (r < 0.45) return `(Photo: ${agency})`;
  if (r < 0.6) return `Photograph: ${who}/${agency}`;
  if (r < 0.75) return `Copyright ${agency}`;
  if (r < 0.87) return `Image source, ${agency}`;
  return `Credit: ${who}/${agency}`;
}

interface RenderOut { text: string; words: number; figures: PlantedFigure[]; ext: Format }

function render(d: Draft, rng: Rng, seed: number, index: number, format: Format, dateMode: DateMode, sourceOutlet: Outlet | null): RenderOut {
  const outlet = OUTLETS[d.outletIndex]!;
  const st = d.story;
  const spec = st.spec;
  const staff = outletStaff(seed, d.outletIndex).names;
  const t = ymd(d.day);
  const iso = isoDate(d.day);
  const w = new Writer(rng, st, d.day, d.style);
  const fillSlots = (s: string) => w.sentence(s);
  const blocks: Block[] = [];
  const fam = outlet.family;
  const agency = outlet.agency !== undefined ? AGENCIES[outlet.agency]! : sourceOutlet?.agency !== undefined ? AGENCIES[sourceOutlet.agency]! : rng.pick(AGENCIES);
  const carriesWire = outlet.agency === undefined && (sourceOutlet?.agency !== undefined || rng.chance(0.15));
  const byline =
    outlet.agency !== undefined ? `By ${rng.pick(staff)}${rng.chance(0.3) ? ` and ${rng.pick(staff)}` : ''}`
      : carriesWire && fam === 'ukRegional' ? `By contributor ${agency.name} Reporters`
        : carriesWire && rng.chance(0.5) ? `${agency.name}`
          : `By ${rng.pick(staff)}${rng.chance(0.2) ? ` and ${rng.pick(staff)}` : ''}`;
  const publishedLine =
    dateMode !== 'line' ? null
      : rng.chance(0.3) ? `date ${iso}`
        : `Published${rng.chance(0.2) ? ':' : ''} ${dayMonth(t, rng.chance(0.7) ? outlet.style : 'uk', true)}`;
  const captionText = () => {
    const c = fillSlots(rng.pick(CAPTIONS).replace('{Official}', '{official}').replace('{official2}', '{official}')
      .replace('{caption_date}', dayMonth(ymd(d.day - rng.int(0, 5)), outlet.style, rng.chance(0.3)))
      .replace('{caption_month}', `${MONTHS[ymd(d.day - rng.int(60, 600)).m - 1]} ${ymd(d.day - rng.int(60, 600)).y}`));
    return cap(c);
  };

  // ---- header
  if (fam === 'euro') blocks.push({ role: 'nav', text: `Newsletter Newsletters Events Events Podcasts Videos ${outlet.name}` }, { role: 'boiler', text: 'Loader' }, { role: 'boiler', text: 'Advertisement' });
  if (fam === 'ukRegional') blocks.push({ role: 'site', text: outlet.name });
  if (fam === 'broadcaster') blocks.push({ role: 'boiler', text: 'ARTICLE AD BOX' });
  if (fam === 'usPaper' && rng.chance(0.5)) blocks.push({ role: 'boiler', text: 'Supported by' });
  // "date 2023-09-14" lines: first line, after the byline, or (as in seed 004) run into the lede
  const datePlace = publishedLine?.startsWith('date ') ? (format === 'html' ? 'byline' : rng.pick(['top', 'byline', 'lede'] as const)) : 'byline';
  if (publishedLine && datePlace === 'top') blocks.push({ role: 'dateline', text: publishedLine });
  blocks.push({ role: 'headline', text: d.headlines[0]! });
  if (d.standfirst) blocks.push({ role: 'standfirst', text: d.standfirst });
  if (fam === 'usPaper' && rng.chance(0.6)) blocks.push({ role: 'boiler', text: `Listen to this article \u00b7 ${rng.int(3, 9)}:${pad2(rng.int(0, 59))} min` });
  const hasCaption = rng.chance(fam === 'wire' || fam === 'aggregator' ? 0.3 : 0.7);
  let caption: string | null = null;
  if (hasCaption) caption = `${captionText()} ${credit(rng, staff)}`;
  if (caption && (fam === 'ukRegional' || fam === 'euro') && rng.chance(0.6)) {
    // scraped pages repeat the image's alt text above the caption
    blocks.push({ role: 'caption', text: caption.replace(/ \(.*\)$| Copyright .*$| Photograph: .*$| Image source, .*$| Credit: .*$/, '') });
  }
  if (caption && fam !== 'broadcaster') blocks.push({ role: 'caption', text: caption });
  if (fam === 'euro' && caption) blocks.push({ role: 'boiler', text: `Copyright ${agency.code === 'CP' ? 'CP' : agency.name} Photo` });
  if (fam !== 'wire' && fam !== 'aggregator' || rng.chance(0.3)) blocks.push({ role: 'byline', text: byline });
  if (publishedLine && datePlace === 'byline') blocks.push({ role: 'dateline', text: publishedLine });
  else if (dateMode === 'none' && (fam === 'ukRegional' || fam === 'euro') && rng.chance(0.7)) blocks.push({ role: 'boiler', text: fam === 'euro' ? 'Published on' : 'Published' });
  if (fam === 'euro') blocks.push({ role: 'boiler', text: 'Share this article Comments' }, { role: 'boiler', text: 'Share this article Close Button' });
  if (fam === 'broadcaster') blocks.push({ role: 'boiler', text: rng.chance(0.5) ? 'Share\nSave' : 'Share' });
  if (fam === 'usPaper' && rng.chance(0.5)) blocks.push({ role: 'boiler', text: 'Share full article' });
  if (caption && fam === 'broadcaster') blocks.push({ role: 'caption', text: `Image caption, ${caption}` });

  // ---- body
  const bodyFigs: PlantedFigure[][] = [];
  let lede = d.lede.text;
  const keepDateline = outlet.agency !== undefined || (sourceOutlet?.agency !== undefined && rng.chance(0.3));
  if (keepDateline) {
    const city = d.datelineCity.toUpperCase();
    lede =
      agency.dashStyle === 'ap' ? `${city}, ${spec.country.replace(/^the /, '')} \u2014 (${agency.code}) \u2014 ${lede}`
        : agency.dashStyle === 'reuters' ? `${city}, ${dayMonth(t, 'us', false)} (${agency.code}) - ${lede}`
          : `${d.datelineCity} (${agency.code}) - ${lede}`;
  }
  const body: Para[] = [{ text: lede, figs: d.lede.figs }, ...d.paras];

  const midBoiler = (): string => {
    const r = rng.next();
    if (fam === 'euro' || r < 0.25) return 'ADVERTISEMENT';
    if (fam === 'usPaper') return r < 0.6 ? 'Advertisement' : 'Continue reading the main story';
    if (fam === 'asian') return `Also Read: ${cap(fillSlots(rng.pick(RELATED_HEADLINES)))}`;
    if (fam === 'broadcaster') return r < 0.6 ? `Image caption, ${captionText()}` : 'Related topics';
    if (r < 0.5) return 'Story continues below advertisement';
    return `${captionText()} ${credit(rng, staff)}`;
  };
  const adEvery = fam === 'wire' ? 0 : rng.int(4, 9);
  body.forEach((p, i) => {
    const text = i === 0 && publishedLine && datePlace === 'lede' ? `${publishedLine} ${p.text}` : p.text;
    blocks.push(text === p.text && p.words !== undefined ? { role: 'body', text, words: p.words } : { role: 'body', text });
    bodyFigs.push(p.figs);
    if (adEvery && i > 0 && i % adEvery === 0 && i < body.length - 2) blocks.push({ role: 'boiler', text: midBoiler() });
  });

  // ---- footer
  const related = () => Array.from({ length: rng.int(2, 3) }, () => cap(fillSlots(rng.pick(RELATED_HEADLINES))));
  switch (fam) {
    case 'wire':
      if (agency.dashStyle === 'ap') blocks.push({ role: 'boiler', text: `___\n${rng.pick(staff)} in ${rng.pick(CITIES_ABROAD)} contributed to this report.` });
      else if (agency.dashStyle === 'reuters') blocks.push({ role: 'boiler', text: `Reporting by ${rng.pick(staff)} in ${spec.capital}; Additional reporting by ${rng.pick(staff)}; Editing by ${rng.pick(staff)}` });
      else blocks.push({ role: 'boiler', text: `bur-${staff[0]!.slice(0, 3).toLowerCase()}/${staff[1]!.slice(0, 2).toLowerCase()}` });
      break;
    case 'ukRegional':
      blocks.push({ role: 'boiler', text: 'Sorry, we are not accepting comments on this article.' });
      break;
    case 'broadcaster':
      blocks.push({ role: 'boiler', text: 'Related topics' }, { role: 'related', text: `${spec.country.replace(/^the /, '')}\n${cap(KIND_WORDS[spec.kind].eventWord)}s` });
      if (rng.chance(0.5)) blocks.push({ role: 'boiler', text: 'More on this story' }, { role: 'related', text: related().join('\n') });
      break;
    case 'euro':
      blocks.push({ role: 'boiler', text: 'Go to accessibility shortcuts' }, { role: 'boiler', text: 'Share this article Comments' }, { role: 'boiler', text: 'Read more' }, { role: 'related', text: related().join('\n\n') });
      break;
    case 'usPaper':
      if (rng.chance(0.5)) blocks.push({ role: 'boiler', text: `Sign up for the ${outlet.name} Morning newsletter. Get the day's top stories in your inbox.` });
      if (dateMode !== 'none' && rng.chance(0.5)) blocks.push({ role: 'boiler', text: `A version of this article appears in print on ${dayMonth(ymd(d.day + 1), 'us', true)}, Section A, Page ${rng.int(4, 14)}.` });
      blocks.push({ role: 'boiler', text: rng.chance(0.5) ? 'Comments are closed.' : 'Share full article' });
      break;
    case 'aggregator':
      blocks.push({ role: 'boiler', text: `Sources: ${sourceOutlet ? sourceOutlet.name : agency.name}` });
      if (rng.chance(0.5)) blocks.push({ role: 'boiler', text: 'SMS/' });
      break;
    case 'asian':
      blocks.push({ role: 'boiler', text: `(With inputs from ${agency.name})` }, { role: 'boiler', text: 'Follow us on Twitter, Facebook and Instagram for the latest news.' });
      break;
    case 'gulf':
      blocks.push({ role: 'boiler', text: `${agency.code}/${d.datelineCity}` }, { role: 'boiler', text: rng.chance(0.5) ? 'Comments have been disabled for this article.' : 'Most Read' });
      break;
    case 'blog':
      blocks.push({ role: 'boiler', text: `Posted in World | Tagged ${spec.country.replace(/^the /, '')}, ${KIND_WORDS[spec.kind].eventWord}` }, { role: 'boiler', text: 'Leave a comment' }, { role: 'boiler', text: 'Subscribe to get the latest posts sent to your email.' });
      break;
  }
  if (sourceOutlet && outlet.agency === undefined && fam !== 'aggregator' && rng.chance(0.3)) blocks.push({ role: 'boiler', text: `This article originally appeared in ${sourceOutlet.name}.` });
  if (fam !== 'wire' && rng.chance(0.15)) blocks.push({ role: 'boiler', text: rng.pick(['Share on Facebook Share on Twitter Share via Email', 'Copy link', 'Sign up for our daily newsletter', 'Join the conversation']) });

  // ---- spelling, quote marks
  const mixed = !outlet.curly && rng.chance(0.1);
  const finish = (b: Block) => {
    if (b.role === 'body' || b.role === 'standfirst' || b.role === 'headline' || b.role === 'caption') {
      if (outlet.curly || (mixed && rng.chance(0.5))) b.text = smartQuotes(b.text);
    }
  };
  blocks.forEach(finish);

  // ---- length: drop trailing paragraphs or add background until the visible length is in range
  const htmlExtra = format === 'html' ? countWords(outlet.name) + (blocks.some((b) => b.role === 'nav' || b.role === 'site') ? 5 : 0) : 0;
  let words = htmlExtra;
  for (const b of blocks) words += b.words ?? countWords(b.text);
  const lastBody = () => blocks.reduce((at, b, i) => (b.role === 'body' ? i : at), -1);
  while (words > MAX_WORDS && bodyFigs.length > 2) {
    const i = lastBody();
    words -= blocks[i]!.words ?? countWords(blocks[i]!.text);
    blocks.splice(i, 1);
    bodyFigs.pop();
  }
  while (words < MIN_WORDS) {
    const p = paragraph(w, 'filler');
    const b: Block = { role: 'body', text: p.text };
    finish(b);
    words += countWords(b.text);
    blocks.splice(lastBody() + 1, 0, b);
  }
  const figures = bodyFigs.flat();

  // ---- format
  const title = d.headlines[0]!;
  const section = rng.pick(SECTIONS);
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 70);
  const url = `https://www.${outlet.domain}/${section}/${t.y}/${pad2(t.m)}/${pad2(t.d)}/${slug}`;
  const authorName = byline.replace(/^By (contributor )?/, '');
  let text: string;
  if (format === 'html') text = renderHtml(blocks, rng, { title, outlet, url, iso, dateMode, author: authorName, index });
  else {
    const sep = fam === 'wire' || rng.chance(0.7) ? '\n\n' : '\n';
    const parts = blocks.map((b) => (format === 'md' ? mdBlock(b, rng, outlet, index) : b.text));
    text = parts.join(sep) + (rng.chance(0.5) ? '\n' : '');
    if (dateMode === 'frontmatter') text = frontMatter(rng, { title, outlet, url, iso, author: authorName, day: d.day }) + text;
  }
  return { text, words, figures, ext: format };
}

/**
 * Words a reader sees: YAML front matter, the HTML head, scripts, styles and
 * tags removed, entities decoded; a word is a whitespace-separated token with
 * a letter or digit in it.
 */
export function visibleWords(text: string): number {
  let s = text;
  if (s.startsWith('---\n')) {
    const end = s.indexOf('\n---\n', 4);
    if (end >= 0) s = s.slice(end + 5);
  }
  if (s.includes('<')) {
    s = s
      .replace(/<head>[\s\S]*?<\/head>/gi, ' ')
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(?:#\d+|[a-z]+);/gi, '\u00a7'); // entities are punctuation here
  }
  return countWords(s);
}

function yamlString(rng: Rng, s: string): string {
  if (/[:#"'\u2019{}[\],&*!|>%@`]/.test(s) || /^[-?\d]/.test(s) || rng.chance(0.4)) return JSON.stringify(s);
  return s;
}

function frontMatter(rng: Rng, m: { title: string; outlet: Outlet; url: string; iso: string; author: string; day: number }): string {
  const lines = ['---', `title: ${yamlString(rng, m.title)}`, `publisher: ${yamlString(rng, m.outlet.name)}`];
  const r = rng.next();
  lines.push(`date: ${r < 0.15 ? `${m.iso}T${pad2(rng.int(5, 22))}:${pad2(rng.int(0, 59))}:00Z` : r < 0.3 ? `"${m.iso}"` : m.iso}`);
  if (rng.chance(0.85)) lines.push(`url: ${m.url}`);
  if (rng.chance(0.7)) lines.push(`byline: ${yamlString(rng, m.author)}`);
  if (rng.chance(0.2)) [lines[1], lines[3]] = [lines[3]!, lines[1]!];
  lines.push('---', '');
  return lines.join('\n') + (rng.chance(0.5) ? '\n' : '');
}

function mdBlock(b: Block, rng: Rng, outlet: Outlet, index: number): string {
  switch (b.role) {
    case 'headline': return `# ${b.text}`;
    case 'standfirst': return `*${b.text}*`;
    case 'byline': return rng.chance(0.5) ? `**${b.text}**` : b.text;
    case 'caption': return `![${b.text.replace(/[[\]]/g, '')}](https://www.${outlet.domain}/images/${index.toString(36)}-${rng.int(1, 9)}.jpg)`;
    case 'site': return `**${b.text}**`;
    case 'related': return b.text.split(/\n+/).map((l) => `- [${l}](https://www.${outlet.domain}/news/${l.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)})`).join('\n');
    case 'boiler': return b.text === 'ADVERTISEMENT' || b.text === 'Advertisement' ? `_${b.text}_` : b.text;
    default: return b.text;
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => esc(s).replace(/"/g, '&quot;');

function renderHtml(blocks: Block[], rng: Rng, m: { title: string; outlet: Outlet; url: string; iso: string; dateMode: DateMode; author: string; index: number }): string {
  const entities = rng.chance(0.5);
  const txt = (s: string) => {
    const e = esc(s);
    return entities ? e.replace(/\u2019/g, '&rsquo;').replace(/\u201c/g, '&ldquo;').replace(/\u201d/g, '&rdquo;').replace(/\u2014/g, '&mdash;') : e;
  };
  const head = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${txt(m.title)} | ${txt(m.outlet.name)}</title>`,
    `<link rel="canonical" href="${escAttr(m.url)}">`,
    `<meta property="og:title" content="${escAttr(m.title)}">`,
  ];
  if (m.dateMode === 'frontmatter') head.push(`<meta property="article:published_time" content="${m.iso}T${pad2(rng.int(5, 22))}:00:00Z">`, `<meta name="author" content="${escAttr(m.author)}">`);
  head.push(
    `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-${(m.index * 7919).toString(36).toUpperCase()}');</script>`,
    '<script async src="https://ads.example-cdn.com/prebid.js"></script>',
    '<style>.ad-slot{min-height:250px}.share a{margin-right:8px}</style>',
    '</head>',
    '<body>',
  );
  const out = head;
  let inArticle = false;
  for (const b of blocks) {
    if (!inArticle && (b.role === 'headline' || b.role === 'body')) {
      out.push('<article>');
      inArticle = true;
    }
    switch (b.role) {
      case 'nav':
      case 'site':
        out.push(`<nav class="site-nav"><ul>${['Home', 'World', 'Politics', 'Business', 'Sport'].map((x) => `<li><a href="/${x.toLowerCase()}">${x}</a></li>`).join('')}</ul><span class="brand">${txt(b.text)}</span></nav>`);
        break;
      case 'headline': out.push(`<h1>${txt(b.text)}</h1>`); break;
      case 'standfirst': out.push(`<p class="standfirst">${txt(b.text)}</p>`); break;
      case 'byline': out.push(`<p class="byline">${txt(b.text)}</p>`); break;
      case 'dateline': out.push(rng.chance(0.5) ? `<p class="dateline">${txt(b.text)}</p>` : `<time datetime="${m.iso}">${txt(b.text)}</time>`); break;
      case 'caption': out.push(`<figure><img src="/img/${m.index.toString(36)}.jpg" alt="${escAttr(b.text)}"><figcaption>${txt(b.text)}</figcaption></figure>`); break;
      case 'body': out.push(`<p>${txt(b.text).replace(/\n/g, '<br>')}</p>`); break;
      case 'related': out.push(`<ul class="related">${b.text.split(/\n+/).map((l) => `<li><a href="/news/${m.index.toString(36)}">${txt(l)}</a></li>`).join('')}</ul>`); break;
      case 'boiler':
        out.push(/advert/i.test(b.text) ? `<div class="ad-slot">${txt(b.text)}</div>` : `<div class="share">${txt(b.text).replace(/\n/g, '<br>')}</div>`);
        break;
    }
  }
  if (inArticle) out.push('</article>');
  out.push(`<footer><p>&copy; ${txt(m.outlet.name)}</p></footer>`, '<script>document.querySelectorAll(".ad-slot").forEach(function(el){el.dataset.loaded="1"});</script>', '</body>', '</html>', '');
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Public API

interface Built { article: GeneratedArticle; info: ArticleInfo }

function build(seed: number, index: number): Built {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`index must be a non-negative integer, got ${index}`);
  seed = seed >>> 0;
  const copy = isCopy(seed, index);
  const src = copy ? sourceOf(seed, index) : index;
  let draft = compose(seed, src);
  const rng = new Rng(hash32(seed, index, copy ? SALT.copy : SALT.name));
  let sourceOutlet: Outlet | null = null;
  if (copy) {
    sourceOutlet = OUTLETS[draft.outletIndex]!;
    let o = pickCumulative(rng, OUTLET_CUM);
    for (let i = 0; i < 10 && (o === draft.outletIndex || OUTLETS[o]!.agency !== undefined); i++) o = pickCumulative(rng, OUTLET_CUM);
    draft = syndicate(draft, rng, o);
  }
  const fr = rng.next();
  const format: Format = fr < 0.05 ? 'html' : fr < 0.2 ? 'md' : 'txt';
  const dr = rng.next();
  const dateMode: DateMode = dr < 0.6 ? 'frontmatter' : dr < 0.8 ? 'line' : 'none';
  const out = render(draft, new Rng(hash32(seed, index, 11)), seed, index, format, dateMode, sourceOutlet);
  const fileName = `${String(index).padStart(6, '0')}_${hash32(seed, index, 21).toString(16).padStart(8, '0')}${hash32(seed, index, 22).toString(16).padStart(8, '0')}.${out.ext}`;
  return {
    article: { fileName, text: out.text },
    info: {
      index,
      fileName,
      story: draft.story.spec.slug,
      outlet: OUTLETS[draft.outletIndex]!.name,
      date: isoDate(draft.day),
      dateMode,
      format,
      syndicatedFrom: copy ? src : null,
      words: out.words,
      figures: out.figures,
    },
  };
}

/**
 * Deterministic: same (seed, index) -> same article, independent of other indices
 * (so 100,000 can be generated lazily, in any order, or in parallel).
 *
 * @example generateArticle(42, 0).fileName // '000000_xxxxxxxxxxxxxxxx.txt'
 */
export function generateArticle(seed: number, index: number): GeneratedArticle {
  return build(seed, index).article;
}

/**
 * The article plus what the generator knows about it: story, outlet, hidden
 * publication date, how the date is stated, syndication source and the figures
 * it plants. For scoring extraction and dating against ground truth.
 */
export function describeArticle(seed: number, index: number): { article: GeneratedArticle; info: ArticleInfo } {
  return build(seed, index);
}

/**
 * Writes articles `first, first + step, ...` below `count` into `dir`,
 * skipping files that already hold the same text. Synchronous I/O: for many
 * small files it is several times faster than the promise API.
 */
function writeSlice(dir: string, count: number, seed: number, first: number, step: number, existing: ReadonlySet<string>): number {
  let written = 0;
  for (let i = first; i < count; i += step) {
    const { fileName, text } = generateArticle(seed, i);
    const path = join(dir, fileName);
    if (existing.has(fileName)) {
      let current: string | null = null;
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        current = null;
      }
      if (current === text) continue;
    }
    writeFileSync(path, text);
    written++;
  }
  return written;
}

const WORKER_TAG = 'briefbot-bench-generate';
interface SliceJob { tag: typeof WORKER_TAG; dir: string; count: number; seed: number; first: number; step: number }

/** Worker threads need compiled JavaScript; under a TypeScript runner (vitest) everything runs in-thread. */
function workerCount(count: number): number {
  if (count < 4000 || !import.meta.url.endsWith('.js')) return 0;
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

/**
 * Writes `count` articles into `dir` (creating it); skips files that already
 * exist with the same content; returns the number written. Files not produced
 * by this call are left alone. Large corpora are split across worker threads
 * (one per spare core); the output does not depend on how the work is split.
 *
 * @example await writeCorpus('/tmp/corpus-10k', 10_000) // 10000, then 0 on a re-run
 */
export async function writeCorpus(dir: string, count: number, seed: number = DEFAULT_SEED): Promise<number> {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  await mkdir(dir, { recursive: true });
  const existing = new Set(await readdir(dir));
  const workers = workerCount(count);
  const step = workers + 1;
  const pending = Array.from({ length: workers }, (_, k) => {
    const job: SliceJob = { tag: WORKER_TAG, dir, count, seed, first: k + 1, step };
    return new Promise<number>((done, fail) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: job });
      worker.once('message', (n: number) => done(n));
      worker.once('error', fail);
      worker.once('exit', (code) => (code === 0 ? undefined : fail(new Error(`generator worker exited with code ${code}`))));
    });
  });
  // the main thread takes its share in batches, yielding so worker messages are not starved
  let written = 0;
  const BATCH = 500 * step;
  for (let start = 0; start < count; start += BATCH) {
    written += writeSlice(dir, Math.min(count, start + BATCH), seed, start, step, existing);
    await new Promise<void>((r) => setImmediate(r));
  }
  for (const n of await Promise.all(pending)) written += n;
  return written;
}

if (!isMainThread && (workerData as SliceJob | undefined)?.tag === WORKER_TAG) {
  const job = workerData as SliceJob;
  const existing = new Set(readdirSync(job.dir));
  parentPort!.postMessage(writeSlice(job.dir, job.count, job.seed, job.first, job.step, existing));
}

// ---------------------------------------------------------------------------
// CLI

function parseArticleCount(arg: string | undefined): number {
  if (!arg) return NaN;
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(arg.replace(/[,_]/g, ''));
  if (!m) return NaN;
  return Math.round(Number(m[1]) * (m[2] === 'k' || m[2] === 'K' ? 1e3 : m[2] === 'm' || m[2] === 'M' ? 1e6 : 1));
}

/**
 * The command line: `--articles <n|10k|100k> --out <dir> [--seed <int>]`.
 * Returns the exit code; `print` receives the report (and, unless `printError`
 * is given, the problems).
 *
 * @example await runCli(['--articles', '1000', '--out', '/tmp/corpus-1k']) // 0
 */
export async function runCli(argv: readonly string[], print: (line: string) => void = console.log, printError: (line: string) => void = print === console.log ? console.error : print): Promise<number> {
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') opts.set('help', '1');
    else if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      opts.set(k, v ?? argv[++i] ?? '');
    }
  }
  const usage = 'usage: node dist/bench/generate.js --articles <n|10k|100k> --out <dir> [--seed <int>]';
  if (opts.has('help')) {
    print(usage);
    return 0;
  }
  const count = parseArticleCount(opts.get('articles'));
  const out = opts.get('out');
  const seed = opts.has('seed') ? Number(opts.get('seed')) : DEFAULT_SEED;
  const problems: string[] = [];
  if (!Number.isInteger(count) || count < 0) problems.push('--articles must be a non-negative integer (10k and 100k are accepted)');
  if (!out) problems.push('--out <dir> is required');
  if (!Number.isInteger(seed)) problems.push('--seed must be an integer');
  if (problems.length > 0) {
    printError([...problems, usage].join('\n'));
    return 2;
  }
  const started = performance.now();
  const written = await writeCorpus(resolve(out!), count, seed);
  const ms = performance.now() - started;
  print(`${written} of ${count} articles written to ${resolve(out!)} (seed ${seed}) in ${(ms / 1000).toFixed(1)} s`);
  return 0;
}

if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runCli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
