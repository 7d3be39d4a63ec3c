/**
 * The newsroom table of figure claims, shared by /casualties and /figures.
 */
import type { CommandContext } from '../core/command.js';
import { answer, statement, type AnswerReply } from '../core/reply.js';
import type { FigureClaim, FigureKind } from '../core/types.js';
import { KIND_LABEL, formatFigure } from './claims.js';
import { disputedKinds, figureLine, figureWhen, printedIn } from './present.js';

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

export function figuresReply(command: string, title: string, ctx: CommandContext, kinds: readonly FigureKind[] | undefined, topic: string | undefined): AnswerReply {
  const claims = ctx.index.figures({ kinds, topic });
  const disputed = disputedKinds(claims);
  const sections = [...new Set(claims.map((c) => c.kind))].map((kind) => ({
    heading: `${KIND_LABEL[kind][0]!.toUpperCase()}${KIND_LABEL[kind].slice(1)}${disputed.has(kind) ? ' — sources disagree' : ''}`,
    statements: claims
      .filter((c) => c.kind === kind)
      .map((c) =>
        statement(figureLine(c), c.sources, [
          { label: 'Figure', value: formatFigure(c) },
          { label: 'Who says', value: c.claimedBy ?? 'unattributed' },
          { label: 'When', value: figureWhen(c) },
          { label: 'Printed in', value: printedIn(c.sources.map((s) => ctx.index.article(s.article)!).filter(Boolean)) },
        ]),
      ),
  }));
  const notes: string[] = [];
  if (claims.length === 0) {
    notes.push(topic ? `No ${command === 'casualties' ? 'casualty figures' : 'figures'} found about "${topic}". Try /search ${topic}.` : `No ${command === 'casualties' ? 'casualty figures' : 'figures'} found in the ${ctx.index.articles().length} loaded articles.`);
  } else {
    notes.push(`${claims.length} claim${claims.length === 1 ? '' : 's'} from ${ctx.index.articles().length} articles${topic ? ` about "${topic}"` : ''}. Each claimant's figure is listed as they state it; conflicting figures are never averaged; wire copies count once.`);
  }
  return answer(command, title, { notes, sections, data: figuresJson(claims) });
}
