import { defineCommand } from '../src/core/command.js';
import { answer, statement } from '../src/core/reply.js';
import { independentReports, perIndex } from '../src/index/briefingIndex.js';

/** /brief [topic]: the story in 5-8 sourced points. */
export default defineCommand({
  name: 'brief',
  description: 'The story in 5-8 points, each with its sources; disagreements stated',
  example: '/brief casualties',
  options: [{ name: 'topic', description: 'Brief on one aspect, place or person', type: 'string', autocomplete: 'topic', maxLength: 200 }],
  run(ctx, args) {
    const topic = args.topic as string | undefined;
    const points = ctx.index.brief({ topic });
    const articles = ctx.index.articles();
    const groups = independentReports(ctx.index);
    const notes: string[] = [];
    if (points.length === 0) {
      notes.push(
        articles.length === 0
          ? 'No articles are loaded. Add .txt, .md or .html files to the corpus folder.'
          : `Nothing in the ${articles.length} articles matches "${topic}". Try /search or a broader topic.`,
      );
    } else {
      notes.push(`From ${articles.length} article${articles.length === 1 ? '' : 's'} (${groups} independent report${groups === 1 ? '' : 's'})${topic ? `, on "${topic}"` : ''}.`);
    }
    // a point can cite thousands of wire copies: the default brief's statements are built once per corpus
    const build = () => points.map((p) => statement(p.text, p.sources));
    const statements = topic ? build() : perIndex(ctx.index, 'default brief statements', build);
    return answer('brief', topic ? `Brief: ${topic}` : 'Brief', {
      notes,
      sections: [{ statements }],
      data: () => ({ points: points.map((p) => ({ text: p.text, sources: p.sources.map((s) => ({ article: s.article, quote: s.quote, publisher: s.publisher, date: s.date })) })) }),
    });
  },
});
