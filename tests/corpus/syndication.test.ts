import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { foldWord, minhashSignature, normalisedWords, SIGNATURE_SIZE } from '../../src/corpus/syndication.js';
import { CRISIS, SEEDS } from '../helpers.js';

/** The straightforward definitions the fast versions replace. */
function referenceFold(w: string): string {
  return w.replace(/our$/, 'or').replace(/ence$/, 'ense').replace(/mme$/, 'm').replace(/ise$/, 'ize').replace(/yy$/, 'y');
}
function referenceWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'mr' && w !== 'mrs' && w !== 'ms' && w !== 'the' && w !== 'a' && w !== 'that')
    .map((w) => referenceFold(w.replace(/'/g, '')));
}
const SEEDS_ = Array.from({ length: SIGNATURE_SIZE }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b) >>> 0);
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
function referenceSignature(text: string): number[] {
  const words = referenceWords(text);
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  if (words.length < 3) return sig;
  for (let i = 0; i + 2 < words.length; i++) {
    const h = fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = mix(h, SEEDS_[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

const TRICKY = [
  '',
  'a',
  'the the the',
  "Mr. O'Neill's ‘colour’ `programme` — the defence's licence, 'n' ' '' rock 'n' roll",
  'İstanbul ǅemal ÀÉÎ straße ΣΊΣΥΦΟΣ Ωμέγα КИЕВ 東京 𝐀𝐁𝐂 𝟏𝟐 😀 a\uD800b c\uDC00d e',
  'Kim Jong-un, U.S.-led talks; 3.5% of 10,000 (AP) — “quoted” [sic]\n\nnew\tparagraph\u00a0here…',
  'honour behaviour favourite theatre organise realise colonise Zelenskyy Zelensky',
];

function corpusTexts(): string[] {
  const files = [
    ...readdirSync(SEEDS).map((f) => path.join(SEEDS, f)),
    ...readdirSync(CRISIS).filter((f) => f.endsWith('.txt')).map((f) => path.join(CRISIS, f)),
  ];
  return files.map((f) => readFileSync(f, 'utf8'));
}

describe('normalisedWords and minhashSignature', () => {
  it('GIVEN spelling variants THEN foldWord folds them as the suffix rules say', () => {
    for (const w of ['colour', 'defence', 'programme', 'organise', 'zelenskyy', 'ourour', 'ence', 'yy', 'mme', 'word', '']) {
      expect(foldWord(w)).toBe(referenceFold(w));
    }
    expect(foldWord('colour')).toBe('color');
    expect(foldWord('zelenskyy')).toBe('zelensky');
  });

  it('GIVEN punctuation, apostrophes, non-Latin and astral letters, lone surrogates THEN the words are the regex definition’s', () => {
    for (const t of TRICKY) expect(normalisedWords(t)).toEqual(referenceWords(t));
    expect(normalisedWords("rock 'n' roll the Mr")).toEqual(['rock', 'n', 'roll']);
  });

  it('GIVEN the seed and crisis articles THEN words and signatures equal the straightforward implementation', () => {
    const texts = [...corpusTexts(), ...TRICKY];
    expect(texts.length).toBeGreaterThan(50);
    for (const t of texts) {
      expect(normalisedWords(t)).toEqual(referenceWords(t));
      expect(minhashSignature(t)).toEqual(referenceSignature(t));
    }
  });

  it('GIVEN fewer than three words THEN the signature is empty (all 0xffffffff)', () => {
    expect(minhashSignature('two words')).toEqual(new Array(SIGNATURE_SIZE).fill(0xffffffff));
  });
});
