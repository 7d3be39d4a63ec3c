/**
 * Finds number expressions in a sentence: digits ("10,000", "1.5 million"),
 * word numbers ("Eleven", "twenty-five"), ranges ("10,000-12,000", "1,000 to 3,000",
 * "between 100 and 150") and qualifiers ("about", "as many as", "up to", "more than").
 */

export interface NumberExpression {
  /** Offsets in the sentence of the whole expression, qualifier included. */
  start: number;
  end: number;
  /** Offsets of the numeric part only (without qualifier). */
  numberStart: number;
  low: number;
  high: number;
  qualifier: string | null;
  approximate: boolean;
  /** Written as digits without a thousands separator, 1000-2100: may be a year. */
  yearLike: boolean;
  /** "thousands", "dozens": a magnitude, not a stated number. */
  vague: boolean;
  text: string;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
const SUFFIX_SCALES: Record<string, number> = { m: 1_000_000, mn: 1_000_000, bn: 1_000_000_000, k: 1_000 };

/** Approximate qualifiers, longest first so "as many as" wins over "as". */
const QUALIFIERS = [
  'an estimated', 'as many as', 'as few as', 'up to', 'more than', 'less than', 'fewer than', 'at least', 'at most',
  'close to', 'closer to', 'nearly', 'almost', 'about', 'around', 'approximately', 'roughly', 'some', 'over',
  'under', 'just over', 'just under', 'well over', 'upwards of', 'in excess of', 'no fewer than', 'no more than',
  'not more than', 'at around', 'at about', 'an approximate', 'estimated', 'perhaps', 'possibly', 'likely',
  'a further', 'another', 'an additional', 'an extra', 'a total of', 'the', 'at', 'only', 'just',
].sort((a, b) => b.length - a.length);

/** Qualifiers that do not make a number approximate. */
const EXACT_QUALIFIERS = new Set(['a further', 'another', 'an additional', 'an extra', 'a total of', 'the', 'at', 'only', 'just']);

const WORD_NUMBER = '(?:(?:' + [...Object.keys(TENS)].join('|') + ')(?:[- ](?:' + Object.keys(UNITS).filter((u) => UNITS[u]! > 0 && UNITS[u]! < 10).join('|') + '))?|' + Object.keys(UNITS).join('|') + ')';
const WORD_SCALED = `(?:${WORD_NUMBER}(?:\\s+(?:hundred|thousand|million|billion))*|(?:a|one)\\s+(?:hundred|thousand|million|billion)(?:\\s+(?:thousand|million))?)`;
const DIGITS = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const DIGIT_NUM = `(?:${DIGITS})(?:\\s*(?:million|billion|thousand|m|mn|bn|k)\\b)?`;
const NUM = `(?:${DIGIT_NUM}|\\ba dozen\\b|\\btwo dozen\\b|\\bhalf a million\\b|\\b${WORD_SCALED}\\b)`;

const VAGUE = /\b(?:(?:tens|hundreds) of thousands|dozens|scores|hundreds|thousands|millions)\b/gi;

function parseWordNumber(text: string): number | null {
  const t = text.toLowerCase().replace(/-/g, ' ').trim();
  if (t === 'a dozen') return 12;
  if (t === 'two dozen') return 24;
  if (t === 'half a million') return 500_000;
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of t.split(/\s+/)) {
    if (w === 'a' || w === 'and') {
      if (w === 'a') current = 1;
      continue;
    }
    if (w in UNITS) {
      current += UNITS[w]!;
      any = true;
    } else if (w in TENS) {
      current += TENS[w]!;
      any = true;
    } else if (w in SCALES) {
      const s = SCALES[w]!;
      if (current === 0) current = 1;
      if (s === 100) current *= 100;
      else {
        total += current * s;
        current = 0;
      }
      any = true;
    } else {
      return null;
    }
  }
  return any ? total + current : null;
}

/** Parses one number ("10,000", "1.5 million", "Eleven", "$20bn" without the $). */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  const m = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(million|billion|thousand|m|mn|bn|k)?$/i.exec(t);
  if (m) {
    const base = Number(m[1]!.replace(/,/g, ''));
    const scale = m[2] ? (SCALES[m[2].toLowerCase()] ?? SUFFIX_SCALES[m[2].toLowerCase()] ?? 1) : 1;
    return Math.round(base * scale);
  }
  return parseWordNumber(t);
}

const RANGE_RE = new RegExp(
  `\\bbetween\\s+(${NUM})\\s+and\\s+(${NUM})|(${DIGIT_NUM})\\s*(?:-|–|—)\\s*(${DIGIT_NUM})|(${NUM})\\s+to\\s+(${NUM})|(${NUM})`,
  'gi',
);

/** Finds all number expressions in `sentence`, left to right, without overlaps. */
export function findNumbers(sentence: string): NumberExpression[] {
  const out: NumberExpression[] = [];
  RANGE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RANGE_RE.exec(sentence))) {
    if (m[0].trim() === '') {
      RANGE_RE.lastIndex++;
      continue;
    }
    let start = m.index;
    let end = m.index + m[0].length;
    // trim whitespace the word patterns may have captured
    while (end > start && /\s/.test(sentence[end - 1]!)) end--;
    while (start < end && /\s/.test(sentence[start]!)) start++;
    const raw = sentence.slice(start, end);
    if (!/[\p{L}\p{N}]/u.test(raw)) continue;
    let low: number | null;
    let high: number | null;
    if (m[1] !== undefined) {
      low = parseNumber(m[1]);
      high = parseNumber(m[2]!);
    } else if (m[3] !== undefined || m[5] !== undefined) {
      const a = (m[3] ?? m[5])!;
      const b = (m[4] ?? m[6])!;
      // "1.5 to 2 million": scale the first by the second's scale word
      low = parseNumber(a);
      high = parseNumber(b);
      const scaleWord = /(million|billion|thousand)$/i.exec(b.trim());
      if (low !== null && high !== null && scaleWord && !/(million|billion|thousand)/i.test(a) && low < high / 1000) {
        low = low * SCALES[scaleWord[1]!.toLowerCase()]!;
      }
      // "from 8,500 to 3,000" is a change, not a range; "2010-2011" are years
      if (low !== null && high !== null && high < low) {
        // treat as two separate numbers
        RANGE_RE.lastIndex = m.index + a.length;
        const single = parseNumber(a);
        if (single === null) continue;
        low = single;
        high = single;
        end = start + a.trimEnd().length;
      }
    } else {
      low = parseNumber(m[7]!);
      high = low;
    }
    if (low === null || high === null) continue;
    const text = sentence.slice(start, end);
    // "a" alone or "one" used as a pronoun is not a number worth reporting
    if (/^(a|an)$/i.test(text)) continue;
    // "one" as a pronoun ("one of the worst", "no one") is not a count; "one person" is
    if (/^one$/i.test(text) && !/^\s+(?:person|people|man|woman|child|soldier|civilian|protester|officer|worker|journalist|firefighter|policeman|villager|resident)\b/i.test(sentence.slice(end, end + 20))) continue;
    const yearLike = /^\d{4}$/.test(text) && low >= 1000 && low <= 2100;

    // qualifier immediately before
    const before = sentence.slice(0, start).toLowerCase();
    let qualifier: string | null = null;
    for (const q of QUALIFIERS) {
      if (before.endsWith(q + ' ') && (before.length === q.length + 1 || /[^\p{L}]/u.test(before[before.length - q.length - 2]!))) {
        qualifier = q;
        break;
      }
    }
    if (qualifier === 'the' || qualifier === 'at') qualifier = null;
    // "at around 1,200": the preposition belongs to the sentence, not the number
    if (qualifier === 'at around' || qualifier === 'at about') qualifier = qualifier.slice(3);
    const qStart = qualifier ? start - qualifier.length - 1 : start;
    const approximate = qualifier !== null && !EXACT_QUALIFIERS.has(qualifier);
    out.push({
      start: qStart,
      end,
      numberStart: start,
      low: Math.min(low, high),
      high: Math.max(low, high),
      qualifier,
      approximate,
      yearLike,
      vague: false,
      text: sentence.slice(qStart, end),
    });
  }
  VAGUE.lastIndex = 0;
  while ((m = VAGUE.exec(sentence))) {
    const s = m.index;
    if (out.some((o) => s >= o.start && s < o.end)) continue;
    out.push({ start: s, end: s + m[0].length, numberStart: s, low: 0, high: 0, qualifier: null, approximate: true, yearLike: false, vague: true, text: m[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}
