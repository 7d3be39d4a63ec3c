/**
 * Numbered schema migrations for `briefbot.db`. Append only: a released
 * migration is never edited, a change is a new entry with the next number.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'schedules, runs and snapshots',
    sql: `
      CREATE TABLE schedules (
        id                   TEXT PRIMARY KEY,
        platform             TEXT NOT NULL CHECK (platform IN ('discord', 'slack')),
        workspace_id         TEXT NOT NULL,
        channel_id           TEXT NOT NULL,
        created_by           TEXT NOT NULL,
        command              TEXT NOT NULL CHECK (command IN ('brief', 'casualties', 'timeline', 'figures')),
        topic                TEXT,
        cron                 TEXT NOT NULL,
        zone                 TEXT NOT NULL,
        label                TEXT NOT NULL,
        full_brief           INTEGER NOT NULL DEFAULT 0 CHECK (full_brief IN (0, 1)),
        paused               INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
        pause_reason         TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        created_at           TEXT NOT NULL,
        active_from          TEXT NOT NULL
      );
      CREATE INDEX schedules_by_channel ON schedules (platform, workspace_id, channel_id);

      -- One row per due time of a schedule. The unique key is the exactly-once
      -- guarantee: whoever inserts the row owns the post.
      CREATE TABLE runs (
        id              INTEGER PRIMARY KEY,
        schedule_id     TEXT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
        due_at          TEXT NOT NULL,
        claimed_by      TEXT NOT NULL,
        claimed_at      TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('claimed', 'retrying', 'posted', 'failed', 'skipped')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        error           TEXT,
        posted_at       TEXT,
        next_attempt_at TEXT,
        UNIQUE (schedule_id, due_at)
      );
      CREATE INDEX runs_retrying ON runs (next_attempt_at) WHERE status = 'retrying';

      -- What the channel was last told, for the "what changed" diff.
      CREATE TABLE snapshots (
        schedule_id TEXT PRIMARY KEY REFERENCES schedules (id) ON DELETE CASCADE,
        due_at      TEXT NOT NULL,
        taken_at    TEXT NOT NULL,
        json        TEXT NOT NULL
      );
    `,
  },
]);
