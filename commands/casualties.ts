import { defineCommand } from '../src/core/command.js';
import { CASUALTY_KINDS } from '../src/core/types.js';
import { figuresReply } from '../src/briefing/figureTable.js';

/** /casualties [topic]: who says how many were killed, wounded, missing or captured. */
export default defineCommand({
  name: 'casualties',
  description: 'Who says how many were killed, wounded, missing or captured, and when',
  example: '/casualties kursk',
  options: [{ name: 'topic', description: 'Limit to a place, side or name', type: 'string', autocomplete: 'topic', maxLength: 200 }],
  run: (ctx, args) => figuresReply('casualties', 'Casualty figures', ctx, CASUALTY_KINDS, args.topic as string | undefined),
});
