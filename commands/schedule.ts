/**
 * /schedule: scheduled posts of a command's answer to the current channel.
 *
 * One definition for every platform: its `actions` declaration turns `action`
 * into Discord subcommands (`SCHEDULE_ACTIONS` says which options each takes),
 * and its `parseText` reads Slack's `/brief schedule add daily 08:00 brief
 * ukraine` (`scheduleArgsFromText`).
 * Listing is open to everyone; adding, removing, pausing and resuming need
 * channel-admin rights, checked here on the server. (On Discord the command
 * carries no default member permissions: they apply to a whole command, and
 * would hide `list` from the members who may use it; see docs/schedules.md.)
 */
import { defineCommand, type CommandContext } from '../src/core/command.js';
import { answer, errorReply, type Reply } from '../src/core/reply.js';
import { formatRunTime, invocation } from '../src/schedule/format.js';
import { TOPIC_MAX_LENGTH, type ScheduleService, type ScheduleView } from '../src/schedule/service.js';
import { scheduleArgsFromText } from '../src/schedule/textArgs.js';
import { SCHEDULED_COMMANDS, isScheduledCommand, type ChannelRef } from '../src/schedule/types.js';


export const SCHEDULE_ACTIONS = Object.freeze({
  add: Object.freeze(['when', 'command', 'topic', 'timezone', 'full']),
  list: Object.freeze([] as string[]),
  remove: Object.freeze(['id']),
  pause: Object.freeze(['id']),
  resume: Object.freeze(['id']),
} as const);
export type ScheduleAction = keyof typeof SCHEDULE_ACTIONS;

/** What `/schedule` reads from its context: `channel`, `user` and `schedules` (tests build it by hand). */
export type ScheduleCommandContext = CommandContext;

/** Actions only channel admins may run. */
export const SCHEDULE_ADMIN_ACTIONS: readonly ScheduleAction[] = Object.freeze(['add', 'remove', 'pause', 'resume']);

export const scheduleCommand = defineCommand({
  name: 'schedule',
  description: 'Post a command’s answer to this channel on a schedule',
  example: '/schedule add when:daily 08:00 command:brief topic:north korean troops',
  actions: { option: 'action', takes: SCHEDULE_ACTIONS, adminOnly: SCHEDULE_ADMIN_ACTIONS },
  parseText: scheduleArgsFromText,
  options: [
    {
      name: 'action',
      description: 'add, list, remove, pause or resume',
      type: 'string',
      required: true,
      choices: Object.keys(SCHEDULE_ACTIONS).map((a) => ({ name: a, value: a })),
    },
    { name: 'when', description: 'daily 08:00, weekdays 07:30, every 2h, or a cron expression', type: 'string', maxLength: 100 },
    {
      name: 'command',
      description: 'The command whose answer is posted',
      type: 'string',
      choices: SCHEDULED_COMMANDS.map((c) => ({ name: c, value: c })),
    },
    { name: 'topic', description: 'Limit the answer to a topic', type: 'string', autocomplete: 'topic', maxLength: TOPIC_MAX_LENGTH },
    { name: 'timezone', description: 'IANA time zone, e.g. Europe/London (default: the bot’s TZ setting)', type: 'string', maxLength: 64 },
    { name: 'id', description: 'Schedule id, as /schedule list shows it', type: 'string', maxLength: 20 },
    { name: 'full', description: 'Post the full answer even when nothing changed', type: 'boolean' },
  ],
  async run(ctx, args): Promise<Reply> {
    const { channel, schedules, user } = ctx;
    const action = String(args.action) as ScheduleAction;
    if (!schedules) return errorReply('schedule', 'unavailable', 'Scheduled posts are not switched on for this bot.');
    if (!channel || channel.platform === 'console') {
      return errorReply('schedule', 'unavailable', 'Scheduled posts go to a Discord or Slack channel; run /schedule in the channel that should get them.');
    }
    const where: ChannelRef = { ...channel, platform: channel.platform };
    if (SCHEDULE_ADMIN_ACTIONS.includes(action) && !user?.isAdmin) {
      return errorReply(
        'schedule',
        'forbidden',
        `Only members who can manage this channel can ${action} schedules. Anyone can see them with ${invocation(where.platform, 'list')}.`,
      );
    }
    switch (action) {
      case 'list':
        return listReply(where, await schedules.list(where));
      case 'add':
        return add(where, schedules, user?.id ?? 'unknown', args);
      case 'remove':
      case 'pause':
      case 'resume':
        return changeOne(where, schedules, action, user?.id ?? 'unknown', args.id);
      default:
        return errorReply('schedule', 'bad-argument', `Unknown action "${String(action).slice(0, 20)}". Use add, list, remove, pause or resume.`);
    }
  },
});

export default scheduleCommand;

async function add(channel: ChannelRef, schedules: ScheduleService, userId: string, args: Record<string, unknown>): Promise<Reply> {
  const when = typeof args.when === 'string' ? args.when : undefined;
  const command = typeof args.command === 'string' ? args.command : undefined;
  const example = channel.platform === 'slack' ? '/brief schedule add daily 08:00 brief' : '/schedule add when:daily 08:00 command:brief';
  if (!when) return errorReply('schedule', 'bad-argument', `Say when to post, e.g. ${example}.`);
  if (!command || !isScheduledCommand(command)) {
    return errorReply('schedule', 'bad-argument', `Say which command to post (${SCHEDULED_COMMANDS.join(', ')}), e.g. ${example}.`);
  }
  const result = await schedules.add({
    channel,
    createdBy: userId,
    when,
    command,
    topic: typeof args.topic === 'string' ? args.topic : null,
    timezone: typeof args.timezone === 'string' ? args.timezone : null,
    fullBrief: args.full === true,
  });
  if (!result.ok) return errorReply('schedule', result.code, result.message);
  const s = result.value;
  return answer('schedule', 'Schedule added', {
    notes: [
      `Schedule ${s.id}: ${describe(s)}.`,
      s.nextRunAt ? `First post: ${formatRunTime(s.nextRunAt, s.zone)}.` : 'It has no upcoming run.',
      s.fullBrief
        ? 'Each post gives the full answer, with what changed since the previous post.'
        : 'Each post says what changed since the previous one, or just "nothing new" when nothing did.',
    ],
    data: { schedule: viewData(s) },
  });
}

async function changeOne(channel: ChannelRef, schedules: ScheduleService, action: 'remove' | 'pause' | 'resume', userId: string, rawId: unknown): Promise<Reply> {
  const id = typeof rawId === 'string' ? rawId.trim() : '';
  if (!id) return errorReply('schedule', 'bad-argument', `Give the id of the schedule to ${action}; ${invocation(channel.platform, 'list')} shows them.`);
  if (action === 'remove') {
    const r = await schedules.remove(channel, id);
    if (!r.ok) return errorReply('schedule', r.code, r.message);
    return answer('schedule', 'Schedule removed', { notes: [`Removed schedule ${r.value.id}: ${describe(r.value)}.`], data: { removed: viewData(r.value) } });
  }
  const r = action === 'pause' ? await schedules.pause(channel, id, userId) : await schedules.resume(channel, id);
  if (!r.ok) return errorReply('schedule', r.code, r.message);
  const { schedule: s, changed } = r.value;
  const notes =
    action === 'pause'
      ? [changed ? `Paused schedule ${s.id}: ${describe(s)}.` : `Schedule ${s.id} was already paused.`, `Turn it back on with ${invocation(channel.platform, 'resume', s.id)}.`]
      : [
          changed ? `Resumed schedule ${s.id}: ${describe(s)}.` : `Schedule ${s.id} was not paused.`,
          s.nextRunAt ? `Next post: ${formatRunTime(s.nextRunAt, s.zone)}.` : 'It has no upcoming run.',
        ];
  return answer('schedule', action === 'pause' ? 'Schedule paused' : 'Schedule resumed', { notes, data: { schedule: viewData(s), changed } });
}

function listReply(channel: ChannelRef, views: ScheduleView[]): Reply {
  if (views.length === 0) {
    const how = channel.platform === 'slack' ? '/brief schedule add daily 08:00 brief' : '/schedule add when:daily 08:00 command:brief';
    return answer('schedule', 'Scheduled posts in this channel', { notes: [`No scheduled posts here yet. Add one with ${how}.`], data: { schedules: [] } });
  }
  const notes = views.map((s) => {
    const state = s.paused
      ? `paused${s.pauseReason ? ` (${s.pauseReason})` : ''}`
      : s.nextRunAt
        ? `next ${formatRunTime(s.nextRunAt, s.zone)}`
        : 'no upcoming run';
    const last = s.lastRun && s.lastRun.status === 'failed' ? `; last post failed: ${s.lastRun.error ?? 'unknown error'}` : '';
    return `${s.id}: ${describe(s)}; ${state}${last}`;
  });
  return answer('schedule', 'Scheduled posts in this channel', { notes, data: { schedules: views.map(viewData) } });
}

/** "/brief north korean troops, daily at 08:00 (Europe/London)", plus ", full answer" for full-brief schedules. */
function describe(s: ScheduleView): string {
  return `/${s.command}${s.topic ? ` ${s.topic}` : ''}, ${s.label} (${s.zone})${s.fullBrief ? ', full answer' : ''}`;
}

function viewData(s: ScheduleView): Record<string, unknown> {
  return {
    ...s,
    createdAt: s.createdAt.toISOString(),
    nextRunAt: s.nextRunAt?.toISOString() ?? null,
    lastRun: s.lastRun ? { ...s.lastRun, dueAt: s.lastRun.dueAt.toISOString() } : null,
  };
}
