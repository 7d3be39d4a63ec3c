/**
 * Hand-built engine values for scheduled-post tests: real sentences from the seed
 * articles, an in-memory `BriefingIndex`, a temp data directory and a log catcher.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, FigureClaim, SourceRef, TimelineEvent } from '../../src/core/types.js';
import type { BriefingIndex } from '../../src/index/briefingIndex.js';
import { setLogSink } from '../../src/log.js';
import type { NewSchedule, ScheduleStore } from '../../src/schedule/store.js';

export const JCS_4000 = 'South Korea’s Joint Chiefs assessed around 4,000 North Korean soldiers had been killed or wounded.';
/** Adapted from the JCS sentence (no seed gives the earlier figure): the "before" of a revision. */
export const JCS_3000 = 'South Korea’s Joint Chiefs assessed around 3,000 North Korean soldiers had been killed or wounded.';
export const NIS_300 = 'South Korea’s National Intelligence Service reported in January that approximately 300 North Korean soldiers were killed and about 2,700 wounded.';
export const KIM_CONFIRMS = 'North Korea confirmed Monday for the first time that it sent troops to Russia to support its war against Ukraine.';
export const SHOIGU = 'In March, Kim expressed his unwavering support for Russia’s war in Ukraine during a meeting with a top Russian security official, Sergei Shoigu, in Pyongyang.';
export const TREATY = 'In November, the two leaders ratified a defence agreement which calls on each to help the other in the event of an armed attack.';

export function makeArticle(id: string, body: string, init: Partial<Article> = {}): Article {
  const sentences = body
    .split(/(?<=\.)\s+/)
    .reduce<{ index: number; start: number; end: number; text: string; paragraph: number }[]>((acc, text) => {
      const start = body.indexOf(text, acc.length ? acc[acc.length - 1]!.end : 0);
      acc.push({ index: acc.length, start, end: start + text.length, text, paragraph: 0 });
      return acc;
    }, []);
  return {
    id,
    file: `${id}.txt`,
    hash: `hash-${id}`,
    title: null,
    publisher: null,
    byline: null,
    url: null,
    statedDate: null,
    body,
    sentences,
    figures: [],
    times: [],
    quotes: [],
    entities: [],
    signature: [],
    warnings: [],
    date: { year: 2025, month: 4, day: 28, granularity: 'day' },
    dateSource: 'metadata',
    notBefore: null,
    syndicatedWith: [],
    groupId: id,
    ...init,
  };
}

export function ref(a: Article, quote: string): SourceRef {
  const start = a.body.indexOf(quote);
  if (start < 0) throw new Error(`quote not in ${a.id}: ${quote.slice(0, 40)}`);
  return { article: a.id, quote, start, end: start + quote.length, publisher: a.publisher, title: a.title, url: a.url, date: '2025-04-28' };
}

export function claim(init: Partial<FigureClaim> & Pick<FigureClaim, 'kind' | 'low' | 'sources'>): FigureClaim {
  return {
    high: init.low,
    approximate: false,
    qualifier: null,
    subject: null,
    claimedBy: null,
    claimDate: null,
    claimWhen: null,
    reportedOn: '2025-04-28',
    independentReports: init.sources.length,
    ...init,
  };
}

export const EXPRESS_STAR = makeArticle('000_357d44f1acaf523f', `${KIM_CONFIRMS} ${JCS_4000} ${SHOIGU}`, {
  title: 'North Korea confirms it sent troops to help Russia in Ukraine',
  publisher: 'Express & Star',
});
export const KYIV_INDEPENDENT = makeArticle('002_df10cff95ed2165f', `${NIS_300} ${TREATY}`, {
  title: 'North Korea officially confirms deployment of troops to Russia',
});
export const EURONEWS = makeArticle('003_d1f3a4ea73cfd1a9', `${JCS_3000} ${TREATY}`, {
  title: 'North Korea has sent more troops to Russia, says Seoul',
  publisher: 'Euronews',
  date: { year: 2025, month: 3, day: 27, granularity: 'day' },
});

/** A mutable in-memory index: tests add articles, claims and events between runs. */
export class FakeIndex implements BriefingIndex {
  readonly corpusDir = 'seeds';
  readonly loadedAt = new Date('2026-01-01T00:00:00Z');
  articleList: Article[] = [];
  figureList: FigureClaim[] = [];
  eventList: TimelineEvent[] = [];

  articles() {
    return this.articleList;
  }
  article(id: string) {
    return this.articleList.find((a) => a.id === id);
  }
  warnings() {
    return [];
  }
  figures(opts?: { topic?: string }) {
    return this.figureList.filter((c) => !opts?.topic || c.sources.some((s) => matches(s.quote, opts.topic!)));
  }
  timeline(opts?: { topic?: string }) {
    return { events: this.eventList.filter((e) => !opts?.topic || matches(e.text, opts.topic!)), undated: [] };
  }
  quotes() {
    return [];
  }
  search(query: string) {
    return this.articleList.flatMap((a) =>
      a.sentences.filter((s) => matches(s.text, query)).map((s) => ({ article: a.id, quote: s.text, score: 1, source: ref(a, s.text) })),
    );
  }
  brief() {
    return [];
  }
  suggest() {
    return [];
  }
  entities() {
    return [];
  }
}

function matches(text: string, topic: string): boolean {
  return text.toLowerCase().includes(topic.toLowerCase());
}

/** A fresh directory for `briefbot.db`; removed by the returned function. */
export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-schedule-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Captures log lines as parsed JSON until `restore()`. */
export function captureLogs(): { lines: Record<string, unknown>[]; restore: () => void } {
  const lines: Record<string, unknown>[] = [];
  setLogSink((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return { lines, restore: () => setLogSink((line) => process.stderr.write(line + '\n')) };
}

/** A clock tests move by hand. */
export class FakeClock {
  constructor(private t: Date) {}
  now = (): Date => new Date(this.t);
  set(iso: string | Date): void {
    this.t = new Date(iso);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/** A daily brief in a Discord channel, as `/schedule add when:daily 08:00 command:brief` stores it. */
export const DAILY_BRIEF: NewSchedule = {
  platform: 'discord',
  workspaceId: 'G1',
  channelId: 'C1',
  createdBy: 'U1',
  command: 'brief',
  topic: null,
  cron: '0 0 8 * * *',
  zone: 'Europe/London',
  label: 'daily at 08:00',
  fullBrief: false,
};

/** The store with some methods replaced, for fault injection and counting calls. */
export function storeWith(real: ScheduleStore, overrides: Partial<{ [K in keyof ScheduleStore]: ScheduleStore[K] }>): ScheduleStore {
  return new Proxy(real, {
    get(target, key) {
      if (Object.prototype.hasOwnProperty.call(overrides, key)) return overrides[key as keyof ScheduleStore];
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
