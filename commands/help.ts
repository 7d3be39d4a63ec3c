import { defineCommand } from '../src/core/command.js';
import { answer } from '../src/core/reply.js';

/** /help: every command, generated from the same declarations the platforms use. */
export default defineCommand({
  name: 'help',
  description: 'What Briefbot can do',
  example: '/help',
  options: [],
  run(ctx) {
    const notes = ['Briefbot answers from the articles loaded in its corpus; every statement cites the articles that say it.'];
    for (const c of ctx.commands) {
      const opts = c.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`)).join(' ');
      notes.push(`/${c.name}${opts ? ' ' + opts : ''} — ${c.description}${c.example ? ` (e.g. ${c.example})` : ''}${c.admin ? ' [admins]' : ''}`);
    }
    return answer('help', 'Briefbot commands', {
      notes,
      data: { commands: ctx.commands.map((c) => ({ name: c.name, description: c.description, options: c.options.map((o) => ({ name: o.name, description: o.description, type: o.type, required: !!o.required })) })) },
    });
  },
});
