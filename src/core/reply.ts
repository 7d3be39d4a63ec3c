/**
 * The one reply model every command returns and every adapter renders.
 *
 * A `Statement` cannot be built without at least one source: `statement()` is the
 * only constructor and it refuses an empty list, so an unsourced claim cannot
 * reach a user. Framing text that is not a claim about the story (counts, hints,
 * help) goes in `notes`.
 */
import type { SourceRef } from './types.js';

export type Sources = readonly [SourceRef, ...SourceRef[]];

export interface Field {
  label: string;
  value: string;
}

export interface Statement {
  readonly text: string;
  readonly sources: Sources;
  /** Optional columns for table-like answers (figure, who, when). */
  readonly fields?: readonly Field[];
}

/** A section whose statements are all built: short answers (a brief, search hits). */
export interface ListSection {
  heading?: string;
  statements: Statement[];
}

/**
 * A section that knows how many statements it holds and builds a range of them on
 * demand, so a page of a 60,000-claim answer costs one page. `build(i)` must make
 * its statement with `statement()` (so it has sources) and return an equal
 * statement for the same `i` every time.
 */
export interface LazySection {
  heading?: string;
  readonly size: number;
  /** Statements `from` (inclusive) to `to` (exclusive). */
  slice(from: number, to: number): Statement[];
}

export type Section = ListSection | LazySection;

/**
 * A section of `size` statements, statement `i` built by `build(i)` when a page shows it.
 * @example lazySection(claims.length, (i) => statement(figureLine(claims[i]), claims[i].sources), 'Killed')
 */
export function lazySection(size: number, build: (i: number) => Statement, heading?: string): LazySection {
  const slice = (from: number, to: number): Statement[] => {
    const out: Statement[] = [];
    for (let i = Math.max(0, from), end = Math.min(size, to); i < end; i++) out.push(build(i));
    return out;
  };
  return heading === undefined ? { size, slice } : { heading, size, slice };
}

/** How many statements a section holds. */
export function sectionSize(s: Section): number {
  return 'statements' in s ? s.statements.length : s.size;
}

/** Statements `from` to `to` (exclusive) of a section. */
export function sectionSlice(s: Section, from: number, to: number): readonly Statement[] {
  return 'statements' in s ? s.statements.slice(from, to) : s.slice(from, to);
}

/** Every statement of a section: for whole-answer output (plain text, the CLI), not for a page. */
export function sectionStatements(s: Section): readonly Statement[] {
  return 'statements' in s ? s.statements : s.slice(0, s.size);
}

/** Every statement of an answer, section by section. */
export function replyStatements(reply: AnswerReply): Statement[] {
  return reply.sections.flatMap((s) => sectionStatements(s));
}

export interface AnswerReply {
  kind: 'answer';
  command: string;
  title: string;
  /** Unsourced framing: counts, how to read the answer, hints. Never a claim. */
  notes: string[];
  sections: Section[];
  /**
   * Machine-readable payload: the `--json` contract of the command. Built when
   * read (a getter) when `answer()` was given a function, so a chat reply never
   * pays for the JSON of every statement.
   */
  readonly data: unknown;
}

export type ErrorCode = 'bad-argument' | 'not-found' | 'forbidden' | 'rate-limited' | 'internal' | 'unavailable';

export interface ErrorReply {
  kind: 'error';
  command: string;
  code: ErrorCode;
  /** One line, safe to show a user. */
  message: string;
  /** Set by the dispatcher for internal errors; matches a log line. */
  errorId?: string;
}

export type Reply = AnswerReply | ErrorReply;

export class UnsourcedStatementError extends Error {}

/** Builds a statement; throws if `sources` is empty. */
export function statement(text: string, sources: readonly SourceRef[], fields?: Field[]): Statement {
  if (sources.length === 0) throw new UnsourcedStatementError(`statement without sources: ${text.slice(0, 80)}`);
  return Object.freeze({ text, sources: dedupeSources(sources) as unknown as Sources, fields });
}

/**
 * Builds an answer. `data` is the JSON payload, or a function that builds it each
 * time `reply.data` is read (for answers whose payload is as large as the corpus).
 * @example answer('quotes', 'Quotes', { sections: [lazySection(n, quoteAt)], data: () => ({ quotes: all.map(toJson) }) })
 */
export function answer(command: string, title: string, init: { notes?: string[]; sections?: Section[]; data: unknown }): AnswerReply {
  const base = { kind: 'answer' as const, command, title, notes: init.notes ?? [], sections: init.sections ?? [] };
  const data = init.data;
  if (typeof data !== 'function') return { ...base, data };
  return Object.defineProperty(base, 'data', { get: data as () => unknown, enumerable: true }) as AnswerReply;
}

export function errorReply(command: string, code: ErrorCode, message: string): ErrorReply {
  return { kind: 'error', command, code, message: oneLine(message) };
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Same article and same passage once (first occurrence kept, order kept). */
export function dedupeSources(sources: readonly SourceRef[]): SourceRef[] {
  // by article, then by passage: no key strings (a wire sentence can have thousands of sources)
  const byArticle = new Map<string, SourceRef | SourceRef[]>();
  const out: SourceRef[] = [];
  for (const s of sources) {
    const seen = byArticle.get(s.article);
    if (seen === undefined) byArticle.set(s.article, s);
    else if (Array.isArray(seen)) {
      if (seen.some((x) => x.start === s.start && x.end === s.end)) continue;
      seen.push(s);
    } else {
      if (seen.start === s.start && seen.end === s.end) continue;
      byArticle.set(s.article, [seen, s]);
    }
    out.push(s);
  }
  return out;
}

export interface NumberedSource {
  n: number;
  article: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  date: string | null;
}

/**
 * Numbers the articles a reply cites, in order of first citation, so renderers can
 * print "[1][3]" after a statement and one source list at the end. Goes through
 * every statement: for whole-answer output; a page numbers its own statements
 * with `numberStatementSources`.
 */
export function numberSources(reply: AnswerReply): { list: NumberedSource[]; refs: (s: Statement) => number[] } {
  return numberStatementSources(replyStatements(reply));
}

/** `numberSources` for a list of statements (one page of an answer). */
export function numberStatementSources(statements: Iterable<Statement>): { list: NumberedSource[]; refs: (s: Statement) => number[] } {
  const byArticle = new Map<string, NumberedSource>();
  for (const st of statements) {
    for (const src of st.sources) {
      if (!byArticle.has(src.article)) {
        byArticle.set(src.article, {
          n: byArticle.size + 1,
          article: src.article,
          title: src.title,
          publisher: src.publisher,
          url: src.url,
          date: src.date,
        });
      }
    }
  }
  return {
    list: [...byArticle.values()],
    refs: (s: Statement) => [...new Set(s.sources.map((src) => byArticle.get(src.article)!.n))].sort((a, b) => a - b),
  };
}

/** "Express & Star, 2025-04-28 (000_357d...)" */
export function describeSource(s: NumberedSource): string {
  const who = s.publisher ?? s.title ?? s.article;
  const parts = [who];
  if (s.date) parts.push(s.date);
  return `${parts.join(', ')} (${s.article})`;
}
