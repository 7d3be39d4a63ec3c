import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, errorReply, sectionStatements, statement, type AnswerReply, type Reply } from '../../src/core/reply.js';
import { collectSnapshot, describeChanges, figureText, formatValue, snapshotOf, type Snapshot } from '../../src/schedule/diff.js';
import { composeScheduledPost, createScheduledRender } from '../../src/schedule/post.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { ScheduleStore } from '../../src/schedule/store.js';
import type { Schedule } from '../../src/schedule/types.js';
import {
  captureLogs,
  claim,
  DAILY_BRIEF,
  EURONEWS,
  EXPRESS_STAR,
  FakeClock,
  FakeIndex,
  JCS_3000,
  JCS_4000,
  KIM_CONFIRMS,
  KYIV_INDEPENDENT,
  NIS_300,
  ref,
  SHOIGU,
  TREATY,
  tempDataDir,
} from './fixtures.js';

const JCS = 'South Korea’s Joint Chiefs';
const SUBJECT = 'North Korean soldiers';

/** Yesterday's index: one article with the JCS's earlier figure. */
function yesterday(): FakeIndex {
  const index = new FakeIndex();
  index.articleList = [EURONEWS];
  index.figureList = [
    claim({ kind: 'casualties', low: 3_000, approximate: true, qualifier: 'around', claimedBy: JCS, subject: SUBJECT, claimDate: '2025-03', sources: [ref(EURONEWS, JCS_3000)] }),
  ];
  index.eventList = [{ date: '2024-11', when: 'In November', text: TREATY, sources: [ref(EURONEWS, TREATY)] }];
  return index;
}

/** Today's: two new articles, the JCS's revised figure, a new NIS figure and a new event. */
function today(): FakeIndex {
  const index = yesterday();
  index.articleList = [EURONEWS, EXPRESS_STAR, KYIV_INDEPENDENT];
  index.figureList = [
    ...index.figureList,
    claim({ kind: 'casualties', low: 4_000, approximate: true, qualifier: 'around', claimedBy: JCS, subject: SUBJECT, claimDate: '2025-04', sources: [ref(EXPRESS_STAR, JCS_4000)] }),
    claim({ kind: 'killed', low: 300, approximate: true, qualifier: 'approximately', claimedBy: 'South Korea’s National Intelligence Service', subject: SUBJECT, claimDate: '2025-01', sources: [ref(KYIV_INDEPENDENT, NIS_300)] }),
  ];
  index.eventList = [...index.eventList, { date: '2025-03', when: 'In March', text: SHOIGU, sources: [ref(EXPRESS_STAR, SHOIGU)] }];
  return index;
}

const SCHEDULE = { id: 'k7p2xq', platform: 'discord', command: 'brief', topic: null, label: 'daily at 08:00', zone: 'Europe/London', fullBrief: false } as const;

function briefReply(): AnswerReply {
  return answer('brief', 'Brief: North Korean troops in Russia', {
    notes: ['3 articles.'],
    sections: [{ statements: [statement(KIM_CONFIRMS, [ref(EXPRESS_STAR, KIM_CONFIRMS)])] }],
    data: { points: 1 },
  });
}

describe('snapshotOf', () => {
  it('GIVEN an index THEN a compact JSON-able record: article hashes, the latest figure per claimant, event keys', () => {
    const snap = snapshotOf(today());
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snap.articles).toEqual({ [EURONEWS.id]: EURONEWS.hash, [EXPRESS_STAR.id]: EXPRESS_STAR.hash, [KYIV_INDEPENDENT.id]: KYIV_INDEPENDENT.hash });
    expect(snap.figures['casualties|south korea\'s joint chiefs|north korean soldiers']).toMatchObject({ low: 4_000, high: 4_000, qualifier: 'around' });
    expect(Object.keys(snap.figures)).toHaveLength(2);
    expect(Object.values(snap.events).map((e) => e.date)).toEqual(['2024-11', '2025-03']);
  });

  it('GIVEN a topic THEN only the articles, figures and events about it', () => {
    const snap = snapshotOf(today(), 'Shoigu');
    expect(Object.keys(snap.articles)).toEqual([EXPRESS_STAR.id]);
    expect(snap.figures).toEqual({});
    expect(Object.values(snap.events)).toEqual([{ date: '2025-03', text: SHOIGU }]);
  });
});

describe('describeChanges', () => {
  it('GIVEN new articles, a revised and a new figure and a new event THEN a summary line and one line each', () => {
    const { lines, nothingNew, changes } = describeChanges(snapshotOf(yesterday()), snapshotOf(today()), 'yesterday 08:00');
    expect(nothingNew).toBe(false);
    expect(lines).toEqual([
      'Since yesterday 08:00: 2 new articles; 1 new figure; 1 revised figure; 1 new timeline event.',
      'South Korea’s Joint Chiefs now put North Korean soldiers killed or wounded at around 4,000 (was around 3,000).',
      'New figure: South Korea’s National Intelligence Service puts North Korean soldiers killed at approximately 300.',
      `New on the timeline: 2025-03: ${SHOIGU}`,
    ]);
    expect(changes.newArticles).toEqual([EXPRESS_STAR.id, KYIV_INDEPENDENT.id]);
  });

  it('GIVEN the same index twice THEN nothing new, in one line', () => {
    expect(describeChanges(snapshotOf(today()), snapshotOf(today()), 'Monday 08:00')).toMatchObject({ lines: ['Nothing new since Monday 08:00.'], nothingNew: true });
  });

  it('GIVEN an article whose text changed THEN it counts as updated', () => {
    const before = snapshotOf(today());
    const after: Snapshot = { ...before, articles: { ...before.articles, [EURONEWS.id]: 'hash-edited' } };
    expect(describeChanges(before, after, 'today 06:00').lines).toEqual(['Since today 06:00: 1 updated article.']);
  });

  it('GIVEN figures without a claimant or subject THEN the sentence still reads', () => {
    const prev = snapshotOf(new FakeIndex());
    const idx = new FakeIndex();
    idx.articleList = [EXPRESS_STAR];
    idx.figureList = [claim({ kind: 'deployed', low: 10_000, high: 12_000, sources: [ref(EXPRESS_STAR, KIM_CONFIRMS)] })];
    expect(describeChanges(prev, snapshotOf(idx), 'yesterday 08:00').lines).toEqual([
      'Since yesterday 08:00: 1 new article; 1 new figure.',
      'New figure: Reports put the number deployed at 10,000-12,000.',
    ]);
    expect(formatValue({ low: 600, high: 600, approximate: true, qualifier: null })).toBe('about 600');
  });
});

describe('composeScheduledPost', () => {
  const live = () => collectSnapshot(today());
  const changes = () => describeChanges(snapshotOf(yesterday()), snapshotOf(today()), 'yesterday 08:00');
  const dueAt = new Date('2026-03-29T07:00:00Z');

  it('GIVEN changes THEN the summary as a note, each change as a sourced statement, then the brief itself', () => {
    const reply = composeScheduledPost({ schedule: SCHEDULE, dueAt, commandReply: briefReply(), live: live(), changes: changes(), since: 'yesterday 08:00' }) as AnswerReply;
    expect(reply.kind).toBe('answer');
    expect(reply.notes).toEqual([
      'Since yesterday 08:00: 2 new articles; 1 new figure; 1 revised figure; 1 new timeline event.',
      '3 articles.',
      'Scheduled post k7p2xq: /brief, daily at 08:00 (Europe/London). See /schedule list.',
    ]);
    expect(reply.sections[0]!.heading).toBe('Since yesterday 08:00');
    expect(sectionStatements(reply.sections[0]!).map((s) => [s.text, s.sources.map((r) => r.article)])).toEqual([
      ['South Korea’s Joint Chiefs now put North Korean soldiers killed or wounded at around 4,000 (was around 3,000).', [EXPRESS_STAR.id, EURONEWS.id]],
      ['South Korea’s National Intelligence Service puts North Korean soldiers killed at approximately 300.', [KYIV_INDEPENDENT.id]],
      [`2025-03: ${SHOIGU}`, [EXPRESS_STAR.id]],
      [`New report: ${EXPRESS_STAR.title}`, [EXPRESS_STAR.id]],
      [`New report: ${KYIV_INDEPENDENT.title}`, [KYIV_INDEPENDENT.id]],
    ]);
    expect(sectionStatements(reply.sections[0]!)[3]!.sources[0]!.quote).toBe(KIM_CONFIRMS);
    expect(reply.sections[1]).toEqual(briefReply().sections[0]);
    expect(reply.data).toMatchObject({ scheduled: { id: 'k7p2xq', dueAt: dueAt.toISOString(), since: 'yesterday 08:00' }, answer: { points: 1 } });
  });

  it('GIVEN nothing new THEN only the one line, not the whole brief', () => {
    const same = describeChanges(snapshotOf(today()), snapshotOf(today()), 'yesterday 08:00');
    const reply = composeScheduledPost({ schedule: SCHEDULE, dueAt, commandReply: briefReply(), live: live(), changes: same, since: 'yesterday 08:00' }) as AnswerReply;
    expect(reply.notes).toEqual(['Nothing new since yesterday 08:00.']);
    expect(reply.sections).toEqual([]);
  });

  it('GIVEN nothing new on a full-brief schedule THEN the line and the whole brief', () => {
    const same = describeChanges(snapshotOf(today()), snapshotOf(today()), 'yesterday 08:00');
    const reply = composeScheduledPost({ schedule: { ...SCHEDULE, fullBrief: true }, dueAt, commandReply: briefReply(), live: live(), changes: same, since: 'yesterday 08:00' }) as AnswerReply;
    expect(reply.notes[0]).toBe('Nothing new since yesterday 08:00.');
    expect(reply.sections).toEqual(briefReply().sections);
  });

  it('GIVEN the first post of a schedule THEN the brief with the schedule named, and no diff', () => {
    const reply = composeScheduledPost({ schedule: { ...SCHEDULE, platform: 'slack' }, dueAt, commandReply: briefReply(), live: live(), changes: null, since: null }) as AnswerReply;
    expect(reply.notes).toEqual(['3 articles.', 'Scheduled post k7p2xq: /brief, daily at 08:00 (Europe/London). See /brief schedule list.']);
    expect(reply.sections).toEqual(briefReply().sections);
  });

  it('GIVEN the command answers with an error but the story moved THEN the changes and the error as a note', () => {
    const err = errorReply('brief', 'not-found', 'No articles match "kursk".');
    const reply = composeScheduledPost({ schedule: SCHEDULE, dueAt, commandReply: err, live: live(), changes: changes(), since: 'yesterday 08:00' }) as AnswerReply;
    expect(reply.notes[1]).toBe('/brief: No articles match "kursk".');
    expect(sectionStatements(reply.sections[0]!)).toHaveLength(5);
  });

  it('GIVEN more changes than fit THEN the rest are counted in a note', () => {
    const big = today();
    big.eventList = Array.from({ length: 12 }, (_, i) => ({ date: `2025-01-${String(i + 1).padStart(2, '0')}`, when: 'x', text: SHOIGU, sources: [ref(EXPRESS_STAR, SHOIGU)] }));
    const d = describeChanges(snapshotOf(yesterday()), snapshotOf(big), 'yesterday 08:00');
    const reply = composeScheduledPost({ schedule: SCHEDULE, dueAt, commandReply: briefReply(), live: collectSnapshot(big), changes: d, since: 'yesterday 08:00' }) as AnswerReply;
    expect(sectionStatements(reply.sections[0]!)).toHaveLength(8);
    expect(reply.notes[1]).toBe('8 more changes not shown; the full answer follows.');
  });
});

describe('scheduled posts end to end in the core', () => {
  let data: ReturnType<typeof tempDataDir>;
  let logs: ReturnType<typeof captureLogs>;
  beforeEach(() => {
    data = tempDataDir();
    logs = captureLogs();
  });
  afterEach(() => {
    logs.restore();
    data.cleanup();
  });

  it('GIVEN a daily brief and a story that moves, then stands still THEN the full brief, then what changed, then one line', async () => {
    const store = ScheduleStore.open({ dataDir: data.dir });
    const clock = new FakeClock(new Date('2026-03-27T08:00:00Z'));
    const s = store.insertSchedule({ ...DAILY_BRIEF, zone: 'Europe/London' }, new Date('2026-03-27T07:00:00Z'));
    let index = yesterday();
    const posted: Reply[] = [];
    const scheduler = new Scheduler({
      store,
      clock: clock.now,
      deliver: async (_s: Schedule, reply) => void posted.push(reply),
      render: createScheduledRender({ index: () => index, runCommand: async () => briefReply() }),
    });
    await scheduler.tick(); // 27 March 08:00 GMT: first post
    index = today();
    clock.set('2026-03-28T08:00:00Z');
    await scheduler.tick(); // 28 March: the story moved
    clock.set('2026-03-29T07:00:00Z');
    await scheduler.tick(); // 29 March, 08:00 BST: nothing new
    expect(posted.map((r) => (r as AnswerReply).notes[0])).toEqual([
      '3 articles.',
      'Since yesterday 08:00: 2 new articles; 1 new figure; 1 revised figure; 1 new timeline event.',
      'Nothing new since yesterday 08:00.',
    ]);
    expect(store.latestSnapshot(s.id)?.dueAt).toEqual(new Date('2026-03-29T07:00:00Z'));
    await scheduler.stop();
    store.close();
  });

  it('GIVEN the command fails inside THEN the apology is not posted; the run is retried', async () => {
    const store = ScheduleStore.open({ dataDir: data.dir });
    const clock = new FakeClock(new Date('2026-03-28T08:00:00Z'));
    const s = store.insertSchedule(DAILY_BRIEF, new Date('2026-03-27T12:00:00Z'));
    const posted: Reply[] = [];
    const scheduler = new Scheduler({
      store,
      clock: clock.now,
      deliver: async (_s, reply) => void posted.push(reply),
      render: createScheduledRender({ index: () => today(), runCommand: async () => ({ ...errorReply('brief', 'internal', 'Sorry'), errorId: 'abc123' }) }),
    });
    await scheduler.tick();
    expect(posted).toEqual([]);
    expect(store.runs(s.id)).toMatchObject([{ status: 'retrying', error: 'the post could not be built (error id abc123)' }]);
    await scheduler.stop();
    store.close();
  });
});

describe('figure sentences', () => {
  const said = (claimedBy: string | null) => figureText({ kind: 'killed', claimedBy, subject: 'North Korean soldiers', low: 300, high: 300, approximate: true, qualifier: 'approximately' });
  it.each([
    ['South Korea’s National Intelligence Service', 'South Korea’s National Intelligence Service puts North Korean soldiers killed at approximately 300'],
    ['Ukrainian officials', 'Ukrainian officials put North Korean soldiers killed at approximately 300'],
    ['U.S. estimates', 'U.S. estimates put North Korean soldiers killed at approximately 300'],
    ['Reuters', 'Reuters puts North Korean soldiers killed at approximately 300'],
    ['the United States', 'The United States puts North Korean soldiers killed at approximately 300'],
    [null, 'Reports put North Korean soldiers killed at approximately 300'],
  ])('GIVEN the claimant %s THEN "%s"', (claimedBy, text) => {
    expect(said(claimedBy)).toBe(text);
  });
});
