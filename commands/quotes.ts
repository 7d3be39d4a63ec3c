import { defineCommand } from '../src/core/command.js';
import { answer, lazySection } from '../src/core/reply.js';
import { keptStatement, quoteStatement } from '../src/briefing/present.js';

/** /quotes [speaker]: who said what, merged across outlets that print the same quote. */
export default defineCommand({
  name: 'quotes',
  description: 'Who said what, verbatim, merged across outlets',
  example: '/quotes kim',
  options: [{ name: 'speaker', description: 'Only quotes by this person or body', type: 'string', autocomplete: 'speaker', maxLength: 200 }],
  run(ctx, args) {
    const speaker = args.speaker as string | undefined;
    const index = ctx.index;
    const quotes = index.quotes({ speaker });
    const notes = [quotes.length === 0 ? (speaker ? `No quotes by "${speaker}". Try /quotes without a speaker to see who is quoted.` : 'No quotes found.') : `${quotes.length} quote${quotes.length === 1 ? '' : 's'}${speaker ? ` by "${speaker}"` : ''}.`];
    return answer('quotes', speaker ? `Quotes: ${speaker}` : 'Quotes', {
      notes,
      // statements are built for the page shown, a widely printed quote's once per index
      // (it has thousands of sources: the first page showing it pays for them); the JSON when it is read
      sections: [lazySection(quotes.length, (i) => keptStatement(index, 'quote statement', quotes[i]!, quoteStatement))],
      data: () => ({ quotes: quotes.map((q) => ({ speaker: q.speaker, text: q.text, sources: q.sources.map((s) => ({ article: s.article, quote: s.quote })) })) }),
    });
  },
});
