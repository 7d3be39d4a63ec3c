/**
 * Slack slash-command text -> command name and arguments.
 *
 * Slack gives one text string per invocation, so the grammar is small:
 *   /brief                          -> brief
 *   /brief casualties public        -> casualties, posted for the channel
 *   /brief search zelensky visit    -> search { query: 'zelensky visit' }
 *   /brief quotes speaker:"Kim Jong Un"
 *   /brief search troops limit:5    -> search { query: 'troops', limit: '5' }
 *   /brief north korea              -> brief { topic: 'north korea' } (not a command name)
 *   /casualties topic:kursk         -> per-command slash command, same grammar
 * Free text goes to the command's first required string option, else its first
 * string option. `public` as the last word (or `--public`) posts for the channel.
 */
import type { CommandArgs, CommandDefinition } from '../../core/command.js';
import { findCommand } from '../../dispatch.js';

/** The umbrella slash command: subcommands avoid name collisions in a workspace. */
export const UMBRELLA = 'brief';

export type ParsedSlash =
  | { ok: true; command: string; args: CommandArgs; isPublic: boolean; invokedAs: string }
  | { ok: false; command: string; message: string };

/** Splits on whitespace, keeping "quoted phrases" (straight or curly quotes) together. */
export function tokenize(text: string): { raw: string; value: string; quoted: boolean }[] {
  const tokens: { raw: string; value: string; quoted: boolean }[] = [];
  const re = /(\S*?)(?:"([^"]*)"|“([^”]*)”)|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[4] !== undefined) tokens.push({ raw: m[4], value: m[4], quoted: false });
    else tokens.push({ raw: m[0], value: (m[1] ?? '') + (m[2] ?? m[3] ?? ''), quoted: true });
  }
  return tokens;
}

/**
 * Parses what the user typed after `slash` (e.g. `/brief`); validation of values is
 * left to the dispatcher, which knows the declarations.
 *
 * @example parseSlashText('/brief', 'search zelensky public', commands)
 *   // { ok: true, command: 'search', args: { query: 'zelensky' }, isPublic: true, invokedAs: '/brief search' }
 */
export function parseSlashText(slash: string, text: string, commands: readonly CommandDefinition[]): ParsedSlash {
  const name = slash.replace(/^\//, '').toLowerCase();
  let tokens = tokenize(text.trim());
  let invokedAs = `/${name}`;
  let def: CommandDefinition;
  const direct = name !== UMBRELLA ? findCommand(commands, name) : undefined;
  if (direct) {
    def = direct;
  } else {
    const first = tokens[0];
    const sub = first && !first.quoted ? findCommand(commands, first.value) : undefined;
    const umbrella = findCommand(commands, UMBRELLA);
    if (sub) {
      def = sub;
      tokens = tokens.slice(1);
      invokedAs = `/${name} ${sub.name}`;
    } else if (umbrella) {
      def = umbrella;
    } else {
      const shown = first?.value.slice(0, 40) ?? '';
      return { ok: false, command: shown, message: `Unknown command "${shown}". Try /${name} help.` };
    }
  }

  let isPublic = false;
  const last = tokens[tokens.length - 1];
  if (last && !last.quoted && last.value.toLowerCase() === 'public') {
    isPublic = true;
    tokens = tokens.slice(0, -1);
  }

  // a command with its own grammar (`/brief schedule add daily 08:00 brief kursk`)
  const own = def.parseText;
  if (own) {
    const r = own(tokens.map((t) => t.raw).join(' '));
    return r.ok ? { ok: true, command: def.name, args: r.args, isPublic, invokedAs } : { ok: false, command: def.name, message: r.message };
  }

  const args: CommandArgs = {};
  const free: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.quoted && /^--?public$/i.test(t.value)) {
      isPublic = true;
      continue;
    }
    const named = /^(?:--)?([a-z][a-z0-9_-]*)[:=](.*)$/is.exec(t.value);
    if (named && def.options.some((o) => o.name === named[1]!.toLowerCase())) {
      const key = named[1]!.toLowerCase();
      if (key === 'public') isPublic = /^(true|yes|1)$/i.test(named[2]!);
      else args[key] = named[2]!;
      continue;
    }
    const flag = /^--([a-z][a-z0-9_-]*)$/i.exec(t.value);
    const opt = flag && !t.quoted ? def.options.find((o) => o.name === flag[1]!.toLowerCase()) : undefined;
    if (opt) {
      if (opt.type === 'boolean') args[opt.name] = true;
      else if (i + 1 < tokens.length) args[opt.name] = tokens[++i]!.value;
      else return { ok: false, command: def.name, message: `--${opt.name} needs a value. Example: ${def.example ?? `/${name} ${def.name} --${opt.name} ...`}` };
      continue;
    }
    free.push(t.value);
  }

  if (free.length > 0) {
    const target = def.options.find((o) => o.type === 'string' && o.required) ?? def.options.find((o) => o.type === 'string');
    if (!target) return { ok: false, command: def.name, message: `/${def.name} takes no text (got "${free.join(' ').slice(0, 40)}").` };
    if (args[target.name] !== undefined) return { ok: false, command: def.name, message: `${target.name} given twice: "${String(args[target.name]).slice(0, 40)}" and "${free.join(' ').slice(0, 40)}".` };
    args[target.name] = free.join(' ');
  }
  return { ok: true, command: def.name, args, isPublic, invokedAs };
}
