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

export interface Section {
  heading?: string;
  statements: Statement[];
}

export interface AnswerReply {
  kind: 'answer';
  command: string;
  title: string;
  /** Unsourced framing: counts, how to read the answer, hints. Never a claim. */
  notes: string[];
  sections: Section[];
  /** Machine-readable payload: the `--json` contract of the command. */
  data: unknown;
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

export function answer(command: string, title: string, init: { notes?: string[]; sections?: Section[]; data: unknown }): AnswerReply {
  return { kind: 'answer', command, title, notes: init.notes ?? [], sections: init.sections ?? [], data: init.data };
}

export function errorReply(command: string, code: ErrorCode, message: string): ErrorReply {
  return { kind: 'error', command, code, message: oneLine(message) };
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Same article and same passage once. */
export function dedupeSources(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const s of sources) {
    const key = `${s.article}\u0000${s.start}\u0000${s.end}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
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
 * print "[1][3]" after a statement and one source list at the end.
 */
export function numberSources(reply: AnswerReply): { list: NumberedSource[]; refs: (s: Statement) => number[] } {
  const byArticle = new Map<string, NumberedSource>();
  for (const section of reply.sections) {
    for (const st of section.statements) {
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
