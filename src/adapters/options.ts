/**
 * What every chat adapter is given, and the per-adapter state built from it the
 * same way on each platform: the clock, the reply store behind page buttons, the
 * shared work queue, the current index and the context a command runs in.
 */
import type { CommandContext, CommandDefinition } from '../core/command.js';
import type { ChannelInfo } from '../health.js';
import type { BriefingIndex } from '../index/briefingIndex.js';
import type { RateLimiter } from '../rateLimit.js';
import { ReplyStore } from '../render/replyStore.js';
import { Workload } from './workload.js';

export interface AdapterOptions {
  /** The loaded corpus; a function lets the process swap in a reloaded index. */
  index: BriefingIndex | (() => BriefingIndex);
  commands: readonly CommandDefinition[];
  now?: () => Date;
  /** Replies kept for their page buttons. */
  store?: ReplyStore;
  /** Extra context for commands (e.g. `{ schedules }`), merged into every `CommandContext`. */
  contextExtras?: () => object;
  /** Per-user and per-channel limits; a limited command gets "try again in N s". */
  rateLimiter?: RateLimiter;
  /** Where commands take turns and in-flight answers are counted (shared by every platform). */
  workload?: Workload;
}

export interface AdapterBasics {
  now: () => Date;
  store: ReplyStore;
  workload: Workload;
  index: () => BriefingIndex;
  /** The context a command typed by `userId` in `channel` runs in. */
  context(userId: string, isAdmin: boolean, channel: ChannelInfo): CommandContext & { channel: ChannelInfo };
}

/** Defaults filled in, and the command context built from the options. */
export function adapterBasics(opts: AdapterOptions): AdapterBasics {
  const now = opts.now ?? (() => new Date());
  const index = typeof opts.index === 'function' ? opts.index : () => opts.index as BriefingIndex;
  return {
    now,
    store: opts.store ?? new ReplyStore(),
    workload: opts.workload ?? new Workload(),
    index,
    context: (userId, isAdmin, channel) => ({
      ...opts.contextExtras?.(),
      index: index(),
      now: now(),
      user: { id: userId, isAdmin },
      commands: opts.commands,
      channel,
    }),
  };
}
