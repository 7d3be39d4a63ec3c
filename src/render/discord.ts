/**
 * Reply -> Discord message: one embed per page (title, statements in the
 * description, numbered sources with links in fields, page in the footer) and
 * Previous/Next buttons when there is more than one page. Pure: no discord.js.
 *
 * Limits (testing-chat-platforms.md): title 256, description 4,096, 25 fields of
 * name 256 / value 1,024, footer 2,048, 6,000 characters per message, content 2,000.
 */
import type { AnswerReply, NumberedSource, Reply } from '../core/reply.js';
import { layoutReply, paginate, statementRow, type LineStyle, type Page } from './layout.js';
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
  page: number;
  pageCount: number;
}

const style: LineStyle = {
  note: (t) => `*${escapeDiscord(t)}*`,
  heading: (t, continued) => `**${escapeDiscord(t)}${continued ? ' (continued)' : ''}**`,
  statement: (st) => statementRow(st, escapeDiscord, (t) => `**${t}**`),
  refs: (ns) => ' ' + ns.map((n) => `[${n}]`).join(''),
  maxLine: BUDGET.line,
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

interface Plan {
  reply: AnswerReply;
  pages: Page[];
  sources: Map<number, NumberedSource>;
  title: string;
}

function plan(reply: AnswerReply): Plan {
  const layout = layoutReply(reply, style);
  const sources = new Map(layout.sources.map((s) => [s.n, s]));
  const title = truncate(plainText(reply.title), DISCORD_LIMITS.title);
  const fits = (page: Page): boolean => {
    const embed = buildEmbed(title, page, sources, '/' + reply.command + ' · page 99/99');
    return (embed.description?.length ?? 0) <= BUDGET.description && embedSize(embed) <= BUDGET.total && (embed.fields?.length ?? 0) <= DISCORD_LIMITS.fields;
  };
  const pages = paginate(layout, style, fits, (i) => reply.sections[i]?.heading);
  return { reply, pages: pages.length > 0 ? pages : [{ lines: [], refs: [] }], sources, title };
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
function pageButtons(replyId: string, page: number, pageCount: number): DiscordActionRow {
  return {
    type: 1,
    components: [
      { type: 2, style: 2, label: '◀ Previous', custom_id: pageButtonId(replyId, Math.max(0, page - 1)), disabled: page === 0 },
      // Disabled middle button shows where we are; its id only has to be unique in the message.
      { type: 2, style: 2, label: `${page + 1} / ${pageCount}`, custom_id: `bb:pos:${replyId}`, disabled: true },
      { type: 2, style: 2, label: 'Next ▶', custom_id: pageButtonId(replyId, Math.min(pageCount - 1, page + 1)), disabled: page >= pageCount - 1 },
    ],
  };
}

/** How many pages an answer takes on Discord. */
export function discordPageCount(reply: Reply): number {
  return reply.kind === 'answer' ? plan(reply).pages.length : 1;
}

/**
 * Renders one page of a reply. Errors become a one-line content message. When the
 * answer has several pages, pass the `replyId` the adapter stored it under so the
 * Previous/Next buttons can find it again.
 *
 * @example renderDiscord(reply, 0, { replyId: 'k3J9x0aQ2b' }).embeds[0].footer.text // '/casualties · page 1/3'
 */
export function renderDiscord(reply: Reply, page = 0, opts: { replyId?: string } = {}): DiscordMessage {
  if (reply.kind === 'error') {
    const id = reply.errorId && !reply.message.includes(reply.errorId) ? ` (error id ${reply.errorId})` : '';
    const content = truncate(`⚠️ ${escapeDiscord(reply.message)}${id}`, DISCORD_LIMITS.content);
    return { content, embeds: [], components: [], allowed_mentions: { parse: [] }, page: 0, pageCount: 1 };
  }
  const p = plan(reply);
  const pageCount = p.pages.length;
  const at = Math.min(Math.max(0, Math.trunc(page)), pageCount - 1);
  const footer = pageCount > 1 ? `/${reply.command} · page ${at + 1}/${pageCount}` : `/${reply.command}`;
  const embed = buildEmbed(p.title, p.pages[at]!, p.sources, footer);
  if (reply.sections.every((s) => s.statements.length === 0) && reply.notes.length === 0) embed.description = 'Nothing in the corpus matches.';
  const components = pageCount > 1 && opts.replyId ? [pageButtons(opts.replyId, at, pageCount)] : [];
  return { embeds: [embed], components, allowed_mentions: { parse: [] }, page: at, pageCount };
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
