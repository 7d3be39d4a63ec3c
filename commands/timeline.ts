import { defineCommand } from '../src/core/command.js';
import { answer, lazySection } from '../src/core/reply.js';
import { eventStatement, keptStatement, undatedStatement } from '../src/briefing/present.js';

/** /timeline [topic]: what happened when, relative dates resolved against each article's own date. */
export default defineCommand({
  name: 'timeline',
  description: 'What happened when; relative dates resolved against each article’s date, never guessed',
  example: '/timeline',
  options: [{ name: 'topic', description: 'Limit to a place, side or name', type: 'string', autocomplete: 'topic', maxLength: 200 }],
  run(ctx, args) {
    const topic = args.topic as string | undefined;
    const index = ctx.index;
    const { events, undated } = index.timeline({ topic });
    const notes: string[] = [];
    if (events.length === 0 && undated.length === 0) notes.push(topic ? `No dated events about "${topic}".` : 'No dated events found.');
    else notes.push(`${events.length} dated event${events.length === 1 ? '' : 's'}${undated.length ? `; ${undated.length} that cannot be dated (their article has no date, or they are relative to another event) are listed as written` : ''}.`);
    // statements are built for the page shown, a widely printed event's once per index; the JSON when it is read
    const sections = [
      lazySection(events.length, (i) => keptStatement(index, 'event statement', events[i]!, eventStatement), 'Dated'),
      lazySection(undated.length, (i) => keptStatement(index, 'undated statement', undated[i]!, undatedStatement), 'Undated'),
    ];
    return answer('timeline', topic ? `Timeline: ${topic}` : 'Timeline', {
      notes,
      sections: sections.filter((s) => s.size > 0),
      data: () => ({
        events: events.map((e) => ({ date: e.date, text: e.text, when: e.when, sources: e.sources.map((s) => ({ article: s.article, quote: s.quote })) })),
        undated: undated.map((e) => ({ when: e.when, text: e.text, sources: e.sources.map((s) => ({ article: s.article, quote: s.quote })) })),
      }),
    });
  },
});
