import { defineCommand } from '../src/core/command.js';
import type { FigureKind } from '../src/core/types.js';
import { figuresReply } from '../src/briefing/figureTable.js';

const KINDS = ['killed', 'wounded', 'casualties', 'missing', 'captured', 'deployed', 'displaced'] as const;

/** /figures [topic] [kind]: every stated number about people, by kind. */
export default defineCommand({
  name: 'figures',
  description: 'All stated figures about people: casualties, troops deployed, displaced',
  example: '/figures deployed',
  options: [
    { name: 'topic', description: 'Limit to a place, side or name', type: 'string', autocomplete: 'topic', maxLength: 200 },
    { name: 'kind', description: 'Only one kind of figure', type: 'string', choices: KINDS.map((k) => ({ name: k, value: k })) },
  ],
  run: (ctx, args) =>
    figuresReply('figures', 'Figures', ctx, args.kind ? [args.kind as FigureKind] : undefined, args.topic as string | undefined),
});
