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

/** Whether a claim is an increment ("3,000 additional troops", "another 4,000"); noted per claim list with the rest of its facts. */
function isIncrement(c: FigureClaim): boolean {
  return INCREMENT.test(c.subject ?? '') || INCREMENT.test(c.qualifier ?? '');
}

/** What disagreement points read of each claim, copied from it the first time a brief reads it (a topic's pass then touches no claim object). */
interface ClaimFacts {
  /** 0 not read yet, 1 cannot disagree (another kind, or an increment), 2 + i a claim of kind `DISAGREE_KINDS[i]`. */
  code: Uint8Array;
  reports: Float64Array;
  low: Float64Array;
  high: Float64Array;
}

/** Per claim list (topic briefs read the index's list through positions). */
const claimFacts = new WeakMap<readonly FigureClaim[], ClaimFacts>();

/**
 * One "sources disagree" point for `kind` from its most reported claims (`top`,
 * in that order): claimants giving the same number grouped, two sources each.
 */
export function disagreementPoint(kind: FigureKind, top: readonly FigureClaim[]): { weight: number; point: BriefPointDraft } {
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
  return { weight: top.reduce((w, c) => w + c.independentReports, 0), point: { text, sources } };
}

/**
 * One point per figure kind on which several claimants give different numbers.
 * `positions` (ascending): only these claims of `claims` count, as if the list
 * held only them (a topic's claims, without building that list).
 */
export function disagreementPoints(claims: readonly FigureClaim[], maxPoints = 3, positions: ArrayLike<number> | null = null): BriefPointDraft[] {
  let facts = claimFacts.get(claims);
  if (facts?.code.length !== claims.length) {
    const n = claims.length;
    facts = { code: new Uint8Array(n), reports: new Float64Array(n), low: new Float64Array(n), high: new Float64Array(n) };
    claimFacts.set(claims, facts);
  }
  const { code: codes, reports, low, high } = facts;
  // the most reported first, then the highest; equals in the list's order (a stable sort's)
  const before = (i: number, j: number) => (reports[j]! - reports[i]! || high[j]! - high[i]!) < 0;
  const kinds = DISAGREE_KINDS.length;
  const count = new Int32Array(kinds);
  const differs = new Uint8Array(kinds);
  const first = new Int32Array(kinds);
  // the 5 first per kind in that order (positions in `claims`)
  const tops: number[][] = DISAGREE_KINDS.map(() => []);
  const n = positions ? positions.length : claims.length;
  for (let p = 0; p < n; p++) {
    const i = positions ? positions[p]! : p;
    let code = codes[i]!;
    if (code === 1) continue;
    if (code === 0) {
      const c = claims[i]!;
      const d = DISAGREE_KINDS.indexOf(c.kind);
      // increments ("3,000 additional troops", "another 4,000") do not contradict totals
      codes[i] = code = d < 0 || isIncrement(c) ? 1 : 2 + d;
      reports[i] = c.independentReports;
      low[i] = c.low;
      high[i] = c.high;
      if (code === 1) continue;
    }
    const d = code - 2;
    if (count[d]++ === 0) first[d] = i;
    else if (differs[d] === 0 && (low[i] !== low[first[d]!] || high[i] !== high[first[d]!])) differs[d] = 1;
    const top = tops[d]!;
    if (top.length === 5 && !before(i, top[4]!)) continue;
    let at = top.length;
    while (at > 0 && before(i, top[at - 1]!)) at--;
    top.splice(at, 0, i);
    if (top.length > 5) top.pop();
  }
  const points: { weight: number; point: BriefPointDraft }[] = [];
  for (const kind of KIND_ORDER) {
    const d = DISAGREE_KINDS.indexOf(kind);
    // a kind needs two claims giving different numbers
    if (d < 0 || count[d]! < 2 || differs[d] === 0) continue;
    points.push(disagreementPoint(kind, tops[d]!.map((i) => claims[i]!)));
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
