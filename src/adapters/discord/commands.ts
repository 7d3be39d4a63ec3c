/**
 * Command declarations -> Discord application command JSON, and back: interaction
 * options -> `CommandArgs`. Nothing is declared here that `commands/` does not
 * declare, except the `public` option every command gets on Discord.
 */
import type { CommandActions, CommandArgs, CommandDefinition, CommandOption } from '../../core/command.js';

/** Every command takes `public:true` to post for the channel; answers are ephemeral otherwise. */
export const PUBLIC_OPTION: CommandOption = Object.freeze({
  name: 'public',
  description: 'Post the answer for the whole channel (default: only you see it)',
  type: 'boolean',
});

/** Discord's application command option types. */
const OPTION_TYPE = Object.freeze({ string: 3, integer: 4, boolean: 5 } as const);

/** Manage Channels: commands marked admin are hidden from members without it (the dispatcher still checks). */
export const ADMIN_PERMISSION = '16';

export interface DiscordSubcommandJSON {
  type: 1;
  name: string;
  description: string;
  options: DiscordOptionJSON[];
}

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
  options: DiscordOptionJSON[] | DiscordSubcommandJSON[];
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
  const options = def.actions ? subcommandOptions(def, def.actions, problems) : optionList(def.options, problems);
  if (problems.length > 0) throw new CommandDeclarationError(`/${def.name}: ${problems.join('; ')}`);
  const json: DiscordCommandJSON = { type: 1, name: def.name, description: def.description, options };
  if (def.admin) json.default_member_permissions = ADMIN_PERMISSION;
  if (!opts.guildScoped) json.contexts = [0];
  return json;
}

/** Options plus `public`, required ones first (Discord requires that order). */
function optionList(declared: readonly CommandOption[], problems: string[]): DiscordOptionJSON[] {
  const all = declared.some((o) => o.name === PUBLIC_OPTION.name) ? declared : [...declared, PUBLIC_OPTION];
  if (all.length > 25) problems.push('at most 25 options');
  const options = all.map((o) => toDiscordOption(o, problems));
  options.sort((a, b) => Number(!!b.required) - Number(!!a.required));
  return options;
}

/** A command with `actions`: one Discord subcommand per action, with the options it takes. */
function subcommandOptions(def: CommandDefinition, spec: CommandActions, problems: string[]): DiscordSubcommandJSON[] {
  const choice = def.options.find((o) => o.name === spec.option);
  if (!choice) problems.push(`subcommand option "${spec.option}" is not declared`);
  return Object.entries(spec.takes).map(([action, names]) => {
    if (!NAME.test(action)) problems.push(`subcommand "${action}" must be 1-32 lowercase letters, digits, - or _`);
    const declared = names.flatMap((n) => {
      const o = def.options.find((x) => x.name === n);
      if (!o) problems.push(`subcommand ${action}: option "${n}" is not declared`);
      return o ? [o] : [];
    });
    const label = choice?.choices?.find((c) => c.value === action)?.name ?? action;
    const description = `${label[0]!.toUpperCase()}${label.slice(1)}: ${def.description}`;
    return { type: 1 as const, name: action, description: description.length > 100 ? description.slice(0, 99) + '…' : description, options: optionList(declared, problems) };
  });
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
      out.push(toDiscordCommand(def, { guildScoped: opts.guildScoped }));
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  if (defs.length > 100) errors.push('Discord allows at most 100 slash commands');
  if (errors.length > 0) throw new CommandDeclarationError(`Invalid command declarations:\n  - ${errors.join('\n  - ')}`);
  return out;
}

interface InteractionOption {
  name: string;
  type?: number;
  value?: string | number | boolean;
  options?: readonly InteractionOption[];
}

/**
 * Interaction options as the dispatcher wants them, with `public` taken out; a
 * subcommand (type 1) becomes the value of the command's action option (`action: 'add'`).
 */
export function splitPublic(options: readonly InteractionOption[], spec?: CommandActions): { args: CommandArgs; isPublic: boolean } {
  const args: CommandArgs = {};
  let isPublic = false;
  const take = (o: InteractionOption) => {
    if (o.name === PUBLIC_OPTION.name) isPublic = o.value === true;
    else args[o.name] = o.value;
  };
  for (const o of options) {
    if (o.type === 1 && spec) {
      args[spec.option] = o.name;
      (o.options ?? []).forEach(take);
    } else take(o);
  }
  return { args, isPublic };
}
