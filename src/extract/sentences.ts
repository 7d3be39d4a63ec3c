/**
 * Sentence splitting with exact offsets, so every statement can quote its
 * sentence verbatim (`body.slice(start, end)`).
 *
 * Rule-based rather than wink-nlp: it is ~10x faster (ingest of 100,000 articles
 * is bounded by it) and handles the cases news text needs: abbreviations and
 * titles ("U.S.", "Mr.", "Lt. Gen."), initials, decimal numbers, closing quotes
 * after the full stop, and paragraph breaks, which always end a sentence.
 */
import type { Sentence } from '../core/types.js';

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'lt', 'gen', 'col', 'sgt', 'capt', 'cpt', 'adm', 'maj', 'cmdr', 'rep',
    'sen', 'gov', 'pres', 'rev', 'hon', 'jr', 'sr', 'no', 'nos', 'vs', 'v', 'etc', 'inc', 'co', 'corp', 'ltd',
    'dept', 'est', 'approx', 'fig', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
    'dec', 'mt', 'ft', 'vol', 'op', 'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u',
  ].map((a) => a.toLowerCase()),
);

/** Characters that may close a sentence after its terminal punctuation. */
const CLOSERS = new Set(['"', '\u201d', '\u2019', "'", ')', ']', '\u00bb']);

function isUpperStart(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[\p{Lu}\p{N}"“‘'(\[«]/u.test(ch);
}

/** The word immediately before position `dot` (exclusive), including inner dots ("U.S"). */
function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i]!)) i--;
  return text.slice(i + 1, dot);
}

/**
 * Splits `body` into sentences. Paragraphs are separated by blank lines or single
 * newlines (scraped text uses both).
 */
export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = -1;
  const push = (end: number) => {
    if (start < 0) return;
    // trim trailing whitespace
    let e = end;
    while (e > start && /\s/.test(body[e - 1]!)) e--;
    if (e > start) {
      const text = body.slice(start, e);
      if (/[\p{L}\p{N}]/u.test(text)) {
        sentences.push({ index: sentences.length, start, end: e, text, paragraph });
      }
    }
    start = -1;
  };

  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\n') {
      push(i);
      // any newline ends a paragraph in scraped text
      if (sentences.length > 0 && sentences[sentences.length - 1]!.paragraph === paragraph) paragraph++;
      continue;
    }
    if (start < 0) {
      if (/\s/.test(ch)) continue;
      start = i;
    }
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      // swallow runs of terminal punctuation and closers
      let j = i + 1;
      while (j < body.length && (body[j] === '.' || body[j] === '!' || body[j] === '?' || CLOSERS.has(body[j]!))) j++;
      const next = body[j];
      if (next !== undefined && next !== ' ' && next !== '\t' && next !== '\n' && next !== '\r') {
        i = j - 1;
        continue; // "U.S.-led", "3.5", "example.com"
      }
      if (ch === '.') {
        const word = wordBefore(body, i);
        const lower = word.toLowerCase();
        // Abbreviation or initial ("J." / "U.S.") followed by more of the sentence
        let k = j;
        while (k < body.length && (body[k] === ' ' || body[k] === '\t')) k++;
        const after = body[k];
        if (after === '\n' || after === undefined) {
          push(j);
          i = j - 1;
          continue;
        }
        const isInitial = /^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
        if (ABBREVIATIONS.has(lower) || isInitial) {
          // "U.S. officials" vs "in the U.S. The next day": an abbreviation ends a
          // sentence only when followed by a capitalised function word.
          const nextWord = /^[\p{L}']+/u.exec(body.slice(k))?.[0] ?? '';
          const sentenceStarter = /^(The|A|An|In|On|At|But|And|He|She|It|They|We|This|That|There|His|Her|Their|Its|After|Before|When|While|However|Meanwhile)$/.test(nextWord);
          if (!sentenceStarter || lower === 'mr' || lower === 'mrs' || lower === 'ms' || lower === 'dr') {
            i = j - 1;
            continue;
          }
        }
        if (!isUpperStart(after)) {
          i = j - 1;
          continue; // "... at 5 p.m. local time"
        }
      } else {
        let k = j;
        while (k < body.length && (body[k] === ' ' || body[k] === '\t')) k++;
        if (body[k] !== undefined && body[k] !== '\n' && !isUpperStart(body[k])) {
          i = j - 1;
          continue;
        }
      }
      push(j);
      i = j - 1;
    }
  }
  push(body.length);
  return sentences;
}
