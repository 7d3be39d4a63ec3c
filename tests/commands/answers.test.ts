/**
 * /casualties, /figures, /timeline and /quotes build their statements lazily,
 * once per index, and group claims by lookup: every page must hold exactly the
 * statements (text, columns, sources in order), headings, notes and JSON that
 * the straightforward computation gives (a pass over every claim, event and
 * quote, grouped and worded here from scratch).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { querySet } from '../../bench/measure.js';
import { commands } from '../../commands/index.js';
import { formatFigure, KIND_LABEL } from '../../src/briefing/claims.js';
import { printedIn } from '../../src/briefing/present.js';
import type { CommandContext } from '../../src/core/command.js';
import { sectionSize, sectionSlice, statement, type AnswerReply, type Section, type Statement } from '../../src/core/reply.js';
import { CASUALTY_KINDS, type FigureClaim, type FigureKind, type SourceRef } from '../../src/core/types.js';
import { dispatch } from '../../src/dispatch.js';
import type { CorpusIndex, SourceSentences } from '../../src/index/corpusIndex.js';
import { loadBriefingIndex } from '../../src/index/load.js';

let dir: string;
let index: CorpusIndex;
let topics: string[];
let speakers: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-answers-'));
  await writeCorpus(dir, 150, 11);
  index = (await loadBriefingIndex({ corpusDir: dir, cacheDir: null, workers: 0, snapshot: 'never' })) as CorpusIndex;
  const q = querySet(index);
  topics = [...q.topics, 'killed', 'hospital', 'qwertyzzz'];
  speakers = [...q.speakers, 'minister', 'a', 'qwertyzzz'];
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ctx = (): CommandContext => ({ index, now: new Date('2026-01-01T00:00:00Z'), commands, user: { id: 'test', isAdmin: true } });

async function run(name: string, args: Record<string, string>): Promise<AnswerReply> {
  const r = await dispatch(ctx(), name, args);
  if (r.kind !== 'answer') throw new Error(`${name}: ${r.kind}`);
  return r;
}

/** Kept when any source sits in a marked sentence: a pass over every item. */
function passOverAll<T>(items: readonly T[], where: SourceSentences, marks: Uint8Array | null): T[] {
  if (!marks) return [...items];
  return items.filter((_, i) => {
    for (let k = where.offsets[i]!; k < where.offsets[i + 1]!; k++) {
      const g = where.sentences[k]!;
      if (g >= 0 && marks[g] === 1) return true;
    }
    return false;
  });
}

/** A section's statements, read page by page in odd steps (as pages and their parts ask for them). */
function readSection(s: Section): Statement[] {
  const out: Statement[] = [];
  for (let from = 0; from < sectionSize(s); from += 3) out.push(...sectionSlice(s, from, from + 3));
  return out;
}

function plain(st: Statement) {
  return { text: st.text, fields: st.fields, sources: st.sources.map((s: SourceRef) => `${s.article}:${s.start}-${s.end}`) };
}

function sectionsOf(r: AnswerReply) {
  return r.sections.map((s) => ({ heading: s.heading, statements: readSection(s).map(plain) }));
}

/** The newsroom table worded from scratch: kinds in order of first appearance, each claim's statement built directly. */
function expectedTable(claims: readonly FigureClaim[]) {
  const kinds: FigureKind[] = [];
  for (const c of claims) if (!kinds.includes(c.kind)) kinds.push(c.kind);
  return kinds.map((kind) => {
    const of = claims.filter((c) => c.kind === kind);
    const disputed = of.some((c) => c.low !== of[0]!.low || c.high !== of[0]!.high);
    const label = KIND_LABEL[kind];
    return {
      heading: `${label[0]!.toUpperCase()}${label.slice(1)}${disputed ? ' — sources disagree' : ''}`,
      statements: of.map((c) => {
        const who = c.claimedBy ? `per ${c.claimedBy}` : 'unattributed';
        const when = c.claimDate ?? (c.claimWhen ? `${c.claimWhen} (year unknown: undated article)` : c.reportedOn ? `reported ${c.reportedOn}` : 'date unknown');
        const reports = c.independentReports > 1 ? `; ${c.independentReports} independent reports` : '';
        const headline = `${formatFigure(c)} ${KIND_LABEL[c.kind]}${c.subject ? ` (${c.subject})` : ''}`;
        return plain(
          statement(`${headline} — ${who}, ${when}${reports}`, c.sources, [
            { label: 'Figure', value: formatFigure(c) },
            { label: 'Who says', value: c.claimedBy ?? 'unattributed' },
            { label: 'When', value: when },
            { label: 'Printed in', value: printedIn(c.sources.map((s) => index.article(s.article)!)) },
          ]),
        );
      }),
    };
  });
}

describe('figure tables (/casualties, /figures)', () => {
  it('GIVEN every topic, with and without kinds THEN the sections, statements, notes and JSON are the straightforward ones', async () => {
    const where = index.sourceLocations();
    const all = index.figures();
    let nonEmpty = 0;
    for (const topic of [undefined, ...topics]) {
      const marks = topic ? index.topicSentences(topic)!.marks : null;
      const about = passOverAll(all, where.claims, marks);
      for (const [name, kinds, args] of [
        ['casualties', CASUALTY_KINDS, {}],
        ['figures', undefined, {}],
        ['figures', ['displaced'], { kind: 'displaced' }],
      ] as const) {
        const claims = kinds ? about.filter((c) => (kinds as readonly FigureKind[]).includes(c.kind)) : about;
        // twice: the second reply reads the statements built for the first
        for (let round = 0; round < 2; round++) {
          const r = await run(name, { ...args, ...(topic ? { topic } : {}) });
          expect(sectionsOf(r)).toEqual(expectedTable(claims));
          expect(r.notes[0]).toContain(claims.length === 0 ? 'No ' : `${claims.length} claim`);
          expect((r.data as { figures: { sources: unknown[] }[] }).figures.map((f) => f.sources.length)).toEqual(claims.map((c) => c.sources.length));
        }
        if (claims.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });
});

describe('/timeline', () => {
  it('GIVEN every topic THEN dated and undated statements are the straightforward ones, in order', async () => {
    const where = index.sourceLocations();
    const all = index.timeline();
    for (const topic of [undefined, ...topics]) {
      const marks = topic ? index.topicSentences(topic, 0)!.marks : null;
      const events = passOverAll(all.events, where.events, marks);
      const undated = passOverAll(all.undated, where.undated, marks);
      const expected = [
        { heading: 'Dated', statements: events.map((e) => plain(statement(`${e.date} — ${e.text}`, e.sources, [{ label: 'Date', value: e.date }, { label: 'As written', value: e.when }]))) },
        { heading: 'Undated', statements: undated.map((e) => plain(statement(`“${e.when}” (undated) — ${e.text}`, e.sources, [{ label: 'As written', value: e.when }]))) },
      ].filter((s) => s.statements.length > 0);
      for (let round = 0; round < 2; round++) {
        const r = await run('timeline', topic ? { topic } : {});
        expect(sectionsOf(r)).toEqual(expected);
        const data = r.data as { events: unknown[]; undated: unknown[] };
        expect([data.events.length, data.undated.length]).toEqual([events.length, undated.length]);
      }
    }
  });
});

describe('/quotes', () => {
  it('GIVEN no speaker, speakers and parts of names THEN the statements are the straightforward ones, in order', async () => {
    const all = index.quotes();
    const finder = (index as unknown as { speakerNames: { search(p: string): { name: string }[] } }).speakerNames;
    for (const typed of [undefined, ...speakers, ...speakers.map((s) => s.slice(1, 4))]) {
      const speaker = typed?.trim();
      const names = speaker ? new Set(finder.search(speaker).map((r) => r.name)) : null;
      const quotes = speaker ? all.filter((q) => q.speaker && (names!.has(q.speaker) || q.speaker.toLowerCase().includes(speaker.toLowerCase()))) : all;
      const expected = [{ heading: undefined, statements: quotes.map((q) => plain(statement(`“${q.text}” — ${q.speaker ?? 'unattributed'}`, q.sources, [{ label: 'Speaker', value: q.speaker ?? 'unattributed' }]))) }];
      for (let round = 0; round < 2; round++) {
        const r = await run('quotes', typed ? { speaker: typed } : {});
        expect(sectionsOf(r)).toEqual(expected);
        expect((r.data as { quotes: unknown[] }).quotes).toHaveLength(quotes.length);
      }
    }
  });
});

describe('perIndexItem', () => {
  it('GIVEN two indexes and the same item THEN each index computes its own value once', async () => {
    const { perIndexItem } = await import('../../src/index/briefingIndex.js');
    const a = {} as CorpusIndex;
    const b = {} as CorpusIndex;
    const item = { id: 1 };
    let calls = 0;
    const compute = () => ++calls;
    expect([perIndexItem(a, 'k', item, compute), perIndexItem(a, 'k', item, compute), perIndexItem(b, 'k', item, compute), perIndexItem(a, 'other', item, compute)]).toEqual([1, 1, 2, 3]);
  });
});

describe('keptStatement', () => {
  it('GIVEN a widely printed item THEN its statement is built once per index; a thinly sourced one is built each time, equal', async () => {
    const { keptStatement, KEPT_STATEMENT_SOURCES } = await import('../../src/briefing/present.js');
    const other = {} as CorpusIndex;
    const ref = (i: number): SourceRef => ({ article: `a${i}`, start: 0, end: 5, quote: 'Words', title: null, publisher: null, url: null, date: null }) as SourceRef;
    const wide = { sources: Array.from({ length: KEPT_STATEMENT_SOURCES }, (_, i) => ref(i)) };
    const thin = { sources: [ref(0), ref(1)] };
    let builds = 0;
    const build = (item: { sources: readonly SourceRef[] }) => (builds++, statement('Said', item.sources));
    const first = keptStatement(index, 'test statement', wide, build);
    expect(keptStatement(index, 'test statement', wide, build)).toBe(first);
    expect(keptStatement(other, 'test statement', wide, build)).not.toBe(first);
    expect(builds).toBe(2);
    const a = keptStatement(index, 'test statement', thin, build);
    const b = keptStatement(index, 'test statement', thin, build);
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
    expect(builds).toBe(4);
  });
});
