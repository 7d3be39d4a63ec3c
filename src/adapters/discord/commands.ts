/**
 * Command declarations -> Discord application command JSON, and back: interaction
 * options -> `CommandArgs`. Nothing is declared here that `commands/` does not
 * declare, except the `public` option every command gets on Discord.
 */
import type { CommandArgs, CommandDefinition, CommandOption } from '../../core/command.js';

/** Every command takes `public:true` to post for the channel; answers are ephemeral otherwise. */
export const PUBLIC_OPTION: CommandOption = Object.freeze({
  name: 'public',
  description: 'Post the answer for the whole channel (default: only you see it)',
  type: 'boolean',
});

/** Discord's application command option types. */
const OPTION_TYPE = Object.freeze({ string: 3, integer: 4, boolean: 5 } as const);

/** ManageGuild: commands marked admin are hidden from members without it (the dispatcher still checks). */
export const ADMIN_PERMISSION = '32';

export interface DiscordOptionJSON {
  type: 3 | 4 | 5;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string }[];
  max_length?: number;
  min_value?: number;
  max_value?: number;
}

export interface DiscordCommandJSON {
  type: 1;
  name: string;
  description: string;
  options: DiscordOptionJSON[];
  default_member_permissions?: string;
  /** Guild only (0); absent on guild-scoped registration, which rejects the field. */
  contexts?: number[];
}

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

export class CommandDeclarationError extends Error {}

/**
 * Builds the slash-command JSON for one declaration; throws `CommandDeclarationError`
 * when the declaration breaks a Discord rule (so `deploy-commands` fails loudly
 * instead of Discord answering 400).
 *
 * @example toDiscordCommand(searchCommand).options[0] // { type: 3, name: 'query', required: true, ... }
 */
export function toDiscordCommand(def: CommandDefinition, opts: { guildScoped?: boolean } = {}): DiscordCommandJSON {
  const problems: string[] = [];
  if (!NAME.test(def.name)) problems.push(`name "${def.name}" must be 1-32 lowercase letters, digits, - or _`);
  if (!def.description || def.description.length > 100) problems.push(`description must be 1-100 characters`);
  const declared = def.options.some((o) => o.name === PUBLIC_OPTION.name) ? def.options : [...def.options, PUBLIC_OPTION];
  if (declared.length > 25) problems.push('at most 25 options');
  const options = declared.map((o) => toDiscordOption(o, problems));
  // Discord requires required options before optional ones.
  options.sort((a, b) => Number(!!b.required) - Number(!!a.required));
  if (problems.length > 0) throw new CommandDeclarationError(`/${def.name}: ${problems.join('; ')}`);
  const json: DiscordCommandJSON = { type: 1, name: def.name, description: def.description, options };
  if (def.admin) json.default_member_permissions = ADMIN_PERMISSION;
  if (!opts.guildScoped) json.contexts = [0];
  return json;
}

function toDiscordOption(o: CommandOption, problems: string[]): DiscordOptionJSON {
  if (!NAME.test(o.name)) problems.push(`option "${o.name}" must be 1-32 lowercase letters, digits, - or _`);
  if (!o.description || o.description.length > 100) problems.push(`option ${o.name}: description must be 1-100 characters`);
  if (o.autocomplete && o.choices) problems.push(`option ${o.name}: autocomplete and choices cannot be combined`);
  if (o.choices && o.choices.length > 25) problems.push(`option ${o.name}: at most 25 choices`);
  if ((o.autocomplete || o.choices || o.maxLength) && o.type !== 'string') problems.push(`option ${o.name}: autocomplete, choices and maxLength need a string option`);
  const json: DiscordOptionJSON = { type: OPTION_TYPE[o.type], name: o.name, description: o.description };
  if (o.required) json.required = true;
  if (o.autocomplete) json.autocomplete = true;
  if (o.choices) json.choices = o.choices.map((c) => ({ name: c.name, value: c.value }));
  if (o.maxLength !== undefined) json.max_length = Math.min(o.maxLength, 6000);
  if (o.minValue !== undefined) json.min_value = o.minValue;
  if (o.maxValue !== undefined) json.max_value = o.maxValue;
  return json;
}

/** All commands, as `PUT /applications/:app[/guilds/:g]/commands` expects. */
export function toDiscordCommands(defs: readonly CommandDefinition[], opts: { guildScoped?: boolean } = {}): DiscordCommandJSON[] {
  const errors: string[] = [];
  const out: DiscordCommandJSON[] = [];
  for (const def of defs) {
    try {
      out.push(toDiscordCommand(def, opts));
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  if (defs.length > 100) errors.push('Discord allows at most 100 slash commands');
  if (errors.length > 0) throw new CommandDeclarationError(`Invalid command declarations:\n  - ${errors.join('\n  - ')}`);
  return out;
}

/** Interaction options as the dispatcher wants them, with `public` taken out. */
export function splitPublic(options: readonly { name: string; value?: string | number | boolean }[]): { args: CommandArgs; isPublic: boolean } {
  const args: CommandArgs = {};
  let isPublic = false;
  for (const o of options) {
    if (o.name === PUBLIC_OPTION.name) isPublic = o.value === true;
    else args[o.name] = o.value;
  }
  return { args, isPublic };
}
