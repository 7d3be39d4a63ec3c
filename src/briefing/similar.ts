/**
 * "Which earlier sentence says nearly the same thing?" without comparing against
 * every earlier sentence: the timeline asks it once per
 * sentence, and a linear scan made them quadratic in the corpus size.
 *
 * Prefix filtering: order every word by a fixed global rank (rarest first).
 * Two sets with Jaccard similarity >= t share at least one word among the first
 * `n - ceil(t * n) + 1` words of each. Only sets sharing such a word are compared,
 * with the same `jaccard` as before, so the answer is exactly what a scan in
 * insertion order would return.
 */
import { jaccard } from './text.js';

/** Sets are filed under combinations of up to this many of their rarest words. */
const TUPLE = 3;
/** Below this many sets, a plain scan is cheaper than the index. */
const SCAN_LIMIT = 48;

/** Word counts over the sets to come; words seen less often are ranked first. */
export type WordRank = (word: string) => number;

interface Entry<T> {
  words: ReadonlySet<string>;
  item: T;
}

/**
 * Sets similar to a query set, found by prefix filtering. Order every word by a
 * fixed global rank (rarest first). Two sets x, y with Jaccard similarity >= t
 * share at least `q = ceil(t * max(|x|, |y|))` words, and also at least
 * `ceil(t * |x|)`; so the first r shared words (in rank order) sit among the
 * first `|x| - ceil(t * |x|) + r` words of x, and likewise for y. Each set is
 * filed under every r-word combination of that prefix, with r = min(3, q) for
 * the sizes it can be compared with; only sets sharing a combination with the
 * query are compared. Triples of rare words are rare, so few are. Every
 * candidate is then checked with the same `jaccard` as before, in insertion
 * order, so the answer is exactly what a scan over all sets would return.
 */
export class SimilarSets<T> {
  private readonly entries: Entry<T>[] = [];
  /** level r (1..TUPLE) -> hash of an r-word combination -> entries filed under it (ascending); null while scanning */
  private levels: Map<number, number[]>[] | null = null;
  /** Entries with no words: only another empty set reaches the threshold with them. */
  private readonly empty: number[] = [];
  /** Word -> small number, for hashing combinations. */
  private readonly ids = new Map<string, number>();
  /** Scratch: the query that last saw each entry (to list candidates once). */
  private seen = new Int32Array(0);
  /** Each entry's number of words, beside `seen` (the size test without touching the entry). */
  private sizes = new Int32Array(0);
  private generation = 0;

  constructor(
    private readonly threshold: number,
    private readonly rank: WordRank,
  ) {}

  /** Fewest shared words two similar sets have when the larger has `size` words. */
  private shared(size: number): number {
    return Math.max(1, Math.ceil(this.threshold * size - 1e-6));
  }

  /** Levels a set of `size` words is filed and looked up at: r for every size it can be compared with. */
  private levelsFor(size: number): [number, number] {
    return [Math.min(TUPLE, this.shared(size)), Math.min(TUPLE, size, this.shared(Math.floor(size / this.threshold + 1e-6)))];
  }

  /** The set's words in rank order, as numbers. */
  private sorted(words: ReadonlySet<string>): number[] {
    const ws = [...words].sort((a, b) => this.rank(a) - this.rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return ws.map((w) => this.ids.get(w) ?? this.ids.set(w, this.ids.size + 1).get(w)!);
  }

  /**
   * Hashes of a set's keys at level r: r-word combinations of its first
   * `n - ceil(t n) + r` words. Two different combinations may share a hash: that
   * only adds candidates, each checked exactly.
   */
  private keys(sorted: readonly number[], r: number): number[] {
    // a slightly longer prefix than the bound is always safe: it only adds candidates
    const p = Math.min(sorted.length, sorted.length - this.shared(sorted.length) + r);
    const out: number[] = [];
    if (r === 1) for (let i = 0; i < p; i++) out.push(sorted[i]!);
    else if (r === 2) for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) out.push(Math.imul(sorted[i]!, 0x9e3779b1) ^ sorted[j]!);
    else {
      // r-word combinations, hashed word by word
      const walk = (from: number, left: number, h: number): void => {
        if (left === 0) {
          out.push(h);
          return;
        }
        for (let i = from; i <= p - left; i++) walk(i + 1, left - 1, Math.imul(h ^ sorted[i]!, 0x9e3779b1));
      };
      walk(0, r, r);
    }
    return out;
  }

  private file(at: number): void {
    const words = this.entries[at]!.words;
    if (words.size === 0) return;
    const sorted = this.sorted(words);
    const [from, to] = this.levelsFor(words.size);
    for (let r = from; r <= to; r++) {
      const map = this.levels![r]!;
      for (const k of this.keys(sorted, r)) {
        const list = map.get(k);
        if (!list) map.set(k, [at]);
        else if (list[list.length - 1] !== at) list.push(at);
      }
    }
  }

  add(words: ReadonlySet<string>, item: T): void {
    const at = this.entries.length;
    this.entries.push({ words, item });
    if (words.size === 0) this.empty.push(at);
    if (this.levels) {
      if (at >= this.seen.length) {
        const grown = new Int32Array(this.seen.length * 2);
        grown.set(this.seen);
        this.seen = grown;
        const sizes = new Int32Array(this.seen.length);
        sizes.set(this.sizes);
        this.sizes = sizes;
      }
      this.sizes[at] = words.size;
      this.file(at);
    } else if (this.entries.length > SCAN_LIMIT) {
      // large enough for the index to beat a scan: file everything so far
      this.levels = Array.from({ length: TUPLE + 1 }, () => new Map());
      this.seen = new Int32Array(Math.max(1024, this.entries.length * 2));
      this.sizes = new Int32Array(this.seen.length);
      for (let i = 0; i < this.entries.length; i++) {
        this.sizes[i] = this.entries[i]!.words.size;
        this.file(i);
      }
    }
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
    if (!this.levels) {
      // few sets so far: a scan is cheapest
      for (let i = 0; i < this.entries.length; i++) if (test(i)) return this.entries[i]!.item;
      return undefined;
    }
    if (words.size === 0) {
      const i = this.empty.find(test);
      return i === undefined ? undefined : this.entries[i]!.item;
    }
    const sorted = this.sorted(words);
    const [from, to] = this.levelsFor(words.size);
    const mark = ++this.generation;
    const candidates: number[] = [];
    for (let r = from; r <= to; r++) {
      const map = this.levels[r]!;
      for (const k of this.keys(sorted, r)) {
        const list = map.get(k);
        if (!list) continue;
        for (const i of list) {
          if (this.seen[i] === mark) continue;
          this.seen[i] = mark;
          // the size test first, on the packed sizes
          const n = this.sizes[i]!;
          if (n < low || n > high) continue;
          candidates.push(i);
        }
      }
    }
    candidates.sort((a, b) => a - b);
    for (const i of candidates) if (test(i)) return this.entries[i]!.item;
    return undefined;
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
