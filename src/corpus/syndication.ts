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

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Folds spelling variants that differ between outlets' copies of one wire story. */
export function foldWord(w: string): string {
  return w
    .replace(/our$/, 'or')
    .replace(/ence$/, 'ense')
    .replace(/mme$/, 'm')
    .replace(/ise$/, 'ize')
    .replace(/yy$/, 'y');
}

export function normalisedWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'mr' && w !== 'mrs' && w !== 'ms' && w !== 'the' && w !== 'a' && w !== 'that')
    .map((w) => foldWord(w.replace(/'/g, '')));
}

/** MinHash signature of a text's word 3-shingles. */
export function minhashSignature(text: string): number[] {
  const words = normalisedWords(text);
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  if (words.length < 3) return sig;
  for (let i = 0; i + 2 < words.length; i++) {
    const h = fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = mix(h, SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
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
