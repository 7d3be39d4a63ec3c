import { defineCommand } from '../src/core/command.js';
import { answer, lazySection, statement } from '../src/core/reply.js';
import { independentReports, perIndex } from '../src/index/briefingIndex.js';
import { formatDateValue } from '../src/extract/dates.js';
import { articleRef, hasArticleRef } from '../src/briefing/sources.js';
import type { Article } from '../src/core/types.js';

const DATE_SOURCE: Record<Article['dateSource'], string> = {
  metadata: 'from metadata',
  text: 'from a date line',
  syndication: 'from a dated copy of the same wire story',
  bound: 'undated; not before',
  none: 'undated',
};

function describe(a: Article): string {
  const date = a.date ? `${formatDateValue(a.date)} (${DATE_SOURCE[a.dateSource]})` : a.notBefore ? `${DATE_SOURCE.bound} ${formatDateValue(a.notBefore)}` : 'undated';
  const copies = a.syndicatedWith.length ? `; same report as ${a.syndicatedWith.join(', ')}` : '';
  return `${a.title ?? a.id} — ${a.publisher ?? 'publisher unknown'}, ${date}${copies}`;
}

/** /sources: what is loaded, how each article was dated, and which files were skipped. */
export default defineCommand({
  name: 'sources',
  description: 'The loaded articles: outlet, date and how it was found, wire copies, skipped files',
  example: '/sources',
  options: [],
  run(ctx) {
    const articles = ctx.index.articles();
    const warnings = ctx.index.warnings();
    const groups = independentReports(ctx.index);
    // the articles that have text to cite, found once per corpus (from the snapshot without reading bodies)
    const cited = perIndex(ctx.index, 'sources: citable articles', () => Uint32Array.from(articles.flatMap((a, i) => (hasArticleRef(a) ? [i] : []))));
    const notes = [`${articles.length} article${articles.length === 1 ? '' : 's'} (${groups} independent report${groups === 1 ? '' : 's'}) loaded from ${ctx.index.corpusDir} at ${ctx.index.loadedAt.toISOString()}.`];
    for (const w of warnings.slice(0, 20)) notes.push(`Skipped or partly read: ${w.file}: ${w.message}`);
    if (warnings.length > 20) notes.push(`…and ${warnings.length - 20} more warnings in the log.`);
    return answer('sources', 'Sources', {
      notes,
      sections: [
        lazySection(cited.length, (i) => {
          const a = articles[cited[i]!]!;
          return statement(describe(a), [articleRef(a)!]);
        }),
      ],
      data: () => ({
        articles: articles.map((a) => ({
          id: a.id,
          file: a.file,
          title: a.title,
          publisher: a.publisher,
          byline: a.byline,
          url: a.url,
          date: a.date ? formatDateValue(a.date) : null,
          dateSource: a.dateSource,
          notBefore: a.notBefore ? formatDateValue(a.notBefore) : null,
          syndicatedWith: a.syndicatedWith,
        })),
        warnings: warnings.map((w) => ({ file: w.file, message: w.message })),
      }),
    });
  },
});
