/**
 * Figure claims across the corpus: the same figure from the same claimant in
 * several articles is one claim with several sources; wire copies of one report
 * count once (`independentReports`). Conflicting figures are never averaged:
 * each claimant's number stays its own claim.
 */
import type { Article, FigureClaim, FigureKind, FigureMention, SourceRef } from '../core/types.js';
import { compareDateValues, formatDateValue, resolveTimeMention } from '../extract/dates.js';
import { sentenceRef } from './sources.js';
import { editDistance } from './text.js';

export const KIND_ORDER: readonly FigureKind[] = ['killed', 'wounded', 'casualties', 'missing', 'captured', 'deployed', 'displaced', 'other'];

export const KIND_LABEL: Record<FigureKind, string> = {
  killed: 'killed',
  wounded: 'wounded',
  casualties: 'killed or wounded',
  missing: 'missing',
  captured: 'captured',
  deployed: 'deployed',
  displaced: 'displaced',
  other: 'other',
};

const ALIASES: [RegExp, string][] = [
  [/\bu\.s\.(?:a\.)?|\bunited states\b|\bamerican\b|\bamerica\b|\bwashington\b/g, 'us'],
  [/\bu\.n\.|\bunited nations\b/g, 'un'],
  [/\bu\.k\.|\bbritish\b|\bbritain\b|\bunited kingdom\b/g, 'uk'],
  [/\bjcs\b/g, 'joint chiefs'],
];

const GENERIC = new Set(['the', 'of', 'and', 'for', 'a', 'an', 'in', 'at', 'to', 'on', 'its', 'their', 'has', 'have', 'earlier', 'also']);

/** Keywords of a claimant name, with demonyms and spellings folded ("South Korean" ~ "South Korea's"). */
export function claimantKeywords(name: string): string[] {
  let t = name.toLowerCase().replace(/[’‘]/g, "'").replace(/'s\b/g, '');
  for (const [re, rep] of ALIASES) t = t.replace(re, rep);
  return [
    ...new Set(
      t
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w && !GENERIC.has(w))
        .map((w) => (w.length > 5 ? w.slice(0, 5) : w)),
    ),
  ];
}

function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  return a.length >= 5 && b.length >= 5 && editDistance(a, b, 1) <= 1;
}

/** Two claimant names that may be the same source ("South Korea" and "South Korea's Joint Chiefs"). */
export function claimantsCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  const ka = claimantKeywords(a);
  const kb = claimantKeywords(b);
  if (ka.length === 0 || kb.length === 0) return true;
  const covered = (xs: string[], ys: string[]) => xs.filter((x) => ys.some((y) => tokensMatch(x, y))).length;
  const aInB = covered(ka, kb);
  const bInA = covered(kb, ka);
  if (aInB === ka.length || bInA === kb.length) return true;
  const union = ka.length + kb.length - Math.min(aInB, bInA);
  return Math.min(aInB, bInA) / union >= 0.5;
}

interface Pending {
  mention: FigureMention;
  article: Article;
  source: SourceRef;
}

function pickClaimant(names: (string | null)[]): string | null {
  const real = names.filter((n): n is string => !!n);
  if (real.length === 0) return null;
  // the most specific spelling: most keywords, then longest
  const keywords = new Map<string, number>();
  const count = (n: string) => keywords.get(n) ?? keywords.set(n, claimantKeywords(n).length).get(n)!;
  return real.sort((x, y) => count(y) - count(x) || y.length - x.length)[0]!;
}

function pickSubject(subjects: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const s of subjects) if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? null;
}

/** `claimantsCompatible`, remembered per pair of names: a corpus repeats a few hundred claimants. */
function memoisedCompatibility(): (a: string | null, b: string | null) => boolean {
  const memo = new Map<string | null, Map<string | null, boolean>>();
  return (a, b) => {
    let row = memo.get(a);
    if (!row) memo.set(a, (row = new Map()));
    let v = row.get(b);
    if (v === undefined) row.set(b, (v = claimantsCompatible(a, b)));
    return v;
  };
}

/**
 * Merges every article's figure mentions into claims.
 * @example mergeFigureClaims(articles).filter(c => c.kind === 'casualties')
 */
export function mergeFigureClaims(articles: readonly Article[]): FigureClaim[] {
  const groups: Pending[][] = [];
  // per group, what the merge tests look at: its distinct claimants, and its mentions by
  // article (so a test costs the group's claimants, not its length)
  interface Home {
    group: Pending[];
    claimants: Set<string | null>;
    byArticle: Map<string, FigureMention[]>;
  }
  const byNumbers = new Map<string, Home[]>();
  const compatible = memoisedCompatibility();
  for (const article of articles) {
    for (const mention of article.figures) {
      const p: Pending = { mention, article, source: sentenceRef(article, mention.sentence) };
      const key = `${mention.kind}|${mention.low}|${mention.high}`;
      const candidates = byNumbers.get(key) ?? [];
      const home = candidates.find(
        (h) =>
          [...h.claimants].every((c) => compatible(c, mention.claimedBy)) &&
          !(h.byArticle.get(article.id) ?? []).some((q) => q.sentence !== mention.sentence && q.claimedBy !== null && mention.claimedBy !== null && q.claimedBy !== mention.claimedBy),
      );
      if (home) {
        home.group.push(p);
        home.claimants.add(mention.claimedBy);
        home.byArticle.set(article.id, [...(home.byArticle.get(article.id) ?? []), mention]);
      } else {
        const g = [p];
        candidates.push({ group: g, claimants: new Set([mention.claimedBy]), byArticle: new Map([[article.id, [mention]]]) });
        byNumbers.set(key, candidates);
        groups.push(g);
      }
    }
  }
  const claims = groups.map((g): FigureClaim => {
    const first = g[0]!.mention;
    const claimDates = g
      .map((p) => (p.mention.claimTime ? resolveTimeMention(p.mention.claimTime.rule, p.article.date) : null))
      .filter((d) => d !== null)
      .sort(compareDateValues);
    const reported = g.map((p) => p.article.date).filter((d) => d !== null).sort(compareDateValues);
    const qualified = g.find((p) => p.mention.qualifier)?.mention;
    return {
      kind: first.kind,
      low: first.low,
      high: first.high,
      approximate: g.some((p) => p.mention.approximate),
      qualifier: qualified?.qualifier ?? null,
      subject: pickSubject(g.map((p) => p.mention.subject)),
      claimedBy: pickClaimant(g.map((p) => p.mention.claimedBy)),
      claimDate: claimDates[0] ? formatDateValue(claimDates[0]) : null,
      claimWhen: claimDates[0] ? null : (g.find((p) => p.mention.claimTime)?.mention.claimTime?.text ?? null),
      reportedOn: reported[0] ? formatDateValue(reported[0]) : null,
      sources: g.map((p) => p.source),
      independentReports: new Set(g.map((p) => p.article.groupId)).size,
    };
  });
  return claims.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      b.independentReports - a.independentReports ||
      b.high - a.high,
  );
}

/** "about 10,000-12,000", "up to 4,000", "300" */
export function formatFigure(c: Pick<FigureClaim, 'low' | 'high' | 'qualifier' | 'approximate'>): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const num = c.low === c.high ? n(c.low) : `${n(c.low)}-${n(c.high)}`;
  if (c.qualifier) return `${c.qualifier} ${num}`;
  return c.approximate ? `~${num}` : num;
}
