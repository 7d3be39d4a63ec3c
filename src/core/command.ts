/**
 * A command is data plus a function. Discord's slash-command builder, the Slack
 * manifest, the console help and the CLI are all generated from these
 * declarations: nothing is declared twice.
 */
import type { Reply } from './reply.js';
import type { BriefingIndex } from '../index/briefingIndex.js';
import type { ScheduleService } from '../schedule/service.js';
import type { ReloadResult } from '../index/live.js';

export type OptionType = 'string' | 'integer' | 'boolean';

/** What an option's autocomplete draws from. */
export type AutocompleteSource = 'topic' | 'speaker' | 'entity';

export interface CommandOption {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  autocomplete?: AutocompleteSource;
  choices?: readonly { name: string; value: string }[];
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

export interface CommandContext {
  index: BriefingIndex;
  /** Injected clock: the core never reads the system time itself. */
  now: Date;
  /** Who is asking, for admin checks; absent in the CLI. */
  user?: { id: string; isAdmin: boolean };
  /** All command definitions, for /help. */
  commands: readonly CommandDefinition[];
  /** Where the command was typed; absent in the CLI. */
  channel?: { platform: 'discord' | 'slack' | 'console'; workspaceId: string; channelId: string };
  /** Scheduled posts, where the deployment runs them. */
  schedules?: ScheduleService;
  /** The live corpus, where the deployment watches its folder (for /reload). */
  corpus?: { reload(reason?: string): Promise<ReloadResult> };
}

export type CommandArgs = Record<string, string | number | boolean | undefined>;

/**
 * A choice option whose values are actions, each taking some of the other
 * options (`/schedule add when:… command:…`). Discord shows the actions as
 * subcommands with only the options each takes; on Slack, only an invocation of
 * an `adminOnly` action makes the bot ask whether the member is a workspace
 * admin (the command itself still checks `ctx.user.isAdmin`).
 */
export interface CommandActions {
  /** The choice option that names the action. */
  option: string;
  /** For each action, the options it takes. */
  takes: Readonly<Record<string, readonly string[]>>;
  /** Actions only admins may run. */
  adminOnly?: readonly string[];
}

/** A command's own one-line text grammar, where `name:value` does not fit (Slack: `/brief schedule add daily 08:00 brief kursk`). */
export type TextParser = (text: string) => { ok: true; args: CommandArgs } | { ok: false; message: string };

export interface CommandDefinition {
  name: string;
  description: string;
  options: readonly CommandOption[];
  /** Shown in /help: one example invocation. */
  example?: string;
  /** Only channel/workspace admins may run it (checked server-side by the dispatcher). */
  admin?: boolean;
  /** Its choice option `actions.option` picks an action (see `CommandActions`). */
  actions?: CommandActions;
  /** Reads the text typed after the command on Slack, instead of the generic grammar. */
  parseText?: TextParser;
  run(ctx: CommandContext, args: CommandArgs): Reply | Promise<Reply>;
}

/** Identity helper that keeps literal types of a definition. */
export function defineCommand(def: CommandDefinition): CommandDefinition {
  return Object.freeze({ ...def, options: Object.freeze([...def.options]) });
}
