/**
 * Reply -> Discord message: one embed per page (title, statements in the
 * description, numbered sources with links in fields, page in the footer) and
 * Previous/Next buttons when there is more than one page. Pure: no discord.js.
 *
 * Limits (testing-chat-platforms.md): title 256, description 4,096, 25 fields of
 * name 256 / value 1,024, footer 2,048, 6,000 characters per message, content 2,000.
 */
import type { NumberedSource, Reply } from '../core/reply.js';
import { pageCountOf, planPart, positionLabel, statementRow, type LineStyle, type Page, type PagePosition } from './layout.js';
import { pageButtonId } from './replyStore.js';
import { escapeDiscord, plainText, safeUrl, truncate } from './text.js';

export const DISCORD_LIMITS = Object.freeze({
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
  customId: 100,
  autocompleteChoices: 25,
  choiceLength: 100,
});

/** Page budgets: under the hard limits, leaving room for the footer and titles. */
const BUDGET = Object.freeze({ description: 3900, total: 5800, line: 1500, sourceTitle: 90 });

export const COLOURS = Object.freeze({ answer: 0x2b6cb0, error: 0xc53030 });

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}

export interface DiscordButton {
  type: 2;
  style: 2;
  label: string;
  custom_id: string;
  disabled?: boolean;
}

export interface DiscordActionRow {
  type: 1;
  components: DiscordButton[];
}

export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  /** Never ping: corpus text and user input can contain @everyone or role mentions. */
  allowed_mentions: { parse: [] };
  /** Page shown (0-based) and how many the answer has. */
  page: number;
  pageCount: number;
  /** Part of the page shown, when a page's statements need several messages. */
  part: number;
  partCount: number;
}

/** Statements per page: a page is built from its own statements only. */
export const DISCORD_PAGE_STATEMENTS = 5;
/** Articles listed per statement (numbered lines with links take room in an embed); the rest are counted. */
export const DISCORD_LISTED_SOURCES = 6;

const style: LineStyle = {
  note: (t) => `*${escapeDiscord(t)}*`,
  heading: (t, continued) => `**${escapeDiscord(t)}${continued ? ' (continued)' : ''}**`,
  statement: (st) => statementRow(st, escapeDiscord, (t) => `**${t}**`),
  refs: (ns) => ' ' + ns.map((n) => `[${n}]`).join(''),
  maxLine: BUDGET.line,
  pageStatements: DISCORD_PAGE_STATEMENTS,
  listedSources: DISCORD_LISTED_SOURCES,
};

/** "**[1]** [Express & Star: North Korea confirms…](https://…) · 2025-04-28" */
export function discordSourceLine(s: NumberedSource): string {
  const who = s.publisher ?? s.title ?? s.article;
  const label = s.publisher && s.title ? `${s.publisher}: ${truncate(s.title, BUDGET.sourceTitle)}` : truncate(who, BUDGET.sourceTitle);
  const url = safeUrl(s.url);
  const linked = url ? `[${escapeDiscord(label)}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : escapeDiscord(label);
  // Without a link, the article id lets a reader find the file.
  const tail = [s.date, url || label === s.article ? null : `\`${s.article.replace(/`/g, '')}\``].filter(Boolean).join(' · ');
  return `**[${s.n}]** ${linked}${tail ? ' · ' + tail : ''}`;
}

/** Packs source lines into fields of at most 1,024 characters. */
function sourceFields(lines: string[], maxFields: number): { name: string; value: string }[] {
  const fields: { name: string; value: string }[] = [];
  let current = '';
  const flush = () => {
    if (current) fields.push({ name: fields.length === 0 ? 'Sources' : 'Sources (continued)', value: current });
    current = '';
  };
  for (const raw of lines) {
    const line = raw.length > DISCORD_LIMITS.fieldValue ? truncate(raw, DISCORD_LIMITS.fieldValue) : raw;
    if (current.length + 1 + line.length > DISCORD_LIMITS.fieldValue) flush();
    current = current ? `${current}\n${line}` : line;
  }
  flush();
  if (fields.length > maxFields) {
    const kept = fields.slice(0, maxFields);
    const last = kept[kept.length - 1]!;
    const more = `…and more sources: run the command with a narrower topic.`;
    last.value = truncate(last.value, DISCORD_LIMITS.fieldValue - more.length - 1) + '\n' + more;
    return kept;
  }
  return fields;
}

function embedSize(e: DiscordEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function buildEmbed(title: string, page: Page, sources: Map<number, NumberedSource>, footer: string): DiscordEmbed {
  let description = page.lines
    .map((l, i) => (l.kind === 'heading' && i > 0 ? '\n' + l.text : l.text))
    .join('\n');
  if (description.length > DISCORD_LIMITS.description) description = truncate(description, DISCORD_LIMITS.description);
  const embed: DiscordEmbed = { title, color: COLOURS.answer, footer: { text: truncate(footer, DISCORD_LIMITS.footer) } };
  if (description) embed.description = description;
  const lines = page.refs.map((n) => sources.get(n)).filter((s): s is NumberedSource => !!s).map(discordSourceLine);
  if (lines.length > 0) embed.fields = sourceFields(lines, DISCORD_LIMITS.fields);
  return embed;
}

/** Previous · page x/y · Next, with ids that let the adapter re-render any page. */
function pageButtons(replyId: string, at: { page: number; pageCount: number; part: number; partCount: number; previous: PagePosition | null; next: PagePosition | null }): DiscordActionRow {
  const here = { page: at.page, part: at.part };
  const id = (p: PagePosition) => pageButtonId(replyId, p.page, p.part);
  return {
    type: 1,
    components: [
      { type: 2, style: 2, label: '◀ Previous', custom_id: id(at.previous ?? here), disabled: at.previous === null },
      // Disabled middle button shows where we are; its id only has to be unique in the message.
      { type: 2, style: 2, label: `${at.page + 1} / ${at.pageCount}${at.partCount > 1 ? ` (part ${at.part + 1}/${at.partCount})` : ''}`, custom_id: `bb:pos:${replyId}`, disabled: true },
      { type: 2, style: 2, label: 'Next ▶', custom_id: id(at.next ?? here), disabled: at.next === null },
    ],
  };
}

/** How many pages an answer takes on Discord (a page may be shown in several parts). */
export function discordPageCount(reply: Reply): number {
  return reply.kind === 'answer' ? pageCountOf(reply, style) : 1;
}

/**
 * Renders one page (or one part of a page) of a reply: builds that page's
 * statements only. Errors become a one-line content message. When the answer has
 * several pages or parts, pass the `replyId` the adapter stored it under so the
 * Previous/Next buttons can find it again.
 *
 * @example renderDiscord(reply, 0, { replyId: 'k3J9x0aQ2b' }).embeds[0].footer.text // '/casualties · page 1/3'
 */
export function renderDiscord(reply: Reply, page = 0, opts: { replyId?: string; part?: number } = {}): DiscordMessage {
  if (reply.kind === 'error') {
    const id = reply.errorId && !reply.message.includes(reply.errorId) ? ` (error id ${reply.errorId})` : '';
    const content = truncate(`⚠️ ${escapeDiscord(reply.message)}${id}`, DISCORD_LIMITS.content);
    return { content, embeds: [], components: [], allowed_mentions: { parse: [] }, page: 0, pageCount: 1, part: 0, partCount: 1 };
  }
  const title = truncate(plainText(reply.title), DISCORD_LIMITS.title);
  const fits = (candidate: Page, sources: Map<number, NumberedSource>): boolean => {
    const embed = buildEmbed(title, candidate, sources, '/' + reply.command + ' · page 99999/99999, part 99/99');
    return (embed.description?.length ?? 0) <= BUDGET.description && embedSize(embed) <= BUDGET.total && (embed.fields?.length ?? 0) <= DISCORD_LIMITS.fields;
  };
  const at = planPart(reply, style, fits, { page, part: opts.part ?? 0 });
  const paged = at.pageCount > 1 || at.partCount > 1;
  const footer = paged ? `/${reply.command} · ${positionLabel(at)}` : `/${reply.command}`;
  const embed = buildEmbed(title, at.lines, at.sources, footer);
  if (at.lines.lines.length === 0) embed.description = 'Nothing in the corpus matches.';
  const components = paged && opts.replyId ? [pageButtons(opts.replyId, at)] : [];
  return { embeds: [embed], components, allowed_mentions: { parse: [] }, page: at.page, pageCount: at.pageCount, part: at.part, partCount: at.partCount };
}

/** Autocomplete choices: at most 25, names and values at most 100 characters. */
export function discordChoices(names: readonly string[]): { name: string; value: string }[] {
  const seen = new Set<string>();
  const out: { name: string; value: string }[] = [];
  for (const n of names) {
    const value = n.slice(0, DISCORD_LIMITS.choiceLength);
    if (!value.trim() || seen.has(value)) continue;
    seen.add(value);
    out.push({ name: truncate(n, DISCORD_LIMITS.choiceLength), value });
    if (out.length === DISCORD_LIMITS.autocompleteChoices) break;
  }
  return out;
}
