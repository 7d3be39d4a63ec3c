/**
 * Platform-neutral wording of claims and events: the text of statements. The
 * renderers only lay these out; they never compose facts themselves.
 */
import type { Article, FigureClaim, FigureKind } from '../core/types.js';
import { formatFigure, KIND_LABEL } from './claims.js';
import { outletName } from './sources.js';

/** "AP (also run by Express & Star)" for the articles behind a claim. */
export function printedIn(articles: readonly Article[]): string {
  const byGroup = new Map<string, Article[]>();
  for (const a of articles) {
    const g = byGroup.get(a.groupId);
    if (g) g.push(a);
    else byGroup.set(a.groupId, [a]);
  }
  return [...byGroup.values()]
    .map((g) => {
      const names = [...new Set(g.map(outletName))];
      return names.length > 1 ? `${names[0]} (also run by ${names.slice(1).join(', ')})` : names[0]!;
    })
    .join('; ');
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

/** The kinds whose claims carry more than one figure (low-high): one pass, no strings built. */
export function disputedKinds(claims: readonly FigureClaim[]): Set<FigureKind> {
  const first = new Map<FigureKind, FigureClaim>();
  const disputed = new Set<FigureKind>();
  for (const c of claims) {
    const f = first.get(c.kind);
    if (!f) first.set(c.kind, c);
    else if (f.low !== c.low || f.high !== c.high) disputed.add(c.kind);
  }
  return disputed;
}
