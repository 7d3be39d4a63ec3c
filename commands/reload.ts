import { defineCommand } from '../src/core/command.js';
import { answer, errorReply } from '../src/core/reply.js';

/** /reload: rescan the corpus folder now (admins). The bot also picks up changes by itself within seconds. */
export default defineCommand({
  name: 'reload',
  description: 'Rescan the corpus folder now (admins; changes are also picked up automatically)',
  example: '/reload',
  admin: true,
  options: [],
  async run(ctx) {
    if (!ctx.corpus) return errorReply('reload', 'unavailable', 'This bot does not watch its corpus folder; restart it to load new articles.');
    const r = await ctx.corpus.reload('/reload');
    // The warnings of the snapshot just loaded, not of the one this command started on.
    const warnings = r.warnings ?? ctx.index.warnings().length;
    return answer('reload', 'Corpus reloaded', {
      notes: [
        r.reason.includes('failed')
          ? `Reload failed; still answering from the previous ${r.articles} articles. (${r.reason})`
          : `${r.articles} article${r.articles === 1 ? '' : 's'} loaded${r.changed ? '' : ' (nothing had changed)'}.${warnings ? ` ${warnings} file warning${warnings === 1 ? '' : 's'}: see /sources.` : ''}`,
      ],
      data: { articles: r.articles, changed: r.changed, reason: r.reason },
    });
  },
});
