/**
 * Text helpers shared by the platform renderers: escaping corpus text so it can
 * never format, ping or link on its own, and cutting long text at a sentence or
 * word boundary (never mid-word, never mid-escape).
 */

export const CONTINUED = ' …(continued)';

/**
 * Escapes text for Discord markdown (message content, embed descriptions, field
 * values). Markdown characters are backslash-escaped, so `<@123>`, `<@&role>`,
 * `<#chan>`, `[label](url)` and `**` show literally; `@everyone` and `@here` get a
 * zero-width space so they cannot ping even where `allowed_mentions` is ignored.
 *
 * @example escapeDiscord('@everyone *now* <@&1>') // '@\u200beveryone \\*now\\* \\<@&1>'
 */
export function escapeDiscord(text: string): string {
  return neutraliseBroadcasts(
    text
      .replace(/[\\*_~`|<\[\]]/g, '\\$&')
      // Block syntax only matters at the start of a line: headings, quotes, lists, subtext.
      .replace(/^([ \t]*)(#{1,3}|>>?>?|-#|[-+]|\d+\.)(?=\s)/gm, (_m, sp: string, mark: string) => sp + mark.replace(/^./, '\\$&')),
  );
}

/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` become entities (so `<!channel>`,
 * `<@U123>` and `<url|label>` show literally) and `@channel`/`@here`/`@everyone`
 * get a zero-width space.
 *
 * @example escapeSlack('<!channel> R&D') // '&lt;!channel&gt; R&amp;D'
 */
export function escapeSlack(text: string): string {
  return neutraliseBroadcasts(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** `@everyone`, `@here` and `@channel` get a zero-width space: they cannot broadcast. */
export function neutraliseBroadcasts(text: string): string {
  return text.replace(/@(everyone|here|channel)\b/gi, '@\u200b$1');
}

/**
 * For text shown without markdown (embed titles and footers, Slack plain_text):
 * broadcasts neutralised and mention syntax (`<@`, `<#`, `<!`, `<t:`, `</command:id>`)
 * broken with a zero-width space, since a backslash would show literally there.
 */
export function plainText(text: string): string {
  return neutraliseBroadcasts(text).replace(/<(?=[@#!:/]|a:|t:)/g, '<\u200b');
}

/** A URL safe to put in a link: http(s), no whitespace, at most 512 characters. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const s = u.toString();
    return s.length > 512 ? null : s;
  } catch {
    return null;
  }
}

/** Shortens text to `limit` characters at a word boundary, ending with "…". */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = safeCut(text, limit - 1, true);
  return text.slice(0, cut).trimEnd() + '…';
}

/**
 * Splits text into chunks of at most `limit` characters, preferring sentence ends,
 * then word boundaries; every chunk but the last ends with "…(continued)".
 *
 * @example splitText('One. Two three.', 12) // ['One. …(continued)', 'Two three.'] (with a large enough limit)
 */
export function splitText(text: string, limit: number, marker = CONTINUED): string[] {
  if (limit <= marker.length + 10) throw new RangeError(`limit ${limit} too small to split text`);
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const room = limit - marker.length;
    const cut = safeCut(rest, room, false);
    chunks.push(rest.slice(0, cut).trimEnd() + marker);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/**
 * Where to cut `text` so the head is at most `room` characters: after the last
 * sentence end in the second half of the window, else at the last space, else a hard
 * cut that does not split a surrogate pair, a backslash escape or an `&amp;` entity.
 */
function safeCut(text: string, room: number, wordsOnly: boolean): number {
  const window = text.slice(0, room + 1);
  if (!wordsOnly) {
    const sentenceEnd = /[.!?…]["'”’)\]]*(?=\s)/g;
    let best = -1;
    for (let m = sentenceEnd.exec(window); m; m = sentenceEnd.exec(window)) {
      const end = m.index + m[0].length;
      if (end <= room) best = end;
    }
    if (best >= room * 0.5) return best;
  }
  const space = window.lastIndexOf(' ');
  if (space >= room * 0.3) return space;
  let cut = room;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const tail = text.slice(Math.max(0, cut - 8), cut);
  const entity = tail.match(/&[a-z#0-9]*$/i);
  if (entity) cut -= entity[0].length;
  while (cut > 1 && text[cut - 1] === '\\') cut -= 1;
  return Math.max(1, cut);
}
