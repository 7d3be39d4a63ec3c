import { defineCommand } from '../src/core/command.js';
import { answer, lazySection, statement } from '../src/core/reply.js';

/** /timeline [topic]: what happened when, relative dates resolved against each article's own date. */
export default defineCommand({
  name: 'timeline',
  description: 'What happened when; relative dates resolved against each article’s date, never guessed',
  example: '/timeline',
  options: [{ name: 'topic', description: 'Limit to a place, side or name', type: 'string', autocomplete: 'topic', maxLength: 200 }],
  run(ctx, args) {
    const topic = args.topic as string | undefined;
    const { events, undated } = ctx.index.timeline({ topic });
    const notes: string[] = [];
    if (events.length === 0 && undated.length === 0) notes.push(topic ? `No dated events about "${topic}".` : 'No dated events found.');
    else notes.push(`${events.length} dated event${events.length === 1 ? '' : 's'}${undated.length ? `; ${undated.length} that cannot be dated (their article has no date, or they are relative to another event) are listed as written` : ''}.`);
    // statements are built for the page shown; the JSON when it is read
    const sections = [
      lazySection(events.length, (i) => {
        const e = events[i]!;
        return statement(`${e.date} — ${e.text}`, e.sources, [{ label: 'Date', value: e.date }, { label: 'As written', value: e.when }]);
      }, 'Dated'),
      lazySection(undated.length, (i) => {
        const e = undated[i]!;
        return statement(`“${e.when}” (undated) — ${e.text}`, e.sources, [{ label: 'As written', value: e.when }]);
      }, 'Undated'),
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
