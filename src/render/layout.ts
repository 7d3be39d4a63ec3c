/**
 * Platform-neutral layout, page by page. An answer's statements (all sections, in
 * order) are cut into pages of a fixed number of statements, so page `p` is built
 * from its own statements only: its cost does not depend on how many statements
 * the answer holds (a lazy section builds just that range), and the page count is
 * known without laying out the rest. A page's statements become lines (notes on
 * the first page, section headings, one line per statement with its source
 * numbers); when those lines do not fit one message under a platform's `fits`
 * test, the page is shown in parts, breaking between lines, never inside one. A
 * statement longer than a line may be is split beforehand at a sentence or word
 * boundary with "…(continued)". Sources are numbered per page.
 */
import { numberStatementSources, sectionSize, sectionSlice, type AnswerReply, type NumberedSource, type Statement } from '../core/reply.js';
import type { SourceRef } from '../core/types.js';
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

/** One message's worth of lines. */
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
  /** Statements per page. */
  pageStatements: number;
  /** Articles listed per statement; the rest are counted ("+2,988 more"). */
  listedSources: number;
}

export interface Layout {
  lines: Line[];
  sources: NumberedSource[];
}

/** How many pages an answer takes: its statement count over the page size (at least one). */
export function pageCountOf(reply: AnswerReply, style: LineStyle): number {
  let total = 0;
  for (const s of reply.sections) total += sectionSize(s);
  return Math.max(1, Math.ceil(total / style.pageStatements));
}

/** The statements of page `page` with the index of their section. */
function pageStatements(reply: AnswerReply, page: number, per: number): { section: number; first: boolean; statements: readonly Statement[] }[] {
  const from = page * per;
  const to = from + per;
  const out: { section: number; first: boolean; statements: readonly Statement[] }[] = [];
  let at = 0;
  reply.sections.forEach((section, si) => {
    const size = sectionSize(section);
    const lo = Math.max(from, at);
    const hi = Math.min(to, at + size);
    if (lo < hi) out.push({ section: si, first: lo === at, statements: sectionSlice(section, lo - at, hi - at) });
    at += size;
  });
  return out;
}

/**
 * Numbers the articles the page's statements cite (the first `max` of each), in
 * order of first citation. A statement printed by thousands of articles shows the
 * first ones and counts the sources after them ("[1]…[6] +2,994 more sources"):
 * the statement still carries all of them (and the CLI's JSON lists them).
 */
function numberPageSources(statements: readonly Statement[], max: number): { list: NumberedSource[]; refs: (s: Statement) => { numbers: number[]; hidden: number } } {
  const cited = new Map<Statement, { numbers: number[]; hidden: number }>();
  const shown: Statement[] = [];
  for (const st of statements) {
    // the first `max` articles; the sources after them are counted, not looked at
    const articles = new Set<string>();
    const kept: SourceRef[] = [];
    let k = 0;
    for (; k < st.sources.length && kept.length < max; k++) {
      const s = st.sources[k]!;
      if (!articles.has(s.article)) {
        articles.add(s.article);
        kept.push(s);
      }
    }
    // a statement reduced to the sources it lists, for numbering only
    shown.push({ text: st.text, sources: kept as unknown as Statement['sources'] });
    cited.set(st, { numbers: [], hidden: st.sources.length - k });
  }
  const { list, refs } = numberStatementSources(shown);
  statements.forEach((st, i) => (cited.get(st)!.numbers = refs(shown[i]!)));
  return { list, refs: (st) => cited.get(st)! };
}

/**
 * Turns page `page` of an answer into lines for one platform's style: the notes
 * (first page only), each section's heading ("(continued)" when the section started
 * on an earlier page), one line per statement (or several for a long one).
 */
export function layoutPage(reply: AnswerReply, page: number, style: LineStyle): Layout {
  const parts = pageStatements(reply, page, style.pageStatements);
  const { list, refs } = numberPageSources(parts.flatMap((p) => p.statements), style.listedSources);
  const lines: Line[] = [];
  if (page === 0) {
    for (const note of reply.notes) {
      for (const chunk of splitText(style.note(note), style.maxLine)) lines.push({ kind: 'note', text: chunk, refs: [], section: -1 });
    }
  }
  for (const part of parts) {
    const heading = reply.sections[part.section]!.heading;
    if (heading) lines.push({ kind: 'heading', text: style.heading(heading, !part.first), refs: [], section: part.section });
    for (const st of part.statements) {
      const { numbers, hidden } = refs(st);
      const suffix = style.refs(numbers) + (hidden > 0 ? ` +${hidden} more source${hidden === 1 ? '' : 's'}` : '');
      const chunks = splitText(style.statement(st), style.maxLine - suffix.length);
      chunks.forEach((chunk, i) => {
        lines.push({ kind: 'statement', text: i === chunks.length - 1 ? chunk + suffix : chunk, refs: numbers, section: part.section });
      });
    }
  }
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
 * Packs one page's lines into parts (messages) greedily. `fits(part)` says whether
 * a candidate is within the platform's limits. A part never ends on a heading; a
 * section that runs over a break gets its heading repeated as "(continued)".
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
    // Close the part; carry a trailing heading over to the next one.
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

/** Where a message sits in an answer: page `page` (0-based), part `part` of it. */
export interface PagePosition {
  page: number;
  part: number;
}

/** One rendered message's lines and where the neighbouring messages are. */
export interface PlannedPart {
  page: number;
  pageCount: number;
  part: number;
  partCount: number;
  lines: Page;
  sources: Map<number, NumberedSource>;
  /** The message before and after this one (null at either end). */
  previous: PagePosition | null;
  next: PagePosition | null;
}

/**
 * Lays out page `page` (clamped to the answer) and picks part `part` of it (clamped).
 * Costs this page's statements, plus the previous page's when the Previous button
 * must land on that page's last part.
 */
export function planPart(reply: AnswerReply, style: LineStyle, fits: (page: Page, sources: Map<number, NumberedSource>) => boolean, position: PagePosition): PlannedPart {
  const pageCount = pageCountOf(reply, style);
  const page = Math.min(Math.max(0, Math.trunc(position.page) || 0), pageCount - 1);
  const partsOf = (p: number) => {
    const layout = layoutPage(reply, p, style);
    const sources = new Map(layout.sources.map((s) => [s.n, s]));
    const parts = paginate(layout, style, (c) => fits(c, sources), (i) => reply.sections[i]?.heading);
    return { parts: parts.length > 0 ? parts : [{ lines: [], refs: [] }], sources };
  };
  const { parts, sources } = partsOf(page);
  const part = Math.min(Math.max(0, Math.trunc(position.part) || 0), parts.length - 1);
  let previous: PagePosition | null = null;
  if (part > 0) previous = { page, part: part - 1 };
  else if (page > 0) previous = { page: page - 1, part: partsOf(page - 1).parts.length - 1 };
  const next: PagePosition | null = part < parts.length - 1 ? { page, part: part + 1 } : page < pageCount - 1 ? { page: page + 1, part: 0 } : null;
  return { page, pageCount, part, partCount: parts.length, lines: parts[part]!, sources, previous, next };
}

/** "page 3/15", "page 3/15, part 2/2". */
export function positionLabel(p: Pick<PlannedPart, 'page' | 'pageCount' | 'part' | 'partCount'>): string {
  return `page ${p.page + 1}/${p.pageCount}${p.partCount > 1 ? `, part ${p.part + 1}/${p.partCount}` : ''}`;
}
