/**
 * Time expressions in news text, resolved against the article's publication date
 * at the granularity the text gives, and never guessed.
 *
 * Design, in short:
 * - Extraction (`findTimeMentions`) never looks at a date. It turns each expression
 *   into a `TimeRule` (data), so an article's mentions can be cached and resolved
 *   again whenever its publication date becomes known (`resolveTimeMention`).
 * - chrono-node is used only for what it is good at: calendar expressions with a
 *   month name, a weekday or an ISO date ("June 2024", "on 7 February", "Monday",
 *   "2025-04-28"). Its relative, casual and time-of-day parsers are switched off:
 *   on news text they give false hits ("at 4,000" is a time, "1,000 to 3,000" a
 *   time range, "for six months" a date) and resolve relative to the reference
 *   instead of the article. Relative forms ("last year", "August last year",
 *   "last fall", "two days ago", "two days after ...") and bare years ("in 1953",
 *   "the 2003 invasion") are matched here with small, explicit patterns.
 * - Past bias: a month, day, weekday or bare season without a year is the most
 *   recent one on or before publication unless its clause is clearly future
 *   ("will", "next", "is due to", "scheduled", "starting on"). In a
 *   "would"/"could" clause, or a present-tense schedule ("the vote is on
 *   Sunday"), it is dropped: the direction is unknown and a wrong date is worse
 *   than none. A yearless day more than half a year back resolves to null
 *   (`DATE_OPTIONS.ambiguousPastDays`).
 * - Granularity is kept: "early February" is a month, "mid-2024" a year, "last
 *   fall" a season (`2024-FA`); no day is ever invented.
 *
 * Non-goals: times of day, durations ("for six months", "over the next week"),
 * weeks ("last week"), decades ("the 1990s"), and dates relative to other events
 * (kept as `eventRelative`, shown undated).
 */
import * as chrono from 'chrono-node';
import type { DateValue, Season, TimeMention, TimeRule } from '../core/types.js';

/** Tunables, frozen in one place. */
export const DATE_OPTIONS = Object.freeze({
  /**
   * A yearless day that, read as past, lies more than this many days before
   * publication is ambiguous: "on 16 June" in an April article is ten months
   * back, or two ahead. News gives the year for older dates (AP omits it only
   * for the current year), retrospective timelines use yearless days for later
   * events, and "starting on May 1" in an April 29 article is not 363 days ago.
   * Such a day resolves to null rather than to either guess. Month-only mentions
   * ("in August") are not limited: they follow the past bias.
   */
  ambiguousPastDays: 183,
  /** `findDateLine` only looks at this many lines from the top. */
  dateLineMaxLines: 20,
  /** Bare four-digit numbers outside this range are never years. */
  minYear: 1500,
  maxYear: 2099,
});

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

const FULL_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SEASON_WORDS: Record<string, Season> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
/** First month of each season; winter starts in December of its year. */
const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12,
};
const NUMBER_WORD = '(?:\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

/**
 * Nouns (and unit words) that make a preceding number a count, not a year or a
 * day: "2000 protesters", "In March 12 people died", "5000 ft".
 */
const COUNT_WORDS = new Set(
  `people persons troops soldiers protesters protestors demonstrators marchers civilians refugees migrants
  workers residents deaths dead casualties cases homes houses buildings families children women men students
  police policemen officers fighters rebels militants insurgents prisoners detainees votes voters members jobs
  barrels tons tonnes gallons litres liters km kilometres kilometers miles mi ft feet metres meters yards
  dollars euros pounds yen rupees acres hectares vehicles tanks missiles rockets drones shells rounds bombs
  flights passengers units beds patients victims bodies sailors marines airmen supporters delegates seats staff
  employees lawmakers mps cars trucks boats ships planes aircraft square sq hours hrs minutes mins seconds gmt
  utc bst est edt pst cet local calories words pages copies times points percent per strong years days weeks
  months tourists pilgrims worshippers participants athletes fans spectators ballots signatures arrests killed
  wounded injured missing displaced homeless arrested evacuated additional extra more others cattle animals
  sheep trees kg kilograms grams mg lbs bn billion million thousand hundred`.split(/\s+/),
);

const CAPITAL_START = /^\p{Lu}/u;

/** Capitalised words that may stand before a month or weekday name without making it part of a name. */
const CAPITALISED_LEAD = /^(?:The|A|An|In|On|Since|Until|Till|By|From|During|Before|After|Between|Through|Last|Next|This|Early|Late|Mid-?|Every|Each|Of|And|But|Or|Then|Also|Earlier|Later|Since|Only|Even|Until|As|At|For)$/;

/** "Black September", "Theresa May", "Bloody Sunday", "Super Tuesday": the word before makes a name. */
function isPartOfName(before: string): boolean {
  if (!before || !CAPITAL_START.test(before)) return false;
  if (/['’]s$/.test(before)) return false; // "Korea's March offensive"
  return !CAPITALISED_LEAD.test(before);
}

// ---------------------------------------------------------------------------
// chrono: calendar expressions only
// ---------------------------------------------------------------------------

/**
 * chrono parsers kept: ISO dates, day/month/year with month names, weekdays,
 * "04/2025". Everything relative, casual or time-of-day is matched here instead
 * (or deliberately not at all), and numeric d/m/y dates are read by
 * `matchNumericDate`, which refuses ambiguous ones ("05/04/2025").
 */
const CHRONO_PARSERS_KEPT = new Set([
  'ISOFormatParser',
  'ENYearMonthDayParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENWeekdayParser',
  'ENSlashMonthFormatParser',
  'ENYearMonthNameParser',
  'ENMonthNameParser',
]);

const calendarParser: chrono.Chrono = (() => {
  const c = chrono.en.casual.clone();
  c.parsers = c.parsers.filter((p) => CHRONO_PARSERS_KEPT.has((p as object).constructor.name));
  return c;
})();

/**
 * What each kept parser's pattern needs somewhere in the text to match at all
 * (taken from chrono's patterns, with the same case-insensitive flag): every
 * month name and abbreviation starts with one of the twelve, every weekday word
 * with one of the seven. A parser whose condition fails would find nothing, so
 * leaving it out gives exactly chrono's results (tested on every parser's
 * examples and on the corpora): most sentences run two or three of the eight.
 */
const MONTH_WORD = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const PARSER_NEEDS: Record<string, (text: string) => boolean> = {
  ISOFormatParser: (t) => /[0-9]{4}-[0-9]/.test(t),
  ENYearMonthDayParser: (t) => /[0-9]{4}[-./\s]/.test(t),
  ENMonthNameLittleEndianParser: (t) => MONTH_WORD.test(t),
  ENMonthNameMiddleEndianParser: (t) => MONTH_WORD.test(t),
  ENWeekdayParser: (t) => /sun|mon|tue|wed|thu|fri|sat|week/i.test(t),
  ENSlashMonthFormatParser: (t) => /[0-9]\/[0-9]{4}/.test(t),
  ENYearMonthNameParser: (t) => /[1-9]/.test(t) && MONTH_WORD.test(t),
  ENMonthNameParser: (t) => MONTH_WORD.test(t),
};
const parserNeeds = calendarParser.parsers.map((p) => PARSER_NEEDS[(p as object).constructor.name] ?? (() => true));
/** `calendarParser` restricted to the parsers a text can match, by bit mask of `calendarParser.parsers`. */
const parsersFor = new Map<number, chrono.Chrono>();

/** `calendarParser.parse(text, CHRONO_REFERENCE)`, running only the parsers that can match `text`. */
function calendarParse(text: string): chrono.ParsedResult[] {
  let mask = 0;
  for (let i = 0; i < parserNeeds.length; i++) if (parserNeeds[i]!(text)) mask |= 1 << i;
  if (mask === 0) return [];
  let c = parsersFor.get(mask);
  if (!c) {
    c = calendarParser.clone();
    c.parsers = calendarParser.parsers.filter((_, i) => (mask & (1 << i)) !== 0);
    parsersFor.set(mask, c);
  }
  return c.parse(text, CHRONO_REFERENCE);
}

/** @internal Chrono's calendar results for `text`, with every kept parser run (for tests of `calendarParse`). */
export function calendarParseAll(text: string): chrono.ParsedResult[] {
  return calendarParser.parse(text, CHRONO_REFERENCE);
}

/** @internal `calendarParse`, for tests. */
export function calendarParseGated(text: string): chrono.ParsedResult[] {
  return calendarParse(text);
}

/** The names chrono's parsers were found under (a chrono upgrade that renames them shows up here). */
export function chronoParsersInUse(): string[] {
  return calendarParser.parsers.map((p) => (p as object).constructor.name);
}

/** Fixed reference: chrono's guesses (implied components) are never used, only what it was certain of. */
const CHRONO_REFERENCE = new Date(Date.UTC(2000, 5, 15, 12));

/** Sentences chrono could find something in: a capitalised month or weekday name, or a digit date. */
const CHRONO_GATE =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d{4}-\d\d?-\d|\d\d?\/\d{4}\b/;

/** Per-family gates, so most sentences run one or two patterns. */
const RELATIVE_GATE = /yesterday|today|tonight|tomorrow|last night|\bago\b|year|month/i;
const EVENT_GATE = /\b(?:after|later|before|earlier|next|following|previous|preceding|same)\b/i;
const SEASON_GATE = /spring|summer|autumn|fall|winter/i;

/** Cheap test before any pattern runs: no keyword, no mention. */
const PREFILTER =
  /\d{4}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)|yesterday|today|tonight|tomorrow|\b(?:ago|last|this|next|earlier|later|following|previous|same|after|before|spring|summer|autumn|fall|winter)\b/i;

// ---------------------------------------------------------------------------
// Candidates
// ---------------------------------------------------------------------------

/** How the direction (past or future) of a yearless month/weekday was decided. */
type Direction = 'past' | 'future' | 'clause';

interface Candidate {
  start: number;
  end: number;
  rule: TimeRule;
  /** For monthDay/weekday/bare seasons: explicit modifier, or left to the clause. */
  direction?: Direction;
  /** "this summer": the current year's whatever the tense. */
  explicitThis?: boolean;
  /** Bare month name, so "<Month> last year" can be merged. */
  bareMonth?: boolean;
  /** Higher wins an overlap of equal length. */
  priority: number;
}

function wordBefore(s: string, i: number): string {
  const m = /([\p{L}\p{N}'’.-]+)\s*$/u.exec(s.slice(Math.max(0, i - 40), i));
  return m ? m[1]! : '';
}

function wordAfter(s: string, i: number): string {
  const m = /^\s*([\p{L}\p{N}%'’-]+)/u.exec(s.slice(i, i + 40));
  return m ? m[1]! : '';
}

function isCountWord(w: string): boolean {
  const lw = w.toLowerCase().replace(/[’']s$/, '');
  if (lw.startsWith('%')) return true;
  return COUNT_WORDS.has(lw);
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayValue(year: number, month: number, day: number): DateValue | null {
  return validDay(year, month, day) ? { year, month, day, granularity: 'day' } : null;
}

/** Trims a chrono match to the expression: no leading "on", comma or bracket; no trailing punctuation. */
function trimSpan(s: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  const lead = /^(?:[,(（]\s*)?(?:on\s+)?/i.exec(s.slice(a, b));
  if (lead) a += lead[0].length;
  while (b > a && /[\s,.;:)）]/.test(s[b - 1]!)) b--;
  return [a, b];
}

/** Month-name position inside a chrono match, to check it is capitalised. */
const MONTH_NAME_IN = /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b/i;

/** Words before a bare month name that make it a date ("in March", "since mid-March", "early February"). */
const BARE_MONTH_CONTEXT = new Set([
  'in', 'since', 'until', 'till', 'by', 'during', 'from', 'through', 'throughout', 'before', 'after', 'between',
  'and', 'or', 'to', 'of', 'early', 'mid', 'mid-', 'late', 'last', 'next', 'this', 'end', 'start', 'beginning',
  'the', 'around', 'into', 'for', 'that',
]);
/** Month names that are also common words or names: only after a preposition. */
const NAME_LIKE_MONTHS = new Set([3, 4, 5, 6, 8]);

function chronoCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  let results: chrono.ParsedResult[];
  try {
    results = calendarParse(sentence);
  } catch {
    return out;
  }
  for (const r of results) {
    const c = r.start;
    let [start, end] = trimSpan(sentence, r.index, r.index + r.text.length);
    const text = sentence.slice(start, end);
    const hasY = c.isCertain('year');
    const hasM = c.isCertain('month');
    let hasD = c.isCertain('day');
    const year = c.get('year') ?? 0;
    const month = c.get('month') ?? 0;
    const day = c.get('day') ?? 0;
    let yearKnown = hasY;

    if (hasM) {
      const mm = MONTH_NAME_IN.exec(text);
      if (mm) {
        // Month names are always capitalised in English: "march on the palace" is not March.
        if (!CAPITAL_START.test(mm[1]!)) continue;
        // "Black September", "Theresa May": a month name after a capitalised word is a name.
        if (mm.index === 0 && isPartOfName(wordBefore(sentence, start))) continue;
      }
      // "In March, 2000 troops", "In March 12 people died": the trailing number is a count
      // (but "the May 10 bombs" is a date used as an adjective).
      const determiner = mm ? /^(?:the|a|an)$/i.test(wordBefore(sentence, start + mm.index)) : false;
      if (/\d$/.test(text) && (/^[,.]\d/.test(sentence.slice(end)) || (!determiner && isCountWord(wordAfter(sentence, end))))) {
        const numMatch = /[\s,/-]*\d+(?:st|nd|rd|th)?$/.exec(text)!;
        end = start + numMatch.index;
        if (hasY && String(year) === numMatch[0].replace(/\D/g, '')) yearKnown = false;
        else hasD = false;
        if (!mm) continue;
      }
    }

    if (yearKnown && hasM && hasD) {
      const v = dayValue(year, month, day);
      if (v) out.push({ start, end, rule: { type: 'absolute', value: v }, priority: 2 });
      continue;
    }
    if (yearKnown && hasM) {
      out.push({ start, end, rule: { type: 'absolute', value: { year, month, granularity: 'month' } }, priority: 2 });
      continue;
    }
    if (hasM && hasD) {
      if (!validDay(2000, month, day)) continue; // 2000 is a leap year: 29 February is allowed
      out.push({ start, end, rule: { type: 'monthDay', month, day, future: false }, direction: 'clause', priority: 2 });
      continue;
    }
    if (hasM) {
      const mm = MONTH_NAME_IN.exec(sentence.slice(start, end));
      if (!mm) continue; // "04/2025"-style without a year is not a mention
      const monthStart = start + mm.index;
      let before = wordBefore(sentence, monthStart).toLowerCase();
      const hyphenated = sentence[monthStart - 1] === '-';
      if (hyphenated) before = before.replace(/-$/, '') + '-';
      const atSentenceStart = sentence.slice(0, monthStart).trim() === '';
      const ok =
        BARE_MONTH_CONTEXT.has(before) || BARE_MONTH_CONTEXT.has(before.replace(/-$/, '')) ||
        (atSentenceStart && !NAME_LIKE_MONTHS.has(month)) ||
        /^['’]s$/.test(sentence.slice(end, end + 2));
      if (!ok) continue;
      // "the October Revolution": a month followed by a capitalised word after "the" is a name.
      if (before === 'the' && CAPITAL_START.test(wordAfter(sentence, end))) continue;
      let s = start;
      let direction: Direction = 'clause';
      const mod = /(?:\b(early|late|mid|last|next|this|past)\s*-?\s*)$/i.exec(sentence.slice(Math.max(0, s - 12), s));
      if (mod) {
        s -= mod[0].length;
        const w = mod[1]!.toLowerCase();
        if (w === 'last' || w === 'past') direction = 'past';
        else if (w === 'next') direction = 'future';
      }
      out.push({ start: s, end, rule: { type: 'monthDay', month, future: false }, direction, bareMonth: true, priority: 2 });
      continue;
    }
    if (c.isCertain('weekday')) {
      const weekday = c.get('weekday')!;
      const wm = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i.exec(text);
      // Full, capitalised weekday names only ("Sun" is a newspaper), and no "weekend".
      if (!wm || !CAPITAL_START.test(wm[1]!) || FULL_WEEKDAYS.indexOf(wm[1]!.toLowerCase()) !== weekday) continue;
      // "Monday of last week": the week is not representable, so no guess.
      if (/\bweek\b/i.test(text)) continue;
      // "Bloody Sunday", "Super Tuesday", "Black Monday": names, not dates.
      const wStart = start + wm.index;
      if (isPartOfName(wordBefore(sentence, wStart))) continue;
      let direction: Direction = 'clause';
      const mod = /\b(last|past|next|this)\s+\S+$/i.exec(text);
      if (mod) {
        const w = mod[1]!.toLowerCase();
        if (w === 'last' || w === 'past') direction = 'past';
        else if (w === 'next') direction = 'future';
      }
      out.push({ start, end, rule: { type: 'weekday', weekday, future: false }, direction, priority: 2 });
      continue;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Own patterns: numeric dates, relative expressions, seasons, years, event-relative
// ---------------------------------------------------------------------------

/**
 * "2025/04/28", "28/04/2025", "04/28/2025". A d/m/y vs m/d/y date where both
 * parts could be a month ("05/04/2025") is refused.
 */
function matchNumericDate(year: string, a: string, b: string, yearFirst: boolean): DateValue | null {
  const y = Number(year);
  const p = Number(a);
  const q = Number(b);
  if (yearFirst) return dayValue(y, p, q);
  if (p > 12 && q <= 12) return dayValue(y, q, p);
  if (q > 12 && p <= 12) return dayValue(y, p, q);
  if (p === q) return dayValue(y, p, q);
  return null;
}

const NUMERIC_DATE = /\b(?:(\d{4})[/.](\d{1,2})[/.](\d{1,2})|(\d{1,2})\/(\d{1,2})\/(\d{4}))\b/g;

function numericCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of sentence.matchAll(NUMERIC_DATE)) {
    const v = m[1] ? matchNumericDate(m[1], m[2]!, m[3]!, true) : matchNumericDate(m[6]!, m[4]!, m[5]!, false);
    if (v) out.push({ start: m.index!, end: m.index! + m[0].length, rule: { type: 'absolute', value: v }, priority: 3 });
  }
  return out;
}

/** yesterday/today/tomorrow/tonight/last night, "N days/months/years ago". */
const DAY_WORDS =
  /\b(?:(the day before yesterday)|(the day after tomorrow)|(yesterday)|(today)|(tonight)|(tomorrow)|(last night))\b/gi;
const AGO = new RegExp(`\\b(${NUMBER_WORD})\\s+(day|month|year)s?\\s+ago\\b`, 'gi');
/** "last year", "earlier this year", "late last month", "early next year", "this time last year". */
const YEAR_MONTH_OFFSET =
  /\b(?:(earlier|later|early|late|so far|the end of|the start of|the beginning of|the middle of|this time)\s+)?(last|this|next|past|coming)\s+(year|month)\b/gi;
/** "over the last year", "for the next year", "the past month": durations, not dates. */
const DURATION_BEFORE = /\b(?:over|for|during|within|throughout|in|through|across|of)\s+(?:the|this)\s*$|\bthe\s*$/i;

function relativeCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of sentence.matchAll(DAY_WORDS)) {
    const offset = m[1] ? -2 : m[2] ? 2 : m[3] ? -1 : m[4] || m[5] ? 0 : m[6] ? 1 : -1;
    // "today" in "the world today", "Ukraine today" is a day as well; keep it.
    out.push({ start: m.index!, end: m.index! + m[0].length, rule: { type: 'dayOffset', offset }, priority: 2 });
  }
  for (const m of sentence.matchAll(AGO)) {
    const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
    if (!Number.isFinite(n) || n <= 0) continue;
    const unit = m[2]!.toLowerCase();
    const rule: TimeRule =
      unit === 'day' ? { type: 'dayOffset', offset: -n } : unit === 'month' ? { type: 'monthOffset', offset: -n } : { type: 'yearOffset', offset: -n };
    out.push({ start: m.index!, end: m.index! + m[0].length, rule, priority: 2 });
  }
  for (const m of sentence.matchAll(YEAR_MONTH_OFFSET)) {
    const start = m.index!;
    const prefix = m[1]?.toLowerCase();
    const rel = m[2]!.toLowerCase();
    // "the past year", "over the last month", "for the next year": durations.
    if (!prefix && DURATION_BEFORE.test(sentence.slice(Math.max(0, start - 20), start))) continue;
    if (rel === 'past') continue; // "past year" is always a duration
    const offset = rel === 'last' ? -1 : rel === 'this' ? 0 : 1;
    const rule: TimeRule = m[3]!.toLowerCase() === 'year' ? { type: 'yearOffset', offset } : { type: 'monthOffset', offset };
    out.push({ start, end: start + m[0].length, rule, priority: 2 });
  }
  return out;
}

/**
 * Relative to another event, so never resolved against publication: "two days
 * after Mr Putin confirmed...", "the next day", "days later", "a week after the quake".
 */
const EVENT_RELATIVE = new RegExp(
  [
    `\\b(?:${NUMBER_WORD}|several|a few|few|some)\\s+(?:days?|weeks?|months?|years?)\\s+(?:after|later|before|earlier)\\b`,
    `\\b(?:days|weeks|months|years)\\s+(?:after|later|before|earlier)\\b`,
    `\\bthe\\s+(?:next|following|previous|preceding)\\s+(?:day|morning|afternoon|evening|night|week|month|year)\\b`,
    `\\bthe\\s+day\\s+(?:after|before)\\b`,
    `\\b(?:the|that)\\s+same\\s+(?:day|week|month|year)\\b`,
    `\\b(?:earlier|later)\\s+that\\s+(?:day|morning|afternoon|evening|night|week|month|year)\\b`,
  ].join('|'),
  'gi',
);

function eventRelativeCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of sentence.matchAll(EVENT_RELATIVE)) {
    const start = m.index!;
    // "over the following weeks", "for the next year": durations.
    if (/\b(?:over|for|during|within|throughout|in)\s*$/i.test(sentence.slice(Math.max(0, start - 12), start)) &&
      /^the\s+(?:next|following|previous|preceding)/i.test(m[0])) {
      continue;
    }
    // "the day before yesterday" is a day offset, handled above.
    if (/^the\s+day\s+(?:after|before)\s+(?:yesterday|tomorrow)/i.test(sentence.slice(start))) continue;
    out.push({ start, end: start + m[0].length, rule: { type: 'eventRelative' }, priority: 3 });
  }
  return out;
}

/**
 * Seasons: "last fall", "this summer", "in the winter", "spring 2024",
 * "the summer of 2011". A bare "fall"/"spring" needs a preposition or modifier
 * ("the fall of Saddam Hussein" is not autumn; "the Arab Spring" is not spring).
 * "this summer" is the current year's (offset 0). A bare "in the summer" is
 * past-biased like "in August": in a past clause it becomes offset -1 (the most
 * recent summer that is over), in a future clause offset 0; this is wrong only
 * for a past-tense bare season in an article published during that season.
 */
const SEASON =
  /\b(?:(last|this|next|past|coming|previous|this past)\s+|(?:(in|during|over|through|throughout|since|until|by|before|after)\s+(?:the\s+)?(?:(early|late|mid)[\s-]+)?))?(spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(\d{4})\b)?/gi;

function seasonCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of sentence.matchAll(SEASON)) {
    const [whole, mod, prep, , word, year] = m;
    const season = SEASON_WORDS[word!.toLowerCase()]!;
    const start = m.index! + (prep ? prep.length + whole!.slice(prep.length).search(/\S/) : 0);
    const end = m.index! + whole!.length;
    if (year) {
      const y = Number(year);
      if (y < DATE_OPTIONS.minYear || y > DATE_OPTIONS.maxYear) continue;
      out.push({ start, end, rule: { type: 'absolute', value: { year: y, season, granularity: 'season' } }, priority: 3 });
      continue;
    }
    if (!mod && !prep) continue;
    // "in the fall of prices", "the spring of discontent": "of" + not a year.
    if (/^\s+of\b/i.test(sentence.slice(end))) continue;
    const lm = mod?.toLowerCase();
    if (lm === 'previous') {
      out.push({ start, end, rule: { type: 'eventRelative' }, priority: 3 });
      continue;
    }
    const offset = lm === 'last' || lm === 'past' || lm === 'this past' ? -1 : lm === 'next' || lm === 'coming' ? 1 : 0;
    out.push({
      start,
      end,
      rule: { type: 'season', season, offset },
      direction: offset < 0 ? 'past' : offset > 0 ? 'future' : 'clause',
      explicitThis: lm === 'this',
      priority: 3,
    });
  }
  return out;
}

/**
 * Words before a four-digit number that make it a year ("in 2024", "since 2010",
 * "the 2003 invasion"). Anything else ("about 2000", "at 1200", "resolution
 * 1973", "Fateh-110") is a number; so is a year-like number followed by a count
 * word ("in 2000 cases", "the 2000 protesters").
 */
const YEAR_CONTEXT = new Set([
  'in', 'since', 'during', 'until', 'till', 'through', 'throughout', 'before', 'after', 'from', 'between', 'the',
  'a', 'an', 'early', 'late', 'mid', 'pre', 'post', 'circa', 'c.', 'year', 'by', 'fiscal',
]);
const OF_YEAR_CONTEXT = /\b(?:end|start|beginning|middle|half|quarter|part|rest|spring|summer|autumn|fall|winter|year|class|elections?)\s+of\s*$/i;
const BY_NOT_YEAR = /\b(?:increased|rose|risen|fell|fallen|grew|grown|reduced|cut|dropped|declined|boosted|raised|lowered|up|down|more|less|multiplied|divided|outnumbered)\s+by\s*$/i;
const YEAR_NUMBER = /(?<![\d,.$£€¥#\p{L}])(?:(mid|early|late|pre|post)[\s-]+)?(\d{4})(?:\s*[-–]\s*(\d{4}|\d{2})(?!\d))?(?![\d%\p{L}]|[,.]\d|-[\p{L}])/gu;

function yearCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  let previousYearEnd = -100;
  for (const m of sentence.matchAll(YEAR_NUMBER)) {
    const [whole, modifier, yearText, rangeEnd] = m;
    const year = Number(yearText);
    const start = m.index!;
    const end = start + whole!.length;
    if (year < DATE_OPTIONS.minYear || year > DATE_OPTIONS.maxYear) continue;
    const yearStart = start + whole!.indexOf(yearText!);
    const beforeText = sentence.slice(Math.max(0, start - 40), start);
    const after = wordAfter(sentence, end);
    if (isCountWord(after)) continue;
    if (/^(?:GMT|UTC|BST|local|hrs|hours|h)$/i.test(after)) continue;
    const possessive = /^['’]s\b/.test(sentence.slice(end, end + 3));
    let ok = !!modifier || possessive;
    if (!ok) {
      const prev = wordBefore(sentence, start).toLowerCase().replace(/[’']s$/, "'s");
      if (/\(\s*$/.test(sentence.slice(Math.max(0, start - 2), start))) ok = true; // "(2019)"
      else if (prev.endsWith("'s") || prev.endsWith('’s')) ok = true; // "Russia's 2022 invasion"
      else if (prev === 'of') ok = OF_YEAR_CONTEXT.test(beforeText);
      else if (prev === 'by') ok = !BY_NOT_YEAR.test(beforeText);
      else if (prev === 'to' || prev === 'and' || prev === 'or') ok = start - previousYearEnd <= 6 + prev.length; // "from 1996 to 1999"
      else if (YEAR_CONTEXT.has(prev)) ok = true; // counts after these were refused above ("the 2000 protesters")
      else if (/\bthe\s+year\s*$/i.test(beforeText)) ok = true;
    }
    if (!ok) continue;
    const emit = (s: number, e: number, y: number) =>
      out.push({ start: s, end: e, rule: { type: 'absolute', value: { year: y, granularity: 'year' } }, priority: 1 });
    if (rangeEnd) {
      const y2 = rangeEnd.length === 2 ? Math.floor(year / 100) * 100 + Number(rangeEnd) : Number(rangeEnd);
      if (y2 > year && y2 - year < 100) {
        const dash = sentence.indexOf(rangeEnd, yearStart + 4);
        emit(start, yearStart + 4, year);
        if (rangeEnd.length === 4) emit(dash, dash + 4, y2);
        previousYearEnd = end;
        continue;
      }
      continue; // "2024-1234": not a year range
    }
    emit(start, end, year);
    previousYearEnd = end;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Clause tense: is a yearless month or weekday in the future?
// ---------------------------------------------------------------------------

type Tense = 'future' | 'past' | 'uncertain';

/** The verb group after an auxiliary ("will be held", "would not have"), so its participle is not read as a past tense. */
const VERB_GROUP = `(?:\\s+(?:not|be|been|have|also|then|now|soon|only|still|again|\\w+ly))*(?:\\s+[a-z]+)?`;

const TENSE_MARKERS = new RegExp(
  [
    // future
    `(?<future>(?:\\bwill\\b|\\bshall\\b|\\b\\w+['’]ll\\b|\\bwon['’]t\\b|\\b(?:is|are|am|be|['’]s|['’]re)\\s+(?:due|scheduled|set|slated|expected|poised|planned|going|likely|about)\\s+to\\b)${VERB_GROUP}|\\bscheduled\\s+(?:for|on|to)\\b|\\bdue\\s+(?:on|in|to\\s+(?:be|start|begin|take|hold|meet|vote|arrive|open|close|end|resume|return|visit|sign|launch|expire|appear|face|leave|travel|testify|announce|publish|release|deliver|finish|run|go|come|hear|rule|decide|report|attend|complete)\\b)|\\bplans?\\s+to\\b|\\bintends?\\s+to\\b|\\bupcoming\\b|\\bto\\s+be\\s+held\\b|\\b(?:starting|beginning|effective|as\\s+of)\\s+(?=(?:on|from|in)?\\s*\\p{Lu}))`,
    // past: modal perfect, reporting verbs, auxiliaries, irregular pasts, -ed
    `(?<past>\\b(?:would|could|might|may|should|must)\\s+(?:not\\s+)?have\\b|\\b(?:said|says|told|tells|was|were|had|has|have|did|began|came|went|took|gave|sent|met|held|fled|fought|left|led|made|saw|struck|spoke|won|lost|broke|rose|fell|hit|stood|wrote|found|brought|caught|kept|ran|became|shot|swept|knew|thought|sought|withdrew|drew|grew|chose|flew|overran|overtook|began|undertook)\\b|(?<ed>\\b[a-z]{3,}ed\\b))`,
    // uncertain modals: direction unknown ("said he would step down in September")
    `(?<uncertain>\\b(?:would|could|might|may|should)\\b${VERB_GROUP})`,
  ].join('|'),
  'gu',
);

/** Words ending in -ed that are not past tenses. */
const NOT_PAST_ED = new Set(['need', 'speed', 'indeed', 'proceed', 'succeed', 'exceed', 'hundred', 'bleed', 'breed', 'feed', 'seed', 'shed', 'embed', 'sacred', 'naked', 'wicked', 'kindred', 'greed', 'creed', 'steed', 'weed', 'heed', 'reed', 'deed']);

interface Marker {
  start: number;
  end: number;
  tense: Tense;
}

function tenseMarkers(sentence: string): Marker[] {
  const out: Marker[] = [];
  for (const m of sentence.matchAll(TENSE_MARKERS)) {
    const g = m.groups!;
    if (g['ed'] !== undefined && NOT_PAST_ED.has(g['ed'])) continue;
    const tense: Tense = g['future'] !== undefined ? 'future' : g['past'] !== undefined ? 'past' : 'uncertain';
    out.push({ start: m.index!, end: m.index! + m[0].length, tense });
  }
  return out;
}

const CLAUSE_BOUNDARY = /[,;:()"“”—–]|\s-\s|\b(?:that|which|who|whom|whose|but|while|whereas|although|though|because)\b/g;

/**
 * The tense governing a mention: the marker nearest to it within its clause
 * (punctuation or "that/which/but..." delimit clauses), else the nearest in the
 * sentence ("In March, the ministry said..."). No marker: past.
 */
function clauseTense(sentence: string, start: number, end: number, markers: Marker[]): Tense {
  if (markers.length === 0) return 'past';
  let segStart = 0;
  let segEnd = sentence.length;
  for (const b of sentence.matchAll(CLAUSE_BOUNDARY)) {
    const bi = b.index!;
    if (bi + b[0].length <= start) segStart = bi + b[0].length;
    else if (bi >= end) {
      segEnd = bi;
      break;
    }
  }
  const distance = (mk: Marker) => (mk.end <= start ? start - mk.end : mk.start >= end ? mk.start - end + 0.5 : 0);
  const pick = (list: Marker[]) =>
    list.reduce<Marker | null>((best, mk) => (best === null || distance(mk) < distance(best) ? mk : best), null);
  const inClause = markers.filter((mk) => mk.start >= segStart && mk.end <= segEnd && (mk.end <= start || mk.start >= end));
  const chosen = pick(inClause) ?? pick(markers.filter((mk) => mk.end <= start || mk.start >= end));
  return chosen ? chosen.tense : 'past';
}

// ---------------------------------------------------------------------------
// findTimeMentions
// ---------------------------------------------------------------------------

/**
 * Time expressions in one sentence, in order, with offsets into `sentence`.
 * Nothing here depends on a date: each mention carries a `TimeRule` that
 * `resolveTimeMention` turns into a date once the publication date is known.
 *
 * @example
 * findTimeMentions('In March, Mr Kim met Mr Shoigu in Pyongyang.')
 * // [{ text: 'March', start: 3, end: 8, rule: { type: 'monthDay', month: 3, future: false } }]
 * findTimeMentions('troops sent to Russia in August last year')
 * // [{ text: 'August last year', ..., rule: { type: 'monthOfYearOffset', month: 8, yearOffset: -1 } }]
 */
export function findTimeMentions(sentence: string): TimeMention[] {
  if (!PREFILTER.test(sentence)) return [];
  const candidates: Candidate[] = [];
  if (CHRONO_GATE.test(sentence)) candidates.push(...chronoCandidates(sentence));
  if (/\d{4}/.test(sentence)) {
    candidates.push(...yearCandidates(sentence));
    if (/\d[/.]\d/.test(sentence)) candidates.push(...numericCandidates(sentence));
  }
  if (RELATIVE_GATE.test(sentence)) candidates.push(...relativeCandidates(sentence));
  if (EVENT_GATE.test(sentence)) candidates.push(...eventRelativeCandidates(sentence));
  if (SEASON_GATE.test(sentence)) candidates.push(...seasonCandidates(sentence));
  if (candidates.length === 0) return [];

  const merged = mergeMonthWithYearOffset(sentence, removeOverlaps(candidates));
  const markers = merged.some((c) => c.direction !== undefined) ? tenseMarkers(sentence) : [];
  const mentions: TimeMention[] = [];
  for (const c of merged) {
    let rule = c.rule;
    if (c.direction !== undefined && (rule.type === 'monthDay' || rule.type === 'weekday' || rule.type === 'season')) {
      let future: boolean;
      if (c.direction === 'clause') {
        // "The vote is on Sunday": a present-tense schedule could point either way.
        const tense = SCHEDULE_BEFORE.test(sentence.slice(Math.max(0, c.start - 30), c.start))
          ? 'uncertain'
          : clauseTense(sentence, c.start, c.end, markers);
        // "said he would step down in September": before or after publication is unknown.
        if (tense === 'uncertain') continue;
        future = tense === 'future';
      } else {
        future = c.direction === 'future';
      }
      if (rule.type === 'monthDay') rule = { ...rule, future };
      else if (rule.type === 'weekday') rule = { ...rule, future };
      // A bare season ("in the summer") follows the same past bias as a bare month: in a
      // past clause it is the most recent one that is over (offset -1), in a future
      // clause the current year's (offset 0). The season rule has no \`future\` flag, so the
      // past reading is carried by the offset; see the note on SEASON.
      else if (rule.type === 'season' && c.direction === 'clause' && !future && !c.explicitThis) rule = { ...rule, offset: -1 };
    }
    // "in spring every year", "in March each year": habits, not dates.
    if ((rule.type === 'season' || (rule.type === 'monthDay' && rule.day === undefined)) && HABITUAL_AFTER.test(sentence.slice(c.end, c.end + 12))) {
      continue;
    }
    mentions.push({ text: sentence.slice(c.start, c.end), start: c.start, end: c.end, rule });
  }
  return mentions;
}

const SCHEDULE_BEFORE = /\b(?:is|are|['’]s|['’]re)\s+(?:on|in)?\s*$/i;
const HABITUAL_AFTER = /^\s*(?:every|each)\b/i;

/** Longest span wins an overlap; on a tie, the higher priority. */
function removeOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (c.end <= c.start) continue;
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** "August last year", "March of this year", "in June next year": one month mention, not two. */
function mergeMonthWithYearOffset(sentence: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1];
    if (
      b && a.bareMonth && a.rule.type === 'monthDay' && a.direction === 'clause' && b.rule.type === 'yearOffset' &&
      /^\s*(?:of\s+)?$/i.test(sentence.slice(a.end, b.start)) && /^(?:last|this|next)\s+year$/i.test(sentence.slice(b.start, b.end))
    ) {
      out.push({
        start: a.start,
        end: b.end,
        rule: { type: 'monthOfYearOffset', month: a.rule.month, yearOffset: b.rule.offset },
        priority: 3,
      });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** True when the mention names its own date ("June 2024", "7 February 2025", "in 1953"). */
export function mentionIsAbsolute(m: TimeMention): boolean {
  return m.rule.type === 'absolute';
}

// ---------------------------------------------------------------------------
// resolveTimeMention
// ---------------------------------------------------------------------------

function utcDays(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

function fromUtcDays(days: number): DateValue {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), granularity: 'day' };
}

/** Season instance containing a month index (year*12 + month-1), as [year, season]. */
function seasonAt(monthIndex: number): [number, Season] {
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  if (month >= 3 && month <= 5) return [year, 'SP'];
  if (month >= 6 && month <= 8) return [year, 'SU'];
  if (month >= 9 && month <= 11) return [year, 'FA'];
  return month === 12 ? [year, 'WI'] : [year - 1, 'WI'];
}

function seasonStartIndex(year: number, season: Season): number {
  return year * 12 + SEASON_START[season] - 1;
}

function resolveSeason(season: Season, offset: number, pubYear: number, pubMonth: number): DateValue {
  const pubIndex = pubYear * 12 + pubMonth - 1;
  const [curYear, curSeason] = seasonAt(pubIndex);
  let year: number;
  if (offset < 0) {
    // the most recent one that is over: it ended before the publication month
    year = pubYear;
    while (seasonStartIndex(year, season) + 2 >= pubIndex) year--;
    year += offset + 1;
  } else if (offset > 0) {
    year = pubYear - 1;
    while (seasonStartIndex(year, season) <= pubIndex) year++;
    year += offset - 1;
  } else {
    year = curSeason === season ? curYear : pubYear;
  }
  return { year, season, granularity: 'season' };
}

/**
 * Resolves a rule against the publication date; null when it cannot be
 * resolved: the article is undated (every rule but `absolute`), the rule is
 * `eventRelative`, the publication date is too coarse for the rule (a weekday
 * against a month), or the reading is ambiguous (a yearless day more than
 * `DATE_OPTIONS.ambiguousPastDays` back).
 *
 * @example
 * const published = { year: 2025, month: 4, day: 28, granularity: 'day' } as const;
 * resolveTimeMention({ type: 'monthDay', month: 3, future: false }, published) // 2025-03
 * resolveTimeMention({ type: 'monthDay', month: 8, future: false }, published) // 2024-08
 * resolveTimeMention({ type: 'season', season: 'FA', offset: -1 }, published)  // 2024-FA
 * resolveTimeMention({ type: 'weekday', weekday: 3, future: false }, published) // 2025-04-23
 */
export function resolveTimeMention(rule: TimeRule, published: DateValue | null): DateValue | null {
  if (rule.type === 'absolute') return { ...rule.value };
  if (published === null || rule.type === 'eventRelative') return null;
  const g = published.granularity;
  const py = published.year;
  // A winter spans two years, so a season-dated article has no year to count from.
  if (g === 'season' && published.season === 'WI') return null;
  const pm = g === 'month' || g === 'day' ? published.month! : null;
  const pd = g === 'day' ? published.day! : null;

  switch (rule.type) {
    case 'yearOffset':
      return { year: py + rule.offset, granularity: 'year' };
    case 'monthOfYearOffset':
      return { year: py + rule.yearOffset, month: rule.month, granularity: 'month' };
    case 'monthOffset': {
      if (pm === null) return null;
      const idx = py * 12 + pm - 1 + rule.offset;
      return { year: Math.floor(idx / 12), month: (idx % 12) + 1, granularity: 'month' };
    }
    case 'season':
      if (pm === null) return null;
      return resolveSeason(rule.season, rule.offset, py, pm);
    case 'dayOffset':
      if (pd === null) return null;
      return fromUtcDays(utcDays(py, pm!, pd) + rule.offset);
    case 'weekday': {
      if (pd === null) return null;
      const pub = utcDays(py, pm!, pd);
      const pubDow = new Date(pub * 86_400_000).getUTCDay();
      const delta = rule.future ? (rule.weekday - pubDow + 7) % 7 : -((pubDow - rule.weekday + 7) % 7);
      return fromUtcDays(pub + delta);
    }
    case 'monthDay':
      return resolveMonthDay(rule.month, rule.day, rule.future, py, pm, pd);
  }
}

function resolveMonthDay(
  month: number,
  day: number | undefined,
  future: boolean,
  py: number,
  pm: number | null,
  pd: number | null,
): DateValue | null {
  if (pm === null) return null; // "in March" against "2025": this March or last?
  if (day === undefined) {
    const year = future ? (month >= pm ? py : py + 1) : month <= pm ? py : py - 1;
    return { year, month, granularity: 'month' };
  }
  if (pd === null) {
    // Month-dated article: only a different month says which year.
    if (month === pm) return null;
    if (!future && (pm - month + 12) % 12 > 6) return null; // see ambiguousPastDays
    const year = future ? (month > pm ? py : py + 1) : month < pm ? py : py - 1;
    return dayValue(year, month, day);
  }
  const pub = utcDays(py, pm, pd);
  // Nearest valid occurrence on or before (past) / on or after (future) publication; 29 February may skip years.
  const step = future ? 1 : -1;
  let year = py;
  for (let tries = 0; tries < 9; tries++, year += step) {
    if (!validDay(year, month, day)) continue;
    const d = utcDays(year, month, day);
    if (future ? d < pub : d > pub) continue;
    // Read as past, a day more than half a year back is as likely this year's: no guess.
    if (!future && pub - d > DATE_OPTIONS.ambiguousPastDays) return null;
    return dayValue(year, month, day);
  }
  return null;
}

// ---------------------------------------------------------------------------
// Formatting, parsing, ordering
// ---------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * "2025" | "2025-03" | "2025-04-28" | "2024-FA" (TimeML/HeidelTime season codes).
 *
 * @example formatDateValue({ year: 2024, season: 'FA', granularity: 'season' }) // "2024-FA"
 */
export function formatDateValue(v: DateValue): string {
  const y = pad(v.year, 4);
  switch (v.granularity) {
    case 'year':
      return y;
    case 'season':
      return `${y}-${v.season}`;
    case 'month':
      return `${y}-${pad(v.month!)}`;
    case 'day':
      return `${y}-${pad(v.month!)}-${pad(v.day!)}`;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?)?$/;
/** What may follow a date in a metadata or date-line string: a time and a zone. */
const TIME_TAIL =
  /^[\s,|·•-]*(?:(?:at\s+)?\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z))?(?:\s*\(?[A-Z]{2,5}\)?)?)?\s*$/i;
const WEEKDAY_HEAD = /^(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\s+/i;

/**
 * Parses a metadata or date-line string: "2025-04-28", "2025-04-28T10:00:00Z",
 * "28 April 2025", "April 28, 2025", "Apr. 28 2025", "2025/04/28",
 * "Mon, 28 Apr 2025 10:00:00 +0000"; "April 2025" gives a month, "2025" a year.
 * Null when the string is not (only) a date, or is ambiguous ("05/04/2025").
 * A time zone never moves the date: it is the date the publisher printed.
 *
 * @example parseDateString('Published: April 28, 2025 10:31 am') // null: not only a date
 * @example parseDateString('April 28, 2025 10:31 am') // { year: 2025, month: 4, day: 28, granularity: 'day' }
 */
export function parseDateString(s: string): DateValue | null {
  const t = s.trim().replace(/\s+/g, ' ');
  if (t === '') return null;
  let m = ISO_DATE.exec(t);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (m[3] === undefined) return month >= 1 && month <= 12 ? { year, month, granularity: 'month' } : null;
    return dayValue(year, month, Number(m[3]));
  }
  if (/^\d{4}$/.test(t)) {
    const year = Number(t);
    return year >= DATE_OPTIONS.minYear && year <= DATE_OPTIONS.maxYear ? { year, granularity: 'year' } : null;
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(.*)$/.exec(t);
  if (m) return TIME_TAIL.test(m[4]!) ? matchNumericDate(m[1]!, m[2]!, m[3]!, true) : null;
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(.*)$/.exec(t);
  if (m) return TIME_TAIL.test(m[4]!) ? matchNumericDate(m[3]!, m[1]!, m[2]!, false) : null;

  const body = t.replace(WEEKDAY_HEAD, '');
  let results: chrono.ParsedResult[];
  try {
    results = calendarParse(body);
  } catch {
    return null;
  }
  const r = results[0];
  if (!r || r.index > 4 || !/^(?:on|the)?$/i.test(body.slice(0, r.index).trim())) return null;
  if (!TIME_TAIL.test(body.slice(r.index + r.text.length))) return null;
  const c = r.start;
  if (!c.isCertain('year') || !c.isCertain('month')) return null;
  const year = c.get('year')!;
  const month = c.get('month')!;
  if (c.isCertain('day')) return dayValue(year, month, c.get('day')!);
  return { year, month, granularity: 'month' };
}

/** [month index of the start, rank, day]: a year sorts before its seasons, months and days. */
function sortKey(v: DateValue): [number, number, number] {
  switch (v.granularity) {
    case 'year':
      return [v.year * 12, 0, 0];
    case 'season':
      return [seasonStartIndex(v.year, v.season!), 1, 0];
    case 'month':
      return [v.year * 12 + v.month! - 1, 2, 0];
    case 'day':
      return [v.year * 12 + v.month! - 1, 3, v.day!];
  }
}

/**
 * Chronological order for sorting mixed granularities: a value sorts at its
 * first month, and a coarser value before a finer one starting in the same month
 * (2025 < 2025-01 < 2025-01-01). Seasons sit at their first month (SP March,
 * SU June, FA September, WI December of `year`).
 *
 * @example ['2025-03', '2024-FA', '2025'].map(parseDateString).sort(compareDateValues) // 2024-FA, 2025, 2025-03
 */
export function compareDateValues(a: DateValue, b: DateValue): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
}

// ---------------------------------------------------------------------------
// findDateLine
// ---------------------------------------------------------------------------

const DATE_LINE_KEYWORD =
  /^[ \t]*(?:date(?:d)?|published(?:\s+on)?|first\s+published(?:\s+on)?|updated(?:\s+on)?|last\s+updated(?:\s+on)?|posted(?:\s+on)?|modified(?:\s+on)?)(?:\s*[:\-–—|]\s*|\s+)/i;

/**
 * An explicit date line near the top of a text: "date 2025-04-28",
 * "Published 14 September 2023", "Published: April 28, 2025 10:31 am",
 * "Updated 3 March 2024", or a line that is nothing but a full date
 * ("28 April 2025"). Looks only at the first `DATE_OPTIONS.dateLineMaxLines`
 * lines, and only at lines that ARE a date line: "Published reports said on
 * 14 September..." is body text. Offsets are into `text` and cover the keyword
 * and the date (and a time after it), not body text that follows on the same
 * line (AP copy: "date 2025-04-28 SEOUL, South Korea (AP) —").
 *
 * @example findDateLine('date 2025-04-28 SEOUL (AP) — ...') // { value: 2025-04-28, start: 0, end: 15 }
 */
export function findDateLine(text: string): { value: DateValue; start: number; end: number } | null {
  let offset = 0;
  for (let n = 0; n < DATE_OPTIONS.dateLineMaxLines && offset <= text.length; n++) {
    const nl = text.indexOf('\n', offset);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    const found = dateLineIn(line);
    if (found) return { value: found.value, start: offset + found.start, end: offset + found.end };
    if (nl < 0) break;
    offset = nl + 1;
  }
  return null;
}

function dateLineIn(line: string): { value: DateValue; start: number; end: number } | null {
  const kw = DATE_LINE_KEYWORD.exec(line);
  if (kw) {
    const lead = line.length - line.trimStart().length;
    const rest = line.slice(kw[0].length);
    // The whole remainder is a date (and time)...
    const whole = parseDateString(rest);
    if (whole) return { value: whole, start: lead, end: line.trimEnd().length };
    // ...or the line opens with one, followed by a dateline or the story.
    const head = leadingDate(rest);
    if (head) return { value: head.value, start: lead, end: kw[0].length + head.end };
    return null;
  }
  // A line that is only a full date, with an optional weekday and time.
  const trimmed = line.trim();
  if (trimmed.length > 0 && trimmed.length <= 60) {
    const v = parseDateString(trimmed);
    if (v && v.granularity === 'day') {
      const lead = line.length - line.trimStart().length;
      return { value: v, start: lead, end: lead + trimmed.length };
    }
  }
  return null;
}

/** A date at the very start of `s` (ISO, or chrono's calendar forms), with its end offset. */
function leadingDate(s: string): { value: DateValue; end: number } | null {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?=\s|$|[,.;])/.exec(s);
  if (iso) {
    const v = parseDateString(iso[0]);
    return v ? { value: v, end: iso[0].length } : null;
  }
  const body = s.replace(WEEKDAY_HEAD, '');
  const skipped = s.length - body.length;
  const r = calendarParse(body)[0];
  if (!r || r.index !== 0) return null;
  const v = parseDateString(r.text);
  if (!v || v.granularity === 'year') return null;
  return { value: v, end: skipped + r.text.replace(/[\s,.;]+$/, '').length };
}
