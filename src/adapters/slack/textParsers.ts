/**
 * Commands with their own Slack text grammar: `/brief schedule add daily 08:00
 * brief north korean troops tz:Europe/London` (the schedule's "when" holds spaces,
 * so the generic `name:value` grammar does not fit), and the actions of such
 * commands that only admins may run.
 */
import { SCHEDULE_ADMIN_ACTIONS } from '../../../commands/schedule.js';
import { scheduleArgsFromText } from '../../schedule/textArgs.js';
import type { AdminActionSpec } from './adapter.js';
import type { TextParser } from './parse.js';

export const SLACK_TEXT_PARSERS: Readonly<Record<string, TextParser>> = Object.freeze({
  schedule: scheduleArgsFromText,
});

/** For the adapter's `adminActions`: `/brief schedule add|remove|pause|resume` need admin rights; `list` does not. */
export const SLACK_ADMIN_ACTIONS: Readonly<Record<string, AdminActionSpec>> = Object.freeze({
  schedule: Object.freeze({ option: 'action', values: SCHEDULE_ADMIN_ACTIONS }),
});
