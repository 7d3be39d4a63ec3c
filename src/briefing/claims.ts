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
  return keywordsCompatible(claimantKeywords(a), claimantKeywords(b), tokensMatch);
}

function keywordsCompatible(ka: string[], kb: string[], match: (x: string, y: string) => boolean): boolean {
  if (ka.length === 0 || kb.length === 0) return true;
  const covered = (xs: string[], ys: string[]) => xs.filter((x) => ys.some((y) => match(x, y))).length;
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

/**
 * `claimantsCompatible`, remembered (per pair of names, per name its keywords),
 * plus which keywords match which: two names with keywords can only be
 * compatible when a keyword of one matches a keyword of the other, so a claim
 * need only be tested against names sharing a matching keyword. A large corpus
 * has thousands of claimant spellings but far fewer distinct keywords.
 */
class Claimants {
  private readonly memo = new Map<string | null, Map<string | null, boolean>>();
  private readonly keywordsOf = new Map<string, string[]>();
  /** keyword -> every known keyword it matches (itself included) */
  private readonly matching = new Map<string, string[]>();

  keywords(name: string): string[] {
    let k = this.keywordsOf.get(name);
    if (!k) {
      this.keywordsOf.set(name, (k = claimantKeywords(name)));
      for (const t of k) this.learn(t);
    }
    return k;
  }

  /** Known keywords by their first four letters, and by each spelling with one letter blanked (a keyword is at most five letters). */
  private readonly byStart = new Map<string, string[]>();
  private readonly byBlank = new Map<string, string[]>();
  /** Keywords longer than `claimantKeywords` makes them: compared with every known one. */
  private readonly long: string[] = [];
  private readonly learnt = new Map<string, number>();

  private learn(token: string): void {
    if (this.matching.has(token)) return;
    // the known keywords `tokensMatch` can accept: equal, one a prefix of the other
    // (both at least four letters, so they share the first four), or one letter
    // different (both five letters, so they share a blanked spelling)
    const candidates = new Set<string>(this.long);
    const blanks = token.length === 5 ? [0, 1, 2, 3, 4].map((i) => `${token.slice(0, i)}\u0000${token.slice(i + 1)}`) : [];
    if (token.length > 5) for (const other of this.matching.keys()) candidates.add(other);
    else {
      if (token.length >= 4) for (const other of this.byStart.get(token.slice(0, 4)) ?? []) candidates.add(other);
      for (const b of blanks) for (const other of this.byBlank.get(b) ?? []) candidates.add(other);
    }
    const mine = [token];
    // in the order they were learnt, as a scan over all of them finds them
    for (const other of [...candidates].sort((x, y) => this.learnt.get(x)! - this.learnt.get(y)!)) {
      if (tokensMatch(token, other)) {
        mine.push(other);
        this.matching.get(other)!.push(token);
        this.matchSets.get(other)?.add(token);
      }
    }
    this.matching.set(token, mine);
    this.learnt.set(token, this.learnt.size);
    if (token.length > 5) this.long.push(token);
    if (token.length >= 4) {
      const list = this.byStart.get(token.slice(0, 4));
      if (list) list.push(token);
      else this.byStart.set(token.slice(0, 4), [token]);
    }
    for (const b of blanks) {
      const list = this.byBlank.get(b);
      if (list) list.push(token);
      else this.byBlank.set(b, [token]);
    }
  }

  private readonly matchSets = new Map<string, Set<string>>();
  /** `tokensMatch` for known keywords: every match of a keyword was found when it was learnt. */
  private readonly match = (x: string, y: string): boolean => {
    if (x === y) return true;
    let set = this.matchSets.get(x);
    if (!set) this.matchSets.set(x, (set = new Set(this.matching.get(x)!)));
    return set.has(y);
  };

  /** Known keywords matching some keyword of `name`. */
  matches(name: string): Set<string> {
    const out = new Set<string>();
    for (const t of this.keywords(name)) for (const m of this.matching.get(t)!) out.add(m);
    return out;
  }

  compatible(a: string | null, b: string | null): boolean {
    let row = this.memo.get(a);
    if (!row) this.memo.set(a, (row = new Map()));
    let v = row.get(b);
    if (v === undefined) {
      v = a === null || b === null ? true : keywordsCompatible(this.keywords(a), this.keywords(b), this.match);
      row.set(b, v);
    }
    return v;
  }
}

/**
 * The claims that give one number (kind, low, high), as they form. A mention
 * joins the first claim (in order of creation) whose every claimant is compatible
 * with its own and that holds no conflicting mention from the same article.
 * Claims are filed by their set of claimants, so the compatibility test is made
 * once per distinct set rather than once per claim.
 */
class ClaimBucket {
  private readonly homes: { group: Pending[]; claimants: (string | null)[]; byArticle: Map<string, FigureMention[]>; signature: string }[] = [];
  /** claimant set -> its claimants and its claims (positions in `homes`, ascending) */
  private readonly bySignature = new Map<string, Signature>();
  /** keyword -> claimant sets filed under it (by the keywords of their first named claimant) */
  private readonly byKeyword = new Map<string, Set<Signature>>();
  /** claimant sets with no keywords at all (unattributed, or generic names): compatible with anyone */
  private readonly anyone = new Set<Signature>();
  /** the lookup that last considered each claimant set (to consider each once) */
  private visit = 0;

  private static signature(claimants: readonly (string | null)[]): string {
    return claimants.map((c) => (c === null ? '\u0001' : c)).sort().join('\u0000');
  }

  private file(at: number, names: Claimants): void {
    const h = this.homes[at]!;
    let s = this.bySignature.get(h.signature);
    if (!s) {
      this.bySignature.set(h.signature, (s = { claimants: h.claimants, homes: [], keywords: [], visited: 0 }));
      const named = h.claimants.find((c) => c !== null && names.keywords(c).length > 0);
      s.keywords = named ? names.keywords(named) : [];
      if (s.keywords.length === 0) this.anyone.add(s);
      for (const k of s.keywords) {
        const set = this.byKeyword.get(k);
        if (set) set.add(s);
        else this.byKeyword.set(k, new Set([s]));
      }
    }
    // keep the positions ascending (a claim moves here when it gains a claimant)
    let lo = 0;
    let hi = s.homes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s.homes[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    s.homes.splice(lo, 0, at);
  }

  private unfile(at: number): void {
    const h = this.homes[at]!;
    const s = this.bySignature.get(h.signature)!;
    s.homes.splice(s.homes.indexOf(at), 1);
    if (s.homes.length > 0) return;
    this.bySignature.delete(h.signature);
    this.anyone.delete(s);
    for (const k of s.keywords) this.byKeyword.get(k)!.delete(s);
  }

  /** The claim `mention` (from `article`) joins, or -1 for a new one. */
  home(article: string, mention: FigureMention, names: Claimants): number {
    const who = mention.claimedBy;
    // an unattributed mention is compatible with every claimant and conflicts with
    // no mention: it joins the first claim of all
    if (who === null) return this.homes.length > 0 ? 0 : -1;
    // a named claimant can only agree with sets whose first named claimant shares a matching keyword
    let best = -1;
    const mark = ++this.visit;
    const consider = (s: Signature): void => {
      if (s.visited === mark) return;
      s.visited = mark;
      if (best >= 0 && s.homes[0]! > best) return;
      if (!s.claimants.every((c) => names.compatible(c, who))) return;
      for (const at of s.homes) {
        if (best >= 0 && at > best) break;
        const same = this.homes[at]!.byArticle.get(article) ?? [];
        if (!same.some((q) => q.sentence !== mention.sentence && q.claimedBy !== null && who !== null && q.claimedBy !== who)) {
          best = at;
          break;
        }
      }
    };
    if (who !== null && names.keywords(who).length > 0) {
      for (const s of this.anyone) consider(s);
      for (const k of names.matches(who)) for (const s of this.byKeyword.get(k) ?? []) consider(s);
    } else for (const s of this.bySignature.values()) consider(s);
    return best;
  }

  join(at: number, p: Pending, names: Claimants): void {
    const h = this.homes[at]!;
    h.group.push(p);
    const list = h.byArticle.get(p.article.id);
    if (list) list.push(p.mention);
    else h.byArticle.set(p.article.id, [p.mention]);
    if (h.claimants.includes(p.mention.claimedBy)) return;
    this.unfile(at);
    h.claimants = [...h.claimants, p.mention.claimedBy];
    h.signature = ClaimBucket.signature(h.claimants);
    this.file(at, names);
  }

  open(p: Pending, names: Claimants): Pending[] {
    const group = [p];
    const claimants = [p.mention.claimedBy];
    this.homes.push({ group, claimants, byArticle: new Map([[p.article.id, [p.mention]]]), signature: ClaimBucket.signature(claimants) });
    this.file(this.homes.length - 1, names);
    return group;
  }
}

interface Signature {
  claimants: (string | null)[];
  homes: number[];
  keywords: string[];
  visited: number;
}

/** The numbers a figure mention gives, as claims are merged by: kind, low, high. */
export function figureKey(m: Pick<FigureMention, 'kind' | 'low' | 'high'>): string {
  return `${m.kind}|${m.low}|${m.high}`;
}

/** A claim before the final sort, with where its first mention sits (article position, mention position in the article). */
export interface PlacedClaim {
  claim: FigureClaim;
  article: number;
  mention: number;
}

/**
 * Merges every article's figure mentions into claims.
 * @example mergeFigureClaims(articles).filter(c => c.kind === 'casualties')
 */
export function mergeFigureClaims(articles: readonly Article[]): FigureClaim[] {
  return sortClaims(mergeFigureGroups(articles).map((p) => p.claim));
}

/**
 * The claims of `mergeFigureClaims` in the order they form (by their first
 * mention), before the final sort; with `keep`, only those of the number keys
 * (`figureKey`) it accepts. Claims of one key depend only on that key's mentions
 * (claimant compatibility is a function of the names alone), so the claims of a
 * subset of keys are exactly those the whole merge gives for them.
 */
export function mergeFigureGroups(articles: readonly Article[], keep?: (key: string) => boolean): PlacedClaim[] {
  const groups: { pending: Pending[]; article: number; mention: number }[] = [];
  const byNumbers = new Map<string, ClaimBucket | null>();
  const claimants = new Claimants();
  articles.forEach((article, ai) => {
    article.figures.forEach((mention, mi) => {
      const key = figureKey(mention);
      let bucket = byNumbers.get(key);
      if (bucket === undefined) byNumbers.set(key, (bucket = !keep || keep(key) ? new ClaimBucket() : null));
      if (!bucket) return;
      const p: Pending = { mention, article, source: sentenceRef(article, mention.sentence) };
      const home = bucket.home(article.id, mention, claimants);
      if (home >= 0) bucket.join(home, p, claimants);
      else groups.push({ pending: bucket.open(p, claimants), article: ai, mention: mi });
    });
  });
  return groups.map(({ pending: g, article, mention }): PlacedClaim => {
    const first = g[0]!.mention;
    const claimDates = g
      .map((p) => (p.mention.claimTime ? resolveTimeMention(p.mention.claimTime.rule, p.article.date) : null))
      .filter((d) => d !== null)
      .sort(compareDateValues);
    const reported = g.map((p) => p.article.date).filter((d) => d !== null).sort(compareDateValues);
    const qualified = g.find((p) => p.mention.qualifier)?.mention;
    const claim: FigureClaim = {
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
    return { claim, article, mention };
  });
}

/** The final order of claims (stable: claims that tie keep the order they formed in); sorts `claims` in place. */
export function sortClaims(claims: FigureClaim[]): FigureClaim[] {
  return claims.sort(compareClaims);
}

/** The order of `sortClaims`: kind, then independent reports (most first), then the number (largest first). */
export function compareClaims(a: FigureClaim, b: FigureClaim): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.independentReports - a.independentReports || b.high - a.high;
}

/** "about 10,000-12,000", "up to 4,000", "300" */
export function formatFigure(c: Pick<FigureClaim, 'low' | 'high' | 'qualifier' | 'approximate'>): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const num = c.low === c.high ? n(c.low) : `${n(c.low)}-${n(c.high)}`;
  if (c.qualifier) return `${c.qualifier} ${num}`;
  return c.approximate ? `about ${num}` : num;
}
