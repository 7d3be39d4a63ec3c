/**
 * Turns scraped article text into a clean body plus what the page header shows
 * (title, publisher, byline). Works line by line: scraped pages put ads, share
 * buttons, navigation, captions and credits on lines of their own.
 *
 * Nothing is rewritten: the body is made of whole lines of the input (minus a
 * leading date line or dateline), so every sentence in it is verbatim article text.
 */

export interface CleanedText {
  body: string;
  title: string | null;
  publisher: string | null;
  byline: string | null;
  /** Lines dropped, for debugging and tests. */
  dropped: string[];
}

/** Whole-line boilerplate seen on news sites (ads, share bars, comment notices, navigation). */
const BOILERPLATE: RegExp[] = [
  /^(article )?ad(vertisement)?( box)?$/i,
  /^(sponsored|promoted)( content| stories| links)?$/i,
  /^(share|share this( article| story| page)?|share on \w+|tweet|email|print|copy link|close( button)?|comments?|\d+ comments?)\b.{0,40}$/i,
  /^(sorry, )?(we are not accepting|comments are (closed|disabled)|join the conversation|leave a comment|view comments|show comments)/i,
  /^(sign up|subscribe|newsletter|get (our|the) newsletter|follow us|download (our|the) app|click here|read (more|next|also)|related( articles| stories| content)?|more on this( story)?|most (read|popular)|recommended|trending|watch|listen|go to accessibility shortcuts|skip to (main )?content|loader|loading\.*)\b.{0,60}$/i,
  /^(image|photo|video|picture)( caption| credit| source)?[:.]?\s/i,
  /^(copyright|©|\(c\))\s?/i,
  /^(getty images|reuters|afp|ap photo|epa|shutterstock)(\/.*)?$/i,
  /^(published|updated|last updated|posted)( on| at)?:?$/i,
  /^sms\/?$/i,
  /^(home|menu|search|log ?in|sign in|register)$/i,
  /^\W+$/,
];

/** After one of these, the rest of the page is links to other stories. */
const END_OF_ARTICLE = /^(read more|related( articles| stories| content| coverage)?|more on this story|more from|you may also like|most (read|popular)|recommended( for you)?|trending( now)?|top stories)\s*:?$/i;

/** A photo credit in parentheses at the end of a line: "(Korean Central News Agency/AP)", "(Kristina Kormilitsyna, Sputnik, Kremlin Pool/AP)". */
const CREDIT_SUFFIX = /\((?:[^()]*\/\s*(?:AP|AFP|Reuters|Getty|EPA|Pool|PA|Xinhua|Sputnik|Anadolu|Bloomberg)[^()]*|(?:AP|AFP|Reuters|Getty Images|EPA|PA Wire|Xinhua)(?: Photo)?)\)\s*$/;

const SOURCES_LINE = /^(sources?|via|source):\s*(.{2,60})$/i;
const BYLINE = /^by\s+(?:contributor\s+|staff\s+)?(.{2,80})$/i;
/** "SEOUL, South Korea — (AP) — " at the start of a wire story. */
const DATELINE = /^([A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.' ]{1,40})?\s*[—–-]+\s*)?\((AP|AFP|Reuters|UPI|dpa|Xinhua|PA)\)\s*[—–-]+\s*/;

function endsLikeSentence(line: string): boolean {
  return /[.!?…]["'”’)\]]*$/.test(line) || /["”]$/.test(line);
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** A menu line: several capitalised words, no sentence punctuation, often with repeats ("Newsletter Newsletters Events Events Podcasts"). */
function isNavigation(line: string): boolean {
  if (endsLikeSentence(line) || /[,;:]/.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length < 4) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  const repeats = words.length - new Set(words.map((w) => w.toLowerCase().replace(/s$/, ''))).size;
  return capitalised === words.length && repeats >= 1;
}

function isBoilerplate(line: string): boolean {
  return BOILERPLATE.some((re) => re.test(line)) || isNavigation(line);
}

function looksLikeTitle(line: string): boolean {
  const n = wordCount(line);
  return n >= 3 && n <= 30 && !/[.!?]$/.test(line) && /^\p{Lu}|^["“‘]/u.test(line);
}

export function cleanArticleText(raw: string): CleanedText {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, '').replace(/^\s+/, ''));
  const dropped: string[] = [];
  let title: string | null = null;
  let publisher: string | null = null;
  let byline: string | null = null;
  const kept: string[] = [];
  let bodyStarted = false;
  /** Header lines before the first body paragraph, in order (candidates for publisher/title). */
  const header: string[] = [];

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line === '') continue;
    let next = '';
    for (let k = i + 1; k < lines.length; k++) {
      if (lines[k] !== '') {
        next = lines[k]!;
        break;
      }
    }

    if (END_OF_ARTICLE.test(line)) {
      dropped.push(...lines.slice(i).filter(Boolean));
      break;
    }
    const src = SOURCES_LINE.exec(line);
    if (src) {
      publisher ??= src[2]!.trim();
      dropped.push(line);
      continue;
    }
    const by = BYLINE.exec(line);
    if (by && wordCount(line) <= 12 && !endsLikeSentence(line)) {
      byline ??= by[1]!.trim();
      dropped.push(line);
      continue;
    }
    if (isBoilerplate(line)) {
      dropped.push(line);
      continue;
    }
    // Photo captions: a line repeated with a credit on the next line, or a credited line.
    if (CREDIT_SUFFIX.test(line)) {
      dropped.push(line);
      continue;
    }
    if (next && next !== line && next.startsWith(line) && (CREDIT_SUFFIX.test(next) || /copyright/i.test(next))) {
      dropped.push(line);
      continue;
    }
    if (next && next === line) {
      // the same line twice in a row: a caption and its alt text
      dropped.push(line);
      i++;
      continue;
    }
    const dl = DATELINE.exec(line);
    if (dl) {
      publisher ??= dl[2] === 'AP' ? 'AP' : dl[2]!;
      line = line.slice(dl[0].length);
    }

    if (!bodyStarted) {
      // A body paragraph: ends like a sentence and is long enough, or is long prose.
      if (endsLikeSentence(line) && wordCount(line) >= 8) {
        bodyStarted = true;
      } else if (wordCount(line) >= 40) {
        bodyStarted = true;
      } else {
        header.push(line);
        continue;
      }
    } else if (!endsLikeSentence(line) && wordCount(line) <= 6) {
      // short unpunctuated lines inside the body are navigation or captions
      dropped.push(line);
      continue;
    }
    kept.push(line);
  }

  // Header: [publisher] title [standfirst] [caption...]
  const titleIdx = header.findIndex((l) => looksLikeTitle(l) && wordCount(l) >= 4);
  if (titleIdx >= 0) {
    title = header[titleIdx]!;
    if (titleIdx > 0 && publisher === null) {
      const cand = header[titleIdx - 1]!;
      if (wordCount(cand) <= 4 && /^\p{Lu}/u.test(cand)) publisher = cand;
    }
  }
  for (const [k, h] of header.entries()) {
    if (k !== titleIdx && !(publisher && h === publisher)) dropped.push(h);
  }
  // Headline-only passages (no body paragraph at all): keep the header text as the body.
  if (kept.length === 0 && header.length > 0) {
    kept.push(...header.filter((h) => h !== publisher));
    title = null;
  }
  return { body: kept.join('\n\n'), title, publisher, byline, dropped };
}
