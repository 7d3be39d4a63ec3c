/**
 * The newsroom table of figure claims, shared by /casualties and /figures.
 */
import type { CommandContext } from '../core/command.js';
import { answer, lazySection, statement, type AnswerReply, type Statement } from '../core/reply.js';
import { perIndex } from '../index/briefingIndex.js';
import type { FigureClaim, FigureKind } from '../core/types.js';
import { KIND_LABEL, formatFigure } from './claims.js';
import { figureLine, figureWhen, keptStatement, printedIn } from './present.js';

export function figuresJson(claims: readonly FigureClaim[]) {
  return {
    figures: claims.map((c) => ({
      kind: c.kind,
      low: c.low,
      high: c.high,
      approximate: c.approximate,
      qualifier: c.qualifier,
      subject: c.subject,
      claimedBy: c.claimedBy,
      claimDate: c.claimDate,
      claimWhen: c.claimWhen,
      reportedOn: c.reportedOn,
      independentReports: c.independentReports,
      sources: c.sources.map((s) => ({ article: s.article, quote: s.quote, publisher: s.publisher, date: s.date, url: s.url })),
    })),
  };
}

/** Claims grouped by kind (kinds in order of first appearance) and which kinds carry differing figures. */
export interface ClaimTable {
  total: number;
  kinds: { kind: FigureKind; claims: FigureClaim[] }[];
  disputed: ReadonlySet<FigureKind>;
}

/**
 * One pass over `claims` (only those of `kinds` when given): no statement is built.
 * Each claim is read once, so a topic's claims are fetched without a kind filter and
 * filtered here (reading a claim is a cache miss in a large corpus).
 */
export function claimTable(claims: readonly FigureClaim[], kinds?: readonly FigureKind[]): ClaimTable {
  const byKind = new Map<FigureKind, FigureClaim[]>();
  const disputed = new Set<FigureKind>();
  let total = 0;
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    if (kinds && !kinds.includes(c.kind)) continue;
    total++;
    const list = byKind.get(c.kind);
    if (!list) byKind.set(c.kind, [c]);
    else {
      // disputed: the kind's claims carry more than one figure (low-high)
      if (list[0]!.low !== c.low || list[0]!.high !== c.high) disputed.add(c.kind);
      list.push(c);
    }
  }
  const table = [...byKind].map(([kind, list]) => ({ kind, claims: list }));
  return { total, kinds: table, disputed };
}

/** The statement for one claim: figure, who says it, when, where it was printed. */
export function claimStatement(c: FigureClaim, index: CommandContext['index']): Statement {
  return statement(figureLine(c), c.sources, [
    { label: 'Figure', value: formatFigure(c) },
    { label: 'Who says', value: c.claimedBy ?? 'unattributed' },
    { label: 'When', value: figureWhen(c) },
    { label: 'Printed in', value: printedIn(c.sources.map((s) => index.article(s.article)!).filter(Boolean)) },
  ]);
}

/** `claimStatement`, kept per index for a widely printed claim (see `keptStatement`). */
export function claimStatementOnce(c: FigureClaim, index: CommandContext['index']): Statement {
  return keptStatement(index, 'claim statement', c, (claim) => claimStatement(claim, index));
}

/**
 * The newsroom table for `kinds` (all when absent), about `topic` when given. A
 * section per kind whose statements are built when a page shows them; without a
 * topic the grouping is computed once per corpus; the JSON payload is built when read.
 */
export function figuresReply(command: string, title: string, ctx: CommandContext, kinds: readonly FigureKind[] | undefined, topic: string | undefined): AnswerReply {
  const index = ctx.index;
  const table = topic
    ? claimTable(index.figures({ topic }), kinds)
    : perIndex(index, `figure table ${kinds ? kinds.join(',') : 'all'}`, () => claimTable(index.figures({ kinds })));
  const sections = table.kinds.map(({ kind, claims }) =>
    lazySection(
      claims.length,
      (i) => claimStatementOnce(claims[i]!, index),
      `${KIND_LABEL[kind][0]!.toUpperCase()}${KIND_LABEL[kind].slice(1)}${table.disputed.has(kind) ? ' — sources disagree' : ''}`,
    ),
  );
  const notes: string[] = [];
  if (table.total === 0) {
    notes.push(topic ? `No ${command === 'casualties' ? 'casualty figures' : 'figures'} found about "${topic}". Try /search ${topic}.` : `No ${command === 'casualties' ? 'casualty figures' : 'figures'} found in the ${index.articles().length} loaded articles.`);
  } else {
    notes.push(`${table.total} claim${table.total === 1 ? '' : 's'} from ${index.articles().length} articles${topic ? ` about "${topic}"` : ''}. Each claimant's figure is listed as they state it; conflicting figures are never averaged; wire copies count once.`);
  }
  // the claims in the index's order, as the `--json` contract lists them
  return answer(command, title, { notes, sections, data: () => figuresJson(index.figures({ kinds, topic })) });
}
