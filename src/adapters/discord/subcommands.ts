/**
 * Commands that Discord shows as subcommands. `/schedule` declares an `action`
 * option; on Discord it reads better as `/schedule add when:… command:…`, with
 * only the options each action takes (SCHEDULE_ACTIONS, declared with the command).
 * Used by both the adapter and deploy-commands, so the registered shape and the
 * parsing always agree.
 */
import { SCHEDULE_ACTIONS } from '../../../commands/schedule.js';
import type { SubcommandSpecs } from './commands.js';

export const DISCORD_SUBCOMMANDS: SubcommandSpecs = Object.freeze({
  schedule: { option: 'action', actions: SCHEDULE_ACTIONS },
});
