import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/schedule/migrations.js';
import { ScheduleStore } from '../../src/schedule/store.js';
import { DAILY_BRIEF, tempDataDir } from './fixtures.js';

const NOW = new Date('2026-03-27T12:00:00Z');


let data: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.cleanup());

describe('ScheduleStore', () => {
  it('GIVEN no data directory THEN the first open creates it, briefbot.db and every migration', () => {
    const dir = join(data.dir, 'nested', 'data');
    const store = ScheduleStore.open({ dataDir: dir });
    expect(store.path).toBe(join(dir, 'briefbot.db'));
    expect(existsSync(store.path)).toBe(true);
    expect(store.schemaVersion()).toBe(MIGRATIONS.length);
    store.close();
    const db = new Database(join(dir, 'briefbot.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(['runs', 'schedules', 'schema_migrations', 'snapshots']);
    db.close();
  });

  it('GIVEN an existing database THEN reopening keeps the data and applies nothing twice', () => {
    const a = ScheduleStore.open({ dataDir: data.dir });
    const s = a.insertSchedule(DAILY_BRIEF, NOW);
    a.close();
    const b = ScheduleStore.open({ dataDir: data.dir });
    expect(b.getSchedule(s.id)).toEqual(s);
    expect(b.schemaVersion()).toBe(MIGRATIONS.length);
    b.close();
  });

  it('GIVEN a new migration THEN only it is applied on the next start', () => {
    ScheduleStore.open({ dataDir: data.dir }).close();
    const next = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'test column', sql: 'ALTER TABLE schedules ADD COLUMN note TEXT' }];
    const store = ScheduleStore.open({ dataDir: data.dir, migrations: next });
    expect(store.schemaVersion()).toBe(MIGRATIONS.length + 1);
    store.close();
  });

  it('GIVEN a database from a newer Briefbot THEN opening refuses with what to do', () => {
    const next = [...MIGRATIONS, { version: 99, name: 'future', sql: 'SELECT 1' }];
    ScheduleStore.open({ dataDir: data.dir, migrations: next }).close();
    expect(() => ScheduleStore.open({ dataDir: data.dir })).toThrow(
      `briefbot.db is at schema version 99 but this build of Briefbot knows versions up to ${MIGRATIONS.length}. Run a newer Briefbot, or restore a backup made by this version.`,
    );
  });

  it('GIVEN a new schedule THEN it gets a short human id that lookups accept in any case', () => {
    const store = ScheduleStore.open({ dataDir: data.dir });
    const s = store.insertSchedule(DAILY_BRIEF, NOW);
    expect(s.id).toMatch(/^[a-z2-9]{6}$/);
    expect(store.getSchedule(` ${s.id.toUpperCase()} `)?.id).toBe(s.id);
    expect(s).toMatchObject({ paused: false, consecutiveFailures: 0, createdAt: NOW, activeFrom: NOW, fullBrief: false });
    store.close();
  });

  it('GIVEN a due time already claimed THEN a second claim, from any connection, gets nothing', () => {
    const a = ScheduleStore.open({ dataDir: data.dir });
    const b = ScheduleStore.open({ dataDir: data.dir });
    const s = a.insertSchedule(DAILY_BRIEF, NOW);
    const due = new Date('2026-03-28T08:00:00Z');
    expect(a.claimRun(s.id, due, 'a', NOW)).toMatchObject({ status: 'claimed', claimedBy: 'a', attempts: 0 });
    expect(b.claimRun(s.id, due, 'b', NOW)).toBeNull();
    expect(b.recordSkipped(s.id, due, 'b', NOW, 'late')).toBe(false);
    expect(a.runs(s.id)).toHaveLength(1);
    a.close();
    b.close();
  });

  it('GIVEN a paused or removed schedule THEN nothing can be claimed for it', () => {
    const store = ScheduleStore.open({ dataDir: data.dir });
    const s = store.insertSchedule(DAILY_BRIEF, NOW);
    store.setPaused(s.id, true, 'paused by user U1', NOW);
    expect(store.claimRun(s.id, new Date('2026-03-28T08:00:00Z'), 'a', NOW)).toBeNull();
    store.deleteSchedule(s.id);
    expect(store.claimRun(s.id, new Date('2026-03-29T07:00:00Z'), 'a', NOW)).toBeNull();
    store.close();
  });

  it('GIVEN a posted run with a snapshot THEN the snapshot is kept and removing the schedule removes its runs', () => {
    const store = ScheduleStore.open({ dataDir: data.dir });
    const s = store.insertSchedule(DAILY_BRIEF, NOW);
    const run = store.claimRun(s.id, new Date('2026-03-28T08:00:00Z'), 'a', NOW)!;
    store.markPosted(run.id, 1, NOW, { v: 1, hello: 'world' });
    expect(store.latestSnapshot(s.id)).toEqual({ dueAt: new Date('2026-03-28T08:00:00Z'), takenAt: NOW, snapshot: { v: 1, hello: 'world' } });
    expect(store.getRun(run.id)).toMatchObject({ status: 'posted', attempts: 1, postedAt: NOW });
    expect(store.deleteSchedule(s.id)).toBe(true);
    expect(store.runs(s.id)).toEqual([]);
    expect(store.latestSnapshot(s.id)).toBeNull();
    store.close();
  });

  it('GIVEN old finished runs THEN pruning keeps each schedule’s latest run', () => {
    const store = ScheduleStore.open({ dataDir: data.dir });
    const s = store.insertSchedule(DAILY_BRIEF, NOW);
    for (const day of ['2026-01-01', '2026-01-02', '2026-01-03']) {
      const run = store.claimRun(s.id, new Date(`${day}T08:00:00Z`), 'a', NOW)!;
      store.markPosted(run.id, 1, NOW);
    }
    expect(store.pruneRuns(new Date('2026-02-01T00:00:00Z'))).toBe(2);
    expect(store.runs(s.id).map((r) => r.dueAt.toISOString())).toEqual(['2026-01-03T08:00:00.000Z']);
    store.close();
  });

  it('GIVEN writes THEN close() checkpoints the write-ahead log into the database file', () => {
    const store = ScheduleStore.open({ dataDir: data.dir });
    store.insertSchedule(DAILY_BRIEF, NOW);
    const wal = `${store.path}-wal`;
    expect(statSync(wal).size).toBeGreaterThan(0);
    store.close();
    store.close(); // twice is fine
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = new Database(store.path, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM schedules').get() as { n: number }).n).toBe(1);
    db.close();
  });

  it('GIVEN a running store THEN backup() writes a copy that opens with the same schedules', async () => {
    const store = ScheduleStore.open({ dataDir: data.dir });
    const s = store.insertSchedule(DAILY_BRIEF, NOW);
    const backupDir = join(data.dir, 'backup');
    mkdirSync(backupDir);
    await store.backup(join(backupDir, 'briefbot.db'));
    store.close();
    const copy = ScheduleStore.open({ dataDir: backupDir });
    expect(copy.getSchedule(s.id)?.label).toBe('daily at 08:00');
    copy.close();
  });
});
