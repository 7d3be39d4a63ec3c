import { defineCommand } from '../src/core/command.js';
import { answer, lazySection, statement } from '../src/core/reply.js';

/** /quotes [speaker]: who said what, merged across outlets that print the same quote. */
export default defineCommand({
  name: 'quotes',
  description: 'Who said what, verbatim, merged across outlets',
  example: '/quotes kim',
  options: [{ name: 'speaker', description: 'Only quotes by this person or body', type: 'string', autocomplete: 'speaker', maxLength: 200 }],
  run(ctx, args) {
    const speaker = args.speaker as string | undefined;
    const quotes = ctx.index.quotes({ speaker });
    const notes = [quotes.length === 0 ? (speaker ? `No quotes by "${speaker}". Try /quotes without a speaker to see who is quoted.` : 'No quotes found.') : `${quotes.length} quote${quotes.length === 1 ? '' : 's'}${speaker ? ` by "${speaker}"` : ''}.`];
    return answer('quotes', speaker ? `Quotes: ${speaker}` : 'Quotes', {
      notes,
      // statements are built for the page shown; the JSON when it is read
      sections: [
        lazySection(quotes.length, (i) => {
          const q = quotes[i]!;
          return statement(`“${q.text}” — ${q.speaker ?? 'unattributed'}`, q.sources, [{ label: 'Speaker', value: q.speaker ?? 'unattributed' }]);
        }),
      ],
      data: () => ({ quotes: quotes.map((q) => ({ speaker: q.speaker, text: q.text, sources: q.sources.map((s) => ({ article: s.article, quote: s.quote })) })) }),
    });
  },
});
