import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findAttributions, WORD_RE, words } from '../../src/extract/figures.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { cleanArticleText } from '../../src/corpus/clean.js';
import { CRISIS, crisisFiles } from '../helpers.js';

/** The figure rules' words as the regex defines them. */
function referenceWords(text: string, offset = 0) {
  return [...text.matchAll(new RegExp(WORD_RE.source, WORD_RE.flags))].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: offset + m.index!,
    end: offset + m.index! + m[0].length,
  }));
}

const TRICKY = [
  '',
  '—',
  'U.S.-led forces, 10,000-12,000 troops; Korea’s "heroes" (AP) – said.',
  "it's -a- 'quoted' ... 3.5. x,y ,, -- a-b- O'Neill’s",
  'İstanbul ǅemal straße ΣΊΣΥΦΟΣ КИЕВ 東京 𝐀𝐁𝐂 𝟏𝟐 😀 a\uD800b c\uDC00d 𝐀.𝐁 x𝐀',
  '٣٤ people ١٢٣ ‘single’ “double” « guillemets » 5km² ½',
];

describe('words (the figure rules’ tokeniser)', () => {
  it('GIVEN punctuation, non-Latin, astral and lone surrogate characters THEN the same words as WORD_RE', () => {
    for (const t of TRICKY) {
      expect(words(t)).toEqual(referenceWords(t));
      expect(words(t, 17)).toEqual(referenceWords(t, 17));
    }
  });

  it('GIVEN every sentence of the crisis passages THEN the same words as WORD_RE', () => {
    let n = 0;
    for (const f of crisisFiles()) {
      const body = cleanArticleText(readFileSync(path.join(CRISIS, f), 'utf8')).body;
      for (const s of splitSentences(body)) {
        expect(words(s.text)).toEqual(referenceWords(s.text));
        n++;
      }
    }
    expect(n).toBeGreaterThan(200);
  });

  it('GIVEN the same sentence twice THEN findAttributions answers equal, independent copies', () => {
    const s = 'At least 20 people were killed, police said.';
    const a = findAttributions(s);
    a.length = 0;
    expect(findAttributions(s).map((x) => x.claimant)).toEqual(['police']);
    expect(findAttributions('No one spoke.')).toEqual([]);
  });
});
