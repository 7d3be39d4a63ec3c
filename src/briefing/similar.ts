/**
 * "Which earlier sentence says nearly the same thing?" without comparing against
 * every earlier sentence: the merging steps (brief, timeline) ask it once per
 * sentence, and a linear scan made them quadratic in the corpus size.
 *
 * Prefix filtering: order every word by a fixed global rank (rarest first).
 * Two sets with Jaccard similarity >= t share at least one word among the first
 * `n - ceil(t * n) + 1` words of each. Only sets sharing such a word are compared,
 * with the same `jaccard` as before, so the answer is exactly what a scan in
 * insertion order would return.
 */
import { jaccard } from './text.js';

/** Word counts over the sets to come; words seen less often are ranked first. */
export type WordRank = (word: string) => number;

interface Entry<T> {
  words: ReadonlySet<string>;
  item: T;
}

/**
 * Sets similar to a query set, found by prefix filtering. Order every word by a
 * fixed global rank (rarest first); let `q = ceil(t * max(|x|, |y|))`, the fewest
 * words two sets with Jaccard similarity >= t can share. Of the shared words, the
 * two first in the order sit among the first `n - ceil(t * n) + 2` words of each
 * set, so when `q >= 2` the two sets share a *pair* of words from those prefixes:
 * pairs of rare words are rare, and only sets sharing one are compared. Sets so
 * small that `q` may be 1 (at most `1 / t` words) are also indexed by single words.
 * Every candidate is then checked with the same `jaccard` as before, in insertion
 * order, so the answer is exactly what a scan over all sets would return.
 */
export class SimilarSets<T> {
  private readonly entries: Entry<T>[] = [];
  private readonly pairs = new Map<string, number[]>();
  private readonly singles = new Map<string, number[]>();
  /** Entries with no words: only another empty set reaches the threshold with them. */
  private readonly empty: number[] = [];
  /** Sets of at most this many words may match sharing one word only. */
  private readonly small: number;

  constructor(
    private readonly threshold: number,
    private readonly rank: WordRank,
  ) {
    this.small = Math.floor(1 / threshold + 1e-6);
  }

  /** The first `size - ceil(t * size) + extra` words in rank order. */
  private prefix(words: ReadonlySet<string>, extra: number): string[] {
    const sorted = [...words].sort((a, b) => this.rank(a) - this.rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    // a slightly longer prefix than the bound is always safe: it only adds candidates
    const needed = Math.ceil(this.threshold * sorted.length - 1e-6);
    return sorted.slice(0, Math.min(sorted.length, Math.max(extra, sorted.length - needed + extra)));
  }

  private static pairKeys(prefix: readonly string[]): string[] {
    const keys: string[] = [];
    for (let i = 0; i < prefix.length; i++) for (let j = i + 1; j < prefix.length; j++) keys.push(`${prefix[i]}\u0000${prefix[j]}`);
    return keys;
  }

  private static post(map: Map<string, number[]>, key: string, at: number): void {
    const list = map.get(key);
    if (list) {
      if (list[list.length - 1] !== at) list.push(at);
    } else map.set(key, [at]);
  }

  add(words: ReadonlySet<string>, item: T): void {
    const at = this.entries.length;
    this.entries.push({ words, item });
    if (words.size === 0) {
      this.empty.push(at);
      return;
    }
    if (words.size >= 2) for (const k of SimilarSets.pairKeys(this.prefix(words, 2))) SimilarSets.post(this.pairs, k, at);
    if (words.size <= this.small) for (const w of this.prefix(words, 1)) SimilarSets.post(this.singles, w, at);
  }

  /**
   * The earliest added item whose words have `jaccard >= threshold` with `words`
   * (and that `accept` allows): what `items.find(...)` over all of them returns.
   */
  first(words: ReadonlySet<string>, accept?: (item: T) => boolean): T | undefined {
    // jaccard >= t needs t * |x| <= |y| <= |x| / t: a cheap test before the real one
    const low = this.threshold * words.size - 1e-6;
    const high = words.size / this.threshold + 1e-6;
    const test = (i: number): boolean => {
      const e = this.entries[i]!;
      const n = e.words.size;
      if (n < low || n > high) return false;
      return jaccard(e.words, words) >= this.threshold && (!accept || accept(e.item));
    };
    if (words.size === 0) {
      const i = this.empty.find(test);
      return i === undefined ? undefined : this.entries[i]!.item;
    }
    const lists: number[][] = [];
    if (words.size >= 2) for (const k of SimilarSets.pairKeys(this.prefix(words, 2))) {
      const l = this.pairs.get(k);
      if (l) lists.push(l);
    }
    if (words.size <= this.small) for (const w of this.prefix(words, 1)) {
      const l = this.singles.get(w);
      if (l) lists.push(l);
    }
    // walk the (ascending) lists merged, in insertion order, stopping at the first match
    const heads = lists.map(() => 0);
    let last = -1;
    for (;;) {
      let min = -1;
      for (let k = 0; k < lists.length; k++) {
        const list = lists[k]!;
        let h = heads[k]!;
        while (h < list.length && list[h]! <= last) h++;
        heads[k] = h;
        const v = list[h];
        if (v !== undefined && (min < 0 || v < min)) min = v;
      }
      if (min < 0) return undefined;
      last = min;
      if (test(min)) return this.entries[min]!.item;
    }
  }
}

/** Ranks words by how many of `sets` contain them (rarest first). */
export function rankByFrequency(sets: Iterable<Iterable<string>>): WordRank {
  const counts = new Map<string, number>();
  for (const s of sets) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  return (w) => counts.get(w) ?? 0;
}

/** Length of the substrings sampled from each key; with `WINDOW` they cover any `GRAM + WINDOW - 1` characters. */
const GRAM = 8;

function gramHashes(s: string): Uint32Array {
  const n = Math.max(0, s.length - GRAM + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + GRAM; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    out[i] = h >>> 0;
  }
  return out;
}

/**
 * "Which earlier key contains this one, or is contained in it?" for keys of at
 * least `minLength` characters, without a scan over every earlier key.
 *
 * Each key is sampled by its minimizers: for every run of `minLength` characters,
 * the substring of 8 with the smallest hash. A key inside another has all of its
 * minimizers in the other's, so looking up the query's minimizers (and the first
 * minimizer of every shorter key) finds every candidate; each is then checked
 * with `includes`, in insertion order.
 */
export class ContainingStrings<T> {
  private readonly entries: { key: string; item: T }[] = [];
  /** minimizer -> entries that have it */
  private readonly all = new Map<number, number[]>();
  /** minimizer of an entry's first window -> entries */
  private readonly first_ = new Map<number, number[]>();
  private readonly window: number;

  constructor(private readonly minLength: number) {
    if (minLength < GRAM) throw new RangeError(`minLength must be at least ${GRAM}`);
    this.window = minLength - GRAM + 1;
  }

  /** Minimizers of every window, in order of position (duplicates removed). */
  private minimizers(key: string): number[] {
    const h = gramHashes(key);
    const out: number[] = [];
    const deque: number[] = []; // positions with increasing hashes
    let head = 0;
    for (let i = 0; i < h.length; i++) {
      while (deque.length > head && h[deque[deque.length - 1]!]! > h[i]!) deque.pop();
      deque.push(i);
      const start = i - this.window + 1;
      if (start < 0) continue;
      while (deque[head]! < start) head++;
      const m = h[deque[head]!]!;
      if (out[out.length - 1] !== m) out.push(m);
    }
    return [...new Set(out)];
  }

  add(key: string, item: T): void {
    if (key.length < this.minLength) return;
    const at = this.entries.length;
    this.entries.push({ key, item });
    const ms = this.minimizers(key);
    for (const m of ms) {
      const list = this.all.get(m);
      if (list) list.push(at);
      else this.all.set(m, [at]);
    }
    const list = this.first_.get(ms[0]!);
    if (list) list.push(at);
    else this.first_.set(ms[0]!, [at]);
  }

  /** The earliest added item whose key contains `key` or is contained in it (both at least `minLength` long). */
  first(key: string): T | undefined {
    if (key.length < this.minLength) return undefined;
    const ms = this.minimizers(key);
    // an earlier key containing this one has every one of its minimizers: the shortest list will do
    let shortest: number[] | undefined;
    for (const m of ms) {
      const list = this.all.get(m);
      if (!list) {
        shortest = [];
        break;
      }
      if (!shortest || list.length < shortest.length) shortest = list;
    }
    const candidates = new Set(shortest ?? []);
    // an earlier key inside this one has its first minimizer among this one's
    for (const m of ms) for (const i of this.first_.get(m) ?? []) candidates.add(i);
    let best = -1;
    for (const i of candidates) {
      if (best >= 0 && i > best) continue;
      const e = this.entries[i]!.key;
      if (e.includes(key) || key.includes(e)) best = i;
    }
    return best < 0 ? undefined : this.entries[best]!.item;
  }
}
