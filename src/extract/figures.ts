/**
 * Figures: stated numbers of people killed, wounded, killed-or-wounded,
 * missing, captured, deployed and displaced, with who claims them.
 *
 * A number becomes a figure only when it is tied to a predicate about people:
 *  - a counted group followed by a passive or adjectival predicate
 *    ("72 protesters were killed", "more than 30 dead", "50,000 civilians flee");
 *  - a verb taking the group as object ("killing 52", "dispatched 10,000 troops");
 *  - a toll phrase ("put the death toll at 300", "the number of killed or wounded
 *    North Koreans at 4,000", "brought to 98 the number of soldiers killed");
 *  - a rival estimate in the same sentence ("..., while U.S. estimates placed the
 *    number closer to 1,200").
 * Numbers about anything else (money, percentages, barrels, ages, years, votes,
 * vessels) are left alone: a figure must be about people.
 */
import type { FigureKind, FigureMention, TimeMention } from '../core/types.js';
import { findNumbers, type NumberExpression } from './numbers.js';
import {
  ACTIVE_VERBS,
  CLAIMANT_WORDS,
  MILITARY_NOUNS,
  MONTHS_RE,
  NON_PEOPLE_AFTER,
  NOUN_MODIFIERS,
  PASSIVE_PREDICATES,
  PEOPLE_NOUNS,
  PRONOUNS,
  REPORTING_VERBS,
  WEEKDAYS_RE,
  type PredicateKind,
} from './lexicon.js';

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/**
 * Words, numbers and the punctuation the rules look at, as this pattern finds them
 * (kept as the definition; `words` scans by hand, which is several times faster
 * and allocates no match arrays):
 */
export const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}.,'’\-]*[\p{L}\p{N}]|[\p{L}\p{N}]|[,;:()"“”—–-]/gu;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit: 1 letter or digit, 2 inner punctuation only (. ' ’), 3 inner or alone (, -), 4 alone only. */
const CLASS = new Uint8Array(65536);
const CLASS_KNOWN = new Uint8Array(65536);
for (const ch of ".'’") CLASS[ch.charCodeAt(0)] = 2;
for (const ch of ',-') CLASS[ch.charCodeAt(0)] = 3;
for (const ch of ';:()"“”—–') CLASS[ch.charCodeAt(0)] = 4;
for (const ch of ".'’,-;:()\"“”—–") CLASS_KNOWN[ch.charCodeAt(0)] = 1;

/** Class of the code point at `i` (see CLASS) and its length in UTF-16 units, packed as class * 4 + length. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 6 : 2;
  }
  if (CLASS_KNOWN[c] === 0) {
    CLASS_KNOWN[c] = 1;
    if (LETTER_OR_DIGIT.test(String.fromCharCode(c))) CLASS[c] = 1;
  }
  return CLASS[c]! * 4 + 1;
}

/** The matches of `WORD_RE` in `text`, with offsets shifted by `offset`. */
export function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ci = classAt(text, i);
    const cls = ci >> 2;
    if (cls === 1) {
      // a letter or digit, then inner characters, ending on the last letter or digit
      let j = i + (ci & 3);
      let end = j;
      while (j < n) {
        const cj = classAt(text, j);
        const k = cj >> 2;
        if (k === 0 || k === 4) break;
        j += cj & 3;
        if (k === 1) end = j;
      }
      const t = text.slice(i, end);
      out.push({ text: t, lower: t.toLowerCase(), start: offset + i, end: offset + end });
      i = end;
    } else if (cls >= 3) {
      const t = text[i]!;
      out.push({ text: t, lower: t, start: offset + i, end: offset + i + 1 });
      i++;
    } else {
      i += ci & 3;
    }
  }
  return out;
}

/** Auxiliaries and adverbs allowed between a counted group and its predicate. */
const FILLER = new Set(
  `were was are is have has had been being be now already also still later all mostly reportedly reported believed thought
  said feared confirmed known estimated presumed assumed understood to have been as either either both so far in total
  altogether officially initially subsequently since then quickly allegedly apparently probably likely may might could
  would will shall feared it says say they he she according were being or who which that had have been got get getting
  among them whom those remain remains remained`.split(/\s+/),
);

const CLAUSE_BREAK = /(?:;|,\s+(?:while|although|though|but|whereas|and\s+(?:that|the))\s|\s(?:while|whereas|although)\s)/gi;

interface Segment {
  start: number;
  end: number;
}

function segments(sentence: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(sentence))) {
    out.push({ start: last, end: m.index });
    last = m.index;
  }
  out.push({ start: last, end: sentence.length });
  return out;
}

function segmentOf(segs: Segment[], pos: number): Segment {
  return segs.find((s) => pos >= s.start && pos < s.end) ?? segs[segs.length - 1]!;
}

/** Is this number a date, a time, an age, a year or a model number rather than a count? */
function isNotACount(sentence: string, n: NumberExpression): boolean {
  const before = sentence.slice(Math.max(0, n.numberStart - 24), n.numberStart);
  const after = sentence.slice(n.end, n.end + 40);
  if (/[$£€¥₹]\s*$|US\$\s*$|\b(?:usd|eur|gbp|rs\.?)\s*$/i.test(before)) return true;
  if (NON_PEOPLE_AFTER.test(after)) return true;
  if (/^[-–]\w/.test(after) && !/^[-–]\d/.test(after)) return true; // "9,000-strong", "15-member"
  if (/[-\w]$/.test(before) && /\w-$/.test(before)) return true; // "Fateh-110"
  const prevWord = /([\p{L}.]+)\W*$/u.exec(before)?.[1] ?? '';
  const nextWord = /^\W*([\p{L}.]+)/u.exec(after)?.[1] ?? '';
  if (MONTHS_RE.test(prevWord) || MONTHS_RE.test(nextWord.replace(/,$/, ''))) return true; // "22 April", "February 15"
  if (/^(?:phase|level|no\.?|number|article|section|chapter|page|route|highway|flight|resolution|row|round|grade|category|channel|gate|unit|room|block|sector|zone|ward|stage|step|day|week|the year|since|in|by|until|from|of)$/i.test(prevWord) && n.yearLike) return true;
  if (/^(?:phase|level|no\.?|article|section|chapter|page|route|highway|flight|resolution|row|grade|category|channel|gate|room|block|sector|stage|step|day|week|tier)$/i.test(prevWord)) return true;
  if (/,\s*$/.test(before) && /^\s*,/.test(after) && /\p{Lu}[\p{L}'-]+\s*,\s*$/u.test(before)) return true; // "Norman Kember, 74,"
  if (/\b(?:aged|age of|ages)\s*$/i.test(before)) return true;
  if (/^\s*(?:\d|:\d)/.test(after)) return true;
  if (n.yearLike && !nounAfter(sentence, n)) return true;
  return false;
}

/** The people noun phrase right after a number, if any: "North Korean soldiers", "additional troops". */
function nounAfter(sentence: string, n: NumberExpression): { noun: string; phrase: string; end: number } | null {
  const ws = words(sentence.slice(n.end, n.end + 90), n.end);
  const phrase: Word[] = [];
  for (let i = 0; i < Math.min(ws.length, 6); i++) {
    const w = ws[i]!;
    const bare = w.lower.replace(/[’']s$/, '');
    if (PEOPLE_NOUNS.has(bare)) {
      // "police officers", "army defectors": take the longest noun run
      phrase.push(w);
      let j = i + 1;
      while (j < ws.length && PEOPLE_NOUNS.has(ws[j]!.lower) && j < i + 3) {
        phrase.push(ws[j]!);
        j++;
      }
      const last = phrase[phrase.length - 1]!;
      return { noun: last.lower, phrase: sentence.slice(phrase[0]!.start, last.end), end: last.end };
    }
    // Capitalised plural demonyms ("North Koreans", "Syrians", "Britons", "Israelis")
    if (/^\p{Lu}[\p{L}-]+(?:ans|ians|ese|is|ons|ites|ards|ish|ers)$/u.test(w.text) && !/^(?:The|This|These|Those|Others|Officials)$/.test(w.text)) {
      phrase.push(w);
      return { noun: 'people', phrase: sentence.slice(phrase[0]!.start, w.end), end: w.end };
    }
    if (NOUN_MODIFIERS.has(bare) || /^\p{Lu}/u.test(w.text) || /^(?:-|—|–)$/.test(w.text)) {
      if (w.text === '(' || w.text === ',') return null;
      phrase.push(w);
      continue;
    }
    // an unknown adjective ("paramilitary fighters", "rescued men") when a people noun follows
    const next1 = ws[i + 1];
    const next2 = ws[i + 2];
    if (/^\p{Ll}[\p{Ll}-]+$/u.test(w.text) && !/^(?:at|in|on|of|to|for|from|by|with|and|or|the|a|an|into|across|near|after|before|during|as)$/.test(w.lower) && !FILLER.has(w.lower) && !matchPassive(sentence.slice(w.start)) && (next1 && PEOPLE_NOUNS.has(next1.lower) || next2 && /^\p{Ll}/u.test(next1?.text ?? '') && PEOPLE_NOUNS.has(next2.lower))) {
      phrase.push(w);
      continue;
    }
    return null;
  }
  return null;
}

function matchPassive(text: string): PredicateKind | null {
  for (const [re, kind] of PASSIVE_PREDICATES) if (re.test(text)) return kind;
  return null;
}

/**
 * Looks for a passive/adjectival predicate after position `from`, skipping
 * auxiliaries, adverbs and an inserted aside ("111 people - also mostly army
 * defectors - were hunted down by the army and killed").
 */
function predicateAfter(sentence: string, from: number, stop: number): { kind: PredicateKind; at: number; active: boolean } | null {
  const ws = words(sentence.slice(from, stop), from);
  let inAside = false;
  let commaAside = false;
  let prepSkips = 0;
  let skipped = 0;
  for (let i = 0; i < ws.length && skipped <= 14; i++) {
    const w = ws[i]!;
    if (w.text === '—' || w.text === '–' || w.text === '-' || w.text === '(' || w.text === ')') {
      inAside = w.text === '(' ? true : w.text === ')' ? false : !inAside;
      continue;
    }
    const rest = sentence.slice(w.start, stop);
    const kind = matchPassive(rest);
    if (kind && !inAside) {
      // "killed 30 people": active use, the group is the agent, not the victims
      const after = rest.replace(/^[\p{L}-]+(?:\s+(?:or|and|and\/or)\s+(?:killed|dead|wounded|injured|hurt|maimed|missing)\b)?/iu, '');
      const timeFollows = /^\s+(?:the\s+)?(?:next|following|previous|same|last|this|that)\s+(?:day|night|morning|evening|afternoon|weekend|week|month|year)\b|^\s+the\s+day\b/i.test(after);
      const objectFollows = !timeFollows && /^\s+(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|several|scores)\b|(?:at least|more than|about|around|nearly|some|up to|as many as|dozens|hundreds|thousands|scores)\b|\d|the\b|a\b|an\b|(?:his|her|their|its)\b|[a-z]+ (?:people|civilians|soldiers))/i.test(after) && /^(?:killed|wounded|injured|hurt|sent|dispatched|deployed|captured|detained|arrested|kidnapped|evacuated|displaced|moved|transferred|posted|stationed)$/i.test(w.lower);
      return { kind, at: w.start, active: objectFollows };
    }
    if (inAside) {
      if (w.text === ',' && commaAside) inAside = commaAside = false;
      continue;
    }
    if (w.text === ',' && /^(?:including|among|mostly|most|many|some|all|both)$/.test(ws[i + 1]?.lower ?? '')) {
      inAside = commaAside = true; // ", including 49 children and 34 women,"
      continue;
    }
    if (w.text === ',' && i + 1 < ws.length && FILLER.has(ws[i + 1]!.lower)) continue;
    if (/^(?:in|from|across|around|near|at|of|on|inside|outside|throughout|among)$/.test(w.lower) && prepSkips < 2) {
      // "120 members of the security forces are killed", "people around the country are killed"
      let k = i + 1;
      while (k < ws.length && k <= i + 5 && !matchPassive(sentence.slice(ws[k]!.start, stop)) && !FILLER.has(ws[k]!.lower) && ws[k]!.text !== ',') k++;
      if (k < ws.length && k <= i + 6) {
        prepSkips++;
        skipped += k - i - 1;
        i = k - 1;
        continue;
      }
      return null;
    }
    if (/^[\d,.]+$/.test(w.text) || PEOPLE_NOUNS.has(w.lower) || /^(?:one|two|three|four|five|six|seven|eight|nine|ten|others?|more)$/.test(w.lower)) {
      // coordination: "25 police and five civilians are killed"
      skipped++;
      continue;
    }
    if (w.text === '"' || w.text === '“' || w.text === '”') continue;
    if (FILLER.has(w.lower) || (/^\p{Ll}+ly$/u.test(w.text) && w.lower !== 'family')) {
      skipped++;
      continue;
    }
    // "were hunted down by the army and killed": skip the agent up to "and"
    if (w.lower === 'by') {
      let k = i + 1;
      while (k < ws.length && k <= i + 5 && ws[k]!.lower !== 'and' && ws[k]!.text !== ',' && !matchPassive(sentence.slice(ws[k]!.start, stop))) k++;
      skipped += k - i;
      i = k - 1;
      continue;
    }
    if (w.lower === 'and' || w.lower === 'the' || w.lower === 'in' || w.lower === 'on') {
      skipped++;
      continue;
    }
    if (/^\p{Ll}+(?:ed|en)$/u.test(w.text) || /^(?:down|up|out|off|away)$/.test(w.lower)) {
      skipped++;
      continue;
    }
    return null;
  }
  return null;
}

function activeVerbBefore(sentence: string, numberStart: number): { kind: PredicateKind; at: number } | null {
  const before = sentence.slice(Math.max(0, numberStart - 60), numberStart).replace(/\s+$/, '');
  const nominal = /\b(?:massacre|killing|killings|deaths|slaughter|execution|executions|murder|murders)["”']? of(?:\s+(?:at least|more than|about|around|nearly|some|up to|as many as))?$/i.exec(before);
  if (nominal) return { kind: 'killed', at: numberStart - (before.length - nominal.index) };
  const missing = /\bthe missing$/i.exec(before);
  if (missing) return { kind: 'missing', at: numberStart - (before.length - missing.index) };
  // strip a trailing qualifier; it belongs to the number
  const trimmed = before.replace(/\s*\b(?:at least|more than|about|around|nearly|almost|approximately|roughly|some|up to|as many as|an estimated|over|another|a further|an additional|an extra|at most|close to|just over|just under)$/i, '').replace(/\s+$/, '');
  for (const [re, kind] of ACTIVE_VERBS) {
    const m = re.exec(trimmed);
    if (m) return { kind, at: numberStart - (before.length - trimmed.length) - m[0].length };
  }
  return null;
}

/** "death toll of/at/to N", "number of killed or wounded X at N", "brought to N the number of soldiers killed". */
function tollPhrase(sentence: string, n: NumberExpression): { kind: PredicateKind; subject: string | null } | null {
  const before = sentence.slice(Math.max(0, n.start - 160), n.start);
  const m =
    /\b(?:death toll(?:\s+[^,;\d]{1,60}?)?|casualties|the (?:dead|wounded|injured|missing|displaced)|toll(?:\s+[^,;\d]{1,40}?)?|number of (?:the )?(?:dead|deaths|fatalities|casualties|victims)(?:\s+[^,;\d]{1,60}?)?|casualty (?:toll|figures?|count)|number of ([^,;]{1,120}))\s+(?:at|to|of|as|is|was|be|were|stood at|stands at|rose to|rises to|risen to|has risen to|reached|hit|climbed to|could be|would be|may be|put at|closer to|near|nearing|surpassed|passed|exceeded|above)\s*["“']?\s*$/i.exec(
      before,
    );
  if (m) {
    const text = m[0].toLowerCase();
    let kind: PredicateKind | null = null;
    if (/death toll|dead|deaths|fatalities|victims/.test(text)) kind = 'killed';
    if (/casualt/.test(text)) kind = 'casualties';
    if (/^the (?:wounded|injured)\b/.test(text)) kind = 'wounded';
    if (/^the missing\b/.test(text)) kind = 'missing';
    if (/^the displaced\b/.test(text)) kind = 'displaced';
    const inner = m[1];
    let subject: string | null = null;
    if (inner) {
      const pk = predicateWithin(inner);
      if (!pk) return kind ? { kind, subject: null } : null;
      kind = pk.kind;
      subject = pk.subject;
    }
    if (kind === null && /toll/.test(text)) kind = 'killed';
    return kind ? { kind, subject } : null;
  }
  const after = sentence.slice(n.end, n.end + 120);
  const a = /^\s+the number of ([^,;.]{1,80})/i.exec(after);
  if (a) {
    const pk = predicateWithin(a[1]!);
    if (pk) return pk;
  }
  return null;
}

/** "killed or wounded North Koreans", "UK soldiers killed", "Iraqi civilians who have died violently". */
function predicateWithin(phrase: string): { kind: PredicateKind; subject: string | null } | null {
  const ws = words(phrase);
  for (let i = 0; i < ws.length; i++) {
    const kind = matchPassive(phrase.slice(ws[i]!.start));
    if (kind) {
      const beforeWords = phrase.slice(0, ws[i]!.start).replace(/\b(?:who|that|which)\s+(?:have|has|had)?\s*(?:been)?\s*$/i, '').trim();
      let subject: string | null = beforeWords || null;
      if (!subject) {
        // "killed or wounded North Koreans"
        const restAfter = phrase.slice(ws[i]!.start).replace(/^\S+(?:\s+(?:or|and)\s+\S+)?\s*/, '');
        subject = /^[\p{L}’' -]{2,40}/u.exec(restAfter)?.[0].trim() || null;
      }
      if (subject && !/\p{L}/u.test(subject)) subject = null;
      return { kind, subject: subject ? subject.replace(/\s+(?:in|at|on)\s+.*$/, '') : null };
    }
  }
  return null;
}

export interface Attribution {
  claimant: string;
  /** Offsets of the claimant phrase and of the verb. */
  start: number;
  end: number;
  verbStart: number;
  verbEnd: number;
  pronoun: boolean;
}

const STOP_PREFIX = /^(?:in|on|at|since|by|after|before|earlier|later|last|meanwhile|however|but|and|also|still|then|separately|previously|now|while|as|for|from|with|when|this|that|so|yet|though|although|according)$/i;

function isClaimantWord(w: Word): boolean {
  if (/^\p{Lu}/u.test(w.text)) return !WEEKDAYS_RE.test(w.text) && !MONTHS_RE.test(w.text);
  if (/^(?:al|el|bin|ibn|abu|van|von|de|da|du|der|la|le|ben)(?:-\p{Lu}.*)?$/u.test(w.text)) return true;
  const bare = w.lower.replace(/[’']s$/, '').replace(/[’']$/, '');
  return CLAIMANT_WORDS.has(bare) || CLAIMANT_WORDS.has(w.lower) || /^(?:of|for|the|and|at|in|on|de|al|el|la|le)$/.test(w.lower) || w.text === ',' || /^[\p{L}]+-(?:run|based|owned|led|backed|affiliated)$/u.test(w.lower);
}

/** Cleans a claimant phrase: drops leading articles/adverbials and dangling connectors. */
function tidyClaimant(ws: Word[], sentence: string, describedByDeterminer = false): Word[] | null {
  let s = 0;
  let e = ws.length;
  // cut at the last comma before which lies a time/adverbial phrase ("In March, South Korea's military")
  for (let i = ws.length - 1; i >= 0; i--) {
    if (ws[i]!.text === ',') {
      const head = ws.slice(0, i);
      const isList = i + 1 < ws.length && head.length > 0 && ws.slice(i + 1).some((w) => w.lower === 'and') && head.every((w) => /^\p{Lu}/u.test(w.text) || /^(?:and|the|a|an)$/.test(w.lower) || w.text === ',');
      if (!isList) {
        s = i + 1;
        break;
      }
    }
  }
  while (s < e && (STOP_PREFIX.test(ws[s]!.text) || MONTHS_RE.test(ws[s]!.text) || WEEKDAYS_RE.test(ws[s]!.text) || /^(?:the|a|an|of|for|at|in|on|and|,)$/i.test(ws[s]!.lower) || /^\d/.test(ws[s]!.text))) s++;
  while (e > s && /^(?:of|for|the|and|at|in|on|,|a|an)$/i.test(ws[e - 1]!.lower)) e--;
  const out = ws.slice(s, e);
  if (out.length === 0) return null;
  if (out.length === 1 && PRONOUNS.has(out[0]!.lower)) return null;
  // need at least one capitalised word or a claimant noun
  if (!describedByDeterminer && !out.some((w) => /^\p{Lu}/u.test(w.text) || CLAIMANT_WORDS.has(w.lower.replace(/[’']s$/, '')))) return null;
  void sentence;
  return out;
}

/** A comma inside a list of names: "the US, South Korea and Ukraine". */
function listContinues(ws: Word[], comma: number): boolean {
  for (let k = comma + 1; k < Math.min(ws.length, comma + 6); k++) {
    const w = ws[k]!;
    if (w.lower === 'and') return k > comma + 1;
    if (w.text === ',') continue;
    if (!/^\p{Lu}/u.test(w.text)) return false;
  }
  return false;
}

const REPORTING_WORD = /^(?:said|says|say|told|reported|reports|estimated|claimed|confirmed|announced|stated|added|warned|noted)$/;

const ACCORDING_TO = /\b(?:according to|per|citing|cited by|reported by|figures from|data from|estimates from|a report (?:by|from)|a statement (?:by|from))\s+/gi;
/** A sentence with neither pattern has no attribution (both loops below start from their matches). */
const ACCORDING_TO_TEST = new RegExp(ACCORDING_TO.source, 'i');
const REPORTING_VERBS_TEST = new RegExp(REPORTING_VERBS.source);

/** The last sentence's attributions: `extractFigures` and `lastClaimant` both need them. */
let memoSentence: string | null = null;
let memoAttributions: readonly Attribution[] = [];

function attributionsOf(sentence: string): readonly Attribution[] {
  if (sentence !== memoSentence) {
    memoAttributions = REPORTING_VERBS_TEST.test(sentence) || ACCORDING_TO_TEST.test(sentence) ? computeAttributions(sentence) : [];
    memoSentence = sentence;
  }
  return memoAttributions;
}

/** Finds "X said", "according to X", "X's estimates were", "said X" in a sentence. */
export function findAttributions(sentence: string): Attribution[] {
  return [...attributionsOf(sentence)];
}

function computeAttributions(sentence: string): Attribution[] {
  const out: Attribution[] = [];
  const ws = words(sentence);
  // according to X / per X / citing X
  const acc = ACCORDING_TO;
  acc.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = acc.exec(sentence))) {
    const from = m.index + m[0].length;
    const phrase: Word[] = [];
    for (const w of ws) {
      if (w.start < from) continue;
      if (w.text === ',' && listContinues(ws, ws.indexOf(w))) {
        phrase.push(w);
        continue;
      }
      if (w.text === ',' || w.text === ';' || w.text === '(' || /^(?:that|who|which|on|in|said|says|as|from|after|before|when|while)$/i.test(w.lower) && phrase.length > 0 && !(w.lower === 'in' && /^\p{Lu}/u.test(ws[ws.indexOf(w) + 1]?.text ?? ''))) break;
      if (!isClaimantWord(w) && !/^\p{Ll}/u.test(w.text)) break;
      if (/^\p{Ll}/u.test(w.text) && ws[ws.indexOf(w) + 1]?.lower === 'that') break;
      if (!isClaimantWord(w) && phrase.length > 0 && !/^(?:a|an|the|prominent|senior|top|local|leading)$/.test(w.lower) && !CLAIMANT_WORDS.has(w.lower)) {
        // lowercase word: allowed only as part of a descriptive claimant ("a prominent human rights lawyer")
        if (!/^\p{Ll}+$/u.test(w.text) || phrase.length > 8) break;
      }
      phrase.push(w);
      if (phrase.length > 12) break;
    }
    const tidy = tidyClaimant(phrase, sentence);
    if (tidy) {
      out.push({
        claimant: sentence.slice(tidy[0]!.start, tidy[tidy.length - 1]!.end),
        start: tidy[0]!.start,
        end: tidy[tidy.length - 1]!.end,
        verbStart: m.index,
        verbEnd: from,
        pronoun: false,
      });
    }
  }
  REPORTING_VERBS.lastIndex = 0;
  while ((m = REPORTING_VERBS.exec(sentence))) {
    const verbStart = m.index;
    const verbEnd = m.index + m[0].length;
    if (/^\s+(?:(?:at least|more than|about|around|nearly|up to|as many as|the lives of)\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|dozens)\b)/i.test(sentence.slice(verbEnd, verbEnd + 30)) && /^(?:claim|claims|claimed|claiming|put|puts|placed|places)$/.test(m[0])) continue;
    // walk back over the claimant phrase, skipping adverbs and auxiliaries
    let i = ws.findIndex((w) => w.start >= verbStart) - 1;
    while (i >= 0 && /^(?:earlier|also|later|previously|had|has|have|now|recently|separately|initially|first|last|again|publicly|officially|quickly|would|will|could|did|does|do|not|then|further|had|repeatedly|once)$/i.test(ws[i]!.lower)) i--;
    // appositive: "The Resistance Committees, a network of local activists, said"
    if (i >= 0 && ws[i]!.text === ',') {
      let k = i - 1;
      while (k >= 0 && k > i - 12 && ws[k]!.text !== ',') k--;
      if (k >= 0 && ws[k]!.text === ',' && /^(?:a|an|the|which|who)$/i.test(ws[k + 1]?.lower ?? '')) i = k - 1;
    }
    const phrase: Word[] = [];
    while (i >= 0 && isClaimantWord(ws[i]!) && phrase.length < 14) {
      phrase.unshift(ws[i]!);
      i--;
    }
    // lowercase description after a determiner: ", the disaster management ministry said"
    let determined = false;
    if (i >= 0 && /^\p{Ll}/u.test(ws[i]!.text)) {
      let k = i;
      while (k >= 0 && k > i - 4 && /^\p{Ll}[\p{Ll}'’-]*$/u.test(ws[k]!.text) && !/^(?:the|a|an|its|their|his|her)$/.test(ws[k]!.lower) && !REPORTING_WORD.test(ws[k]!.lower)) k--;
      if (k >= 0 && /^(?:the|its|their|his|her)$/.test(ws[k]!.lower) && (k === 0 || /^(?:,|and|but|as|while)$/.test(ws[k - 1]!.lower))) {
        phrase.unshift(...ws.slice(k, i + 1));
        i = k - 1;
        determined = true;
      }
    }
    // "U.S. estimates placed": the noun "estimates" belongs to the claimant
    const verbWord = m[0].toLowerCase();
    let tidy = tidyClaimant(phrase, sentence, determined);
    if (/^(?:estimates|figures|reports|counts|report|estimate)$/.test(verbWord)) {
      const nextW = ws.find((w) => w.start >= verbEnd);
      if (nextW && /^(?:were|was|are|is|put|puts|placed|places|show|showed|shows|suggest|suggested|suggests|have|had|say|said|stand|stood)$/.test(nextW.lower)) {
        const base = tidy ?? [];
        const estWord = ws.find((w) => w.start === verbStart)!;
        tidy = [...base, estWord];
        if (base.length === 0 && !/^\p{Lu}/u.test(ws[ws.indexOf(estWord) - 1]?.text ?? '')) tidy = null;
      } else if (nextW && /^(?:by|from|of)$/.test(nextW.lower)) {
        tidy = null; // "a report by X" handled above
      }
    }
    if (tidy && tidy.length > 0) {
      out.push({
        claimant: sentence.slice(tidy[0]!.start, tidy[tidy.length - 1]!.end),
        start: tidy[0]!.start,
        end: tidy[tidy.length - 1]!.end,
        verbStart,
        verbEnd,
        pronoun: false,
      });
      continue;
    }
    // a participle ("X later gave a higher figure, saying ...") reports for the sentence's subject
    if (/^(?:saying|claiming|citing|adding|estimating|reporting|noting|warning)$/.test(verbWord)) {
      const head: Word[] = [];
      for (const w of ws) {
        if (w.start >= verbStart || !isClaimantWord(w) || (w.text === ',' && !listContinues(ws, ws.indexOf(w)))) break;
        head.push(w);
      }
      const t3 = tidyClaimant(head, sentence);
      if (t3 && t3[0]!.start === ws[0]?.start) {
        out.push({ claimant: sentence.slice(t3[0]!.start, t3[t3.length - 1]!.end), start: t3[0]!.start, end: t3[t3.length - 1]!.end, verbStart, verbEnd, pronoun: false });
        continue;
      }
    }
    // pronoun subject: "they reported", "he also said"
    let pi = ws.findIndex((w) => w.start >= verbStart) - 1;
    while (pi >= 0 && /^(?:earlier|also|later|previously|had|has|have|now|recently|then|further|again|would|will|did|does|do)$/i.test(ws[pi]!.lower)) pi--;
    const prev = ws[pi];
    if (prev && PRONOUNS.has(prev.lower)) {
      out.push({ claimant: prev.text, start: prev.start, end: prev.end, verbStart, verbEnd, pronoun: true });
      continue;
    }
    // inverted: ", said the ministry." / ", says Human Rights Watch"
    if (/^(?:said|says|told|reported|added|according)$/i.test(verbWord) && /,\s*["”’]?\s*$/.test(sentence.slice(Math.max(0, verbStart - 4), verbStart))) {
      const phraseF: Word[] = [];
      for (const w of ws) {
        if (w.start < verbEnd) continue;
        if (w.text === ',' || w.text === ';' || /^(?:on|in|at|that|who|which|after|before|when|as)$/.test(w.lower) && phraseF.length > 0) break;
        if (!isClaimantWord(w) && !/^(?:a|an|the)$/.test(w.lower)) break;
        phraseF.push(w);
      }
      const t2 = tidyClaimant(phraseF, sentence);
      if (t2) {
        out.push({ claimant: sentence.slice(t2[0]!.start, t2[t2.length - 1]!.end), start: t2[0]!.start, end: t2[t2.length - 1]!.end, verbStart, verbEnd, pronoun: false });
      }
    }
  }
  return out;
}

/** Picks the attribution that governs the number at `pos`. */
function attributionFor(atts: readonly Attribution[], segs: Segment[], pos: number): Attribution | null {
  if (atts.length === 0) return null;
  const seg = segmentOf(segs, pos);
  const inSeg = atts.filter((a) => a.verbStart >= seg.start && a.verbStart < seg.end);
  const pool = inSeg.length > 0 ? inSeg : atts.filter((a) => segmentOf(segs, a.verbStart) === segs[0] || a.verbStart > pos);
  if (pool.length === 0) return null;
  const beforeIt = pool.filter((a) => a.verbEnd <= pos).sort((a, b) => b.verbEnd - a.verbEnd);
  const afterIt = pool.filter((a) => a.verbStart > pos).sort((a, b) => a.verbStart - b.verbStart);
  return beforeIt[0] ?? afterIt[0] ?? null;
}

function tidySubject(phrase: string | null): string | null {
  if (!phrase) return null;
  if (/^(?:\w+\s+)?(?:dead|deaths|fatalities|casualties|lives|bodies|injuries|injured|wounded|suspected|arrests)$/i.test(phrase.trim())) return null;
  const cleaned = phrase
    .replace(/^(?:(?:other|of|them|those|the|total|confirmed|estimated|reported|known|including|among|whom)\s+)+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned || null;
}

export interface FigureContext {
  /** Claimant of the last attribution in earlier sentences, for "They reported...". */
  previousClaimant: string | null;
}

const KIND_WORDS: Record<PredicateKind, FigureKind> = {
  killed: 'killed',
  wounded: 'wounded',
  casualties: 'casualties',
  missing: 'missing',
  captured: 'captured',
  deployed: 'deployed',
  displaced: 'displaced',
};

/**
 * Extracts figures from one sentence.
 * @param times time expressions already found in this sentence (for the claim date)
 * @example extractFigures("At least 20 people were killed, police said.", 0, [], ctx)
 *   -> [{ kind: 'killed', low: 20, high: 20, qualifier: 'at least', claimedBy: 'police', ... }]
 */
export function extractFigures(sentence: string, sentenceIndex: number, times: TimeMention[], ctx: FigureContext): FigureMention[] {
  if (!/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)\b/i.test(sentence)) return [];
  const numbers = findNumbers(sentence).filter((n) => !n.vague);
  if (numbers.length === 0) return [];
  const segs = segments(sentence);
  const atts = attributionsOf(sentence);
  const out: FigureMention[] = [];
  const resolved: { n: NumberExpression; kind: PredicateKind | null; subject: string | null; pos: number }[] = [];

  for (const n of numbers) {
    if (isNotACount(sentence, n)) continue;
    const seg = segmentOf(segs, n.start);
    const noun = nounAfter(sentence, n);
    const afterText = sentence.slice(n.end, n.end + 40);
    // a number followed by a noun that is not about people ("20 more vessels") is not a figure
    const followedByOtherNoun = !noun && !matchPassive(afterText.trimStart()) && /^\s+(?!(?:were|was|are|is|have|has|had|be|been|being|of|in|at|on|to|from|by|and|or|more|others?|dead|killed|wounded|injured|missing|died|fled|people|who|which|that|including|among|across|nationwide|so|such|during|after|before|over|under|since|last|this|per|each|out)\b)[a-z]/.test(afterText);
    let kind: PredicateKind | null = null;
    let subject: string | null = noun ? noun.phrase : null;

    const toll = tollPhrase(sentence, n);
    if (toll) {
      kind = toll.kind;
      subject = toll.subject ?? subject;
    }
    if (!kind && noun && /^(?:dead|deaths|fatalities|casualties|lives|bodies|injuries|arrests)$/.test(noun.noun)) {
      kind = noun.noun === 'casualties' ? 'casualties' : noun.noun === 'injuries' ? 'wounded' : noun.noun === 'arrests' ? 'captured' : 'killed';
    }
    if (!kind && !followedByOtherNoun) {
      const act = activeVerbBefore(sentence, n.start);
      if (act && act.at >= seg.start) {
        if (act.kind === 'deployed') {
          // only troops are deployed; "sent 40 tanks" was excluded above
          if (noun && MILITARY_NOUNS.has(noun.noun)) kind = 'deployed';
          else if (!noun && /\b(?:troops|soldiers|forces|reinforcements)\b/i.test(sentence.slice(n.end, n.end + 30))) kind = 'deployed';
          else if (noun && /fleeing|flee|to flee/.test(sentence.slice(noun.end, noun.end + 12))) kind = 'displaced';
        } else if (act.kind === 'captured') {
          if (noun && !MILITARY_NOUNS.has(noun.noun) || noun && /soldiers|troops|fighters/.test(noun.noun)) kind = 'captured';
          else if (!noun && /^\s*(?:others|more|people|prisoners)?\s*[,.;]|^\s*$/.test(afterText)) kind = 'captured';
        } else if (act.kind === 'displaced') {
          if (noun) kind = 'displaced';
        } else if (act.kind === 'missing') {
          kind = 'missing';
        } else if (act.kind === 'killed' && /\b(?:left|leaving|leave|leaves)$/i.test(sentence.slice(0, n.start).replace(/\s*\b(?:at least|more than|about|around|nearly|some|up to|as many as)\s*$/i, '').trimEnd())) {
          // "leave at least 10 dead": "left" needs the predicate after the number
          const p = predicateAfter(sentence, noun ? noun.end : n.end, seg.end);
          if (p) kind = p.kind;
        } else {
          kind = act.kind;
          // "killing 36 officers ... injuring 73 more" / "kills 11 workers"
        }
      }
    }
    if (!kind && !followedByOtherNoun) {
      const from = noun ? noun.end : n.end;
      const pred = predicateAfter(sentence, from, seg.end);
      if (pred && !pred.active) kind = pred.kind;
      if (!kind && noun) {
        // the people noun itself carries the kind ("62 deaths", "4,000 casualties", "claim 30 lives")
        if (/^(?:casualties)$/.test(noun.noun)) kind = 'casualties';
        else if (/^(?:deaths|fatalities|dead|bodies|lives)$/.test(noun.noun)) kind = 'killed';
        else if (/^(?:injuries)$/.test(noun.noun)) kind = 'wounded';
        else if (/^(?:refugees)$/.test(noun.noun)) kind = 'displaced';
        else if (/^(?:hostages|captives|prisoners|detainees)$/.test(noun.noun)) kind = activeVerbBefore(sentence, n.start)?.kind === 'captured' || /\b(?:held|taken|captured|freed|released|swap|exchange)\b/i.test(sentence) ? 'captured' : null;
        else if (/^(?:reinforcements)$/.test(noun.noun)) kind = 'deployed';
      }
    }
    if (!kind && noun && MILITARY_NOUNS.has(noun.noun) && /^(?:troops|soldiers|forces|marines|sailors|personnel|peacekeepers|servicemen|paratroopers)$/.test(noun.noun)) {
      // "3,000 additional troops to Russia", "at least 120,000 troops in Iraq"
      const segText = sentence.slice(seg.start, seg.end);
      if (/\b(?:sen[dt]|sending|dispatch\w*|deploy\w*|station\w*|reinforc\w*|keep|keeping|mobili[sz]\w*|withdraw\w*|pull\w* out|additional|extra|more troops|boost\w*|surge)\b/i.test(segText) && !/\b(?:killed|wounded|dead|died|injured|casualties|missing|captured)\b/i.test(segText)) kind = 'deployed';
    }
    resolved.push({ n, kind, subject, pos: n.start });
  }

  // Rival estimates: "..., although US estimates were lower at around 1,200"
  for (const r of resolved) {
    if (r.kind) continue;
    const prior = [...resolved].reverse().find((o) => o.kind && o.pos < r.pos);
    if (!prior) continue;
    const seg = segmentOf(segs, r.pos);
    const segText = sentence.slice(seg.start, r.n.start);
    const earlier = /\b(?:up|down|rising|falling|risen|fallen) from\s*$|\bcompared (?:with|to)\s*$|\bfrom\s*$/i.test(sentence.slice(Math.max(0, r.n.start - 20), r.n.start));
    if ((earlier || /\b(?:estimates?|estimated|figures?|number|toll|count|tally|put|puts|placed|lower|higher|closer|said|says|claimed|claims|reported|reports)\b/i.test(segText)) && !nounAfter(sentence, r.n) && (earlier || !/^\s+[a-z]/.test(sentence.slice(r.n.end, r.n.end + 3)))) {
      r.kind = prior.kind;
      r.subject = prior.subject;
    }
  }

  for (const r of resolved) {
    if (!r.kind) continue;
    const att = attributionFor(atts, segs, r.pos);
    let claimedBy: string | null = att ? att.claimant : null;
    if (att?.pronoun) {
      const named = atts.filter((a) => !a.pronoun && a.verbStart < att.verbStart).pop();
      claimedBy = named?.claimant ?? ctx.previousClaimant ?? null;
    }
    let claimTime: TimeMention | null = null;
    if (att) {
      // a time expression next to the attribution ("said on Wednesday", "In March, X said", "reported in January")
      claimTime =
        times.find((t) => t.rule.type !== 'eventRelative' && ((t.start >= att.verbEnd && t.start <= att.verbEnd + 16) || (t.end <= att.start && t.end >= att.start - 6))) ?? null;
    }
    out.push({
      kind: KIND_WORDS[r.kind],
      low: r.n.low,
      high: r.n.high,
      approximate: r.n.approximate,
      qualifier: r.n.qualifier,
      text: r.n.text,
      subject: tidySubject(r.subject),
      claimedBy,
      claimTime,
      sentence: sentenceIndex,
    });
  }
  // the same number and kind twice in one sentence is one figure
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.kind}|${f.low}|${f.high}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The article-level state figures carry from sentence to sentence. */
export function lastClaimant(sentence: string, previous: string | null): string | null {
  const atts = attributionsOf(sentence).filter((a) => !a.pronoun);
  return atts.length > 0 ? atts[atts.length - 1]!.claimant : previous;
}
