/**
 * The message a scheduled run posts: what changed since the schedule's previous
 * post, then the command's own answer, or one line when nothing changed.
 *
 * Framing (counts, "nothing new", which schedule this is) goes in `notes`; every
 * change that is a claim about the story (a revised figure, a new event, a new
 * report) is a sourced `Statement`.
 */
import { answer, statement, type Reply, type Statement } from '../core/reply.js';
import { articleRef } from '../briefing/sources.js';
import type { BriefingIndex } from '../index/briefingIndex.js';
import { collectSnapshot, describeChanges, eventText, figureText, parseSnapshot, revisedFigureText, type ChangeDescription, type SnapshotWithSources } from './diff.js';
import { invocation, sinceLabel } from './format.js';
import type { Render } from './scheduler.js';
import type { Schedule } from './types.js';

/** At most this many change statements; the rest are counted in a note. */
export const MAX_CHANGE_STATEMENTS = 8;

export interface ScheduledPostInput {
  schedule: Pick<Schedule, 'id' | 'platform' | 'command' | 'topic' | 'label' | 'zone' | 'fullBrief'>;
  dueAt: Date;
  /** The command's own answer, as `/brief` etc. would give it now. */
  commandReply: Reply;
  /** The snapshot this post is based on, with its live objects. */
  live: SnapshotWithSources;
  /** Null for the first post of a schedule. */
  changes: ChangeDescription | null;
  /** "yesterday 08:00"; null with `changes`. */
  since: string | null;
}

/**
 * @example
 * composeScheduledPost({ schedule, dueAt, commandReply, live, changes: describeChanges(prev, live.snapshot, 'yesterday 08:00'), since: 'yesterday 08:00' })
 */
export function composeScheduledPost(input: ScheduledPostInput): Reply {
  const { schedule, commandReply, changes, since } = input;
  const title = commandReply.kind === 'answer' ? commandReply.title : `/${schedule.command}${schedule.topic ? `: ${schedule.topic}` : ''}`;
  const footer = `Scheduled post ${schedule.id}: /${schedule.command}${schedule.topic ? ` ${schedule.topic}` : ''}, ${schedule.label} (${schedule.zone}). See ${invocation(schedule.platform, 'list')}.`;
  const data = (extra: Record<string, unknown>) => ({
    scheduled: { id: schedule.id, dueAt: input.dueAt.toISOString(), since },
    changes: changes?.changes ?? null,
    ...extra,
  });

  if (changes?.nothingNew && !schedule.fullBrief) {
    return answer(commandReply.command, title, { notes: [changes.lines[0]!], data: data({ nothingNew: true }) });
  }

  const changeStatements = changes && !changes.nothingNew ? changeStatementsOf(input.live, changes) : { statements: [], hidden: 0 };
  const changeNotes = changes ? [changes.lines[0]!] : [];
  if (changeStatements.hidden > 0) changeNotes.push(`${changeStatements.hidden} more change${changeStatements.hidden === 1 ? '' : 's'} not shown; the full answer follows.`);
  const changeSections = changeStatements.statements.length > 0 ? [{ heading: `Since ${since}`, statements: changeStatements.statements }] : [];

  if (commandReply.kind === 'error') {
    if (changeSections.length === 0 && changeNotes.length === 0) return commandReply;
    return answer(commandReply.command, title, {
      notes: [...changeNotes, `/${schedule.command}: ${commandReply.message}`, footer],
      sections: changeSections,
      data: data({ error: { code: commandReply.code, message: commandReply.message } }),
    });
  }
  return answer(commandReply.command, title, {
    notes: [...changeNotes, ...commandReply.notes, footer],
    sections: [...changeSections, ...commandReply.sections],
    // read when serialised: the command's payload can be as large as the corpus
    data: () => data({ answer: commandReply.data }),
  });
}

/** Changes the index cannot source are left out of the statements (the summary note still counts them). */
function changeStatementsOf(live: SnapshotWithSources, d: ChangeDescription): { statements: Statement[]; hidden: number } {
  const all: Statement[] = [];
  for (const r of d.changes.revisedFigures) {
    const claims = live.figures.get(r.key) ?? [];
    const current = claims.find((c) => c.low === r.now.low && c.high === r.now.high);
    const earlier = claims.find((c) => c.low === r.was.low && c.high === r.was.high);
    if (current?.sources.length) all.push(statement(`${revisedFigureText(r.now, r.was)}.`, [...current.sources, ...(earlier?.sources ?? [])]));
  }
  for (const key of d.changes.newFigures) {
    const current = live.figures.get(key)?.[0];
    const value = live.snapshot.figures[key];
    if (current?.sources.length && value) all.push(statement(`${figureText(value)}.`, current.sources));
  }
  for (const key of d.changes.newEvents) {
    const ev = live.events.get(key);
    if (ev?.sources.length) all.push(statement(eventText({ date: ev.date, text: ev.text }), ev.sources));
  }
  // One statement per wire story: copies of a report count once.
  const groups = new Set<string>();
  for (const id of [...d.changes.newArticles, ...d.changes.updatedArticles]) {
    const a = live.articles.get(id);
    if (!a || groups.has(a.groupId)) continue;
    groups.add(a.groupId);
    const ref = articleRef(a);
    const verb = d.changes.updatedArticles.includes(id) ? 'Updated report' : 'New report';
    if (ref) all.push(statement(`${verb}: ${a.title ?? ref.quote}`, [ref]));
  }
  return { statements: all.slice(0, MAX_CHANGE_STATEMENTS), hidden: Math.max(0, all.length - MAX_CHANGE_STATEMENTS) };
}

export interface ScheduledRenderDeps {
  /** The index as it is now (it is reloaded while the bot runs). */
  index: () => BriefingIndex;
  /**
   * Runs the schedule's command as a channel member would, usually
   * `dispatch({ ...ctx, now, user: undefined }, s.command, s.topic ? { topic: s.topic } : {})`.
   */
  runCommand: (schedule: Schedule, now: Date) => Promise<Reply>;
}

/**
 * The `render` a `Scheduler` needs: snapshot, diff against the previous post, and
 * the composed reply. An internal error from the command is handed back as is, so
 * the scheduler records (and retries) it instead of posting an apology.
 */
export function createScheduledRender(deps: ScheduledRenderDeps): Render {
  return async (schedule, request) => {
    const live = collectSnapshot(deps.index(), schedule.topic);
    const commandReply = await deps.runCommand(schedule, request.now);
    if (commandReply.kind === 'error' && commandReply.code === 'internal') return { reply: commandReply };
    const previous = request.previous ? parseSnapshot(request.previous.snapshot) : null;
    const since = previous && request.previous ? sinceLabel(request.previous.dueAt, request.dueAt, schedule.zone) : null;
    const changes = previous && since ? describeChanges(previous, live.snapshot, since) : null;
    return { reply: composeScheduledPost({ schedule, dueAt: request.dueAt, commandReply, live, changes, since }), snapshot: live.snapshot };
  };
}
