/**
 * What the `/schedule` command asks of the schedule store, as a small interface
 * so the command can be tested with a fake and the store swapped without
 * touching it. Errors are values with the reply model's codes.
 */
import type { ErrorCode } from '../core/reply.js';
import { nextRunAfter } from './cron.js';
import { invocation } from './format.js';
import { parseSchedule } from './parse.js';
import type { ScheduleStore } from './store.js';
import type { ChannelRef, RunStatus, Schedule, ScheduledCommand } from './types.js';
import { resolveZone } from './zone.js';

export type ServiceResult<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

export interface ScheduleView {
  id: string;
  command: ScheduledCommand;
  topic: string | null;
  label: string;
  zone: string;
  cron: string;
  fullBrief: boolean;
  paused: boolean;
  pauseReason: string | null;
  createdBy: string;
  createdAt: Date;
  /** Null while paused. */
  nextRunAt: Date | null;
  lastRun: { dueAt: Date; status: RunStatus; error: string | null } | null;
}

export interface AddScheduleInput {
  channel: ChannelRef;
  createdBy: string;
  /** As typed: "daily 08:00", "every 2h", "0 8 * * 1-5". */
  when: string;
  command: ScheduledCommand;
  topic?: string | null;
  /** IANA name; defaults to the channel's zone (`zoneFor`, when the deployment has one), then the bot's (`TZ`). */
  timezone?: string | null;
  fullBrief?: boolean;
}

export interface ScheduleService {
  add(input: AddScheduleInput): Promise<ServiceResult<ScheduleView>>;
  /** The channel's schedules, oldest first. */
  list(channel: ChannelRef): Promise<ScheduleView[]>;
  remove(channel: ChannelRef, id: string): Promise<ServiceResult<ScheduleView>>;
  pause(channel: ChannelRef, id: string, by: string): Promise<ServiceResult<{ schedule: ScheduleView; changed: boolean }>>;
  resume(channel: ChannelRef, id: string): Promise<ServiceResult<{ schedule: ScheduleView; changed: boolean }>>;
}

export interface ScheduleServiceOptions {
  store: ScheduleStore;
  /** The bot's default zone (config `TZ`). */
  defaultZone: string;
  clock?: () => Date;
  /** A channel's configured zone, if any. */
  zoneFor?: (channel: ChannelRef) => string | undefined;
  /** Limit per channel, against accidental floods. */
  maxPerChannel?: number;
  /** Called after add/resume, e.g. `() => scheduler.wake()`. */
  onChange?: () => void;
}

export const TOPIC_MAX_LENGTH = 200;

/**
 * @example
 * const service = createScheduleService({ store, defaultZone: config.timeZone, onChange: () => scheduler.wake() });
 * await service.add({ channel, createdBy: 'U1', when: 'daily 08:00', command: 'brief' });
 */
export function createScheduleService(options: ScheduleServiceOptions): ScheduleService {
  const { store } = options;
  const clock = options.clock ?? (() => new Date());
  const maxPerChannel = options.maxPerChannel ?? 25;

  const view = (s: Schedule): ScheduleView => {
    const now = clock();
    const last = store.lastRun(s.id);
    const from = s.activeFrom > now ? s.activeFrom : now;
    return {
      id: s.id,
      command: s.command,
      topic: s.topic,
      label: s.label,
      zone: s.zone,
      cron: s.cron,
      fullBrief: s.fullBrief,
      paused: s.paused,
      pauseReason: s.pauseReason,
      createdBy: s.createdBy,
      createdAt: s.createdAt,
      nextRunAt: s.paused ? null : nextRunAfter(s.cron, s.zone, from),
      lastRun: last ? { dueAt: last.dueAt, status: last.status, error: last.error } : null,
    };
  };

  const notFound = (channel: ChannelRef, id: string): { ok: false; code: ErrorCode; message: string } => ({
    ok: false,
    code: 'not-found',
    message: `No schedule "${id.trim().slice(0, 20)}" in this channel. See ${invocation(channel.platform, 'list')}.`,
  });

  /** A schedule of this channel; other channels' ids read as unknown. */
  const find = (channel: ChannelRef, id: string): ServiceResult<Schedule> => {
    const s = store.getSchedule(id);
    if (!s || s.platform !== channel.platform || s.workspaceId !== channel.workspaceId || s.channelId !== channel.channelId) {
      return notFound(channel, id);
    }
    return { ok: true, value: s };
  };

  return {
    async add(input) {
      const now = clock();
      const topic = input.topic?.trim() || null;
      if (topic && topic.length > TOPIC_MAX_LENGTH) {
        return { ok: false, code: 'bad-argument', message: `The topic is too long (${topic.length} characters; at most ${TOPIC_MAX_LENGTH}).` };
      }
      const zoneName = input.timezone?.trim() || options.zoneFor?.(input.channel) || options.defaultZone;
      const zone = resolveZone(zoneName);
      if (!zone.ok) return { ok: false, code: 'bad-argument', message: zone.message };
      const parsed = parseSchedule(input.when, zone.zone, now);
      if (!parsed.ok) return { ok: false, code: 'bad-argument', message: parsed.message };
      const existing = store.listSchedules(input.channel);
      const same = existing.find(
        (s) => s.command === input.command && s.topic === topic && s.cron === parsed.spec.cron && s.zone === parsed.spec.zone,
      );
      if (same) {
        return { ok: false, code: 'bad-argument', message: `Schedule ${same.id} already posts /${same.command}${topic ? ` ${topic}` : ''} ${same.label} here.` };
      }
      if (existing.length >= maxPerChannel) {
        return { ok: false, code: 'bad-argument', message: `This channel already has ${existing.length} schedules (the limit is ${maxPerChannel}). Remove one first.` };
      }
      const s = store.insertSchedule(
        {
          platform: input.channel.platform,
          workspaceId: input.channel.workspaceId,
          channelId: input.channel.channelId,
          createdBy: input.createdBy,
          command: input.command,
          topic,
          cron: parsed.spec.cron,
          zone: parsed.spec.zone,
          label: parsed.spec.label,
          fullBrief: input.fullBrief ?? false,
        },
        now,
      );
      options.onChange?.();
      return { ok: true, value: view(s) };
    },

    async list(channel) {
      return store.listSchedules(channel).map(view);
    },

    async remove(channel, id) {
      const found = find(channel, id);
      if (!found.ok) return found;
      const before = view(found.value);
      store.deleteSchedule(found.value.id);
      return { ok: true, value: before };
    },

    async pause(channel, id, by) {
      const found = find(channel, id);
      if (!found.ok) return found;
      if (found.value.paused) return { ok: true, value: { schedule: view(found.value), changed: false } };
      const s = store.setPaused(found.value.id, true, `paused by user ${by}`, clock());
      return s ? { ok: true, value: { schedule: view(s), changed: true } } : notFound(channel, id);
    },

    async resume(channel, id) {
      const found = find(channel, id);
      if (!found.ok) return found;
      if (!found.value.paused) return { ok: true, value: { schedule: view(found.value), changed: false } };
      const s = store.setPaused(found.value.id, false, null, clock());
      options.onChange?.();
      return s ? { ok: true, value: { schedule: view(s), changed: true } } : notFound(channel, id);
    },
  };
}
