/**
 * The brief: the story in 5-8 points, each with its sources.
 *
 * Extractive: points are sentences of the articles (verbatim), chosen for how
 * central they are to what the corpus as a whole reports, how many independent
 * reports carry them, and whether they carry facts (figures, dates); redundancy
 * is removed (maximal marginal relevance). Where sources disagree on a figure, a
 * point says so, citing each side.
 */
import type { Article, FigureClaim, FigureKind, SourceRef } from '../core/types.js';
import { formatFigure, KIND_LABEL, KIND_ORDER } from './claims.js';
import { lazySentenceRef } from './sources.js';
import { BriefStatements, type StatementCluster } from './statements.js';

export interface BriefPointDraft {
  text: string;
  sources: SourceRef[];
}

export interface BriefOptions {
  /** Only these sentences may be used (a topic brief); key `${articleIndex}:${sentenceIndex}`. */
  allowed?: ReadonlySet<string> | null;
  /** The same as `allowed`, as a test (no key strings to build): faster on large corpora. */
  isAllowed?: ((articleIndex: number, sentenceIndex: number) => boolean) | null;
  /** Every article holding an allowed sentence, ascending (the others are skipped unread). */
  allowedArticles?: readonly number[];
  /** Exactly the allowed sentences (global numbers) and their articles, each once, in any order: only these are visited (`allowed`, `isAllowed` and `allowedArticles` are then ignored). */
  sentences?: { sentence: ArrayLike<number>; article: ArrayLike<number> } | null;
  /** `briefCorpusStats(articles)`, when the caller keeps it between briefs. */
  stats?: BriefCorpusStats;
  maxPoints?: number;
  minPoints?: number;
  /** Only these claims of `claims` (positions, ascending) are the brief's: a topic's, without building their list. */
  claimsIn?: ArrayLike<number> | null;
  /** Find near duplicates by comparing each representative with every allowed statement (tests: the reference for the index). */
  scan?: boolean;
}

/** How many syndication groups use each content word: what makes a sentence central. */
export interface BriefCorpusStats {
  df: ReadonlyMap<string, number>;
  nGroups: number;
}

/** The statements prepared for the corpus each `BriefCorpusStats` was computed from. */
const prepared = new WeakMap<BriefCorpusStats, { articles: readonly Article[]; statements: BriefStatements }>();

/**
 * Document frequency per syndication group: a wire story printed three times
 * counts once. Depends on the whole corpus, not on a topic, so an index computes
 * it once and passes it to every brief; the same pass prepares the statements
 * every brief is made of (kept with the result).
 */
export function briefCorpusStats(articles: readonly Article[]): BriefCorpusStats {
  return briefStatsOf(articles, new BriefStatements(articles));
}

/**
 * The statistics of statements already prepared for `articles` (read back from a
 * snapshot), kept with them so that briefs of `articles` use them. The word map
 * is built when first read (briefs use the statements' arrays, not the map).
 */
export function briefStatsOf(articles: readonly Article[], statements: BriefStatements): BriefCorpusStats {
  let df: Map<string, number> | null = null;
  const stats: BriefCorpusStats = {
    nGroups: statements.nGroups,
    get df() {
      return (df ??= statements.dfMap());
    },
  };
  prepared.set(stats, { articles, statements });
  return stats;
}

/** The statements of `articles`: those prepared with `stats`, else prepared now (once per stats object). */
export function briefStatements(articles: readonly Article[], stats?: BriefCorpusStats): BriefStatements {
  if (stats) {
    const p = prepared.get(stats);
    if (p && p.articles === articles) return p.statements;
  }
  const statements = new BriefStatements(articles);
  if (stats) prepared.set(stats, { articles, statements });
  return statements;
}

const INCREMENT = /\b(?:additional|extra|more|further|another|new|fresh|reinforcements)\b/i;
const DISAGREE_KINDS: readonly FigureKind[] = ['killed', 'wounded', 'casualties', 'missing', 'captured', 'deployed', 'displaced'];

/** Whether a claim is an increment ("3,000 additional troops", "another 4,000"): remembered per claim, claims are reused by every brief. */
const increments = new WeakMap<FigureClaim, boolean>();
function isIncrement(c: FigureClaim): boolean {
  let v = increments.get(c);
  if (v === undefined) increments.set(c, (v = INCREMENT.test(c.subject ?? '') || INCREMENT.test(c.qualifier ?? '')));
  return v;
}

/** Adds `x` to `top`, the first `n` in the order `cmp` gives (as a stable sort would: `x` comes after its equals). */
function keepFirst<T>(top: T[], x: T, n: number, cmp: (a: T, b: T) => number): void {
  if (top.length === n && cmp(x, top[n - 1]!) >= 0) return;
  let at = top.length;
  while (at > 0 && cmp(x, top[at - 1]!) < 0) at--;
  top.splice(at, 0, x);
  if (top.length > n) top.pop();
}

const byReports = (a: FigureClaim, b: FigureClaim) => b.independentReports - a.independentReports || b.high - a.high;

/**
 * Per claim list: 0 not looked at yet, 1 cannot disagree (another kind, or an
 * increment), 2 + i a claim of kind `DISAGREE_KINDS[i]`. Filled as briefs read
 * the list (topic briefs read the index's list through positions).
 */
const disagreeCodes = new WeakMap<readonly FigureClaim[], Uint8Array>();

/**
 * One point per figure kind on which several claimants give different numbers.
 * `positions` (ascending): only these claims of `claims` count, as if the list
 * held only them (a topic's claims, without building that list).
 */
export function disagreementPoints(claims: readonly FigureClaim[], maxPoints = 3, positions: ArrayLike<number> | null = null): BriefPointDraft[] {
  let codes = disagreeCodes.get(claims);
  if (codes?.length !== claims.length) disagreeCodes.set(claims, (codes = new Uint8Array(claims.length)));
  const kinds = DISAGREE_KINDS.length;
  const count = new Int32Array(kinds);
  const differs = new Uint8Array(kinds);
  const first: FigureClaim[] = [];
  // the 5 most reported per kind, in the list's order among equals
  const tops: FigureClaim[][] = DISAGREE_KINDS.map(() => []);
  const n = positions ? positions.length : claims.length;
  for (let p = 0; p < n; p++) {
    const i = positions ? positions[p]! : p;
    let code = codes[i]!;
    if (code === 1) continue;
    const c = claims[i]!;
    if (code === 0) {
      const d = DISAGREE_KINDS.indexOf(c.kind);
      // increments ("3,000 additional troops", "another 4,000") do not contradict totals
      codes[i] = code = d < 0 || isIncrement(c) ? 1 : 2 + d;
    }
    if (code === 1) continue;
    const d = code - 2;
    if (count[d]++ === 0) first[d] = c;
    else if (differs[d] === 0 && (c.low !== first[d]!.low || c.high !== first[d]!.high)) differs[d] = 1;
    keepFirst(tops[d]!, c, 5, byReports);
  }
  const points: { weight: number; point: BriefPointDraft }[] = [];
  for (const kind of KIND_ORDER) {
    const d = DISAGREE_KINDS.indexOf(kind);
    // a kind needs two claims giving different numbers
    if (d < 0 || count[d]! < 2 || differs[d] === 0) continue;
    const top = tops[d]!;
    // group claimants that give the same number
    const byNumber = new Map<string, FigureClaim[]>();
    for (const c of top) {
      const num = formatFigure(c);
      const same = byNumber.get(num);
      if (same) same.push(c);
      else byNumber.set(num, [c]);
    }
    const parts = [...byNumber.entries()].map(([num, cs]) => {
      const named = [...new Set(cs.map((c) => c.claimedBy).filter((n): n is string => !!n))];
      return named.length > 0 ? `${num} per ${named.join(' and ')}` : `${num} (unattributed)`;
    });
    const label = KIND_LABEL[kind];
    const subject = top.find((c) => c.subject)?.subject;
    const text = `${label[0]!.toUpperCase()}${label.slice(1)}${subject ? ` (${subject})` : ''}, sources disagree: ${parts.join('; ')}.`;
    const sources = top.flatMap((c) => c.sources.slice(0, 2));
    points.push({ weight: top.reduce((s, c) => s + c.independentReports, 0), point: { text, sources } });
  }
  return points
    .sort((a, b) => b.weight - a.weight)
    .slice(0, maxPoints)
    .map((p) => p.point);
}

/**
 * The brief: disagreement points, then the best-reported statements, each
 * citing every article that prints it or a near duplicate (wire copies counted
 * once in the ranking). See `BriefStatements` for how it stays about linear.
 * @example buildBrief(articles, claims, { stats }).map((p) => p.text)
 */
export function buildBrief(articles: readonly Article[], claims: readonly FigureClaim[], opts: BriefOptions = {}): BriefPointDraft[] {
  const maxPoints = opts.maxPoints ?? 8;
  const minPoints = opts.minPoints ?? 5;
  const allowed = opts.allowed ?? null;
  const isAllowed = opts.isAllowed ?? null;
  const statements = briefStatements(articles, opts.stats);
  const test =
    allowed && isAllowed
      ? (ai: number, si: number) => allowed.has(`${ai}:${si}`) && isAllowed(ai, si)
      : allowed
        ? (ai: number, si: number) => allowed.has(`${ai}:${si}`)
        : isAllowed;
  const filter = opts.sentences ? { sentences: opts.sentences } : allowed || isAllowed || opts.allowedArticles ? { articles: opts.allowedArticles ?? null, test } : null;

  const points: BriefPointDraft[] = disagreementPoints(claims, 2, opts.claimsIn ?? null);
  const coveredNumbers = new Set(points.flatMap((p) => p.text.match(/\d[\d,]*/g) ?? []));
  // the text of a cluster's first sentence: read once per cluster (choosing asks again after each batch)
  const texts = new Map<StatementCluster, string>();
  const textOf = (c: StatementCluster): string => {
    let text = texts.get(c);
    if (text === undefined) {
      const ai = statements.articleOf(c.first);
      texts.set(c, (text = articles[ai]!.sentences[c.first - statements.sentenceStart[ai]!]!.text));
    }
    return text;
  };
  /** Points chosen from clusters ranked best first: dissimilar ones first, then the next best up to the minimum. */
  const choose = (ranked: readonly StatementCluster[]): StatementCluster[] => {
    const chosen: StatementCluster[] = [];
    for (const c of ranked) {
      if (points.length + chosen.length >= maxPoints) break;
      if (chosen.some((x) => statements.similarity(x.representative, c.representative) >= 0.35)) continue;
      // a sentence whose numbers are all in a disagreement point already adds nothing
      const nums = textOf(c).match(/\d[\d,]*\d|\d/g) ?? [];
      if (nums.length > 0 && nums.every((n) => coveredNumbers.has(n))) continue;
      chosen.push(c);
    }
    // fill up to the minimum with the next best even if similar
    for (const c of ranked) {
      if (points.length + chosen.length >= minPoints) break;
      if (!chosen.includes(c)) chosen.push(c);
    }
    return chosen;
  };
  const { ranked, sentencesOf } = statements.cluster(filter, (r) => points.length + choose(r).length >= maxPoints, { scan: opts.scan ?? false });
  if (ranked.length === 0) return [];
  const chosen = choose(ranked);
  return [
    ...points,
    ...chosen.map((c) => {
      // the representative's sentence first, then every other in corpus order, one per article
      const sentences = Int32Array.from(sentencesOf(c)).sort();
      const cited = new Set<string>();
      const sources: SourceRef[] = [];
      let ai = 0;
      const cite = (s: number) => {
        if (s < statements.sentenceStart[ai]! || s >= statements.sentenceStart[ai + 1]!) ai = statements.articleOf(s);
        const a = articles[ai]!;
        if (cited.has(a.id)) return;
        cited.add(a.id);
        // the passage is read when asked for (replies list the articles; a point can cite thousands)
        sources.push(lazySentenceRef(a, s - statements.sentenceStart[ai]!));
      };
      cite(c.first);
      for (const s of sentences) cite(s);
      return { text: textOf(c), sources };
    }),
  ];
}
