/**
 * Direct quotations and who said them.
 *
 * A quote is a span between double quotation marks (curly, straight, or one of
 * each, as scraped text often has) holding at least four words: "heroes" and
 * "critical minimum" are scare quotes, not statements. Quotes may run over
 * several sentences (the splitter breaks inside them), and a quote left open
 * at the end of a paragraph continues when the next paragraph opens with a
 * quotation mark (the newspaper convention for long quotes).
 *
 * The speaker comes from the attribution around the quote, tried in this order:
 * 1. right after the quote: `“...,” Mr Kim said`, `“...,” said the spokesperson`,
 *    `"...," the woman's husband, Reinhard Riedl, told AP`;
 * 2. before it in the same sentence: `It cited Mr Kim as saying ... “...”`,
 *    `X said: “...”`, `X tells CNN, "..."`, `X praised them, calling them "..."`,
 *    `according to X`, `Homeland Security report: "..."`;
 * 3. at the end of the sentence: `“...” that has..., spokesperson Koo said.`;
 * 4. the previous sentence ending in a colon, or a short next sentence
 *    (`“....” Mr Kim said.`).
 * A pronoun speaker ("he said", "it said") is replaced by the most recent
 * speaker before it in the article that fits the pronoun (a person for he/she,
 * anything else for it), else the most recent speaker, else null.
 *
 * Everything works on a copy of the body with quoted words blanked out, so the
 * verbs and names inside quotes never count as attribution; offsets are shared
 * with the body, so every speaker is a verbatim slice of it.
 */
import type { QuoteMention, Sentence } from '../core/types.js';
import { isDemonymPhrase, isNameWord, isPlaceName, isTitleWord, looksLikeOrganisation } from './entities.js';

/** Fewer words than this is a scare quote or a single term. */
const MIN_WORDS = 4;
const MAX_SPEAKER_WORDS = 12;
/** How many sentences back a pronoun looks for its speaker. */
const PRONOUN_WINDOW = 12;

const OPENERS = new Set(['\u201c', '\u201e', '\u00ab']); // “ „ «
const CLOSERS = new Set(['\u201d', '\u00bb']); // ” »
const MASK = '\u00b7'; // replaces quoted characters in the masked copy
/** What may follow the speaker in a sentence that is only an attribution: "Mr Kim said.", "the ministry said on Monday." */
const SHORT_ATTRIBUTION_REST =
  /^\s*(?:also\s+)?(?:said|says|added|adds|wrote|stated|told\s+[^\s.]+(?:\s+[^\s.]+)?)(?:\s+(?:on|in|at|during|after|from|via|late|early|last)\b[^.;:]{0,50})?[.!]?\s*$/u;

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Reporting verbs in a finite form: the subject before them is the speaker. */
const FINITE_VERBS =
  'said|says|say|told|tells|added|adds|stated|declared|declares|announced|announces|warned|warns|vowed|vows|' +
  'insisted|insists|asserted|asserts|claimed|claims|urged|urges|noted|explained|explains|argued|argues|' +
  'described|describes|called|praised|praises|commended|commends|expressed|expresses|condemned|condemns|wrote|' +
  'writes|tweeted|tweets|replied|replies|responded|responds|acknowledged|acknowledges|admitted|admits|denied|' +
  'denies|lauded|lauds|hailed|hails|pledged|pledges|promised|reiterated|reiterates|stressed|stresses|' +
  'emphasised|emphasized|emphasises|emphasizes|complained|complains|accused|accuses|blamed|blames|confirmed|' +
  'confirms|reported|asked|asks|answered|advised|advises|recalled|recalls|concluded|concludes|suggested|' +
  'suggests|predicted|predicts|threatened|threatens|demanded|cautioned|cautions|conceded|concedes|observed|' +
  'remarked|quipped|boasted|boasts|recounted|agreed|agrees|believes|believed|cited|cites|quoted|quotes|' +
  'announce|warn|insist|claim|urge|describe|accuse|blame|confirm|deny|read|reads';
const FINITE_RE = new RegExp(`(?<![\\p{L}\\-])(?:${FINITE_VERBS})(?![\\p{L}\\-])`, 'gu');
/** Participles: the speaker is the subject of the sentence ("X praised them, calling them ..."). */
const PARTICIPLE_RE =
  /(?<![\p{L}-])(?:saying|adding|calling|describing|insisting|asserting|warning|claiming|urging|noting|stressing|praising|commending|accusing|arguing|telling|declaring|vowing|explaining|denying|asking|pledging|promising|writing|referring|lauding|hailing|branding|labelling|labeling)(?![\p{L}-])/gu;
/** Verbs that may come first in an attribution after the quote: `“...,” said the spokesperson`. */
const INVERTED_RE =
  /^[\s,.!?;:\u2014\u2013-]*(?:said|says|added|adds|continued|explained|recalled|replied|insisted|declared|warned|noted|stated|wrote|asked|according to)\s+([^\s,.;:!?·]+(?:\s+[^\s,.;:!?·]+){0,11}?)(?=\s*[,.;:!?]|\s+(?:in|on|at|after|before|during|when|while|who|whom|which|that|according|as|because|adding|referring|to|from|with|of a|last|this|yesterday|today)\b|\s*$)/u;

/** Words that end a noun phrase when reading backwards from a verb. */
const CLAUSE_BOUNDARY =
  /[,;:(\u2014\u2013]|(?<![\p{L}-])(?:and|but|that|while|which|who|whom|as|because|after|before|when|although|though|whereas|if|since|where|so|what|how|why|whether|than|then|until|once|or|nor)(?![\p{L}-])/gu;
/** Words between a subject and its verb: "South Korea has said", "Mr Kim also said". */
const AUXILIARY_TAIL =
  /\s+(?:has|have|had|also|earlier|later|then|previously|once|again|reportedly|repeatedly|later|was|is|were|are|would|will|could|may|might|had earlier|has since|simply|only|further|publicly|privately|quickly|recently|angrily|flatly|immediately|subsequently|separately|initially|repeatedly|first|never|did|does|do)$/i;
/** Words a noun phrase cannot start with. */
const NP_BAD_START = words(
  'that and but which who whom as while when if because to in on at of from by with for after before since than ' +
    'or nor so then there here what how why whether where is was are were be been has have had not no also said ' +
    'says told whose',
);
/** Determiners before a verb-looking word make it a noun: "the claims", "its reports". */
const NOUN_BEFORE = words('the a an his her their its our my your these those this that such any some no of every each');
const PRONOUNS = words('he she it they we i you him them us');
const PERSON_PRONOUNS = words('he she him her');
/** Lower-case nouns of people and of things that speak. */
const PERSON_NOUNS =
  /\b(?:spokes(?:person|man|woman)|official|officer|minister|president|secretary|leader|chief|chair|chairman|chairwoman|head|volunteer|patient|survivor|envoy|ambassador|general|commander|director|chairman|adviser|advisor|analyst|expert|lawyer|activist|witness|resident|husband|wife|son|daughter|father|mother|brother|sister|man|woman|doctor|source|diplomat|negotiator|governor|mayor|senator|lawmaker|mp|premier|king|queen|prince|judge|prosecutor|correspondent|reporter|editor|journalist)s?\b/i;
const THING_NOUNS =
  /\b(?:ministry|agency|government|military|army|police|statement|report|media|council|committee|department|office|embassy|party|group|court|company|firm|organisation|organization|union|commission|service|newspaper|channel|broadcaster|network|regime|administration|alliance|bank|fund|authority|authorities|state)\b/i;

// ---------------------------------------------------------------------------
// Finding the quotation marks

interface Span {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or the end of the paragraph for a continued quote. */
  close: number;
  /** Left open at the end of its paragraph; the next paragraph continues it. */
  continued: boolean;
}

const isSpaceBefore = (c: string | undefined): boolean => c === undefined || /[\s(\[{\u2014\u2013\-/:]/.test(c);
const isSpaceAfter = (c: string | undefined): boolean => c === undefined || /[\s.,;:!?)\]}\u2014\u2013]/.test(c);

const MARK_OR_NEWLINE = /["\u201c\u201d\u201e\u00ab\u00bb\n]/g;

/** Pairs quotation marks paragraph by paragraph; marks are classified by the characters around them. */
function findSpans(body: string): Span[] {
  const spans: Span[] = [];
  let open = -1;
  MARK_OR_NEWLINE.lastIndex = 0;
  for (let m; (m = MARK_OR_NEWLINE.exec(body)) !== null; ) {
    const i = m.index;
    const ch = m[0];
    if (ch === '\n') {
      if (open >= 0) {
        // left open at the end of a paragraph: continued only if the next paragraph opens with a mark
        let k = i;
        while (k < body.length && /\s/.test(body[k]!)) k++;
        if (OPENERS.has(body[k]!) || body[k] === '"') {
          let e = i;
          while (e > open + 1 && /\s/.test(body[e - 1]!)) e--;
          spans.push({ open, close: e, continued: true });
        }
        open = -1;
      }
      continue;
    }
    const isOpener = OPENERS.has(ch);
    const isCloser = CLOSERS.has(ch);
    const before = isSpaceBefore(body[i - 1]);
    const after = isSpaceAfter(body[i + 1]);
    let role: 'open' | 'close';
    if (isOpener) role = after && !before && open >= 0 ? 'close' : 'open'; // “ typed for ”
    else if (isCloser) role = before && !after && open < 0 ? 'open' : 'close'; // ” typed for “
    else if (before && !after) role = 'open';
    else if (!before && after) role = 'close';
    else role = open >= 0 ? 'close' : 'open';
    if (role === 'open') {
      open = i; // a second opener abandons an unclosed first one
    } else if (open >= 0) {
      spans.push({ open, close: i, continued: false });
      open = -1;
    }
  }
  return spans;
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[’'\-.,][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function maskSpans(body: string, spans: Span[]): string {
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += body.slice(last, s.open + 1) + MASK.repeat(Math.max(0, s.close - s.open - 1));
    last = s.close;
  }
  return out + body.slice(last);
}

// ---------------------------------------------------------------------------
// Attribution

interface Found {
  /** Speaker as written, trimmed. */
  speaker: string;
  /** Offset of the speaker in the body (for extending the passage). */
  at: number;
}

/** Cleans and validates a noun phrase taken from `text` at `offset`. */
function cleanNp(text: string, offset: number): Found | null {
  let np = text;
  for (let prev = ''; prev !== np; ) {
    prev = np;
    np = np.replace(/\s+$/, '').replace(AUXILIARY_TAIL, '');
  }
  const lead = /^[\s,.;:!?\u2014\u2013-]*/.exec(np)![0].length;
  np = np.slice(lead).replace(/[\s,]+$/, '');
  if (np.length === 0 || np.includes(MASK) || /[;"“”!?]/.test(np)) return null;
  const ws = np.split(/\s+/);
  if (ws.length > MAX_SPEAKER_WORDS) return null;
  if (NP_BAD_START.has(ws[0]!.toLowerCase()) && !PRONOUNS.has(ws[0]!.toLowerCase())) return null;
  if (!/\p{L}/u.test(np)) return null;
  return { speaker: np, at: offset + lead };
}

/** The noun phrase ending just before a verb at `end` (exclusive) in masked text. */
function npBefore(masked: string, from: number, end: number): Found | null {
  let pre = masked.slice(from, end).replace(/\s+$/, '');
  for (let prev = ''; prev !== pre; ) {
    prev = pre;
    pre = pre.replace(AUXILIARY_TAIL, '');
  }
  if (pre.endsWith(',')) {
    // appositions between subject and verb: "Clinton, the first senior politician to arrive, said",
    // "Margaret Hughes, 71, whose operation was cancelled, said", "the woman's husband, Reinhard Riedl, told"
    const segments: Array<{ text: string; at: number }> = [];
    let at = 0;
    for (const part of pre.slice(0, -1).split(',')) {
      segments.push({ text: part, at });
      at += part.length + 1;
    }
    for (let k = segments.length - 1; k >= 0; k--) {
      const seg = segments[k]!;
      const trimmed = seg.text.trim();
      if (k > 0 && isApposition(trimmed)) continue;
      if (isProperName(trimmed) && k > 0) {
        const role = segments[k - 1]!.text.trim();
        if (/^\p{Ll}/u.test(role) && PERSON_NOUNS.test(role) && role.split(/\s+/).length <= 6) {
          const roleAt = from + segments[k - 1]!.at + segments[k - 1]!.text.indexOf(role);
          return { speaker: masked.slice(roleAt, from + seg.at + seg.text.length).trim(), at: roleAt };
        }
      }
      return lastPhrase(pre.slice(seg.at, seg.at + seg.text.length), from + seg.at);
    }
    return null;
  }
  return lastPhrase(pre, from);
}

/** Relative pronouns: "a senior official who spoke on condition of anonymity told". */
const RELATIVE = new Set(['who', 'whom', 'which', 'that']);

/**
 * The part of `text` after its last clause boundary; when a relative clause
 * stands between a subject and its verb ("a senior official who spoke on
 * condition of anonymity told", "one resident who fled after the shelling
 * said"), the subject before it.
 */
function lastPhrase(text: string, offset: number): Found | null {
  const boundaries: { index: number; word: string }[] = [];
  CLAUSE_BOUNDARY.lastIndex = 0;
  for (let m; (m = CLAUSE_BOUNDARY.exec(text)) !== null; ) {
    // "and" between capitalised words belongs to a name: "Department of Health and Social Care"
    if (m[0] === 'and' && /\p{Lu}[\p{L}'’.-]*\s+$/u.test(text.slice(0, m.index)) && /^\s+\p{Lu}/u.test(text.slice(m.index + 3))) continue;
    boundaries.push({ index: m.index, word: m[0] });
  }
  // the nearest relative pronoun, if no punctuation comes after it ("Asked who would pay, the minister said")
  for (let j = boundaries.length - 1; j >= 0; j--) {
    const b = boundaries[j]!;
    if (!/\p{L}/u.test(b.word)) break;
    if (!RELATIVE.has(b.word)) continue;
    // "who" right after a noun; not a clause's own start ("that" as a determiner: "that official said")
    if (/[\p{L}\p{N}]\s+$/u.test(text.slice(0, b.index))) {
      const subject = lastPhrase(text.slice(0, b.index), offset);
      if (subject && !PRONOUNS.has(subject.speaker.toLowerCase())) return subject;
    }
    break;
  }
  const last = boundaries[boundaries.length - 1];
  const start = last ? last.index + last.word.length : 0;
  return cleanNp(text.slice(start), offset + start);
}

/** ", 71,", ", who runs a clinic,", ", the first senior politician to arrive in Haiti,". */
function isApposition(segment: string): boolean {
  return (
    segment.length === 0 ||
    /^\d/.test(segment) ||
    /^(?:who|whose|which|where|the|a|an|one of|himself|herself|itself|now|then|also|formerly|previously|aged)\b/.test(segment) ||
    (/^\p{Ll}/u.test(segment) && !PRONOUNS.has(segment.toLowerCase()) && !PERSON_NOUNS.test(segment.split(/\s+/)[0]!))
  );
}

function isProperName(np: string): boolean {
  const ws = np.trim().split(/\s+/);
  return ws.length >= 1 && ws.length <= 5 && ws.every((w) => /^\p{Lu}/u.test(w) || /^(?:al|bin|da|de|van|von|el)$/.test(w));
}

/** Finite reporting verbs in `text`, skipping nouns ("the claims") and infinitives ("to say"). */
function finiteVerbs(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  FINITE_RE.lastIndex = 0;
  for (let m; (m = FINITE_RE.exec(text)) !== null; ) {
    const before = /([\p{L}']+)\s+$/u.exec(text.slice(Math.max(0, m.index - 20), m.index))?.[1]?.toLowerCase();
    if (before && (NOUN_BEFORE.has(before) || before === 'to')) continue;
    found.push(m);
  }
  return found;
}

/** The subject at the start of the sentence: "He also reiterated...", "Kim praised...". */
function sentenceSubject(masked: string, sStart: number, limit: number): Found | null {
  let text = masked.slice(sStart, limit);
  let offset = sStart;
  // skip an opening adverbial: "In March, ", "Following Pyongyang’s confirmation, "
  const intro = /^(?:In|On|At|After|Before|Following|Speaking|Earlier|Later|Last|Meanwhile|However|Still|Despite|During|While|When|Since|Under|With|Without|Amid|As|Asked|Describing|Writing|Separately|Also|But|And|Yet|Now|Today|Yesterday|Then)\b[^,]{0,80},\s*/u.exec(text);
  if (intro) {
    text = text.slice(intro[0].length);
    offset += intro[0].length;
  }
  const toks = [...text.matchAll(/[^\s]+/g)];
  let end = -1;
  for (const t of toks) {
    const w = t[0].replace(/[,.;:]+$/, '');
    if (/^\p{Lu}/u.test(w) || /^(?:the|a|an|of|for|and|al|bin|da|de)$/.test(w) || /['’]s$/.test(w)) {
      if (t[0].endsWith(',')) break;
      continue;
    }
    end = t.index!;
    break;
  }
  if (end <= 0) return null;
  const np = cleanNp(text.slice(0, end), offset);
  if (!np) return null;
  const ws = np.speaker.split(/\s+/);
  if (ws.every((w) => /^(?:the|a|an|this|that|its|his|her|their)$/i.test(w))) return null;
  return ws.length <= 8 && (/^\p{Lu}/u.test(np.speaker) || PRONOUNS.has(np.speaker.toLowerCase())) ? np : null;
}

/** `“...,” Mr Kim said` / `“...,” said the spokesperson`: attribution right after the closing mark. */
function afterQuote(masked: string, from: number, sEnd: number): Found | null {
  const tail = masked.slice(from, sEnd);
  const inv = INVERTED_RE.exec(tail);
  if (inv) {
    const np = cleanNp(inv[1]!, from + inv.index + inv[0].length - inv[1]!.length);
    if (np && !NP_BAD_START.has(np.speaker.split(/\s+/)[0]!.toLowerCase())) return np;
  }
  const lead = /^[\s,.!?;:\u2014\u2013-]*/.exec(tail)![0].length;
  if (/^(?:and|but|that|which|who|as|while|to|in|on|for|with|of|from|by|at|like)\b/i.test(tail.slice(lead))) return null;
  const verbs = finiteVerbs(tail);
  const v = verbs[0];
  if (!v || v.index > 160) return null;
  return npBefore(masked, from + lead, from + v.index);
}

/** Attribution before the opening mark in its sentence. */
function beforeQuote(masked: string, sStart: number, open: number, previousInSentence: Found | null): Found | null {
  const head = masked.slice(sStart, open);
  // "It cited Mr Kim as saying ..."
  const cited = [...head.matchAll(/\b(?:cited|quoted|quoting|citing)\s+(.{1,80}?)\s+as\s+(?:saying|telling|stating|writing|describing)\b/gu)].pop();
  if (cited) {
    const np = cleanNp(cited[1]!, sStart + cited.index! + cited[0].indexOf(cited[1]!, 6));
    if (np) return np;
  }
  const verbs = finiteVerbs(head);
  const participles = [...head.matchAll(PARTICIPLE_RE)];
  const lastVerb = verbs[verbs.length - 1];
  const lastParticiple = participles[participles.length - 1];
  if (lastVerb) {
    const np = npBefore(masked, sStart, sStart + lastVerb.index);
    if (np) return np;
    // "... and said the deployment was meant to": the subject of the sentence
    if (previousInSentence) return previousInSentence;
    const subject = sentenceSubject(masked, sStart, sStart + lastVerb.index);
    if (subject) return subject;
  }
  // "Homeland Security report: "..."
  const colon = /([^.:;,·]{2,80}):\s*$/u.exec(head);
  if (colon) {
    const np = cleanNp(colon[1]!, sStart + colon.index);
    if (np && np.speaker.split(/\s+/).length <= 6) return np;
  }
  const according = [...head.matchAll(/\b(?:according to|as quoted by|quoted by|in the words of)\s+([^,;:·]{2,80}?)(?=,|\s+(?:were|was|is|are|had|has|have|said|says)\b|\s*$)/giu)].pop();
  if (according) {
    const np = cleanNp(according[1]!, sStart + according.index! + according[0].length - according[1]!.length);
    if (np) return np;
  }
  if (lastParticiple) {
    if (previousInSentence) return previousInSentence;
    return sentenceSubject(masked, sStart, sStart + lastParticiple.index!);
  }
  return null;
}

/** `“...” that has sacrificed..., spokesperson Koo Byoungsam said.` or `..., according to KCNA.` at the end. */
function endOfSentence(masked: string, from: number, sEnd: number): Found | null {
  const tail = masked.slice(from, sEnd);
  const end = /,\s*([^,·]{2,100}?)\s+(?:(?:has|have|had|also)\s+)?(?:said|says|added|adds|told [^,.]{1,40}|stated|reported)(?:\s+(?:on|in|at|last|this)\b[^,·]*)?\s*[.!?]?\s*$/u.exec(tail);
  if (end) {
    const np = cleanNp(end[1]!, from + end.index + end[0].indexOf(end[1]!));
    if (np) return np;
  }
  const acc = /\b(?:according to|as quoted by|quoted by)\s+([^,;·]{2,80}?)\s*[.!?]?\s*$/u.exec(tail);
  if (acc) return cleanNp(acc[1]!, from + acc.index + acc[0].indexOf(acc[1]!, 8));
  return null;
}

// ---------------------------------------------------------------------------
// Speakers

function isPersonLike(speaker: string): boolean {
  const canonical = normaliseSpeaker(speaker);
  if (canonical === null) return false;
  if (PERSON_NOUNS.test(speaker) && !THING_NOUNS.test(speaker.replace(PERSON_NOUNS, ''))) return true;
  if (THING_NOUNS.test(speaker)) return false;
  if (looksLikeOrganisation(canonical) || isPlaceName(canonical) || isDemonymPhrase(canonical)) return false;
  return /^\p{Lu}/u.test(canonical);
}

/**
 * Canonical speaker for grouping: drops honorifics (Mr, Mrs, Ms, Dr), titles and
 * roles before a name, a leading article and an apposition around a name;
 * folds spelling variants of names ("Zelenskyy"/"Zelenskiy" -> "Zelensky",
 * "Kim Jong-un" -> "Kim Jong Un") and curly apostrophes. Returns null for pronouns.
 * Organisations and roles keep their wording ("South Korea's foreign ministry").
 *
 * @example
 * normaliseSpeaker('Ukrainian President Volodymyr Zelensky') // 'Volodymyr Zelensky'
 * normaliseSpeaker('Mr Kim') // 'Kim'
 * normaliseSpeaker('the woman\'s husband, Reinhard Riedl') // 'Reinhard Riedl'
 * normaliseSpeaker('it') // null
 */
export function normaliseSpeaker(name: string): string | null {
  let s = name
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:"“”'\-\u2014\u2013]+|[\s,.;:"“”\-\u2014\u2013]+$/g, '');
  if (s.length === 0 || PRONOUNS.has(s.toLowerCase())) return null;
  if (s.includes(',')) {
    const parts = s.split(',').map((p) => p.trim()).filter(Boolean);
    s = parts.find((p) => isProperName(p) && p.split(' ').some(isNameWord)) ?? parts[0]!;
  }
  s = s.replace(/^(?:the|a|an)\s+/i, '');
  const toks = s.split(' ');
  let k = toks.length;
  while (k > 0 && (isNameWord(toks[k - 1]!) || (k < toks.length && /^(?:al|bin|ibn|da|de|del|van|von|el|la|le)$/.test(toks[k - 1]!)))) k--;
  if (k < toks.length && (k === 0 || toks.slice(0, k).some((t) => isTitleWord(t.replace(/\.$/, ''))))) {
    return toks
      .slice(k)
      .map((t) =>
        t
          .replace(/^(\p{Lu}\p{Ll}+)-(\p{Ll})(\p{Ll}*)$/u, (_, a: string, b: string, c: string) => `${a} ${b.toUpperCase()}${c}`)
          .replace(/(?<=\p{Ll})(?:yy|iy)$/u, 'y'),
      )
      .join(' ');
  }
  return s;
}

// ---------------------------------------------------------------------------
// Quote keys

const OUR_EXCEPTIONS = words('flour devour devours contour contours detour detours velour amour paramour troubadour');

/** Folds British and American spellings (and a few other variants) to one form. */
function foldSpelling(w: string): string {
  if (!OUR_EXCEPTIONS.has(w)) w = w.replace(/^([a-z]{2,})our(s|ed|ing|able|ably|ite|ites|less|ful|er|ers)?$/, '$1or$2');
  return w
    .replace(/^(defen|offen|preten|licen)c(e|es)$/, '$1s$2')
    .replace(/^practis(e|es|ed|ing)$/, 'practic$1')
    .replace(/^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2')
    .replace(/^([a-z]{2,})ys(e|es|ed|ing)$/, '$1yz$2')
    .replace(/^([a-z]{2,})tre(s)?$/, '$1ter$2')
    .replace(/^([a-z]{2,}[aeiou])ll(ed|ing|er|ers)$/, '$1l$2')
    .replace(/^(programme|programmes)$/, (m) => m.replace('mme', 'm'))
    .replace(/^([a-z]+log)ue(s)?$/, '$1$2')
    .replace(/^(ju|ac|acknowle)dgement(s)?$/, '$1dgment$2')
    .replace(/^ageing$/, 'aging')
    .replace(/^grey$/, 'gray')
    .replace(/^towards$/, 'toward')
    .replace(/^amongst$/, 'among')
    .replace(/^whilst$/, 'while');
}

/**
 * A key that is equal for the same quote printed by different outlets: case,
 * punctuation, curly/straight quotes, hyphens ("co-operation"), thousands
 * separators, British/American spelling (honour/honor, defence/defense,
 * organise/organize, centre/center) and honorifics ("Mr Kim"/"Kim") are ignored.
 *
 * @example
 * quoteKey('the honour of the motherland,') === quoteKey('the honor of the motherland') // true
 * quoteKey('in co-operation with') === quoteKey('in cooperation with') // true
 */
export function quoteKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ''))
    .replace(/(\d)[,.](?=\d{3}\b)/g, '$1')
    .replace(/\bper cent\b/g, 'percent')
    .replace(/['’‘`\-\u2010\u2011]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !/^(?:mr|mrs|ms|dr)$/.test(w))
    .map(foldSpelling)
    .join(' ');
}

// ---------------------------------------------------------------------------
// Extraction

/** Index (into `sentences`) of the sentence holding `pos`, or the next one when `pos` is between sentences. */
function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best < 0) return sentences.length > 0 ? 0 : -1;
  if (pos >= sentences[best]!.end && best + 1 < sentences.length) return best + 1;
  return best;
}

interface Attributed {
  span: Span;
  firstSentence: number;
  lastSentence: number;
  /** Speaker as written (pronouns resolved), null when none was found. */
  speaker: string | null;
}

/**
 * Extracts direct quotes of four or more words with their speakers.
 *
 * `start`/`end` cover the verbatim passage from the start of the sentence
 * where the quote opens to the end of the sentence holding its attribution;
 * `text` is the quoted words as printed (a trailing comma inside the marks is
 * dropped); `sentence` is the index of the sentence where the quote opens.
 *
 * @example
 * const body = '“They who fought for justice are heroes,” Mr Kim said.';
 * extractQuotes(body, splitSentences(body));
 * // [{ speaker: 'Mr Kim', text: 'They who fought for justice are heroes', start: 0, end: 55, sentence: 0 }]
 */
export function extractQuotes(body: string, sentences: Sentence[]): QuoteMention[] {
  if (sentences.length === 0) return [];
  const spans = findSpans(body);
  if (spans.length === 0) return [];
  const masked = maskSpans(body, spans);
  const done: Attributed[] = [];
  const out: QuoteMention[] = [];
  let sentenceSpeakers: Map<number, Found | null> | null = null;

  /** For each attributed span, its index in `out` (-1 when too short to be a quote). */
  const outIndex: number[] = [];
  for (const span of spans) {
    const si = sentenceAt(sentences, span.open);
    const ci = Math.max(si, sentenceAt(sentences, Math.max(span.open, span.close - 1)));
    if (si < 0) continue;
    const s0 = sentences[si]!;
    const s1 = sentences[ci]!;
    let firstSentence = si;
    let lastSentence = ci;

    const previousInSentence = (() => {
      const p = done[done.length - 1];
      return p && p.lastSentence === si && p.speaker ? { speaker: p.speaker, at: p.span.open } : null;
    })();
    let found: Found | null = null;
    if (span.continued) {
      // the attribution is on a later paragraph of the same quote: resolved below
    } else {
      found =
        afterQuote(masked, span.close + 1, s1.end) ??
        beforeQuote(masked, s0.start, span.open, previousInSentence) ??
        endOfSentence(masked, span.close + 1, s1.end);
      // "...said:" closing the previous sentence
      if (!found && si > 0 && /:\s*$/.test(sentences[si - 1]!.text)) {
        const p = sentences[si - 1]!;
        const verbs = finiteVerbs(masked.slice(p.start, p.end));
        const v = verbs[verbs.length - 1];
        found = v ? npBefore(masked, p.start, p.start + v.index) : cleanNp(masked.slice(p.start, p.end - 1), p.start);
        if (found) firstSentence = si - 1;
      }
      // "“....” Mr Kim said." split into its own short sentence
      if (!found && ci + 1 < sentences.length) {
        const next = sentences[ci + 1]!;
        if (next.paragraph === s1.paragraph && next.text.length <= 80 && !/["“”]/.test(next.text)) {
          const np = afterQuote(masked, next.start, next.end);
          const rest = np ? masked.slice(np.at + np.speaker.length, next.end) : '';
          if (np && SHORT_ATTRIBUTION_REST.test(rest)) {
            found = np;
            lastSentence = ci + 1;
          }
        }
      }
      // a quote opening a sentence right after an attributed quote in the same paragraph continues it:
      // “This is a red alert,” Saulo said. “Climate change is the defining challenge.”
      const p = done[done.length - 1];
      if (!found && p && p.speaker && si > 0 && p.lastSentence === si - 1 && span.open === s0.start) {
        if (sentences[si - 1]!.paragraph === s0.paragraph && afterQuote(masked, span.close + 1, s1.end) === null) {
          found = { speaker: p.speaker, at: -1 };
          firstSentence = si - 1;
        }
      }
    }

    let speaker: string | null = found?.speaker ?? null;
    if (speaker !== null && PRONOUNS.has(speaker.toLowerCase())) {
      sentenceSpeakers ??= new Map();
      speaker = resolvePronoun(speaker.toLowerCase(), si, span.open, done, sentences, masked, sentenceSpeakers);
    }
    const attributed: Attributed = { span, firstSentence, lastSentence, speaker };
    done.push(attributed);

    // a quote continued over paragraphs takes the speaker of its last part
    if (!span.continued) {
      for (let k = done.length - 2; k >= 0 && done[k]!.span.continued && done[k]!.speaker === null; k--) {
        done[k]!.speaker = speaker;
        const o = outIndex[k]!;
        if (o >= 0) out[o]!.speaker = speaker;
      }
    }

    let textStart = span.open + 1;
    let textEnd = span.close;
    while (textStart < textEnd && /\s/.test(body[textStart]!)) textStart++;
    while (textEnd > textStart && /[\s,;:]/.test(body[textEnd - 1]!)) textEnd--;
    const text = body.slice(textStart, textEnd);
    if (countWords(text) < MIN_WORDS) {
      outIndex.push(-1);
      continue;
    }
    outIndex.push(out.length);
    out.push({
      speaker,
      text,
      start: sentences[firstSentence]!.start,
      end: sentences[lastSentence]!.end,
      sentence: sentences[si]!.index,
    });
  }
  return out;
}

/**
 * The speaker a pronoun refers to: the nearest earlier attribution (of a quote,
 * or of reported speech such as "X said he believed...") that fits the
 * pronoun, else the nearest one at all, else null.
 */
function resolvePronoun(
  pronoun: string,
  si: number,
  open: number,
  done: Attributed[],
  sentences: Sentence[],
  masked: string,
  cache: Map<number, Found | null>,
): string | null {
  const wantsPerson = PERSON_PRONOUNS.has(pronoun);
  const wantsThing = pronoun === 'it';
  let fallback: string | null = null;
  const consider = (speaker: string | null): string | null => {
    if (!speaker || PRONOUNS.has(speaker.toLowerCase())) return null;
    fallback ??= speaker;
    const person = isPersonLike(speaker);
    if ((wantsPerson && person) || (wantsThing && !person) || (!wantsPerson && !wantsThing)) return speaker;
    return null;
  };
  let q = done.length - 1;
  for (let s = si; s >= 0 && s >= si - PRONOUN_WINDOW; s--) {
    // quotes attributed in this sentence, nearest first
    let quoted = false;
    for (; q >= 0 && done[q]!.lastSentence >= s; q--) {
      const d = done[q]!;
      if (d.span.open >= open) continue;
      quoted = true;
      const hit = consider(d.speaker);
      if (hit) return hit;
    }
    if (s === si || quoted) continue;
    // reported speech: "Prime Minister Jean-Max Bellerive said he believed..."
    let att = cache.get(s);
    if (att === undefined) {
      const st = sentences[s]!;
      const v = finiteVerbs(masked.slice(st.start, st.end))[0];
      att = v ? npBefore(masked, st.start, st.start + v.index) ?? sentenceSubject(masked, st.start, st.start + v.index) : null;
      cache.set(s, att);
    }
    const hit = consider(att?.speaker ?? null);
    if (hit) return hit;
  }
  return fallback;
}
