/**
 * What the e2e tests run: the real commands of `commands/` over the seed corpus,
 * plus the test-only commands of fakes.ts. Before the engine lands (no
 * commands/index.ts yet) it falls back to stand-ins so the adapters stay testable;
 * `stub` says which one ran.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandArgs, CommandDefinition } from '../../src/core/command.js';
import type { BriefingIndex } from '../../src/index/briefingIndex.js';
import { dispatch } from '../../src/dispatch.js';
import { discordPageCount } from '../../src/render/discord.js';
import { slackPageCount } from '../../src/render/slack.js';
import { stubCommands, stubIndex, testCommands } from './fakes.js';

export interface Sample {
  name: string;
  args: Record<string, string | number | boolean>;
  /** Whether the answer must list sources (false for help and the like). */
  expectSources: boolean;
  /** Run it as a channel admin (admin commands). */
  admin: boolean;
  /** For commands shown as subcommands: Discord's subcommand, the word after the command on Slack (`schedule list`). */
  subcommand?: string;
}

export interface Suite {
  stub: boolean;
  index: BriefingIndex;
  commands: readonly CommandDefinition[];
  now: Date;
  /** One invocation per real command. */
  samples: Sample[];
  /** An invocation whose answer takes more than one page. */
  long: { name: string; args: CommandArgs & Record<string, string | number | boolean> };
  autocomplete: { name: string; option: string; prefix: string; expected: string };
  /** Context the process adds to every command (the live corpus for /reload, the schedules for /schedule). */
  contextExtras: () => object;
  /** Closes what the suite opened (the schedules database in a temp folder). */
  close(): void;
}

const root = new URL('../../', import.meta.url);
export const NOW = new Date('2025-04-30T12:00:00Z');

export async function loadSuite(): Promise<Suite> {
  const engine = existsSync(new URL('commands/index.ts', root)) && existsSync(new URL('src/index/load.ts', root));
  if (!engine || process.env.BRIEFBOT_TEST_STUBS === '1') return stubSuite();
  const { commands } = (await import(new URL('commands/index.ts', root).href)) as { commands: readonly CommandDefinition[] };
  const { loadBriefingIndex } = (await import(new URL('src/index/load.ts', root).href)) as {
    loadBriefingIndex(opts: { corpusDir: string; cacheDir?: string | null }): Promise<BriefingIndex>;
  };
  const { LiveCorpus } = (await import(new URL('src/index/live.ts', root).href)) as typeof import('../../src/index/live.js');
  const corpusDir = new URL('seeds', root).pathname;
  const live = new LiveCorpus({ corpusDir, load: () => loadBriefingIndex({ corpusDir, cacheDir: null }) });
  const index = await live.start({ watch: false });
  // /schedule answers from a real schedules database, in a folder of its own.
  const { ScheduleStore } = (await import(new URL('src/schedule/store.ts', root).href)) as typeof import('../../src/schedule/store.js');
  const { createScheduleService } = (await import(new URL('src/schedule/service.ts', root).href)) as typeof import('../../src/schedule/service.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'briefbot-suite-'));
  const store = ScheduleStore.open({ dataDir });
  const schedules = createScheduleService({ store, defaultZone: 'UTC', clock: () => NOW });
  return {
    ...(await realSuite(index, commands)),
    contextExtras: () => ({ corpus: live, schedules }),
    close: () => {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function stubSuite(): Suite {
  return {
    stub: true,
    index: stubIndex(),
    commands: [...stubCommands, ...testCommands],
    now: NOW,
    samples: [
      { name: 'casualties', args: {}, expectSources: true, admin: false },
      { name: 'search', args: { query: 'troops' }, expectSources: true, admin: false },
      { name: 'quotes', args: { speaker: 'Kim Jong Un' }, expectSources: true, admin: false },
      { name: 'reload', args: {}, expectSources: false, admin: true },
    ],
    long: { name: 'search', args: { query: 'troops', limit: 120 } },
    autocomplete: { name: 'quotes', option: 'speaker', prefix: 'kre', expected: 'Kremlin spokesperson 1' },
    contextExtras: () => ({ corpus: { reload: async () => ({ articles: 0, changed: false, reason: 'requested' }) } }),
    close: () => undefined,
  };
}

/** Sample values for options by name, over the seed corpus (North Korean troops in Kursk). */
const SAMPLE_VALUES: Record<string, string | number | boolean> = {
  query: 'troops',
  topic: 'Kursk',
  speaker: 'Kim',
  entity: 'North Korea',
  command: 'casualties',
  limit: 5,
};

/** Commands shown as subcommands, sampled with an action anyone may run. */
const SAMPLE_SUBCOMMANDS: Record<string, string> = { schedule: 'list' };

async function realSuite(index: BriefingIndex, commands: readonly CommandDefinition[]): Promise<Omit<Suite, 'contextExtras' | 'close'>> {
  const samples: Sample[] = commands.map((c) => {
    const subcommand = SAMPLE_SUBCOMMANDS[c.name];
    if (subcommand) return { name: c.name, args: {}, subcommand, expectSources: false, admin: false };
    const args: Record<string, string | number | boolean> = {};
    for (const o of c.options) {
      if (!o.required) continue;
      if (o.choices) args[o.name] = o.choices[0]!.value;
      else if (o.autocomplete) args[o.name] = index.suggest(o.autocomplete, '', 1)[0] ?? String(SAMPLE_VALUES[o.name] ?? 'North Korea');
      else args[o.name] = SAMPLE_VALUES[o.name] ?? (o.type === 'integer' ? (o.minValue ?? 1) : o.type === 'boolean' ? true : 'North Korea');
    }
    // Answers that are framing only (notes), not claims: no sources to list.
    return { name: c.name, args, expectSources: !['help', 'sources', 'reload'].includes(c.name), admin: !!c.admin };
  });
  const withAutocomplete = commands.flatMap((c) => c.options.filter((o) => o.autocomplete).map((o) => ({ c, o })));
  const ac = withAutocomplete[0];
  const acName = ac ? index.suggest(ac.o.autocomplete!, '', 1)[0] ?? '' : '';
  return {
    stub: false,
    index,
    commands: [...commands, ...testCommands],
    now: NOW,
    samples,
    long: await longSample(index, commands),
    autocomplete: { name: ac?.c.name ?? 'quotes', option: ac?.o.name ?? 'speaker', prefix: acName.slice(0, 3), expected: acName },
  };
}

/** `/brief` text for a command and its arguments: `search query:"north korea" public`. */
export function slackText(name: string, args: Record<string, string | number | boolean>, isPublic = false): string {
  const parts = [name, ...Object.entries(args).map(([k, v]) => (typeof v === 'string' && /\s/.test(v) ? `${k}:"${v}"` : `${k}:${v}`))];
  if (isPublic) parts.push('public');
  return parts.join(' ');
}

/** `/brief` text for a sample: `casualties topic:Kursk`, `schedule list`. */
export function sampleText(sample: Sample): string {
  return slackText(sample.subcommand ? `${sample.name} ${sample.subcommand}` : sample.name, sample.args);
}

/** The first invocation over the seeds whose answer takes several pages on both platforms. */
async function longSample(index: BriefingIndex, commands: readonly CommandDefinition[]): Promise<Suite['long']> {
  const candidates: Suite['long'][] = [
    { name: 'timeline', args: {} },
    { name: 'search', args: { query: 'North Korea', limit: 25 } },
    { name: 'figures', args: {} },
  ];
  for (const c of candidates) {
    const reply = await dispatch({ index, now: NOW, commands }, c.name, c.args);
    if (discordPageCount(reply) > 1 && slackPageCount(reply) > 1) return c;
  }
  throw new Error('no command answers with more than one page over the seeds; add a candidate to longSample()');
}
