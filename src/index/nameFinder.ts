/**
 * Name lookup for autocomplete and `/quotes <speaker>`: the same answers as a
 * fuse.js search over every name, in a few milliseconds at 100,000 entities.
 *
 * fuse.js scores each name on its own (approximate substring matching, at most
 * `threshold * pattern length` edits), so a search over any subset that holds
 * every name that *can* match returns exactly the same results, same scores,
 * same order (ties go to the lower position, which a subset keeps). This class
 * picks that subset with an index of character pairs, then lets fuse.js search
 * only it, through the full index's own records:
 *
 * - a name within `e` edits of the pattern keeps at least `pairs(pattern) - 2e`
 *   of the pattern's distinct character pairs (an edit breaks at most two);
 * - with no edits allowed, it contains the pattern;
 * - otherwise (3-letter patterns allow one edit) it holds one of the pattern's
 *   pairs, or its first and last letter one apart.
 *
 * Also a sorted list of names for "starts with", which is what autocomplete
 * shows first.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';

type Named = { name: string; aliases?: readonly string[] };

/** fuse.js splits longer patterns into 32-character chunks. */
const MAX_PATTERN = 32;

/**
 * The fewest edits (insertions, deletions, substitutions) that turn `pattern`
 * (at most 32 characters) into some substring of `text`, or more than `max`:
 * Myers' bit-parallel algorithm, one pass over `text`. This is the quantity
 * fuse.js's bitap search tests against its threshold.
 */
export function substringEditDistance(pattern: string, text: string, max: number): number {
  const m = pattern.length;
  if (m === 0) return 0;
  // the pattern's bit masks by character code: set here, cleared before returning
  const peq = PEQ;
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    peq[c] = peq[c]! | (1 << i);
  }
  const high = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const eq = peq[text.charCodeAt(j)]!;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) {
      best = score;
      if (best === 0) break;
    }
  }
  for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)] = 0;
  return best <= max ? best : max + 1;
}

/** Items in both ascending lists, ascending. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/** Scratch for `substringEditDistance`: one mask per UTF-16 code unit, all zero between calls. */
const PEQ = new Int32Array(65536);

/** The most edits fuse.js accepts for a pattern of `len` characters: errors / length <= threshold. */
function allowedEdits(len: number, threshold: number): number {
  let edits = 0;
  while (edits + 1 < len && (edits + 1) / len <= threshold) edits++;
  return edits;
}

export class NameFinder<T extends Named> {
  private records!: FuseIndex<T>['records'];
  private keys!: FuseIndex<T>['keys'];
  /** Lower-cased names and aliases per item. */
  private values!: string[][];
  /** Sorted lower-cased names and aliases, with their item. */
  private sorted!: { value: string; item: number }[];
  /** Character pair -> items holding it (ascending). */
  private readonly pairs = new Map<string, number[]>();
  /** Letter pair one apart ("k.r") -> items holding it (ascending). */
  private readonly gapped = new Map<string, number[]>();
  /** Per item, fuse.js's indexed names and aliases (lower-cased) with their length norms. */
  private texts!: { text: string; n: number }[][];
  /** Per item, its list of length norms, as an index into `normSets` (few distinct lists). */
  private normSet!: Uint32Array;
  private readonly normSets: number[][] = [];
  /** Per set of length norms, its items (ascending). */
  private setItems!: Uint32Array[];
  private readonly counts: Uint16Array;
  private readonly marks: Uint32Array;
  private generation = 0;
  /** Items already scored by the current `rankedFromHolders` (== `scoredGeneration`). */
  private readonly scored: Uint32Array;
  private scoredGeneration = 0;
  private minTree: Int32Array | null = null;
  /** The construction still to run (`stepwise`), or null once built. */
  private building: Generator<void, void> | null;

  /**
   * With `stepwise`, the finder is built by `step()` calls (a bounded slice of
   * work each, so a caller can spread it over timer turns), or all at once by the
   * first search: the same finder either way.
   */
  constructor(
    private readonly items: readonly T[],
    private readonly options: IFuseOptions<T>,
    opts: { stepwise?: boolean } = {},
  ) {
    this.counts = new Uint16Array(items.length);
    this.marks = new Uint32Array(items.length);
    this.scored = new Uint32Array(items.length);
    this.building = this.build();
    if (!opts.stepwise) this.ready();
  }

  /** Builds for about `ms` milliseconds at most (a slice of items at a time); true once built. */
  step(ms: number): boolean {
    const until = performance.now() + ms;
    while (this.building) {
      if (this.building.next().done) this.building = null;
      else if (performance.now() >= until) break;
    }
    return this.building === null;
  }

  /** Finishes building now. */
  private ready(): void {
    if (this.building) {
      while (!this.building.next().done);
      this.building = null;
    }
  }

  /** The construction, yielding after each slice of items. */
  private *build(): Generator<void, void> {
    const items = this.items;
    const SLICE = 2000;
    // fuse.js's index, item by item (the records a whole-collection index makes)
    const index = Fuse.createIndex<T>(this.options.keys ?? [], [], { getFn: this.options.getFn, fieldNormWeight: this.options.fieldNormWeight });
    for (let i = 0; i < items.length; i++) {
      index.add(items[i]!, i);
      if (i % SLICE === SLICE - 1) yield;
    }
    this.records = index.records;
    this.keys = index.keys;
    yield;
    this.values = [];
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      this.values.push([it.name, ...(it.aliases ?? [])].filter((v) => typeof v === 'string').map((v) => v.toLowerCase()));
      if (i % SLICE === SLICE - 1) yield;
    }
    const all = this.values.flatMap((vs, item) => vs.map((value) => ({ value, item })));
    yield;
    // sorted (a total order: the same as one sort) in runs, merged pairwise, a slice per step
    const before = (a: { value: string; item: number }, b: { value: string; item: number }) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.item - b.item);
    let runs: { value: string; item: number }[][] = [];
    for (let i = 0; i < all.length; i += SLICE) {
      runs.push(all.slice(i, i + SLICE).sort(before));
      yield;
    }
    while (runs.length > 1) {
      const next: { value: string; item: number }[][] = [];
      for (let r = 0; r < runs.length; r += 2) {
        const x = runs[r]!;
        const y = runs[r + 1];
        if (!y) {
          next.push(x);
          continue;
        }
        const out = new Array<{ value: string; item: number }>(x.length + y.length);
        let i = 0;
        let j = 0;
        for (let k = 0; k < out.length; k++) {
          out[k] = j >= y.length || (i < x.length && before(x[i]!, y[j]!) <= 0) ? x[i++]! : y[j++]!;
          if (k % (4 * SLICE) === 4 * SLICE - 1) yield;
        }
        next.push(out);
      }
      runs = next;
    }
    this.sorted = runs[0] ?? [];
    yield;
    // what "starts with" reads for a long range of names (built here, not by the first such prefix)
    this.minTree = this.buildMinTree();
    yield;
    const post = (map: Map<string, number[]>, key: string, item: number) => {
      const list = map.get(key);
      if (!list) map.set(key, [item]);
      else if (list[list.length - 1] !== item) list.push(item);
    };
    for (let item = 0; item < this.values.length; item++) {
      for (const v of this.values[item]!) {
        for (let i = 0; i + 1 < v.length; i++) post(this.pairs, v.slice(i, i + 2), item);
        for (let i = 0; i + 2 < v.length; i++) post(this.gapped, v[i]! + v[i + 2]!, item);
      }
      if (item % SLICE === SLICE - 1) yield;
    }
    this.texts = [];
    for (let r = 0; r < this.records.length; r++) {
      const record = this.records[r]!;
      this.texts.push((record.$ ? Object.values(record.$) : []).flatMap((value) => (Array.isArray(value) ? value : [value]) as { v: string; n: number }[]).map(({ v, n }) => ({ text: v.toLowerCase(), n })));
      if (r % SLICE === SLICE - 1) yield;
    }
    const setIds = new Map<string, number>();
    this.normSet = new Uint32Array(this.texts.length);
    for (let r = 0; r < this.texts.length; r++) {
      const norms = this.texts[r]!.map((t) => t.n);
      const key = norms.join(',');
      let id = setIds.get(key);
      if (id === undefined) {
        id = this.normSets.length;
        setIds.set(key, id);
        this.normSets.push(norms);
      }
      this.normSet[r] = id;
      if (r % SLICE === SLICE - 1) yield;
    }
    const sizes = new Uint32Array(this.normSets.length);
    for (let r = 0; r < this.normSet.length; r++) sizes[this.normSet[r]!]!++;
    this.setItems = Array.from(sizes, (n) => new Uint32Array(n));
    sizes.fill(0);
    for (let r = 0; r < this.normSet.length; r++) {
      const set = this.normSet[r]!;
      this.setItems[set]![sizes[set]!++] = r;
    }
  }

  /**
   * Items with a name or alias starting with `prefix` (case-insensitive), in item
   * order, at most `max` of them (all when absent), optionally only those `keep` allows.
   */
  startingWith(prefix: string, keep?: (item: number) => boolean, max = Infinity): T[] {
    this.ready();
    const lower = prefix.toLowerCase();
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.value < lower) lo = mid + 1;
      else hi = mid;
    }
    // names starting with the prefix follow each other from `lo`
    const first = lo;
    hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.value.startsWith(lower)) lo = mid + 1;
      else hi = mid;
    }
    const end = lo;
    if (end - first <= 4 * max || max === Infinity) {
      const found = new Set<number>();
      for (let i = first; i < end; i++) {
        const item = sorted[i]!.item;
        if (!keep || keep(item)) found.add(item);
      }
      return [...found]
        .sort((a, b) => a - b)
        .slice(0, max)
        .map((i) => this.items[i]!);
    }
    // many names: the lowest items of the range, in order, from a tree of range minima
    const tree = (this.minTree ??= this.buildMinTree());
    const base = tree.length >> 1;
    const heap: number[] = [];
    const push = (node: number) => {
      heap.push(node);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (tree[heap[parent]!]! <= tree[heap[i]!]!) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
    };
    const pop = (): number => {
      const top = heap[0]!;
      const last = heap.pop()!;
      if (heap.length) {
        heap[0] = last;
        for (let i = 0; ; ) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heap.length && tree[heap[l]!]! < tree[heap[m]!]!) m = l;
          if (r < heap.length && tree[heap[r]!]! < tree[heap[m]!]!) m = r;
          if (m === i) break;
          [heap[m], heap[i]] = [heap[i]!, heap[m]!];
          i = m;
        }
      }
      return top;
    };
    for (let l = first + base, r = end + base; l < r; l >>= 1, r >>= 1) {
      if (l & 1) push(l++);
      if (r & 1) push(--r);
    }
    const seen = new Set<number>();
    const out: T[] = [];
    while (heap.length && out.length < max) {
      const node = pop();
      if (node < base) {
        push(2 * node);
        push(2 * node + 1);
        continue;
      }
      const item = tree[node]!;
      if (seen.has(item)) continue;
      seen.add(item);
      if (!keep || keep(item)) out.push(this.items[item]!);
    }
    return out;
  }

  /** Minimum item over each node of a segment tree on `sorted` (leaves from the middle; padding: no item). */
  private buildMinTree(): Int32Array {
    let base = 1;
    while (base < this.sorted.length) base *= 2;
    const tree = new Int32Array(2 * base).fill(0x7fffffff);
    this.sorted.forEach(({ item }, i) => (tree[base + i] = item));
    for (let i = base - 1; i >= 1; i--) tree[i] = Math.min(tree[2 * i]!, tree[2 * i + 1]!);
    return tree;
  }

  /** Items that may match `pattern` within fuse.js's edit allowance, ascending; null: all may. */
  private candidates(pattern: string): number[] | null {
    return this.unorderedCandidates(pattern)?.sort((a, b) => a - b) ?? null;
  }

  /** `candidates`, in no particular order. */
  private unorderedCandidates(pattern: string): number[] | null {
    const p = pattern.toLowerCase();
    if (p.length <= MAX_PATTERN) return this.chunkCandidates(p);
    const all = new Set<number>();
    for (const c of this.chunks(p)) {
      const found = this.chunkCandidates(c);
      if (found === null) return null;
      for (const i of found) all.add(i);
    }
    return [...all].sort((a, b) => a - b);
  }

  /** fuse.js matches longer patterns by 32-character chunks (the last one flush with the end): any chunk will do. */
  private chunks(p: string): string[] {
    if (p.length <= MAX_PATTERN) return [p];
    const chunks: string[] = [];
    for (let i = 0; i + MAX_PATTERN <= p.length; i += MAX_PATTERN) chunks.push(p.slice(i, i + MAX_PATTERN));
    if (p.length % MAX_PATTERN) chunks.push(p.slice(p.length - MAX_PATTERN));
    return chunks;
  }

  private chunkCandidates(p: string): number[] | null {
    const len = p.length;
    if (len === 0) return null;
    const edits = allowedEdits(len, this.options.threshold ?? 0.6);
    if (edits === 0) {
      const out: number[] = [];
      this.values.forEach((vs, item) => {
        if (vs.some((v) => v.includes(p))) out.push(item);
      });
      return out;
    }
    const distinct = [...new Set(Array.from({ length: len - 1 }, (_, i) => p.slice(i, i + 2)))];
    const needed = distinct.length - 2 * edits;
    const gen = ++this.generation;
    const out: number[] = [];
    const count = (list: readonly number[] | undefined, need: number) => {
      for (const item of list ?? []) {
        if (this.marks[item] !== gen) {
          this.marks[item] = gen;
          this.counts[item] = 0;
        }
        if (++this.counts[item]! === need) out.push(item);
      }
    };
    if (needed >= 1) {
      for (const pair of distinct) count(this.pairs.get(pair), needed);
    } else if (edits === 1 && len === 3) {
      // one edit of "kur": kept "ku" or "ur", deleted the middle ("kr"), or changed it ("k?r")
      for (const pair of [...distinct, p[0]! + p[2]!]) count(this.pairs.get(pair), 1);
      count(this.gapped.get(p[0]! + p[2]!), 1);
    } else return null;
    // unordered: `ranked` does not need an order, the other paths sort
    return out;
  }

  /**
   * fuse.js's score of item `idx` for pattern `p` (lower case), computed as fuse.js
   * computes it (the same numbers multiplied in the same order): per name or
   * alias, 0 for the pattern itself, else the fewest edits over the pattern's
   * length (at least 0.001), raised to the key's weight times the name's length
   * norm. Undefined: no name matches.
   */
  private scoreOf(idx: number, p: string, edits: number, weight: number): number | undefined {
    const len = p.length;
    let total = 1;
    let matched = false;
    for (const { text, n } of this.texts[idx]!) {
      let score: number;
      if (text === p) score = 0;
      else {
        const d = substringEditDistance(p, text, edits);
        if (d > edits) continue;
        score = Math.max(0.001, d / len);
      }
      matched = true;
      total *= Math.pow(score === 0 && weight ? Number.EPSILON : score, (weight || 1) * n);
    }
    return matched ? total : undefined;
  }

  /**
   * What an item of length-norm set `set` scores at best when every one of its
   * names scores `score`: the same operations as `scoreOf`, each factor at most
   * what such a match gives (rounding is monotonic), so no item of the set scores lower.
   */
  private setBound(set: number, score: number, weight: number): number {
    let bound = 1;
    for (const n of this.normSets[set]!) bound *= Math.pow(score, (weight || 1) * n);
    return bound;
  }

  /** `setBound` for every set. */
  private setBounds(score: number, weight: number): number[] {
    return this.normSets.map((_, set) => this.setBound(set, score, weight));
  }

  /**
   * The candidates that match, best first (score, then item), at most `limit`
   * (all when absent). With a limit, names holding the pattern are scored first;
   * then an item whose names all need an edit is skipped when even one edit in
   * every one of its names could not beat the last of the best found.
   */
  private ranked(p: string, candidates: readonly number[], limit?: number): number[] {
    const edits = allowedEdits(p.length, this.options.threshold ?? 0.6);
    const weight = 1 / this.keys.length; // every key weighs 1, normalised over the keys
    const best = new Best(limit === undefined || limit < 0 ? Infinity : limit);
    const rest: number[] = [];
    for (const idx of candidates) {
      if (best.k !== Infinity && !this.texts[idx]!.some(({ text }) => text.includes(p))) {
        rest.push(idx);
        continue;
      }
      const score = this.scoreOf(idx, p, edits, weight);
      if (score !== undefined) best.offer(idx, score);
    }
    const floor = 1 / p.length;
    // per set of length norms (items sharing one share the bound), computed on first need
    const bounds = new Float64Array(this.normSets.length).fill(NaN);
    for (const idx of rest) {
      if (best.full) {
        // the score with one edit in every name (`setBound`)
        const set = this.normSet[idx]!;
        let bound = bounds[set]!;
        if (Number.isNaN(bound)) bounds[set] = bound = this.setBound(set, floor, weight);
        if (bound > best.worst || (bound === best.worst && idx > best.worstItem)) continue;
      }
      const score = this.scoreOf(idx, p, edits, weight);
      if (score !== undefined) best.offer(idx, score);
    }
    return best.sorted();
  }

  /**
   * The best `k` items for `p` (lower case, 2 to 32 characters), best first, as
   * `ranked` over every candidate finds them, starting from the names that hold
   * the pattern (all of them are in the lists of its two rarest character pairs).
   * When those fill the k places with scores no name needing an edit can beat
   * (checked per set of length norms: one edit in each name at best), the rest is
   * not looked at; else only the sets that could still get in are, or, when they
   * are large, every candidate (as `ranked`).
   */
  private rankedFromHolders(p: string, k: number): number[] {
    const len = p.length;
    const edits = allowedEdits(len, this.options.threshold ?? 0.6);
    const weight = 1 / this.keys.length;
    // every name holding the pattern holds each of its pairs: the two rarest lists' common items
    // (merged, in order: cheaper than reading each item's names)
    const lists = [...new Set(Array.from({ length: len - 1 }, (_, i) => p.slice(i, i + 2)))].map((pair) => this.pairs.get(pair) ?? []).sort((x, y) => x.length - y.length);
    const listed = lists.reduce((n, list) => n + list.length, 0);
    const rarest = lists.length > 1 ? intersect(lists[0]!, lists[1]!) : lists[0]!;
    const best = new Best(k);
    const gen = ++this.scoredGeneration;
    const marks = this.scored;
    // by set of length norms: the pattern in every name is the best a name holding it scores (0.001 each,
    // the same operations as `scoreOf`), unless a name is the pattern itself (lower still: scored at once)
    const holders: number[][] = [];
    for (const idx of rarest) {
      let holds = false;
      let equal = false;
      for (const { text } of this.texts[idx]!) {
        if (!text.includes(p)) continue;
        holds = true;
        if (text === p) equal = true;
      }
      if (!holds) continue;
      marks[idx] = gen;
      if (equal) {
        const score = this.scoreOf(idx, p, edits, weight);
        if (score !== undefined) best.offer(idx, score);
      } else (holders[this.normSet[idx]!] ??= []).push(idx);
    }
    const atBest = this.setBounds(0.001, weight);
    const bySet = holders.flatMap((list, set) => (list ? [set] : [])).sort((x, y) => atBest[x]! - atBest[y]! || x - y);
    for (const set of bySet) {
      const bound = atBest[set]!;
      if (best.full && bound > best.worst) break;
      for (const idx of holders[set]!) {
        // items ascending: once one cannot get in, neither can the rest of the set
        if (best.full && (bound > best.worst || (bound === best.worst && idx > best.worstItem))) break;
        const score = this.scoreOf(idx, p, edits, weight);
        if (score !== undefined) best.offer(idx, score);
      }
    }
    // with no edits allowed, only names holding the pattern match
    if (edits === 0) return best.sorted();
    // the score with one edit in every name of a set (see `ranked`): what any other item scores at best
    const floor = 1 / len;
    const bounds = this.setBounds(floor, weight);
    const open = (set: number) => !best.full || bounds[set]! <= best.worst;
    let size = 0;
    for (let set = 0; set < bounds.length; set++) if (open(set)) size += this.setItems[set]!.length;
    if (size === 0) return best.sorted();
    // scoring a name costs about what counting it in a few lists does
    const byPairs = best.full && size * 8 <= listed ? null : this.candidatesByPairs(p, edits);
    if (byPairs) {
      // candidates holding more of the pattern's pairs first: one holding c of its m pairs is at least
      // ceil((m - c) / 2) edits from it in every name (an edit breaks at most two pairs), which bounds
      // its score as one edit does above; once no set can get in at that distance, the rest cannot either
      const { buckets, pairs } = byPairs;
      const boundsAt = new Map<number, number[]>();
      const boundAt = (distance: number): number[] => {
        let b = boundsAt.get(distance);
        if (!b) {
          b = this.setBounds(Math.max(0.001, distance / len), weight);
          boundsAt.set(distance, b);
        }
        return b;
      };
      for (let c = buckets.length - 1; c >= 0; c--) {
        const items = buckets[c];
        if (!items) continue;
        // not holding the pattern (those were scored): one edit at least
        const at = boundAt(Math.max(1, Math.ceil((pairs - c) / 2)));
        if (best.full && at.every((bound) => bound > best.worst)) break;
        for (const idx of items) {
          if (marks[idx] === gen) continue;
          if (best.full) {
            const bound = at[this.normSet[idx]!]!;
            if (bound > best.worst || (bound === best.worst && idx > best.worstItem)) continue;
          }
          const score = this.scoreOf(idx, p, edits, weight);
          if (score !== undefined) best.offer(idx, score);
        }
      }
      return best.sorted();
    }
    const rest = best.full && size * 8 <= listed ? this.openItems(open) : (this.unorderedCandidates(p) ?? this.items.map((_, i) => i));
    for (const idx of rest) {
      if (marks[idx] === gen) continue;
      // holds no pattern: one edit at least in each matching name
      if (best.full) {
        const bound = bounds[this.normSet[idx]!]!;
        if (bound > best.worst || (bound === best.worst && idx > best.worstItem)) continue;
      }
      const score = this.scoreOf(idx, p, edits, weight);
      if (score !== undefined) best.offer(idx, score);
    }
    return best.sorted();
  }

  /**
   * The candidates of `chunkCandidates` for `p` (at most 32 characters, `edits` allowed)
   * when it counts pairs (at least one needed), by how many of the pattern's distinct
   * pairs they hold (`buckets[c]`), with that number of pairs; else null.
   */
  private candidatesByPairs(p: string, edits: number): { buckets: number[][]; pairs: number } | null {
    const distinct = [...new Set(Array.from({ length: p.length - 1 }, (_, i) => p.slice(i, i + 2)))];
    const needed = distinct.length - 2 * edits;
    if (needed < 1) return null;
    const gen = ++this.generation;
    const marks = this.marks;
    const counts = this.counts;
    const found: number[] = [];
    for (const pair of distinct) {
      for (const item of this.pairs.get(pair) ?? []) {
        if (marks[item] !== gen) {
          marks[item] = gen;
          counts[item] = 0;
        }
        if (++counts[item]! === needed) found.push(item);
      }
    }
    const buckets: number[][] = [];
    for (const item of found) (buckets[counts[item]!] ??= []).push(item);
    return { buckets, pairs: distinct.length };
  }

  /** Items of the sets of length norms `open` accepts. */
  private *openItems(open: (set: number) => boolean): Generator<number> {
    for (let set = 0; set < this.setItems.length; set++) if (open(set)) yield* this.setItems[set]!;
  }

  /**
   * `fuse.search(pattern, { limit })` over all items, item for item.
   * @example finder.search('zelenskiy', 25)
   */
  search(pattern: string, limit?: number): T[] {
    return this.searchIndexes(pattern, limit).map((i) => this.items[i]!);
  }

  /** `search`, as positions in the items. */
  searchIndexes(pattern: string, limit?: number): number[] {
    this.ready();
    // fuse.js answers a blank pattern with every item, in order
    if (!pattern.trim()) return Array.from({ length: limit === undefined || limit < 0 ? this.items.length : Math.min(limit, this.items.length) }, (_, i) => i);
    const opts = limit === undefined ? undefined : { limit };
    const lower = pattern.toLowerCase();
    if (lower.length > 0 && lower.length <= MAX_PATTERN && this.keys.every((k) => (k as { weight?: number }).weight === 1)) {
      if (lower.length >= 2 && limit !== undefined && limit >= 0) return this.rankedFromHolders(lower, limit);
      const candidates = this.unorderedCandidates(pattern) ?? this.items.map((_, i) => i);
      return this.ranked(lower, candidates, limit);
    }
    const candidates = this.candidates(pattern) ?? this.items.map((_, i) => i);
    // keep only names fuse.js will match (a cheap exact test), so it scores a handful
    const p = pattern.toLowerCase();
    const chunks = this.chunks(p).map((c) => ({ c, edits: allowedEdits(c.length, this.options.threshold ?? 0.6) }));
    const matching = candidates.filter((i) => this.values[i]!.some((v) => chunks.some(({ c, edits }) => substringEditDistance(c, v, edits) <= edits)));
    if (matching.length === 0) return [];
    const records = matching.map((i) => this.records[i]!);
    const subset = Fuse.parseIndex<T>({ keys: this.keys, records });
    return new Fuse(this.items as T[], this.options, subset).search(pattern, opts).map((r) => r.refIndex);
  }
}

/** The best k items seen by (score, item), lowest first; the worst kept at the root of a heap. */
class Best {
  private readonly idx: number[] = [];
  private readonly score: number[] = [];
  constructor(readonly k: number) {}

  get full(): boolean {
    return this.idx.length >= this.k;
  }

  /** The score to beat (or tie with a lower item) once full. */
  get worst(): number {
    return this.score[0]!;
  }

  get worstItem(): number {
    return this.idx[0]!;
  }

  /** Entry i ranks after entry j. */
  private after(i: number, j: number): boolean {
    const a = this.score[i]!;
    const b = this.score[j]!;
    return a > b || (a === b && this.idx[i]! > this.idx[j]!);
  }

  private swap(i: number, j: number): void {
    const t = this.idx[i]!;
    this.idx[i] = this.idx[j]!;
    this.idx[j] = t;
    const u = this.score[i]!;
    this.score[i] = this.score[j]!;
    this.score[j] = u;
  }

  offer(item: number, score: number): void {
    if (this.k === 0) return;
    if (!this.full) {
      this.idx.push(item);
      this.score.push(score);
      for (let i = this.idx.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!this.after(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const s0 = this.score[0]!;
    if (score > s0 || (score === s0 && item > this.idx[0]!)) return;
    this.idx[0] = item;
    this.score[0] = score;
    const n = this.idx.length;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < n && this.after(l, w)) w = l;
      if (r < n && this.after(r, w)) w = r;
      if (w === i) break;
      this.swap(i, w);
      i = w;
    }
  }

  /** Items best first. */
  sorted(): number[] {
    const order = this.idx.map((_, i) => i);
    order.sort((i, j) => (this.after(i, j) ? 1 : this.after(j, i) ? -1 : 0));
    return order.map((i) => this.idx[i]!);
  }
}
