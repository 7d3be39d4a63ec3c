/**
 * The query side of the engine: what commands (and the scheduler, and the
 * benchmark) ask of a loaded corpus. Platform-free.
 */
import type { AutocompleteSource } from '../core/command.js';
import type {
  Article,
  Entity,
  FigureClaim,
  FigureKind,
  LoadWarning,
  QuoteClaim,
  SourceRef,
  TimelineEvent,
  UndatedEvent,
} from '../core/types.js';

export interface SearchHit {
  article: string;
  /** The matching sentence, verbatim. */
  quote: string;
  score: number;
  source: SourceRef;
}

export interface BriefPoint {
  text: string;
  sources: SourceRef[];
}

export interface Timeline {
  events: TimelineEvent[];
  undated: UndatedEvent[];
}

export interface BriefingIndex {
  readonly corpusDir: string;
  /** When this snapshot of the corpus was built. */
  readonly loadedAt: Date;
  articles(): readonly Article[];
  article(id: string): Article | undefined;
  /** Files skipped or loaded with problems, one line each. */
  warnings(): readonly LoadWarning[];
  figures(opts?: { topic?: string; kinds?: readonly FigureKind[] }): FigureClaim[];
  timeline(opts?: { topic?: string }): Timeline;
  quotes(opts?: { speaker?: string }): QuoteClaim[];
  search(query: string, opts?: { limit?: number }): SearchHit[];
  brief(opts?: { topic?: string }): BriefPoint[];
  /** Autocomplete: at most `limit` (default 25) names for the typed prefix. */
  suggest(source: AutocompleteSource, prefix: string, limit?: number): string[];
  entities(): readonly Entity[];
}

const perIndexValues = new WeakMap<BriefingIndex, Map<string, unknown>>();

/**
 * A value that depends only on the loaded corpus, computed once per index (a
 * snapshot is immutable; a reload is a new index) instead of per command, and
 * dropped with the index.
 * @example const groups = perIndex(index, 'groups', () => new Set(index.articles().map((a) => a.groupId)).size);
 */
export function perIndex<T>(index: BriefingIndex, key: string, compute: () => T): T {
  let values = perIndexValues.get(index);
  if (!values) perIndexValues.set(index, (values = new Map()));
  if (values.has(key)) return values.get(key) as T;
  const value = compute();
  values.set(key, value);
  return value;
}

/** How many independent reports (wire copies counted once) the corpus holds. */
export function independentReports(index: BriefingIndex): number {
  return perIndex(index, 'independent reports', () => new Set(index.articles().map((a) => a.groupId)).size);
}

/**
 * `compute(item)` for one item of the loaded corpus's answers (a claim, an event,
 * a quote), computed once per index the first time a page shows it, and dropped
 * with the index (or with the item). Only for values that depend on nothing but
 * the item and the corpus, such as its statement.
 * @example const st = perIndexItem(index, 'claim statement', claim, (c) => claimStatement(c, index));
 */
export function perIndexItem<K extends object, V>(index: BriefingIndex, key: string, item: K, compute: (item: K) => V): V {
  const memo = perIndex(index, key, () => new WeakMap<K, V>());
  let value = memo.get(item);
  if (value === undefined) memo.set(item, (value = compute(item)));
  return value;
}
