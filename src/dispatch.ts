/**
 * The one place a command runs. Every adapter (console, CLI, Discord, Slack,
 * scheduler) calls `dispatch`; it validates arguments against the declaration,
 * checks admin rights server-side, and turns any throw into an apology with an
 * error id that matches a log line. No stack trace reaches a user.
 */
import { randomBytes } from 'node:crypto';
import type { CommandArgs, CommandContext, CommandDefinition } from './core/command.js';
import { errorReply, type Reply } from './core/reply.js';
import { log } from './log.js';

export function findCommand(commands: readonly CommandDefinition[], name: string): CommandDefinition | undefined {
  const n = name.replace(/^\//, '').toLowerCase();
  return commands.find((c) => c.name === n);
}

/** Checks and coerces raw arguments; returns an error message or the clean args. */
export function validateArgs(def: CommandDefinition, raw: CommandArgs): { ok: true; args: CommandArgs } | { ok: false; message: string } {
  const args: CommandArgs = {};
  for (const opt of def.options) {
    let v = raw[opt.name];
    if (typeof v === 'string') {
      // Strip zero-width and control characters; collapse whitespace.
      v = v.replace(/[\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
      if (v === '') v = undefined;
    }
    if (v === undefined) {
      if (opt.required) return { ok: false, message: `/${def.name} needs ${opt.name}: ${opt.description}. Example: ${def.example ?? '/' + def.name + ' <' + opt.name + '>'}` };
      continue;
    }
    if (opt.type === 'integer') {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isInteger(n)) return { ok: false, message: `${opt.name} must be a whole number, not "${String(v).slice(0, 40)}".` };
      if (opt.minValue !== undefined && n < opt.minValue) return { ok: false, message: `${opt.name} must be at least ${opt.minValue}.` };
      if (opt.maxValue !== undefined && n > opt.maxValue) return { ok: false, message: `${opt.name} must be at most ${opt.maxValue}.` };
      v = n;
    } else if (opt.type === 'boolean') {
      v = v === true || v === 'true' || v === 'yes' || v === '1';
    } else {
      v = String(v);
      if (opt.maxLength !== undefined && v.length > opt.maxLength) {
        return { ok: false, message: `${opt.name} is too long (${v.length} characters; at most ${opt.maxLength}).` };
      }
      if (opt.choices && !opt.choices.some((c) => c.value === v)) {
        return { ok: false, message: `${opt.name} must be one of: ${opt.choices.map((c) => c.value).join(', ')}.` };
      }
    }
    args[opt.name] = v;
  }
  for (const k of Object.keys(raw)) {
    if (!def.options.some((o) => o.name === k) && raw[k] !== undefined) {
      return { ok: false, message: `/${def.name} has no option "${k.slice(0, 40)}". Options: ${def.options.map((o) => o.name).join(', ') || 'none'}.` };
    }
  }
  return { ok: true, args };
}

export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export async function dispatch(ctx: CommandContext, name: string, raw: CommandArgs): Promise<Reply> {
  const def = findCommand(ctx.commands, name);
  const shown = name.replace(/^\//, '').slice(0, 40);
  if (!def) {
    return errorReply(shown, 'not-found', `Unknown command "/${shown}". Try /help for the list of commands.`);
  }
  const checked = validateArgs(def, raw);
  if (!checked.ok) return errorReply(def.name, 'bad-argument', checked.message);
  if (def.admin && !ctx.user?.isAdmin) {
    return errorReply(def.name, 'forbidden', `/${def.name} is for channel admins only.`);
  }
  try {
    return await def.run(ctx, checked.args);
  } catch (err) {
    return failureReply(def.name, err);
  }
}

/**
 * The apology for a command that threw: an error id for the member, the same id
 * with the error in a log line. Also for adapters, should anything around a
 * command fail.
 */
export function failureReply(command: string, err: unknown): Reply {
  const errorId = newErrorId();
  log.error('command failed', { errorId, command, err });
  return { ...errorReply(command, 'internal', `Sorry, /${command} failed. Error id ${errorId}; the team can find it in the logs.`), errorId };
}
