import { defineCommand } from '../src/core/command.js';
import { answer, statement } from '../src/core/reply.js';

/** /search <query>: ranked sentences, fuzzy on names ("Zelenskiy", "Pyongyan"). */
export default defineCommand({
  name: 'search',
  description: 'Search every article; names match even when spelled differently',
  example: '/search zelensky casualties',
  options: [
    { name: 'query', description: 'Words or names to look for', type: 'string', required: true, autocomplete: 'entity', maxLength: 300 },
    { name: 'limit', description: 'How many results (1-25)', type: 'integer', minValue: 1, maxValue: 25 },
  ],
  run(ctx, args) {
    const query = args.query as string;
    const hits = ctx.index.search(query, { limit: (args.limit as number | undefined) ?? 10 });
    return answer('search', `Search: ${query}`, {
      notes: [hits.length === 0 ? `Nothing matches "${query}". Check the spelling or try fewer words.` : `${hits.length} best match${hits.length === 1 ? '' : 'es'} for "${query}".`],
      sections: [{ statements: hits.map((h) => statement(h.quote, [h.source])) }],
      data: { results: hits.map((h) => ({ article: h.article, quote: h.quote, score: h.score })) },
    });
  },
});
