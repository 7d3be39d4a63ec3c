/**
 * EXTRACTION_VERSION keys the extraction cache and the snapshot: a change to what
 * extraction produces without a bump would leave every newsroom's cache serving
 * the old results. This test fingerprints extraction over fixed inputs (the seeds,
 * the held-out fixtures, the crisis passages and 300 generated articles) and fails
 * when the output changes while the version stays the same.
 *
 * After a deliberate change: bump EXTRACTION_VERSION (src/extract/article.ts), then
 * re-record with `UPDATE_EXTRACTION_FINGERPRINT=1 npx vitest run tests/extract/fingerprint.test.ts`
 * and commit tests/fixtures/extraction-fingerprint.json.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeArticle } from '../../bench/generate.js';
import { splitFrontMatter, type RawDocument } from '../../src/corpus/read.js';
import { EXTRACTION_VERSION, extractArticle } from '../../src/extract/article.js';
import { CRISIS, HELDOUT, ROOT, SEEDS, doc } from '../helpers.js';

const RECORD = path.join(ROOT, 'tests', 'fixtures', 'extraction-fingerprint.json');

interface Fingerprint {
  extractionVersion: number;
  /** sha256 of every input document, so a changed input is told apart from changed extraction. */
  inputs: string;
  /** sha256 of every extraction, as JSON. */
  outputs: string;
}

function fixedDocuments(): RawDocument[] {
  const docs: RawDocument[] = [];
  for (const dir of [SEEDS, HELDOUT, CRISIS]) {
    for (const f of readdirSync(dir).sort()) {
      const ext = path.extname(f).slice(1);
      if (!['txt', 'md', 'html'].includes(ext)) continue;
      docs.push(doc(readFileSync(path.join(dir, f), 'utf8'), `${path.basename(dir)}/${f}`, ext as RawDocument['format']));
    }
  }
  for (let i = 0; i < 300; i++) {
    const { article, info } = describeArticle(7, i);
    const fm = splitFrontMatter(article.text);
    docs.push({ id: info.fileName, file: info.fileName, format: info.format, hash: String(i), text: fm.body, declared: fm.meta });
  }
  return docs;
}

function fingerprint(docs: readonly RawDocument[]): Fingerprint {
  const inputs = createHash('sha256');
  const outputs = createHash('sha256');
  for (const d of docs) {
    inputs.update(JSON.stringify(d)).update('\n');
    outputs.update(JSON.stringify(extractArticle(d))).update('\n');
  }
  return { extractionVersion: EXTRACTION_VERSION, inputs: inputs.digest('hex'), outputs: outputs.digest('hex') };
}

describe('EXTRACTION_VERSION', () => {
  it('GIVEN the recorded fingerprint THEN extraction output changes only with a version bump', () => {
    const docs = fixedDocuments();
    expect(docs.length).toBeGreaterThan(380);
    const now = fingerprint(docs);
    if (process.env.UPDATE_EXTRACTION_FINGERPRINT) writeFileSync(RECORD, `${JSON.stringify(now, null, 2)}\n`);
    const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as Fingerprint;
    const rerecord = 're-record with UPDATE_EXTRACTION_FINGERPRINT=1 (see this test file)';
    expect(recorded.inputs, `the test's input documents changed (fixtures or bench/generate.ts): check extraction did not change too, then ${rerecord}`).toBe(now.inputs);
    if (recorded.extractionVersion === EXTRACTION_VERSION) {
      expect(now.outputs, `extraction output changed but EXTRACTION_VERSION is still ${EXTRACTION_VERSION}: bump it in src/extract/article.ts, then ${rerecord}`).toBe(recorded.outputs);
    } else {
      expect.fail(`EXTRACTION_VERSION is ${EXTRACTION_VERSION} but the fingerprint was recorded for ${recorded.extractionVersion}: ${rerecord}`);
    }
  }, 60_000);
});
