/**
 * What changed in the story between two scheduled posts.
 *
 * A `Snapshot` is a compact, JSON-able record of what a schedule's channel was
 * last shown: article ids with content hashes, the latest figure each claimant
 * gave (keyed by kind + claimant + subject) and timeline event keys. It is stored
 * after each successful post and compared with the next one.
 */
import { createHash } from 'node:crypto';
import { formatFigure, KIND_LABEL } from '../briefing/claims.js';
import type { Article, FigureClaim, FigureKind, TimelineEvent } from '../core/types.js';
import type { BriefingIndex } from '../index/briefingIndex.js';

export const SNAPSHOT_VERSION = 1;

export interface FigureValue {
  kind: FigureKind;
  claimedBy: string | null;
  subject: string | null;
  low: number;
  high: number;
  approximate: boolean;
  qualifier: string | null;
}

export interface Snapshot {
  v: typeof SNAPSHOT_VERSION;
  topic: string | null;
  /** Article id -> content hash. */
  articles: Record<string, string>;
  /** Figure key -> the latest value that claimant gave. */
  figures: Record<string, FigureValue>;
  /** Timeline key -> date and (clipped) text, for the change lines. */
  events: Record<string, { date: string; text: string }>;
}

/** The live objects behind a snapshot, to source the statements of a post. */
export interface SnapshotWithSources {
  snapshot: Snapshot;
  articles: Map<string, Article>;
  /** Every claim under a figure key, latest first. */
  figures: Map<string, FigureClaim[]>;
  events: Map<string, TimelineEvent>;
}

export interface Changes {
  newArticles: string[];
  updatedArticles: string[];
  newFigures: string[];
  revisedFigures: { key: string; was: FigureValue; now: FigureValue }[];
  newEvents: string[];
}

export interface ChangeDescription {
  /** First line the summary ("Since yesterday 08:00: 2 new articles; 1 revised figure."), then one line per figure or event. */
  lines: string[];
  nothingNew: boolean;
  changes: Changes;
}

const EVENT_TEXT_LIMIT = 200;

/**
 * A compact snapshot of what the index says about a topic (or everything).
 *
 * @example const snap = snapshotOf(index, 'north korean troops'); JSON.stringify(snap)
 */
export function snapshotOf(index: BriefingIndex, topic?: string | null): Snapshot {
  return collectSnapshot(index, topic).snapshot;
}

/** `snapshotOf` plus the live articles, claims and events it was made from. */
export function collectSnapshot(index: BriefingIndex, topic?: string | null): SnapshotWithSources {
  const t = topic?.trim() || null;
  const figureList = index.figures(t ? { topic: t } : undefined);
  const eventList = index.timeline(t ? { topic: t } : undefined).events;

  const articleIds = new Set<string>();
  if (t) {
    for (const hit of index.search(t, { limit: 1000 })) articleIds.add(hit.article);
    for (const claim of figureList) for (const s of claim.sources) articleIds.add(s.article);
    for (const ev of eventList) for (const s of ev.sources) articleIds.add(s.article);
  } else {
    for (const a of index.articles()) articleIds.add(a.id);
  }
  const articles = new Map<string, Article>();
  for (const id of [...articleIds].sort()) {
    const a = index.article(id);
    if (a) articles.set(id, a);
  }

  const figures = new Map<string, FigureClaim[]>();
  for (const claim of figureList) {
    const key = figureKey(claim);
    const list = figures.get(key);
    if (list) list.push(claim);
    else figures.set(key, [claim]);
  }
  for (const list of figures.values()) list.sort(latestFirst);

  const events = new Map<string, TimelineEvent>();
  for (const ev of eventList) {
    const key = eventKey(ev);
    if (!events.has(key)) events.set(key, ev);
  }

  const snapshot: Snapshot = {
    v: SNAPSHOT_VERSION,
    topic: t,
    articles: Object.fromEntries([...articles.values()].map((a) => [a.id, a.hash])),
    figures: Object.fromEntries([...figures].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, list]) => [k, figureValue(list[0]!)])),
    events: Object.fromEntries(
      [...events].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, ev]) => [k, { date: ev.date, text: clip(ev.text, EVENT_TEXT_LIMIT) }]),
    ),
  };
  return { snapshot, articles, figures, events };
}

/** A stored snapshot, or null if it is missing or from an incompatible version. */
export function parseSnapshot(value: unknown): Snapshot | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Partial<Snapshot>;
  if (s.v !== SNAPSHOT_VERSION || !isRecord(s.articles) || !isRecord(s.figures) || !isRecord(s.events)) return null;
  return s as Snapshot;
}

/**
 * Compares two snapshots of the same schedule.
 *
 * @example
 * describeChanges(prev, next, 'yesterday 08:00').lines
 * // ["Since yesterday 08:00: 2 new articles; 1 revised figure.",
 * //  "South Korea's Joint Chiefs now put the number killed or wounded at 4,000 (was 3,000)."]
 */
export function describeChanges(prev: Snapshot, next: Snapshot, sinceLabel: string): ChangeDescription {
  const changes: Changes = { newArticles: [], updatedArticles: [], newFigures: [], revisedFigures: [], newEvents: [] };
  for (const [id, hash] of Object.entries(next.articles)) {
    const before = prev.articles[id];
    if (before === undefined) changes.newArticles.push(id);
    else if (before !== hash) changes.updatedArticles.push(id);
  }
  for (const [key, now] of Object.entries(next.figures)) {
    const was = prev.figures[key];
    if (!was) changes.newFigures.push(key);
    else if (was.low !== now.low || was.high !== now.high) changes.revisedFigures.push({ key, was, now });
  }
  for (const key of Object.keys(next.events)) {
    if (!(key in prev.events)) changes.newEvents.push(key);
  }

  const counts = [
    count(changes.newArticles.length, 'new article'),
    count(changes.updatedArticles.length, 'updated article'),
    count(changes.newFigures.length, 'new figure'),
    count(changes.revisedFigures.length, 'revised figure'),
    count(changes.newEvents.length, 'new timeline event'),
  ].filter((c): c is string => c !== null);

  if (counts.length === 0) return { lines: [`Nothing new since ${sinceLabel}.`], nothingNew: true, changes };
  const lines = [`Since ${sinceLabel}: ${counts.join('; ')}.`];
  for (const r of changes.revisedFigures) lines.push(revisedFigureText(r.now, r.was) + '.');
  for (const key of changes.newFigures) lines.push(`New figure: ${figureText(next.figures[key]!)}.`);
  for (const key of changes.newEvents) {
    const ev = next.events[key]!;
    lines.push(`New on the timeline: ${eventText(ev)}`);
  }
  return { lines, nothingNew: false, changes };
}

/** "South Korea's Joint Chiefs now put the number killed or wounded at 4,000 (was 3,000)" */
export function revisedFigureText(now: FigureValue, was: FigureValue): string {
  return `${who(now)} now ${verb(now)} ${what(now)} at ${formatValue(now)} (was ${formatValue(was)})`;
}

/** "Ukraine's defence ministry puts North Korean troops killed at about 600"; "Ukrainian officials put ..." */
export function figureText(v: FigureValue): string {
  return `${who(v)} ${verb(v)} ${what(v)} at ${formatValue(v)}`;
}

/** "2026-03-02: Troops crossed the river." */
export function eventText(ev: { date: string; text: string }): string {
  const text = ev.text.trim();
  return `${ev.date}: ${/[.!?…]$/.test(text) ? text : text + '.'}`;
}

/** "about 4,000", "10,000-12,000", "more than 300": the wording every reply uses. */
export function formatValue(v: Pick<FigureValue, 'low' | 'high' | 'approximate' | 'qualifier'>): string {
  return formatFigure(v);
}

/** The kind's words as every reply says them; `other` has none. */
const KIND_WORDS: Record<FigureKind, string | null> = { ...KIND_LABEL, other: null };

function who(v: FigureValue): string {
  return v.claimedBy ? capitalise(v.claimedBy) : 'Reports';
}

/** Names ending in -s that are one body, not many. */
const SINGULAR_IN_S = new Set(['news', 'reuters', 'times', 'us', 'u.s.', 'u.s', 'united states', 'united nations', 'nations']);

/** "Ukrainian officials put", "the ministry puts": number agreement from the claimant's last word. */
function verb(v: FigureValue): string {
  if (!v.claimedBy) return 'put';
  const name = v.claimedBy.toLowerCase().replace(/[’]/g, "'").trim();
  const last = name.split(/\s+/).pop() ?? '';
  const singular = SINGULAR_IN_S.has(last) || [...SINGULAR_IN_S].some((w) => w.includes(' ') && name.endsWith(w)) || !/[^s'iu]s$/.test(last);
  return singular ? 'puts' : 'put';
}

function what(v: FigureValue): string {
  const words = KIND_WORDS[v.kind];
  if (words === null) return v.subject ? `the figure for ${v.subject}` : 'the figure';
  return v.subject ? `${v.subject} ${words}` : `the number ${words}`;
}

/** kind|claimant|subject, normalised so spacing and case do not make a new claimant. */
export function figureKey(claim: Pick<FigureClaim, 'kind' | 'claimedBy' | 'subject'>): string {
  return `${claim.kind}|${normalise(claim.claimedBy)}|${normalise(claim.subject)}`;
}

export function eventKey(ev: Pick<TimelineEvent, 'date' | 'text'>): string {
  return `${ev.date}|${createHash('sha256').update(normalise(ev.text)).digest('hex').slice(0, 16)}`;
}

function figureValue(c: FigureClaim): FigureValue {
  return { kind: c.kind, claimedBy: c.claimedBy, subject: c.subject, low: c.low, high: c.high, approximate: c.approximate, qualifier: c.qualifier };
}

/** Latest claim first: by claim date, then report date, then how widely it was reported. */
function latestFirst(a: FigureClaim, b: FigureClaim): number {
  const da = a.claimDate ?? a.reportedOn ?? '';
  const db = b.claimDate ?? b.reportedOn ?? '';
  if (da !== db) return da < db ? 1 : -1;
  const ra = a.reportedOn ?? '';
  const rb = b.reportedOn ?? '';
  if (ra !== rb) return ra < rb ? 1 : -1;
  return b.independentReports - a.independentReports;
}

function normalise(s: string | null): string {
  return (s ?? '').toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

function count(n: number, noun: string): string | null {
  return n === 0 ? null : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function clip(s: string, limit: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= limit ? t : t.slice(0, limit - 1).trimEnd() + '…';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
