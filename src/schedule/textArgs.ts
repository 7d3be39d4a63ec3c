/**
 * Reads `/schedule` arguments typed as one line of text, for Slack
 * (`/brief schedule add daily 08:00 brief north korean troops tz:Europe/London`)
 * and the console. The schedule's own text may hold spaces, so it runs up to the
 * first command name; everything after it is the topic, apart from `tz:<zone>`
 * (or `timezone:<zone>`) anywhere and a trailing `full`.
 */
import type { CommandArgs } from '../core/command.js';
import { SCHEDULED_COMMANDS, isScheduledCommand } from './types.js';

export const SCHEDULE_TEXT_USAGE =
  `Usage: schedule add <when> <${SCHEDULED_COMMANDS.join('|')}> [topic] [tz:<zone>] [full] | schedule list | schedule remove|pause|resume <id>`;

/**
 * @example scheduleArgsFromText('add weekdays 07:30 casualties kursk tz:Europe/Kyiv')
 * // { ok: true, args: { action: 'add', when: 'weekdays 07:30', command: 'casualties', topic: 'kursk', timezone: 'Europe/Kyiv' } }
 */
export function scheduleArgsFromText(text: string): { ok: true; args: CommandArgs } | { ok: false; message: string } {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens[0]?.toLowerCase() === 'schedule') tokens.shift();
  const action = tokens.shift()?.toLowerCase() ?? 'list';
  switch (action) {
    case 'list':
      return tokens.length === 0 ? { ok: true, args: { action } } : { ok: false, message: SCHEDULE_TEXT_USAGE };
    case 'remove':
    case 'pause':
    case 'resume':
      return tokens.length === 1 ? { ok: true, args: { action, id: tokens[0] } } : { ok: false, message: `Usage: schedule ${action} <id>` };
    case 'add':
      return addArgs(tokens);
    default:
      return { ok: false, message: `Unknown action "${action.slice(0, 20)}". ${SCHEDULE_TEXT_USAGE}` };
  }
}

function addArgs(tokens: string[]): { ok: true; args: CommandArgs } | { ok: false; message: string } {
  const args: CommandArgs = { action: 'add' };
  const rest: string[] = [];
  for (const t of tokens) {
    const tz = /^(?:tz|timezone):(.+)$/i.exec(t);
    if (tz) args.timezone = tz[1];
    else rest.push(t);
  }
  const last = rest[rest.length - 1]?.toLowerCase();
  if (last === 'full' || last === '--full') {
    args.full = true;
    rest.pop();
  }
  const at = rest.findIndex((t) => isScheduledCommand(t.toLowerCase()));
  if (at <= 0) return { ok: false, message: at === 0 ? `Say when before the command. ${SCHEDULE_TEXT_USAGE}` : SCHEDULE_TEXT_USAGE };
  args.when = rest.slice(0, at).join(' ');
  args.command = rest[at]!.toLowerCase();
  const topic = rest.slice(at + 1).join(' ');
  if (topic) args.topic = topic;
  return { ok: true, args };
}
