import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, DISCORD_LISTED_SOURCES, DISCORD_PAGE_STATEMENTS, discordChoices, renderDiscord, type DiscordMessage } from '../../src/render/discord.js';
import { parsePageButtonId } from '../../src/render/replyStore.js';
import { CONTINUED } from '../../src/render/text.js';
import { ARTICLES, casualtiesReply, giantStatementReply, hostileReply, internalError, lazyReply, longReply, widelyPrintedReply } from './fixtures.js';
import { sectionStatements } from '../../src/core/reply.js';

/** Checks every documented Discord limit on a rendered message. */
function expectWithinLimits(m: DiscordMessage): void {
  expect(m.embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of m.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      expect(f.value.length).toBeGreaterThan(0);
    }
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.total);
  expect(m.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  for (const row of m.components) for (const b of row.components) expect(b.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
  expect(m.allowed_mentions).toEqual({ parse: [] });
}

describe('renderDiscord', () => {
  it('GIVEN the casualties answer THEN it reads as a table: one line per claim, figure in bold, who, when, source numbers', () => {
    const m = renderDiscord(casualtiesReply());
    expectWithinLimits(m);
    expect(m.pageCount).toBe(1);
    expect(m.components).toEqual([]);
    const [e] = m.embeds;
    expect(e!.title).toBe('North Korean casualties in Kursk: 4 differing figures');
    const lines = e!.description!.split('\n');
    expect(lines[0]).toBe('*Figures disagree: 1,200 (US) to 4,000 (Ukraine, South Korea). Wire copies count once.*');
    expect(lines).toContain('**Killed or wounded — sources disagree**');
    expect(lines).toContain('• **around 4,000** killed or wounded — per South Korea’s Joint Chiefs, reported 2025-04-28 · Printed in: Express & Star (also run by AP) [1][2]');
    expect(lines).toContain('• **4,000** killed or wounded — per Volodymyr Zelensky, reported 2025-04-28 · Printed in: Express & Star; Kyiv Independent [1][3]');
    expect(lines).toContain('• **around 1,200** killed or wounded — per US estimates, reported 2025-04-28 · Printed in: Express & Star; AP [1][2]');
    expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(4);
    expect(e!.footer!.text).toBe('/casualties');
  });

  it('GIVEN sources with and without URLs THEN they are numbered once, linked where possible, with the article id otherwise', () => {
    const [e] = renderDiscord(casualtiesReply()).embeds;
    expect(e!.fields![0]!.name).toBe('Sources');
    const lines = e!.fields![0]!.value.split('\n');
    expect(lines).toEqual([
      `**[1]** [Express & Star: North Korea confirms it sent troops to help Russia in Ukraine](${ARTICLES.expressStar.url}) · 2025-04-28`,
      `**[2]** [AP: North Korea confirms for the first time it sent troops to Russia](${ARTICLES.ap.url}) · 2025-04-28`,
      '**[3]** North Korea officially confirms deployment of troops to Russia · `002_df10cff95ed2165f`',
    ]);
  });

  it('GIVEN 150 passages from 40 articles THEN it paginates within every limit, keeps order and lists each page’s own sources', () => {
    const reply = longReply(150, 40);
    const first = renderDiscord(reply, 0, { replyId: 'abcDEF1234' });
    expect(first.pageCount).toBeGreaterThan(3);
    const seen: string[] = [];
    for (let p = 0; p < first.pageCount; p++) {
      const m = renderDiscord(reply, p, { replyId: 'abcDEF1234' });
      expectWithinLimits(m);
      expect(m.partCount).toBe(1);
      const e = m.embeds[0]!;
      expect(e.footer!.text).toBe(`/search · page ${p + 1}/${first.pageCount}`);
      const statements = e.description!.split('\n').filter((l) => l.startsWith('• '));
      expect(statements.length).toBeGreaterThan(0);
      seen.push(...statements);
      if (p > 0) expect(e.description!.split('\n')[0]).toBe('**Matches (continued)**');
      const cited = new Set(statements.flatMap((l) => [...l.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]))));
      const listed = new Set(e.fields!.flatMap((f) => [...f.value.matchAll(/^\*\*\[(\d+)\]\*\*/gm)].map((x) => Number(x[1]))));
      expect(listed).toEqual(cited);
      const [prev, pos, next] = m.components[0]!.components;
      expect(prev!.disabled).toBe(p === 0);
      expect(next!.disabled).toBe(p === first.pageCount - 1);
      expect(pos!.label).toBe(`${p + 1} / ${first.pageCount}`);
      expect(parsePageButtonId(next!.custom_id)).toEqual({ replyId: 'abcDEF1234', page: Math.min(p + 1, first.pageCount - 1), part: 0 });
      expect(parsePageButtonId(prev!.custom_id)).toEqual({ replyId: 'abcDEF1234', page: Math.max(p - 1, 0), part: 0 });
    }
    expect(seen).toHaveLength(150);
    seen.forEach((line, i) => expect(line).toContain(`(hit ${i + 1})`));
  });

  it('GIVEN a page number out of range THEN it shows the nearest page', () => {
    const reply = longReply(150, 10);
    const count = renderDiscord(reply).pageCount;
    expect(renderDiscord(reply, 999).page).toBe(count - 1);
    expect(renderDiscord(reply, -3).page).toBe(0);
    expect(renderDiscord(reply, 0, { part: 99 }).part).toBe(0);
  });

  it('GIVEN a page of 60,000 statements THEN only the statements of the page shown are built', () => {
    let built = 0;
    const reply = lazyReply(60_000, () => built++);
    const per = DISCORD_PAGE_STATEMENTS;
    const pages = 60_000 / per;
    const m = renderDiscord(reply, pages / 2, { replyId: 'lazy123456' });
    expectWithinLimits(m);
    expect(m.pageCount).toBe(pages);
    expect(m.page).toBe(pages / 2);
    expect(m.embeds[0]!.footer!.text).toBe(`/quotes · page ${pages / 2 + 1}/${pages}`);
    expect(m.embeds[0]!.description).toContain(`(statement ${30_000 + 1})`);
    expect(m.embeds[0]!.description).toContain(`(statement ${30_000 + per})`);
    expect(m.embeds[0]!.description).not.toContain(`(statement ${30_000 + per + 1})`);
    expect(m.embeds[0]!.description).not.toContain(`(statement ${30_000})`);
    // this page and the one before it (where Previous lands), nothing else
    expect(built).toBeLessThanOrEqual(2 * per);
  });

  it('GIVEN a statement longer than any page THEN it is split into parts between words with "…(continued)", Next and Previous walk the parts, and nothing is lost', () => {
    const reply = giantStatementReply();
    const parts: string[] = [];
    let at: { page: number; part: number } | null = { page: 0, part: 0 };
    let messages = 0;
    let previous: { page: number; part: number } | null = null;
    while (at) {
      const m = renderDiscord(reply, at.page, { replyId: 'x', part: at.part });
      expectWithinLimits(m);
      expect(m.part).toBe(at.part);
      expect(m.embeds[0]!.footer!.text).toBe(`/timeline · page 1/1, part ${at.part + 1}/${m.partCount}`);
      const [prev, , next] = m.components[0]!.components;
      expect(prev!.disabled).toBe(previous === null);
      if (previous) expect(parsePageButtonId(prev!.custom_id)).toEqual({ replyId: 'x', ...previous });
      parts.push(...m.embeds[0]!.description!.split('\n').filter((l) => l.startsWith('• ') || l.startsWith('word')));
      messages++;
      previous = at;
      at = next!.disabled ? null : parsePageButtonId(next!.custom_id)!;
      if (at) expect(at).toMatchObject({ page: 0, part: previous.part + 1 });
    }
    expect(messages).toBeGreaterThan(1);
    expect(parts.length).toBeGreaterThan(5);
    parts.slice(0, -1).forEach((p) => expect(p.endsWith(CONTINUED)).toBe(true));
    expect(parts.at(-1)).toMatch(/ \[1\]$/);
    const words = parts.map((p) => p.replace(CONTINUED, '').replace(/^• /, '').replace(/ \[1\]$/, '')).join(' ').split(' ');
    expect(words).toEqual(sectionStatements(reply.sections[0]!)[0]!.text.split(' '));
  });

  it('GIVEN a sentence printed by 500 articles THEN the line cites the first few and says how many more, and the page lists exactly what its lines cite', () => {
    const m = renderDiscord(widelyPrintedReply(500), 0, { replyId: 'wide' });
    expectWithinLimits(m);
    const e = m.embeds[0]!;
    const n = DISCORD_LISTED_SOURCES;
    const lines = e.description!.split('\n').filter((l) => l.startsWith('• '));
    expect(lines[0]!.endsWith(' ' + Array.from({ length: n }, (_, i) => `[${i + 1}]`).join('') + ` +${500 - n} more sources`)).toBe(true);
    expect(lines[1]).toMatch(new RegExp(` \\[${n + 1}\\]$`));
    const listed = e.fields!.flatMap((f) => [...f.value.matchAll(/^\*\*\[(\d+)\]\*\*/gm)].map((x) => Number(x[1])));
    expect(listed).toEqual(Array.from({ length: n + 1 }, (_, i) => i + 1));
  });

  it('GIVEN hostile corpus text THEN nothing can ping or format, in title, notes, headings and statements', () => {
    const m = renderDiscord(hostileReply());
    const e = m.embeds[0]!;
    const all = [e.title, e.description, ...(e.fields ?? []).map((f) => f.value)].join('\n');
    expect(all).not.toMatch(/@(everyone|here)/);
    expect(e.description).not.toMatch(/(^|[^\\])<[@#]/);
    expect(e.description).toContain('\\<@&987654321098765432>');
    expect(e.description).toContain('*\\# not a heading*');
    expect(e.description).toContain('\\[click\\]');
    expect(m.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN an internal error THEN it is one escaped line of content with the error id and no embed', () => {
    const m = renderDiscord(internalError());
    expect(m.embeds).toEqual([]);
    expect(m.content).toBe('⚠️ Sorry, /figures failed. Error id 1a2b3c4d; the team can find it in the logs.');
  });
});

describe('discordChoices', () => {
  it('GIVEN 40 suggestions, duplicates and a 150-character name THEN at most 25 unique choices within 100 characters', () => {
    const names = ['Kim Jong Un', 'Kim Jong Un', 'x'.repeat(150), ...Array.from({ length: 40 }, (_, i) => `Speaker ${i}`)];
    const choices = discordChoices(names);
    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});
