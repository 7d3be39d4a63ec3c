import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuoteMention } from '../../src/core/types.js';
import { extractQuotes, normaliseSpeaker, quoteKey } from '../../src/extract/quotes.js';
import { splitSentences } from '../../src/extract/sentences.js';

/** Seed articles live in the repository's default corpus; other texts are fixtures beside these tests. */
const seed = (name: string): string => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8');
const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/quotes/${name}`, import.meta.url), 'utf8');

const SEED_000 = seed('000_357d44f1acaf523f.txt');
const SEED_001 = seed('001_debecc4f8dbd1735.txt');
const SEED_002 = seed('002_df10cff95ed2165f.txt');
const SEED_004 = seed('004_815e43deffc838b1.txt');

function quotes(body: string): QuoteMention[] {
  return extractQuotes(body, splitSentences(body));
}

function quoteStarting(body: string, prefix: string): QuoteMention {
  const q = quotes(body).find((x) => x.text.startsWith(prefix));
  if (!q) throw new Error(`no quote starting "${prefix}" in ${JSON.stringify(quotes(body).map((x) => x.text))}`);
  return q;
}

describe('extractQuotes on the seed articles', () => {
  it('GIVEN three outlets printing Kim’s “heroes” statement THEN each finds it, attributed to Kim, with one quote key', () => {
    const found = [SEED_000, SEED_001, SEED_004].map((b) => quoteStarting(b, 'They who fought for justice'));
    expect(found.map((q) => q.speaker)).toEqual(['Mr Kim', 'Mr Kim', 'Kim']);
    expect(found.map((q) => normaliseSpeaker(q.speaker!))).toEqual(['Kim', 'Kim', 'Kim']);
    expect(found[0]!.text).toBe(
      'They who fought for justice are all heroes and representatives of the honour of the motherland',
    );
    expect(found[2]!.text).toContain('the honor of the motherland');
    expect(new Set(found.map((q) => quoteKey(q.text))).size).toBe(1);
  });

  it('GIVEN a partial quote after "It cited Mr Kim as saying" THEN Kim is the speaker and co-operation/cooperation share a key', () => {
    const a = quoteStarting(SEED_000, 'annihilate and wipe out');
    const b = quoteStarting(SEED_001, 'annihilate and wipe out');
    const c = quoteStarting(SEED_004, 'annihilate and wipe out');
    expect(a.speaker).toBe('Mr Kim');
    expect(c.speaker).toBe('Kim');
    expect(a.text).toContain('in co-operation with the Russian armed forces');
    expect(c.text.endsWith('forces.')).toBe(true);
    expect(quoteKey(a.text)).toBe(quoteKey(b.text));
    expect(quoteKey(a.text)).toBe(quoteKey(c.text));
  });

  it('GIVEN "He also reiterated ... and said ... “...”" THEN "He" resolves to the previous speaker, Mr Kim', () => {
    expect(quoteStarting(SEED_001, 'annihilate and wipe out').speaker).toBe('Mr Kim');
  });

  it('GIVEN a quote split across two sentences THEN one quote covers both and its passage includes the attribution', () => {
    const q = quoteStarting(SEED_001, 'We continue to be concerned');
    expect(q.text).toContain('involvement in the war. (North Korea’s) military deployment');
    expect(q.text.endsWith('must end')).toBe(true);
    expect(q.speaker).toBe('a US State Department spokesperson');
    expect(normaliseSpeaker(q.speaker!)).toBe('US State Department spokesperson');
    const passage = SEED_001.slice(q.start, q.end);
    expect(passage.startsWith('“We continue')).toBe(true);
    expect(passage.endsWith('said in an email on Monday.')).toBe(true);
  });

  it('GIVEN mismatched marks ("admission of criminal act”) THEN the quote is found and scare quotes beside it are not', () => {
    const q = quoteStarting(SEED_001, 'admission of criminal act');
    expect(q.text).toBe('admission of criminal act');
    expect(q.speaker).toBe('South Korea');
    const texts = quotes(SEED_001).map((x) => x.text);
    expect(texts).not.toContain('inhumane and immoral');
    expect(texts).not.toContain('heroes');
  });

  it('GIVEN “...,” it said after a ministry’s quote THEN "it" resolves to the ministry', () => {
    const ministry = quoteStarting(SEED_001, 'With their public admission');
    const it2 = quoteStarting(SEED_001, 'The dispatch of the North Korean troops');
    expect(ministry.speaker).toBe('South Korea’s foreign ministry');
    expect(it2.speaker).toBe('South Korea’s foreign ministry');
    expect(SEED_001.slice(it2.start, it2.end).endsWith('it said.')).toBe(true);
  });

  it('GIVEN a quote whose attribution ends the sentence after a relative clause THEN the speaker is found there', () => {
    const q = quoteStarting(SEED_001, 'an act against humanity');
    expect(q.speaker).toBe('spokesperson Koo Byoungsam');
    expect(normaliseSpeaker(q.speaker!)).toBe('Koo Byoungsam');
  });

  it('GIVEN "according to KCNA" and "Kim praised ..., calling them" THEN KCNA and Kim are the speakers', () => {
    expect(quoteStarting(SEED_002, 'eliminate the Ukrainian').speaker).toBe('KCNA');
    expect(quoteStarting(SEED_002, 'heroes and representatives').speaker).toBe('Kim');
    expect(quoteStarting(SEED_002, 'solidarity, justice').speaker).toBe('Russian President Vladimir Putin');
    expect(quotes(SEED_002).map((q) => q.text)).not.toContain('liberate');
  });
});

describe('extractQuotes on real crisis passages', () => {
  it('GIVEN "...," Gibbs says THEN Gibbs is the speaker and a report can speak too', () => {
    const body = fixture('crisis-timelines__tl17-bpoil__foxnews__2010-04-23.txt');
    const q = quoteStarting(body, "I don't honestly think");
    expect(q.speaker).toBe('Gibbs');
    expect(q.text.endsWith('I doubt it will be the last')).toBe(true);
    expect(quoteStarting(body, 'poses a negligible risk').speaker).toBe('Homeland Security risk analysis');
  });

  it('GIVEN "...," he said after Preval described the scene as "unimaginable" THEN "he" is Preval', () => {
    const body = fixture('crisis-timelines__tl17-haiti__bbc__2010-01-13.txt');
    const q = quoteStarting(body, 'Parliament has collapsed');
    expect(q.text).toBe(
      'Parliament has collapsed. The tax office has collapsed. Schools have collapsed. Hospitals have collapsed',
    );
    expect(q.speaker).toBe('Haitian President Rene Preval');
    expect(normaliseSpeaker(q.speaker!)).toBe('Rene Preval');
    // scare quotes in the same passage are not quotes
    expect(quotes(body).map((x) => x.text)).toEqual([q.text]);
  });

  it('GIVEN Clinton, an apposition, then two quotes in one sentence THEN both are Clinton’s', () => {
    const body = fixture('crisis-timelines__tl17-haiti__bbc__2010-01-17.txt');
    const a = quoteStarting(body, 'here today');
    const b = quoteStarting(body, 'Haiti can come back');
    expect(a.speaker).toBe('US Secretary of State Hillary Clinton');
    expect(b.speaker).toBe('US Secretary of State Hillary Clinton');
    expect(normaliseSpeaker(a.speaker!)).toBe('Hillary Clinton');
    expect(a.sentence).toBe(b.sentence);
  });

  it('GIVEN "...," the woman\'s husband, Reinhard Riedl, told the Associated Press THEN the husband is the speaker', () => {
    const body = fixture('crisis-timelines__tl17-haiti__bbc__2010-01-17.txt');
    const q = quoteStarting(body, "It's a little miracle");
    expect(q.speaker).toBe("the woman's husband, Reinhard Riedl");
    expect(normaliseSpeaker(q.speaker!)).toBe('Reinhard Riedl');
    expect(body.slice(q.start, q.end)).toContain('told the Associated Press news agency');
  });

  it('GIVEN X tells CNN, "..." over two sentences THEN X is the speaker', () => {
    const body = fixture('crisis-timelines__crisis-libya__cnn__2011-02-16.txt');
    const q = quoteStarting(body, 'There is nothing serious here');
    expect(q.speaker).toBe('A highly placed source close to the Libyan government');
    expect(q.text.endsWith('fighting each other.')).toBe(true);
  });
});

describe('extractQuotes on articles written for these tests', () => {
  const quake = fixture('written-earthquake-rescue.txt');
  const strike = fixture('written-doctors-strike.txt');
  const climate = fixture('written-climate-report.txt');

  it('GIVEN “...,” said X, a volunteer THEN X is the speaker without the apposition', () => {
    expect(quoteStarting(quake, 'We heard her voice').speaker).toBe('Mehmet Yilmaz');
  });

  it('GIVEN "it said" after "The country\'s disaster agency, AFAD, said..." THEN "it" is the agency', () => {
    expect(quoteStarting(quake, 'The priority now').speaker).toBe('AFAD');
  });

  it('GIVEN X told reporters in Ankara: "..." THEN X is the speaker', () => {
    const q = quoteStarting(quake, 'Our hospitals');
    expect(q.speaker).toBe('Health Minister Fahrettin Koca');
    expect(normaliseSpeaker(q.speaker!)).toBe('Fahrettin Koca');
  });

  it('GIVEN Dr. X, who runs a clinic, described conditions as "..." THEN Dr X is the speaker', () => {
    const q = quoteStarting(quake, 'worse than anything');
    expect(q.speaker).toBe('Dr. Aylin Demir');
    expect(normaliseSpeaker(q.speaker!)).toBe('Aylin Demir');
  });

  it('GIVEN an unattributed quote right after an attributed one THEN it keeps that speaker and its passage reaches back', () => {
    const q = quoteStarting(quake, 'They are afraid');
    expect(q.speaker).toBe('Demir');
    expect(quake.slice(q.start, q.end)).toBe(
      '"People are sleeping in their cars," Demir added. "They are afraid to go back inside."',
    );
    const saulo = quoteStarting(climate, 'Climate change is the defining');
    expect(saulo.speaker).toBe('WMO Secretary-General Celeste Saulo');
  });

  it('GIVEN a role with an organisation holding "and" THEN the whole role is the speaker', () => {
    expect(quoteStarting(strike, 'We have made a fair').speaker).toBe(
      'A Department of Health and Social Care spokesperson',
    );
    expect(quoteStarting(strike, 'Doctors have had enough').speaker).toBe(
      'the union’s council chair, Dr Philip Banfield',
    );
  });

  it('GIVEN "he said the offer “...”" and "she said" THEN the pronouns resolve to Sunak and to the patient', () => {
    expect(quoteStarting(strike, 'was the final one').speaker).toBe('Prime Minister Rishi Sunak');
    expect(quoteStarting(strike, 'I just wish').speaker).toBe('Margaret Hughes');
    expect(quotes(strike).map((q) => q.text)).not.toContain('deeply disappointing');
  });

  it('GIVEN "X called the decline “...” and said it was “...”" THEN both quotes are X’s', () => {
    const a = quoteStarting(climate, 'a sign of things to come');
    const b = quoteStarting(climate, 'unlikely to recover');
    expect(a.speaker).toBe('Scientists at the British Antarctic Survey');
    expect(b.speaker).toBe(a.speaker);
    expect(normaliseSpeaker(quoteStarting(climate, 'spur every nation').speaker!)).toBe('John Podesta');
  });

  it('GIVEN a pronoun with nobody before it THEN the speaker is null', () => {
    expect(quotes('“We will rebuild every house in this town,” he said.')[0]!.speaker).toBeNull();
  });

  it('GIVEN a quote left open at the end of a paragraph THEN the next paragraph continues it and gives the speaker', () => {
    const body =
      '“The river rose faster than anyone expected and the levee gave way before dawn.\n\n' +
      '“We lost the pumping station within an hour,” the mayor, Ana Ruiz, said.';
    const qs = quotes(body);
    expect(qs).toHaveLength(2);
    expect(qs.map((q) => q.speaker)).toEqual(['the mayor, Ana Ruiz', 'the mayor, Ana Ruiz']);
  });

  it('GIVEN any article THEN every passage is a verbatim, sentence-aligned slice holding its quote', () => {
    const bodies = [SEED_000, SEED_001, SEED_002, SEED_004, quake, strike, climate];
    for (const body of bodies) {
      const sentences = splitSentences(body);
      for (const q of extractQuotes(body, sentences)) {
        const passage = body.slice(q.start, q.end);
        expect(passage).toContain(q.text);
        expect(sentences.some((s) => s.start === q.start)).toBe(true);
        expect(sentences.some((s) => s.end === q.end)).toBe(true);
        expect(sentences[q.sentence]!.start).toBeLessThanOrEqual(body.indexOf(q.text, q.start));
      }
    }
  });
});

describe('extractQuotes: attributions with a clause after or inside them', () => {
  const speaker = (body: string) => quotes(body).map((q) => q.speaker);

  it('GIVEN "said <speaker> on Monday" or "in Kyiv" THEN the time or place is not part of the speaker', () => {
    expect(speaker('"We have lost contact with the convoy," said John Smith on Monday.')).toEqual(['John Smith']);
    expect(speaker('"We have lost contact with the convoy," said the spokesperson in Kyiv.')).toEqual(['the spokesperson']);
  });

  it('GIVEN "said <speaker> who ..." THEN the relative clause is not part of the speaker', () => {
    expect(speaker('"The aid is stuck at the border," said a senior official who spoke on condition of anonymity.')).toEqual(['a senior official']);
    expect(speaker('"The aid is stuck at the border," said an aid worker who asked not to be named because she was not authorised to speak.')).toEqual(['an aid worker']);
    expect(speaker('"The aid is stuck at the border," said a UN official, who asked not to be named.')).toEqual(['a UN official']);
  });

  it('GIVEN a relative clause between the speaker and the verb THEN the speaker is the subject, not the clause', () => {
    expect(speaker('"We expect more rain this week," a senior official who spoke on condition of anonymity told reporters.')).toEqual(['a senior official']);
    expect(speaker('"There is no water left," one resident who fled after the shelling told Reuters.')).toEqual(['one resident']);
    expect(speaker('A diplomat who spoke on condition of anonymity said: "Talks have stalled for now."')).toEqual(['A diplomat']);
    expect(speaker('An official, who spoke on condition of anonymity, said: "Talks have stalled for now."')).toEqual(['An official']);
  });

  it('GIVEN "who" that opens a question before a comma THEN the subject after the comma speaks', () => {
    expect(speaker('Asked who would pay for the repairs, the minister said: "The state will cover every cost."')).toEqual(['the minister']);
  });
});

describe('normaliseSpeaker', () => {
  it('GIVEN honorifics, titles and roles before a name THEN only the name is kept', () => {
    expect(normaliseSpeaker('Mr Kim')).toBe('Kim');
    expect(normaliseSpeaker('Ukrainian President Volodymyr Zelensky')).toBe('Volodymyr Zelensky');
    expect(normaliseSpeaker('U.S. Vice Adm. William Gortney')).toBe('William Gortney');
    expect(normaliseSpeaker('Lt Gen Ken Keen')).toBe('Ken Keen');
    expect(normaliseSpeaker('UN Secretary General Ban Ki-moon')).toBe('Ban Ki Moon');
  });

  it('GIVEN spelling variants of one name THEN they normalise alike', () => {
    expect(normaliseSpeaker('President Volodymyr Zelenskyy')).toBe('Volodymyr Zelensky');
    expect(normaliseSpeaker('Zelenskiy')).toBe('Zelensky');
    expect(normaliseSpeaker('Kim Jong-un')).toBe(normaliseSpeaker('leader Kim Jong Un'));
    expect(normaliseSpeaker('South Korea’s foreign ministry')).toBe("South Korea's foreign ministry");
  });

  it('GIVEN a pronoun THEN null', () => {
    for (const p of ['he', 'She', 'it', 'they']) expect(normaliseSpeaker(p)).toBeNull();
  });
});

describe('quoteKey', () => {
  it('GIVEN British and American spellings, curly quotes and honorifics THEN the keys match', () => {
    expect(quoteKey('a mutual defence treaty')).toBe(quoteKey('a mutual defense treaty'));
    expect(quoteKey('We will organise the centre’s programme')).toBe(quoteKey("we will organize the center's program"));
    expect(quoteKey('Mr Kim’s “heroes”, he said.')).toBe(quoteKey('Kim\'s "heroes" he said'));
    expect(quoteKey('about 10,000 troops')).toBe(quoteKey('about 10000 troops'));
  });

  it('GIVEN different words THEN the keys differ', () => {
    expect(quoteKey('heroes and representatives of the motherland’s honor')).not.toBe(
      quoteKey('heroes and representatives of the honour of the motherland'),
    );
  });
});
