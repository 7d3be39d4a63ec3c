/**
 * Schedules, their runs and their snapshots in SQLite (`${dataDir}/briefbot.db`).
 *
 * The database is created on first use and migrated forward with the numbered
 * migrations in `migrations.ts`. WAL mode plus a busy timeout let several bot
 * processes share the file; `synchronous = FULL` makes a claim durable before
 * the post it guards goes out. All times are stored as UTC ISO-8601 text.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { ChannelRef, RunRecord, RunStatus, Schedule, ScheduledCommand, SchedulePlatform } from './types.js';

export const DB_FILE_NAME = 'briefbot.db';

export interface StoreOptions {
  /** Directory holding `briefbot.db`; created if missing. */
  dataDir: string;
  /** How long a writer waits for another process's lock before failing. */
  busyTimeoutMs?: number;
  /** For tests of the migration runner. */
  migrations?: readonly Migration[];
}

/** What a new schedule is given; the store adds id, state and timestamps. */
export type NewSchedule = Pick<Schedule, 'platform' | 'workspaceId' | 'channelId' | 'createdBy' | 'command' | 'topic' | 'cron' | 'zone' | 'label' | 'fullBrief'>;

export interface ActiveSchedule {
  schedule: Schedule;
  /** Due time of the schedule's latest run in any status, or null if it never ran. */
  lastDueAt: Date | null;
}

export interface StoredSnapshot {
  dueAt: Date;
  takenAt: Date;
  snapshot: unknown;
}

const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const ID_LENGTH = 6;

type Row = Record<string, unknown>;

/**
 * @example
 * const store = ScheduleStore.open({ dataDir: './data' });
 * const s = store.insertSchedule({ platform: 'discord', ... }, new Date());
 * store.close();
 */
export class ScheduleStore {
  readonly path: string;
  private readonly db: Database.Database;
  private closed = false;

  static open(options: StoreOptions): ScheduleStore {
    return new ScheduleStore(options);
  }

  private constructor(options: StoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.path = join(options.dataDir, DB_FILE_NAME);
    this.db = new Database(this.path);
    try {
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      migrate(this.db, options.migrations ?? MIGRATIONS);
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  /** Highest migration applied. */
  schemaVersion(): number {
    return currentVersion(this.db);
  }

  insertSchedule(input: NewSchedule, now: Date): Schedule {
    const stmt = this.db.prepare(
      `INSERT INTO schedules (id, platform, workspace_id, channel_id, created_by, command, topic, cron, zone, label,
                              full_brief, paused, consecutive_failures, created_at, active_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
    );
    for (let attempt = 0; ; attempt++) {
      const id = newScheduleId();
      try {
        stmt.run(id, input.platform, input.workspaceId, input.channelId, input.createdBy, input.command, input.topic,
          input.cron, input.zone, input.label, input.fullBrief ? 1 : 0, iso(now), iso(now));
        return this.getSchedule(id)!;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code !== 'SQLITE_CONSTRAINT_PRIMARYKEY' || attempt >= 5) throw err;
      }
    }
  }

  getSchedule(id: string): Schedule | undefined {
    const row = this.db.prepare('SELECT * FROM schedules WHERE id = ?').get(normaliseId(id)) as Row | undefined;
    return row ? toSchedule(row) : undefined;
  }

  /** A channel's schedules (or all of them), oldest first. */
  listSchedules(channel?: ChannelRef): Schedule[] {
    const rows = channel
      ? this.db
          .prepare('SELECT * FROM schedules WHERE platform = ? AND workspace_id = ? AND channel_id = ? ORDER BY created_at, id')
          .all(channel.platform, channel.workspaceId, channel.channelId)
      : this.db.prepare('SELECT * FROM schedules ORDER BY created_at, id').all();
    return (rows as Row[]).map(toSchedule);
  }

  /** Unpaused schedules with the due time of their latest run. */
  activeSchedules(): ActiveSchedule[] {
    const rows = this.db
      .prepare(
        `SELECT s.*, (SELECT MAX(r.due_at) FROM runs r WHERE r.schedule_id = s.id) AS last_due_at
         FROM schedules s WHERE s.paused = 0 ORDER BY s.id`,
      )
      .all() as Row[];
    return rows.map((row) => ({ schedule: toSchedule(row), lastDueAt: dateOrNull(row.last_due_at) }));
  }

  /** Deletes a schedule with its runs and snapshot. */
  deleteSchedule(id: string): boolean {
    return this.db.prepare('DELETE FROM schedules WHERE id = ?').run(normaliseId(id)).changes === 1;
  }

  /**
   * Pauses (with a reason) or resumes a schedule. Pausing abandons pending retries;
   * resuming clears the failure count and makes only runs after `now` due, so the
   * runs missed while paused are neither posted nor reported as skipped.
   */
  setPaused(id: string, paused: boolean, reason: string | null, now: Date): Schedule | undefined {
    const sid = normaliseId(id);
    this.db
      .transaction(() => {
        if (paused) {
          this.db.prepare('UPDATE schedules SET paused = 1, pause_reason = ? WHERE id = ?').run(reason, sid);
          this.db
            .prepare(`UPDATE runs SET status = 'failed', error = 'schedule paused before the retry', next_attempt_at = NULL
                      WHERE schedule_id = ? AND status = 'retrying'`)
            .run(sid);
        } else {
          this.db
            .prepare('UPDATE schedules SET paused = 0, pause_reason = NULL, consecutive_failures = 0, active_from = ? WHERE id = ?')
            .run(iso(now), sid);
        }
      })
      .immediate();
    return this.getSchedule(sid);
  }

  /**
   * Claims the run of `scheduleId` due at `dueAt` for `by`. Returns the run, or null
   * if another scheduler (or an earlier life of this one) already holds that due time,
   * or the schedule is paused or gone. A successful claim gives up any older run of
   * the schedule still waiting to be retried: it is recorded as failed.
   */
  claimRun(scheduleId: string, dueAt: Date, by: string, now: Date): RunRecord | null {
    return this.db
      .transaction((): RunRecord | null => {
        const inserted = this.db
          .prepare(
            `INSERT INTO runs (schedule_id, due_at, claimed_by, claimed_at, status, attempts)
             SELECT ?, ?, ?, ?, 'claimed', 0 WHERE EXISTS (SELECT 1 FROM schedules WHERE id = ? AND paused = 0)
             ON CONFLICT (schedule_id, due_at) DO NOTHING`,
          )
          .run(scheduleId, iso(dueAt), by, iso(now), scheduleId);
        if (inserted.changes !== 1) return null;
        const superseded = this.db
          .prepare(
            `UPDATE runs SET status = 'failed', error = ?, next_attempt_at = NULL
             WHERE schedule_id = ? AND status = 'retrying' AND due_at < ?`,
          )
          .run(`gave up retrying: the run due at ${iso(dueAt)} came round first`, scheduleId, iso(dueAt));
        if (superseded.changes > 0) {
          this.db
            .prepare('UPDATE schedules SET consecutive_failures = consecutive_failures + ? WHERE id = ?')
            .run(superseded.changes, scheduleId);
        }
        return this.getRun(Number(inserted.lastInsertRowid))!;
      })
      .immediate();
  }

  /** Records a missed run as skipped; false if that due time is already taken. */
  recordSkipped(scheduleId: string, dueAt: Date, by: string, now: Date, note: string): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO runs (schedule_id, due_at, claimed_by, claimed_at, status, attempts, error)
           SELECT ?, ?, ?, ?, 'skipped', 0, ? WHERE EXISTS (SELECT 1 FROM schedules WHERE id = ?)
           ON CONFLICT (schedule_id, due_at) DO NOTHING`,
        )
        .run(scheduleId, iso(dueAt), by, iso(now), note, scheduleId).changes === 1
    );
  }

  /** Runs waiting to be retried whose time has come, for unpaused schedules. */
  dueRetries(now: Date): RunRecord[] {
    const rows = this.db
      .prepare(
        `SELECT r.* FROM runs r JOIN schedules s ON s.id = r.schedule_id
         WHERE r.status = 'retrying' AND r.next_attempt_at <= ? AND s.paused = 0
         ORDER BY r.next_attempt_at, r.id`,
      )
      .all(iso(now)) as Row[];
    return rows.map(toRun);
  }

  /** Earliest pending retry (of schedules on `platforms`, default all), to know when to wake up. */
  nextRetryAt(platforms?: readonly SchedulePlatform[]): Date | null {
    const only = platforms ? `AND s.platform IN (${platforms.map(() => '?').join(', ') || 'NULL'})` : '';
    const row = this.db
      .prepare(
        `SELECT MIN(r.next_attempt_at) AS t FROM runs r JOIN schedules s ON s.id = r.schedule_id
         WHERE r.status = 'retrying' AND s.paused = 0 ${only}`,
      )
      .get(...(platforms ?? [])) as Row;
    return dateOrNull(row.t);
  }

  /** Takes over a run waiting to be retried; null if someone else took it first. */
  takeOverRetry(runId: number, by: string, now: Date): RunRecord | null {
    const changed = this.db
      .prepare(
        `UPDATE runs SET status = 'claimed', claimed_by = ?, claimed_at = ?, next_attempt_at = NULL
         WHERE id = ? AND status = 'retrying'
           AND EXISTS (SELECT 1 FROM schedules s WHERE s.id = runs.schedule_id AND s.paused = 0)`,
      )
      .run(by, iso(now), runId).changes;
    return changed === 1 ? this.getRun(runId)! : null;
  }

  /** The post went out: final status, failure count reset, and what was said kept for the next diff. */
  markPosted(runId: number, attempts: number, now: Date, snapshot?: unknown): void {
    this.db
      .transaction(() => {
        const run = this.getRun(runId);
        this.db
          .prepare(`UPDATE runs SET status = 'posted', attempts = ?, posted_at = ?, error = NULL, next_attempt_at = NULL WHERE id = ?`)
          .run(attempts, iso(now), runId);
        if (!run) return;
        this.db.prepare('UPDATE schedules SET consecutive_failures = 0 WHERE id = ?').run(run.scheduleId);
        if (snapshot !== undefined) {
          this.db
            .prepare(
              `INSERT INTO snapshots (schedule_id, due_at, taken_at, json)
               SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM schedules WHERE id = ?)
               ON CONFLICT (schedule_id) DO UPDATE SET due_at = excluded.due_at, taken_at = excluded.taken_at, json = excluded.json`,
            )
            .run(run.scheduleId, iso(run.dueAt), iso(now), JSON.stringify(snapshot), run.scheduleId);
        }
      })
      .immediate();
  }

  /** The attempt certainly did not post; any scheduler may try again from `nextAttemptAt`. */
  markRetrying(runId: number, attempts: number, error: string, nextAttemptAt: Date): void {
    this.db
      .prepare(`UPDATE runs SET status = 'retrying', attempts = ?, error = ?, next_attempt_at = ? WHERE id = ? AND status = 'claimed'`)
      .run(attempts, error, iso(nextAttemptAt), runId);
  }

  /**
   * Final failure of a run. Counts it against the schedule and pauses the schedule
   * once `pauseAfter` runs in a row have failed. `newlyPaused` is true for exactly one
   * caller across processes, the one that should tell the channel.
   */
  markFailed(runId: number, init: { attempts: number; error: string; pauseAfter: number; pauseReason: string }): { schedule: Schedule | undefined; newlyPaused: boolean } {
    return this.db
      .transaction(() => {
        const run = this.getRun(runId);
        this.db
          .prepare(`UPDATE runs SET status = 'failed', attempts = ?, error = ?, next_attempt_at = NULL WHERE id = ?`)
          .run(init.attempts, init.error, runId);
        if (!run) return { schedule: undefined, newlyPaused: false };
        this.db.prepare('UPDATE schedules SET consecutive_failures = consecutive_failures + 1 WHERE id = ?').run(run.scheduleId);
        const schedule = this.getSchedule(run.scheduleId);
        if (!schedule || schedule.paused || schedule.consecutiveFailures < init.pauseAfter) return { schedule, newlyPaused: false };
        this.db.prepare('UPDATE schedules SET paused = 1, pause_reason = ? WHERE id = ?').run(init.pauseReason, run.scheduleId);
        return { schedule: this.getSchedule(run.scheduleId), newlyPaused: true };
      })
      .immediate();
  }

  latestSnapshot(scheduleId: string): StoredSnapshot | null {
    const row = this.db.prepare('SELECT * FROM snapshots WHERE schedule_id = ?').get(scheduleId) as Row | undefined;
    if (!row) return null;
    let snapshot: unknown;
    try {
      snapshot = JSON.parse(String(row.json));
    } catch {
      return null;
    }
    return { dueAt: new Date(String(row.due_at)), takenAt: new Date(String(row.taken_at)), snapshot };
  }

  getRun(runId: number): RunRecord | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as Row | undefined;
    return row ? toRun(row) : undefined;
  }

  /** A schedule's runs in due order (for `/schedule list`, tests and support). */
  runs(scheduleId: string): RunRecord[] {
    return (this.db.prepare('SELECT * FROM runs WHERE schedule_id = ? ORDER BY due_at, id').all(normaliseId(scheduleId)) as Row[]).map(toRun);
  }

  lastRun(scheduleId: string): RunRecord | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE schedule_id = ? ORDER BY due_at DESC LIMIT 1').get(normaliseId(scheduleId)) as Row | undefined;
    return row ? toRun(row) : undefined;
  }

  /**
   * Deletes finished runs due before `before`, keeping each schedule's latest run
   * (the next due time is computed from it). Claimed and retrying runs are kept.
   */
  pruneRuns(before: Date): number {
    return this.db
      .prepare(
        `DELETE FROM runs WHERE due_at < ? AND status IN ('posted', 'failed', 'skipped')
           AND due_at < (SELECT MAX(r2.due_at) FROM runs r2 WHERE r2.schedule_id = runs.schedule_id)`,
      )
      .run(iso(before)).changes;
  }

  /**
   * Copies the database to `destination` while it is in use (SQLite's online
   * backup), e.g. `briefbot.db.bak` before an upgrade.
   */
  async backup(destination: string): Promise<void> {
    await this.db.backup(destination);
  }

  /** Checkpoints the WAL into the main file and closes. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }
}

function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
             version    INTEGER PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at TEXT NOT NULL
           )`);
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  // IMMEDIATE: two processes starting together take turns; the second sees the work done.
  db.transaction(() => {
    const current = currentVersion(db);
    if (current > known) {
      throw new Error(
        `${DB_FILE_NAME} is at schema version ${current} but this build of Briefbot knows versions up to ${known}. ` +
          'Run a newer Briefbot, or restore a backup made by this version.',
      );
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}

function currentVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as Row;
  return Number(row.v ?? 0);
}

function newScheduleId(): string {
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** Ids are typed by people: ignore case and stray spaces. */
export function normaliseId(id: string): string {
  return id.trim().toLowerCase();
}

function iso(d: Date): string {
  return d.toISOString();
}

function dateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : new Date(String(v));
}

function toSchedule(row: Row): Schedule {
  return {
    id: String(row.id),
    platform: row.platform as SchedulePlatform,
    workspaceId: String(row.workspace_id),
    channelId: String(row.channel_id),
    createdBy: String(row.created_by),
    command: row.command as ScheduledCommand,
    topic: row.topic === null ? null : String(row.topic),
    cron: String(row.cron),
    zone: String(row.zone),
    label: String(row.label),
    fullBrief: row.full_brief === 1,
    paused: row.paused === 1,
    pauseReason: row.pause_reason === null ? null : String(row.pause_reason),
    consecutiveFailures: Number(row.consecutive_failures),
    createdAt: new Date(String(row.created_at)),
    activeFrom: new Date(String(row.active_from)),
  };
}

function toRun(row: Row): RunRecord {
  return {
    id: Number(row.id),
    scheduleId: String(row.schedule_id),
    dueAt: new Date(String(row.due_at)),
    claimedBy: String(row.claimed_by),
    claimedAt: new Date(String(row.claimed_at)),
    status: row.status as RunStatus,
    attempts: Number(row.attempts),
    error: row.error === null ? null : String(row.error),
    postedAt: dateOrNull(row.posted_at),
    nextAttemptAt: dateOrNull(row.next_attempt_at),
  };
}
