/**
 * The nouns of scheduled posts. Platform-free: a schedule names its channel by
 * platform and ids, and adapters do the posting.
 */

export type SchedulePlatform = 'discord' | 'slack';

/** Commands whose answer can be posted on a schedule. */
export const SCHEDULED_COMMANDS = Object.freeze(['brief', 'casualties', 'timeline', 'figures'] as const);
export type ScheduledCommand = (typeof SCHEDULED_COMMANDS)[number];

export function isScheduledCommand(name: string): name is ScheduledCommand {
  return (SCHEDULED_COMMANDS as readonly string[]).includes(name);
}

/** Where a command was typed; `console` and the CLI have no channel to post to. */
export interface ChannelContext {
  platform: SchedulePlatform | 'console';
  /** Discord guild id or Slack team id. */
  workspaceId: string;
  channelId: string;
}

export interface ChannelRef extends ChannelContext {
  platform: SchedulePlatform;
}

export interface Schedule {
  /** Short human id ("k7p2xq"), unique across the database. */
  id: string;
  platform: SchedulePlatform;
  workspaceId: string;
  channelId: string;
  createdBy: string;
  command: ScheduledCommand;
  topic: string | null;
  cron: string;
  /** IANA zone the cron is read in. */
  zone: string;
  label: string;
  /** Post the whole answer even when nothing changed. */
  fullBrief: boolean;
  paused: boolean;
  pauseReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
  /** Runs are due only after this instant: creation, or the last resume. */
  activeFrom: Date;
}

/**
 * - `claimed`: one scheduler owns the run and may be posting it. Never posted again,
 *   even if that scheduler died: a post that might have gone out is not repeated.
 * - `retrying`: the last attempt certainly did not post and may be retried by any
 *   scheduler once `nextAttemptAt` passes.
 * - `posted`, `failed`, `skipped` (missed beyond the grace period): final.
 */
export type RunStatus = 'claimed' | 'retrying' | 'posted' | 'failed' | 'skipped';

export interface RunRecord {
  id: number;
  scheduleId: string;
  dueAt: Date;
  claimedBy: string;
  claimedAt: Date;
  status: RunStatus;
  attempts: number;
  error: string | null;
  postedAt: Date | null;
  nextAttemptAt: Date | null;
}
