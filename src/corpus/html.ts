/**
 * HTML articles: metadata from the head, readable text from the article body.
 * Scripts, styles, navigation, asides, figures and forms are dropped.
 */
import { compile, type HtmlToTextOptions } from 'html-to-text';
import type { DeclaredMetadata } from '../core/types.js';

/** `<meta name|property|itemprop="...">` patterns, built once per name. */
const metaPatterns = new Map<string, RegExp>();

function metaPattern(name: string): RegExp {
  let re = metaPatterns.get(name);
  if (!re) {
    re = new RegExp(`<meta\\s+[^>]*(?:name|property|itemprop)\\s*=\\s*["']${name.replace(/[:.]/g, '\\$&')}["'][^>]*>`, 'i');
    metaPatterns.set(name, re);
  }
  return re;
}

function metaContent(html: string, names: string[]): string | undefined {
  for (const name of names) {
    const tag = metaPattern(name).exec(html)?.[0];
    const content = tag ? /content\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] : undefined;
    if (content?.trim()) return decodeEntities(content.trim());
  }
  return undefined;
}

/** html-to-text compiles its options (selectors into a decision tree) once per converter, not per call. */
const decodeConverter = compile({ wordwrap: false });

function decodeEntities(s: string): string {
  return decodeConverter(s).trim();
}

export function htmlMetadata(html: string): DeclaredMetadata {
  const head = html.slice(0, 200_000);
  const title = metaContent(head, ['og:title', 'twitter:title']) ?? (/<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1] ? decodeEntities(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)![1]!) : undefined);
  const date = metaContent(head, ['article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'dc.date', 'DC.date.issued']) ?? /<time[^>]*datetime\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const publisher = metaContent(head, ['og:site_name', 'publisher', 'application-name']);
  const byline = metaContent(head, ['author', 'article:author', 'byl']);
  const url = metaContent(head, ['og:url']) ?? /<link\s+[^>]*rel\s*=\s*["']canonical["'][^>]*href\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const out: DeclaredMetadata = {};
  if (title) out.title = title;
  if (date) out.date = date;
  if (publisher) out.publisher = publisher;
  if (byline) out.byline = byline;
  if (url && /^https?:\/\//i.test(url)) out.url = url;
  return out;
}

/** @internal html-to-text options of `htmlToText`, reading from these base elements. */
export function articleOptions(baseSelectors: string[]): HtmlToTextOptions {
  return {
    wordwrap: false,
    baseElements: { selectors: baseSelectors, returnDomByDefault: true },
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'noscript', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'aside', format: 'skip' },
      { selector: 'footer', format: 'skip' },
      { selector: 'form', format: 'skip' },
      { selector: 'figure', format: 'skip' },
      { selector: 'figcaption', format: 'skip' },
      { selector: 'iframe', format: 'skip' },
      { selector: 'button', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
      { selector: 'ul', options: { itemPrefix: ' ' } },
    ],
  };
}

/** The two converters `htmlToText` uses: from `<article>` when the page has one, else from `<main>`/`<body>`. */
const articleConverter = compile(articleOptions(['article']));
const pageConverter = compile(articleOptions(['main', 'body']));

/** Readable text of the article: one paragraph per line. */
export function htmlToText(html: string): string {
  const hasArticle = /<article[\s>]/i.test(html);
  return (hasArticle ? articleConverter : pageConverter)(html)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
