/**
 * Commands with their own Slack text grammar: `/brief schedule add daily 08:00
 * brief north korean troops tz:Europe/London` (the schedule's "when" holds spaces,
 * so the generic `name:value` grammar does not fit).
 */
import { scheduleArgsFromText } from '../../schedule/textArgs.js';
import type { TextParser } from './parse.js';

export const SLACK_TEXT_PARSERS: Readonly<Record<string, TextParser>> = Object.freeze({
  schedule: scheduleArgsFromText,
});
