/**
 * Near-duplicate detection for wire copies: one AP story printed by three
 * outlets is one source. MinHash signatures over word 3-shingles (after folding
 * case, punctuation, British/American spellings and honorifics), grouped with
 * LSH banding so that 100,000 articles do not need 5 billion comparisons.
 */

export const SIGNATURE_SIZE = 64;
const BANDS = 21;
const ROWS = 3;
/** Estimated Jaccard similarity above which two articles are copies of one report. */
export const SYNDICATION_THRESHOLD = 0.45;

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b) >>> 0);

/** FNV-1a of `s` continuing from state `h` (so a shingle is hashed without building its string). */
function fnv1aStep(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Folds spelling variants that differ between outlets' copies of one wire story. */
export function foldWord(w: string): string {
  // at most one of these endings applies: each replacement leaves none of the others
  if (w.endsWith('our')) return w.slice(0, -3) + 'or';
  if (w.endsWith('ence')) return w.slice(0, -4) + 'ense';
  if (w.endsWith('mme')) return w.slice(0, -3) + 'm';
  if (w.endsWith('ise')) return w.slice(0, -3) + 'ize';
  if (w.endsWith('yy')) return w.slice(0, -2) + 'y';
  return w;
}

/** Words are made of these (after lower-casing); anything else separates them. */
const WORD_CHAR = /^[\p{L}\p{N}'’‘`]$/u;
/** Per UTF-16 unit: 0 not looked at yet, 1 word character, 2 separator. */
const WORD_CLASS = new Uint8Array(65536);
const STOP = new Set(['mr', 'mrs', 'ms', 'the', 'a', 'that']);
const APOSTROPHES = /['’‘`]/g;

/** Length of the word character at `i` (1 or 2 UTF-16 units), or 0 when it separates words. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let k = WORD_CLASS[c]!;
  if (k === 0) k = WORD_CLASS[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

/**
 * The words compared between copies: lower-cased, split at anything but letters,
 * digits and apostrophes, without "mr", "mrs", "ms", "the", "a", "that", then
 * without apostrophes and with spellings folded (`foldWord`). Same result as
 * `text.toLowerCase().replace(/[’‘\`]/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, ' ').split(/\s+/)`
 * filtered and mapped that way (tested).
 */
export function normalisedWords(text: string): string[] {
  const t = text.toLowerCase();
  const out: string[] = [];
  const n = t.length;
  let i = 0;
  while (i < n) {
    let len = wordCharAt(t, i);
    if (len === 0) {
      i += t.charCodeAt(i) >= 0xd800 && t.charCodeAt(i) <= 0xdbff && i + 1 < n && t.charCodeAt(i + 1) >= 0xdc00 && t.charCodeAt(i + 1) <= 0xdfff ? 2 : 1;
      continue;
    }
    const start = i;
    let apostrophe = false;
    while (i < n && (len = wordCharAt(t, i)) > 0) {
      const c = t.charCodeAt(i);
      if (c === 39 || c === 0x2019 || c === 0x2018 || c === 96) apostrophe = true;
      i += len;
    }
    let w = t.slice(start, i);
    if (apostrophe) w = w.replace(APOSTROPHES, '');
    else if (STOP.has(w)) continue;
    out.push(foldWord(w));
  }
  return out;
}

const SEEDS_I32 = Int32Array.from(SEEDS);

/**
 * MinHash signature of a text's word 3-shingles: for each of the 64 seeds, the
 * least `mix(fnv1a("w0 w1 w2"), seed)` over the shingles, as unsigned 32-bit numbers.
 */
export function minhashSignature(text: string): number[] {
  const words = normalisedWords(text);
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  const n = words.length - 2;
  if (n < 1) return sig;
  // FNV-1a of each shingle "w0 w1 w2", hashed without building the string
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = fnv1aStep(0x811c9dc5, words[i]!);
    h = Math.imul(h ^ 32, 0x01000193);
    h = fnv1aStep(h, words[i + 1]!);
    h = Math.imul(h ^ 32, 0x01000193);
    hashes[i] = fnv1aStep(h, words[i + 2]!);
  }
  // the mix in signed arithmetic; x ^ 0x80000000 orders signed as the unsigned value orders
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    const seed = SEEDS_I32[k]!;
    let least = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      let x = hashes[i]! ^ seed;
      x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
      x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
      x = x ^ (x >>> 16) ^ 0x80000000;
      if (x < least) least = x;
    }
    sig[k] = (least ^ 0x80000000) >>> 0;
  }
  return sig;
}

export function estimatedSimilarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * Groups items whose signatures say they are copies of one report.
 * Returns, for each item index, the index of its group's first member.
 */
export function groupSyndicated(signatures: readonly (readonly number[])[], threshold = SYNDICATION_THRESHOLD): number[] {
  const parent = signatures.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const buckets = new Map<string, number[]>();
  signatures.forEach((sig, i) => {
    if (sig[0] === 0xffffffff) return; // too short to compare
    for (let b = 0; b < BANDS; b++) {
      let key = `${b}:`;
      for (let r = 0; r < ROWS; r++) key += sig[b * ROWS + r]!.toString(36) + ',';
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const compared = new Set<string>();
  for (const list of buckets.values()) {
    if (list.length < 2 || list.length > 200) continue; // a huge bucket is boilerplate, not a story
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        const key = i < j ? `${i}-${j}` : `${j}-${i}`;
        if (compared.has(key)) continue;
        compared.add(key);
        if (estimatedSimilarity(signatures[i]!, signatures[j]!) >= threshold) {
          const ri = find(i);
          const rj = find(j);
          if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
        }
      }
    }
  }
  return signatures.map((_, i) => find(i));
}
