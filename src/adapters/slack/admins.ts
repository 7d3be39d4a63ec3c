/**
 * Who is an admin on Slack: the members listed in `SLACK_ADMIN_USER_IDS`, plus
 * workspace admins and owners as Slack reports them (`users.info`: `is_admin`,
 * `is_owner`, `is_primary_owner`; needs the `users:read` scope).
 *
 * Slack is asked only when an invocation needs admin rights and the member is not
 * on the list, once per member per `ttlMs` (concurrent questions share one call).
 * If Slack cannot say (missing scope, rate limit, network), the answer is "not an
 * admin" for `failureTtlMs` and one warning is logged per kind of failure: a
 * lookup failure never grants rights.
 */
import { log } from '../../log.js';

/** The parts of a `users.info` user that make an admin. */
export interface SlackUserFlags {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

export interface SlackAdminsOptions {
  /** `SLACK_ADMIN_USER_IDS`: admins whatever Slack says. */
  allowList: readonly string[];
  /** `users.info` for one member; throws when Slack does not answer `ok`. */
  lookup: (teamId: string, userId: string) => Promise<SlackUserFlags | undefined>;
  /** How long Slack's answer is kept (default 10 minutes). */
  ttlMs?: number;
  /** How long a failed lookup counts as "not an admin" (default 1 minute). */
  failureTtlMs?: number;
  now?: () => number;
}

export interface SlackAdmins {
  /** True for listed members, and for workspace admins and owners. */
  isAdmin(teamId: string, userId: string): Promise<boolean>;
  /** True for listed members; never asks Slack. */
  isListed(userId: string): boolean;
}

export const SLACK_ADMIN_DEFAULTS = Object.freeze({ ttlMs: 10 * 60_000, failureTtlMs: 60_000, maxEntries: 5_000 });

/**
 * @example
 * const admins = createSlackAdmins({ allowList: config.adminUserIds, lookup: async (team, user) => (await client.users.info({ user })).user });
 * await admins.isAdmin('T0NEWSROOM', 'U0EDITOR'); // true for a workspace admin
 */
export function createSlackAdmins(options: SlackAdminsOptions): SlackAdmins {
  const ttlMs = options.ttlMs ?? SLACK_ADMIN_DEFAULTS.ttlMs;
  const failureTtlMs = options.failureTtlMs ?? SLACK_ADMIN_DEFAULTS.failureTtlMs;
  const now = options.now ?? Date.now;
  const known = new Map<string, { admin: boolean; until: number }>();
  const asking = new Map<string, Promise<boolean>>();
  const warned = new Set<string>();

  const remember = (key: string, admin: boolean, forMs: number) => {
    if (known.size >= SLACK_ADMIN_DEFAULTS.maxEntries) {
      const t = now();
      for (const [k, v] of known) if (v.until <= t) known.delete(k);
      if (known.size >= SLACK_ADMIN_DEFAULTS.maxEntries) known.clear();
    }
    known.set(key, { admin, until: now() + forMs });
  };

  const ask = async (key: string, teamId: string, userId: string): Promise<boolean> => {
    try {
      const user = await options.lookup(teamId, userId);
      const admin = !!(user?.is_admin || user?.is_owner || user?.is_primary_owner);
      remember(key, admin, ttlMs);
      return admin;
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error ?? (err as { code?: string }).code ?? 'error';
      if (!warned.has(code)) {
        warned.add(code);
        const hint = code === 'missing_scope' ? ' Add the users:read scope (reinstall the app from slack-manifest.yml).' : '';
        log.warn(`slack: could not ask whether a member is a workspace admin (${code}); only SLACK_ADMIN_USER_IDS count until it works.${hint}`, { err });
      }
      remember(key, false, failureTtlMs);
      return false;
    }
  };

  return {
    isListed: (userId) => options.allowList.includes(userId),
    async isAdmin(teamId, userId) {
      if (options.allowList.includes(userId)) return true;
      const key = `${teamId}:${userId}`;
      const hit = known.get(key);
      if (hit && hit.until > now()) return hit.admin;
      let pending = asking.get(key);
      if (!pending) {
        pending = ask(key, teamId, userId).finally(() => asking.delete(key));
        asking.set(key, pending);
      }
      return pending;
    },
  };
}
