/**
 * Platform-neutral layout: a reply becomes a list of lines (notes, section
 * headings, one line per statement with its source numbers), and lines are packed
 * into pages by a platform's `fits` test. Pages break between lines, never inside
 * one; a statement longer than a line may be is split beforehand at a sentence or
 * word boundary with "…(continued)".
 */
import { numberSources, type AnswerReply, type NumberedSource, type Statement } from '../core/reply.js';
import { splitText } from './text.js';

export interface Line {
  kind: 'note' | 'heading' | 'statement';
  /** Already formatted and escaped for the platform. */
  text: string;
  /** Source numbers this line cites (empty for notes and headings). */
  refs: readonly number[];
  /** Index of the section the line belongs to (-1 for notes). */
  section: number;
}

export interface Page {
  lines: Line[];
  /** Distinct source numbers cited on the page, ascending. */
  refs: number[];
}

/** How a platform writes the pieces of a line. */
export interface LineStyle {
  note(text: string): string;
  heading(text: string, continued: boolean): string;
  /** The statement body (escaped text plus table columns), without the source numbers. */
  statement(st: Statement): string;
  /** Appended to a statement's last chunk, e.g. " [1][3]". */
  refs(numbers: readonly number[]): string;
  /** Longest single line; longer statements are split. */
  maxLine: number;
}

export interface Layout {
  lines: Line[];
  sources: NumberedSource[];
}

/** Turns an answer into lines for one platform's style. */
export function layoutReply(reply: AnswerReply, style: LineStyle): Layout {
  const { list, refs } = numberSources(reply);
  const lines: Line[] = [];
  for (const note of reply.notes) {
    for (const chunk of splitText(style.note(note), style.maxLine)) lines.push({ kind: 'note', text: chunk, refs: [], section: -1 });
  }
  reply.sections.forEach((section, si) => {
    if (section.statements.length === 0 && !section.heading) return;
    if (section.heading) lines.push({ kind: 'heading', text: style.heading(section.heading, false), refs: [], section: si });
    for (const st of section.statements) {
      const numbers = refs(st);
      const suffix = style.refs(numbers);
      const chunks = splitText(style.statement(st), style.maxLine - suffix.length);
      chunks.forEach((chunk, i) => {
        lines.push({ kind: 'statement', text: i === chunks.length - 1 ? chunk + suffix : chunk, refs: numbers, section: si });
      });
    }
  });
  return { lines, sources: list };
}

/**
 * One statement as a table row: the text with its key column (the first field, e.g.
 * the figure) in bold where the text contains it, then any column the text does not
 * already say (" · Printed in: AP"). Every piece goes through `escape`.
 */
export function statementRow(st: Statement, escape: (s: string) => string, bold: (s: string) => string): string {
  const fields = st.fields ?? [];
  const key = fields[0];
  const at = key && key.value ? st.text.indexOf(key.value) : -1;
  const body =
    key && at >= 0
      ? escape(st.text.slice(0, at)) + bold(escape(key.value)) + escape(st.text.slice(at + key.value.length))
      : escape(st.text);
  const extra = fields.filter((f, i) => !(i === 0 && at >= 0) && !(f.value && st.text.includes(f.value)));
  return `• ${body}${extra.map((f) => ` · ${escape(f.label)}: ${escape(f.value)}`).join('')}`;
}

/**
 * Packs lines into pages greedily. `fits(page)` says whether a candidate page is
 * within the platform's limits. A page never ends on a heading; a section that runs
 * over a page break gets its heading repeated as "(continued)".
 */
export function paginate(layout: Layout, style: LineStyle, fits: (page: Page) => boolean, headings: (section: number) => string | undefined): Page[] {
  const pages: Page[] = [];
  let current: Line[] = [];
  const pageOf = (lines: Line[]): Page => ({ lines, refs: [...new Set(lines.flatMap((l) => l.refs))].sort((a, b) => a - b) });

  for (const line of layout.lines) {
    const candidate = [...current, line];
    if (current.length === 0 || fits(pageOf(candidate))) {
      current = candidate;
      continue;
    }
    // Close the page; carry a trailing heading over to the next one.
    const carried: Line[] = [];
    while (current.length > 0 && current[current.length - 1]!.kind === 'heading') carried.unshift(current.pop()!);
    if (current.length > 0) pages.push(pageOf(current));
    current = carried;
    if (carried.length === 0 && line.kind === 'statement') {
      const heading = headings(line.section);
      if (heading) current.push({ kind: 'heading', text: style.heading(heading, true), refs: [], section: line.section });
    }
    current.push(line);
  }
  if (current.length > 0) pages.push(pageOf(current));
  return pages;
}
