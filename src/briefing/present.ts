/**
 * Platform-neutral wording of claims and events: the text of statements. The
 * renderers only lay these out; they never compose facts themselves.
 */
import { statement, type Statement } from '../core/reply.js';
import type { Article, FigureClaim, QuoteClaim, SourceRef, TimelineEvent, UndatedEvent } from '../core/types.js';
import { perIndexItem, type BriefingIndex } from '../index/briefingIndex.js';
import { formatFigure, KIND_LABEL } from './claims.js';
import { outletName } from './sources.js';

/** How many reports, and outlets per report, "printed in" names before counting the rest. */
export const PRINTED_IN_LIMITS = Object.freeze({ reports: 8, outlets: 4 });

/**
 * "AP (also run by Express & Star)" for the articles behind a claim: one entry per
 * report (wire copies together), in order of first appearance. A claim printed by
 * hundreds of reports names the first few and counts the rest ("; and 235 more
 * reports"); the statement's sources still list every article.
 */
export function printedIn(articles: readonly Article[]): string {
  const byGroup = new Map<string, Article[]>();
  for (const a of articles) {
    const g = byGroup.get(a.groupId);
    if (g) g.push(a);
    else byGroup.set(a.groupId, [a]);
  }
  const shown: string[] = [];
  for (const g of byGroup.values()) {
    if (shown.length === PRINTED_IN_LIMITS.reports) break;
    const names = [...new Set(g.map(outletName))];
    const also = names.slice(1, 1 + PRINTED_IN_LIMITS.outlets);
    const more = names.length - 1 - also.length;
    shown.push(also.length === 0 ? names[0]! : `${names[0]} (also run by ${also.join(', ')}${more > 0 ? ` and ${more} more` : ''})`);
  }
  const rest = byGroup.size - shown.length;
  return shown.join('; ') + (rest > 0 ? `; and ${rest} more report${rest === 1 ? '' : 's'}` : '');
}

export function figureHeadline(c: FigureClaim): string {
  return `${formatFigure(c)} ${KIND_LABEL[c.kind]}${c.subject ? ` (${c.subject})` : ''}`;
}

export function figureWhen(c: FigureClaim): string {
  if (c.claimDate) return c.claimDate;
  if (c.claimWhen) return `${c.claimWhen} (year unknown: undated article)`;
  if (c.reportedOn) return `reported ${c.reportedOn}`;
  return 'date unknown';
}

/** One line of the newsroom table: figure, who says it, when. */
export function figureLine(c: FigureClaim): string {
  const who = c.claimedBy ? `per ${c.claimedBy}` : 'unattributed';
  const reports = c.independentReports > 1 ? `; ${c.independentReports} independent reports` : '';
  return `${figureHeadline(c)} — ${who}, ${figureWhen(c)}${reports}`;
}

/** The statement for a dated event of the timeline. */
export function eventStatement(e: TimelineEvent): Statement {
  return statement(`${e.date} — ${e.text}`, e.sources, [{ label: 'Date', value: e.date }, { label: 'As written', value: e.when }]);
}

/** The statement for an event that cannot be dated, as written. */
export function undatedStatement(e: UndatedEvent): Statement {
  return statement(`“${e.when}” (undated) — ${e.text}`, e.sources, [{ label: 'As written', value: e.when }]);
}

/** The statement for a quote, verbatim, with its speaker. */
export function quoteStatement(q: QuoteClaim): Statement {
  return statement(`“${q.text}” — ${q.speaker ?? 'unattributed'}`, q.sources, [{ label: 'Speaker', value: q.speaker ?? 'unattributed' }]);
}

/**
 * Statements citing at least this many sources are kept per index once built; the
 * others cost little to build again, and keeping every statement would hold a copy of
 * every answer once something prints whole answers (the console).
 */
export const KEPT_STATEMENT_SOURCES = 16;

/**
 * `build(item)`, kept for the index when the item cites many sources: a claim,
 * event or quote printed by thousands of articles pays for deduplicating and naming
 * them the first time a page shows it, then costs nothing, whatever the topic.
 * @example keptStatement(index, 'quote statement', quote, quoteStatement)
 */
export function keptStatement<T extends { sources: readonly SourceRef[] }>(index: BriefingIndex, key: string, item: T, build: (item: T) => Statement): Statement {
  return item.sources.length >= KEPT_STATEMENT_SOURCES ? perIndexItem(index, key, item, build) : build(item);
}
