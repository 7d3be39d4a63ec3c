/**
 * Quotes across the corpus: the same words printed by several outlets (with
 * their spelling differences) are one quote with several sources.
 */
import type { Article, QuoteClaim, SourceRef } from '../core/types.js';
import { entityKey } from '../extract/entities.js';
import { normaliseSpeaker, quoteKey } from '../extract/quotes.js';
import { ContainingStrings } from './similar.js';
import { citesArticle, sourceRef } from './sources.js';

interface Draft {
  key: string;
  text: string;
  speakers: (string | null)[];
  sources: SourceRef[];
}

/** A partial quote ("annihilate and wipe out...") inside a longer printing of the same words merges with it. */
const MIN_CONTAINED = 24;

/** `f`, remembered per argument for one merge (wire copies repeat quotes and speakers). */
function remembered<T>(f: (s: string) => T): (s: string) => T {
  const memo = new Map<string, T>();
  return (s) => {
    let v = memo.get(s);
    if (v === undefined && !memo.has(s)) memo.set(s, (v = f(s)));
    return v as T;
  };
}

export function mergeQuotes(articles: readonly Article[]): QuoteClaim[] {
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  const keyOf = remembered(quoteKey);
  const canonical = remembered(normaliseSpeaker);
  const groupKey = remembered(entityKey);
  // the earliest draft whose key contains this key or is contained in it, without a scan over all drafts
  const containing = new ContainingStrings<Draft>(MIN_CONTAINED);
  for (const a of articles) {
    let people: string[] | null = null;
    const peopleOf = () => (people ??= [...new Set(a.entities.filter((e) => e.type === 'person').map((e) => e.name))]);
    for (const q of a.quotes) {
      const key = keyOf(q.text);
      if (!key) continue;
      let d = byKey.get(key);
      if (!d && key.length >= MIN_CONTAINED) d = containing.first(key);
      const src = sourceRef(a, q.start, q.end);
      const speaker = fullName(peopleOf, q.speaker, canonical);
      if (d) {
        if (!citesArticle(d.sources, a.id)) d.sources.push(src);
        d.speakers.push(speaker);
        if (q.text.length > d.text.length) d.text = q.text;
        byKey.set(key, d);
      } else {
        d = { key, text: q.text, speakers: [speaker], sources: [src] };
        drafts.push(d);
        containing.add(key, d);
        byKey.set(key, d);
      }
    }
  }
  return drafts.map((d) => ({ speaker: pickSpeaker(d.speakers, canonical, groupKey), text: d.text, sources: d.sources }));
}

/** "Kim" -> "Kim Jong Un" when the article names exactly one person with that name part. */
function fullName(people: () => string[], speaker: string | null, canonical: (s: string) => string | null): string | null {
  const canon = speaker ? canonical(speaker) : null;
  if (!canon || /\s/.test(canon)) return speaker;
  const lower = canon.toLowerCase();
  const named = people().filter((n) => n.split(/[\s-]+/).some((part) => part.toLowerCase() === lower));
  return named.length === 1 ? named[0]! : speaker;
}

/** The most common canonical speaker, shown in its fullest spelling. */
function pickSpeaker(names: (string | null)[], canonical: (s: string) => string | null, groupKey: (s: string) => string): string | null {
  const counts = new Map<string, { n: number; longest: string }>();
  for (const raw of names) {
    if (!raw) continue;
    const canon = canonical(raw);
    if (!canon) continue;
    // group case and spelling variants ("foreign ministry" / "Foreign Ministry")
    const key = groupKey(canon) || canon.toLowerCase();
    const c = counts.get(key) ?? { n: 0, longest: canon };
    c.n++;
    if (canon.length > c.longest.length) c.longest = canon;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || b.longest.length - a.longest.length)[0]?.longest ?? null;
}
