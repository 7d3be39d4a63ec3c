/**
 * Corpus-level steps that need more than one article: syndication groups, and
 * publication dates in order of trust (metadata, a date line in the text, a
 * dated syndicated copy, else undated with a lower bound from the latest
 * absolute date the text mentions). Never today's date, never the file's mtime.
 */
import type { Article, ArticleExtraction, DateValue } from '../core/types.js';
import { groupSyndicated } from '../corpus/syndication.js';
import { compareDateValues } from '../extract/dates.js';

function latestAbsolute(x: ArticleExtraction): DateValue | null {
  let best: DateValue | null = null;
  for (const t of x.times) {
    if (t.rule.type !== 'absolute') continue;
    if (!best || compareDateValues(t.rule.value, best) > 0) best = t.rule.value;
  }
  return best;
}

export function assembleArticles(extractions: readonly ArticleExtraction[]): Article[] {
  const roots = groupSyndicated(extractions.map((x) => x.signature));
  const members = new Map<number, number[]>();
  roots.forEach((r, i) => members.set(r, [...(members.get(r) ?? []), i]));

  return extractions.map((x, i): Article => {
    const group = members.get(roots[i]!)!;
    const syndicatedWith = group.filter((j) => j !== i).map((j) => extractions[j]!.id);
    // the group is named after its earliest-dated (else first) member
    const datedMembers = group
      .filter((j) => extractions[j]!.statedDate)
      .sort((a, b) => compareDateValues(extractions[a]!.statedDate!.value, extractions[b]!.statedDate!.value));
    const groupId = extractions[datedMembers[0] ?? group[0]!]!.id;
    if (x.statedDate) {
      return { ...x, date: x.statedDate.value, dateSource: x.statedDate.source, notBefore: null, syndicatedWith, groupId };
    }
    if (datedMembers.length > 0) {
      return { ...x, date: extractions[datedMembers[0]!]!.statedDate!.value, dateSource: 'syndication', notBefore: null, syndicatedWith, groupId };
    }
    const bound = latestAbsolute(x);
    return { ...x, date: null, dateSource: bound ? 'bound' : 'none', notBefore: bound, syndicatedWith, groupId };
  });
}
