/**
 * Extraction scored against the benchmark generator's planted ground truth
 * (bench/generate.ts, written separately from the extractor): 42 invented stories,
 * many outlets and attribution styles. A second, larger check that the rules
 * generalise beyond the texts they were developed on.
 */
import { describe, expect, it } from 'vitest';
import { describeArticle } from '../../bench/generate.js';
import { splitFrontMatter } from '../../src/corpus/read.js';
import { extractArticle } from '../../src/extract/article.js';
import { formatDateValue } from '../../src/extract/dates.js';

describe('extraction on 300 generated articles with planted figures', () => {
  it('GIVEN planted figures and dates THEN recall, precision, claimants and dates stay above their measured floors', () => {
    let tp = 0, fp = 0, fn = 0, claimed = 0, claimedRight = 0, datesRight = 0, datesWrong = 0;
    const norm = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/^(?:the|a|an) /, '');
    for (let i = 0; i < 300; i++) {
      const { article, info } = describeArticle(42, i);
      const fm = splitFrontMatter(article.text);
      const x = extractArticle({ id: info.fileName, file: info.fileName, format: info.format, hash: String(i), text: fm.body, declared: fm.meta });
      if (x.statedDate) formatDateValue(x.statedDate.value) === info.date ? datesRight++ : datesWrong++;
      const used = new Set<number>();
      for (const g of info.figures.filter((f) => f.qualifier !== 'vague')) {
        const k = x.figures.findIndex((f, j) => !used.has(j) && f.kind === g.kind && f.low === g.low && f.high === g.high);
        if (k < 0) {
          fn++;
          continue;
        }
        used.add(k);
        tp++;
        if (g.claimedBy) {
          claimed++;
          const got = norm(x.figures[k]!.claimedBy ?? '');
          if (got && norm(g.claimedBy).includes(got)) claimedRight++;
        }
      }
      fp += x.figures.length - used.size;
    }
    const recall = tp / (tp + fn);
    const precision = tp / (tp + fp);
    const claimant = claimedRight / claimed;
    console.log(`generated articles: recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}%, claimant ${(claimant * 100).toFixed(1)}% of ${claimed}, stated dates ${datesRight} right / ${datesWrong} wrong`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(claimant).toBeGreaterThanOrEqual(0.94);
    expect(datesWrong).toBe(0);
    expect(datesRight).toBeGreaterThan(200);
  });
});
