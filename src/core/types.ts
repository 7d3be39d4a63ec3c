/**
 * The nouns of the platform-free core. Nothing here imports a chat library.
 *
 * Positions (`start`, `end`) are UTF-16 offsets into `Article.body`, so any
 * statement can quote the sentence it came from verbatim with
 * `body.slice(start, end)`.
 */

/** A calendar value at the granularity the text gave: never more precise. */
export type Granularity = 'year' | 'season' | 'month' | 'day';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export interface DateValue {
  year: number;
  /** 1-12 when granularity is month or day. */
  month?: number;
  /** 1-31 when granularity is day. */
  day?: number;
  season?: Season;
  granularity: Granularity;
}

/** Where an article's publication date came from. */
export type DateSource = 'metadata' | 'text' | 'syndication' | 'bound' | 'none';

/** Metadata a file may declare in YAML front matter or `manifest.json`. */
export interface DeclaredMetadata {
  title?: string;
  publisher?: string;
  date?: string;
  url?: string;
  byline?: string;
}

export interface Sentence {
  /** Index within the article. */
  index: number;
  start: number;
  end: number;
  text: string;
  /** Paragraph number (0-based) within the cleaned body. */
  paragraph: number;
}

/** A time expression found in a sentence, before it is resolved against a date. */
export interface TimeMention {
  /** Verbatim text of the expression ("last fall", "on Monday", "June 2024"). */
  text: string;
  /** Offsets within the sentence text. */
  start: number;
  end: number;
  /** How the expression resolves; see `resolveTimeMention`. */
  rule: TimeRule;
}

/**
 * A resolution rule, kept as data so an article's mentions can be extracted once
 * (and cached) and resolved again whenever its publication date becomes known.
 */
export type TimeRule =
  | { type: 'absolute'; value: DateValue }
  /** Month (and optional day) with no year: the most recent such date on or before publication. */
  | { type: 'monthDay'; month: number; day?: number; future: boolean }
  /** Season with no year ("last fall", "this summer"). offset: -1 last, 0 this/bare, +1 next. */
  | { type: 'season'; season: Season; offset: number }
  /** "last year" (-1), "this year"/"earlier this year" (0), "next year" (+1); granularity year. */
  | { type: 'yearOffset'; offset: number }
  /** "last month" / "this month"/ "next month". */
  | { type: 'monthOffset'; offset: number }
  /** Month relative to a year offset: "August last year" -> {month:8, yearOffset:-1}. */
  | { type: 'monthOfYearOffset'; month: number; yearOffset: number }
  /** A weekday ("on Monday"): the most recent one on or before publication (or after, if future). */
  | { type: 'weekday'; weekday: number; future: boolean }
  /** today / yesterday / tomorrow / "N days ago". */
  | { type: 'dayOffset'; offset: number }
  /** Relative to another event ("two days after X"): never resolved against the publication date. */
  | { type: 'eventRelative' };

export type FigureKind =
  | 'killed'
  | 'wounded'
  | 'casualties'
  | 'missing'
  | 'captured'
  | 'deployed'
  | 'displaced'
  | 'other';

export const CASUALTY_KINDS: readonly FigureKind[] = Object.freeze([
  'killed',
  'wounded',
  'casualties',
  'missing',
  'captured',
]);

/** One number about people, as one sentence of one article states it. */
export interface FigureMention {
  kind: FigureKind;
  low: number;
  high: number;
  approximate: boolean;
  /** The qualifier as written: "about", "as many as", "up to", "more than", "at least"... */
  qualifier: string | null;
  /** Verbatim number text ("about 10,000-12,000"). */
  text: string;
  subject: string | null;
  claimedBy: string | null;
  /** Time expression attached to the claim ("in January"), resolved later. */
  claimTime: TimeMention | null;
  sentence: number;
}

export interface QuoteMention {
  speaker: string | null;
  /** The quoted words, verbatim, without the quotation marks. */
  text: string;
  /** Offsets in the body of the verbatim passage holding the quote and its attribution. */
  start: number;
  end: number;
  sentence: number;
}

export type EntityType = 'person' | 'organisation' | 'place' | 'other';

export interface EntityMention {
  name: string;
  type: EntityType;
  sentence: number;
}

export interface TimeMentionInSentence extends TimeMention {
  sentence: number;
}

/**
 * Everything extracted from one file that does not depend on other files:
 * the unit the cache stores, keyed by the file's content hash.
 */
export interface ArticleExtraction {
  id: string;
  file: string;
  /** sha256 of the raw bytes. */
  hash: string;
  title: string | null;
  publisher: string | null;
  byline: string | null;
  url: string | null;
  /** Date given by metadata or a date line in the text. */
  statedDate: { value: DateValue; source: 'metadata' | 'text' } | null;
  /** The cleaned article body; every offset points into it. */
  body: string;
  sentences: Sentence[];
  figures: FigureMention[];
  times: TimeMentionInSentence[];
  quotes: QuoteMention[];
  entities: EntityMention[];
  /** MinHash signature of the body's word shingles, for syndication detection. */
  signature: number[];
  warnings: string[];
}

/** An article as the index serves it, after corpus-level dating and grouping. */
export interface Article extends ArticleExtraction {
  date: DateValue | null;
  dateSource: DateSource;
  /** Lower bound on the publication date when undated (latest absolute date in the text). */
  notBefore: DateValue | null;
  /** Ids of near-duplicate copies of the same report (wire copies), excluding this one. */
  syndicatedWith: string[];
  /** Id of the group's representative: one wire story counts once. */
  groupId: string;
}

/** A place in an article a statement comes from. */
export interface SourceRef {
  article: string;
  /** The sentence (or passage), verbatim from the article body. */
  quote: string;
  start: number;
  end: number;
  publisher: string | null;
  title: string | null;
  url: string | null;
  date: string | null;
}

export interface FigureClaim {
  kind: FigureKind;
  low: number;
  high: number;
  approximate: boolean;
  qualifier: string | null;
  subject: string | null;
  claimedBy: string | null;
  claimDate: string | null;
  /** The claim's time as written when it cannot be resolved ("in January" in an undated article). */
  claimWhen: string | null;
  /** Earliest publication date among the sources, when known. */
  reportedOn: string | null;
  sources: SourceRef[];
  /** Syndication groups behind the claim: wire copies count once. */
  independentReports: number;
}

export interface TimelineEvent {
  /** YYYY | YYYY-MM | YYYY-MM-DD | YYYY-SP|SU|FA|WI */
  date: string;
  text: string;
  /** The time expression as written. */
  when: string;
  sources: SourceRef[];
}

export interface UndatedEvent {
  when: string;
  text: string;
  sources: SourceRef[];
}

export interface QuoteClaim {
  speaker: string | null;
  text: string;
  sources: SourceRef[];
}

export interface Entity {
  name: string;
  type: EntityType;
  /** Other spellings seen ("Zelenskyy"). */
  aliases: string[];
  mentions: number;
}

export interface LoadWarning {
  file: string;
  message: string;
}
