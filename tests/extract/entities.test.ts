import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EntityMention, EntityType } from '../../src/core/types.js';
import { entityKey, extractEntities } from '../../src/extract/entities.js';
import { splitSentences } from '../../src/extract/sentences.js';

const seed = (name: string): string => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8');
const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/quotes/${name}`, import.meta.url), 'utf8');

function entities(body: string): EntityMention[] {
  return extractEntities(body, splitSentences(body));
}

/** name -> type, one per name (the extractor gives a name one type per article). */
function typesOf(body: string): Map<string, EntityType> {
  return new Map(entities(body).map((e) => [e.name, e.type]));
}

describe('extractEntities on real crisis passages', () => {
  it('GIVEN "The London-based Syrian Observatory for Human Rights" THEN an organisation and a place', () => {
    const t = typesOf(fixture('crisis-timelines__crisis-syria__bbc__2011-12-20.txt'));
    expect(t.get('Syrian Observatory for Human Rights')).toBe('organisation');
    expect(t.get('London')).toBe('place');
    expect(t.has('The')).toBe(false);
  });

  it('GIVEN titles before names THEN the people are named without them', () => {
    const t = typesOf(fixture('crisis-timelines__tl17-haiti__bbc__2010-01-13.txt'));
    expect(t.get('Jean-Max Bellerive')).toBe('person');
    expect(t.get('Rene Preval')).toBe('person');
    expect(t.get('Barack Obama')).toBe('person');
    expect(t.get('Port-au-Prince')).toBe('place');
    expect(t.get('Red Cross')).toBe('organisation');
    expect(t.get('UN')).toBe('organisation');
    expect(t.has('Haitian')).toBe(false);
    expect(t.has('Prime Minister')).toBe(false);
  });

  it('GIVEN "the leading US general in Haiti Lt Gen Ken Keen" and "UN Secretary General Ban Ki-moon" THEN both are people', () => {
    const t = typesOf(fixture('crisis-timelines__tl17-haiti__bbc__2010-01-18.txt'));
    expect(t.get('Ken Keen')).toBe('person');
    expect(t.get('Ban Ki-moon')).toBe('person');
    expect(t.get('Bill Clinton')).toBe('person');
    expect(t.get('Security Council')).toBe('organisation');
    expect(t.get('Haiti')).toBe('place');
  });

  it('GIVEN "the village of X" and "between the villages of X and Y" THEN places, and sentence-start words are not entities', () => {
    const t = typesOf(fixture('crisis-timelines__crisis-syria__bbc__2011-12-19.txt'));
    expect(t.get('Jabal al-Zawiya')).toBe('place');
    expect(t.get('Kafrouaid')).toBe('place');
    expect(t.get('Kansafra')).toBe('place');
    expect(t.get('Human Rights Watch')).toBe('organisation');
    expect(t.has('Villages')).toBe(false);
    expect(t.has('Opposition')).toBe(false);
  });

  it('GIVEN "U.N. High Commissioner for Human Rights Navi Pillay" THEN a person after a long title', () => {
    const t = typesOf(fixture('crisis-timelines__tl17-syria__tl2.1__2011-08-22.txt'));
    expect(t.get('Navi Pillay')).toBe('person');
    expect(t.get('Faysal Khabbaz Hamoui')).toBe('person');
    expect(t.get('Geneva')).toBe('place');
    expect(t.get('U.N. Human Rights Council')).toBe('organisation');
  });
});

describe('extractEntities on the seed articles', () => {
  const s000 = seed('000_357d44f1acaf523f.txt');
  const s001 = seed('001_debecc4f8dbd1735.txt');
  const s002 = seed('002_df10cff95ed2165f.txt');
  const s003 = seed('003_d1f3a4ea73cfd1a9.txt');

  it('GIVEN "Mr Kim" and "Mr Putin" after the full names THEN they map to Kim Jong Un and Vladimir Putin', () => {
    const ents = entities(s001);
    const sentences = splitSentences(s001);
    const mrKimOnly = sentences.find((s) => s.text.startsWith('Mr Kim said the government must'))!;
    expect(ents.filter((e) => e.sentence === mrKimOnly.index)).toEqual([
      { name: 'Kim Jong Un', type: 'person', sentence: mrKimOnly.index },
    ]);
    expect(ents.some((e) => e.name === 'Putin' || e.name === 'Kim')).toBe(false);
    expect(ents.filter((e) => e.name === 'Vladimir Putin').length).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN "Kim and Putin have held several summits" THEN a family-name-first name maps from its first word', () => {
    const ents = entities(s003);
    expect(ents.some((e) => e.name === 'Kim')).toBe(false);
    expect(ents.filter((e) => e.name === 'Kim Jong-un').length).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN organisation names with possessives and acronyms THEN organisations', () => {
    const t = typesOf(s000);
    expect(t.get('Workers’ Party')).toBe('organisation');
    expect(t.get('Central Military Commission')).toBe('organisation');
    expect(t.get('Joint Chiefs')).toBe('organisation');
    expect(t.get('Korean Central News Agency')).toBe('organisation');
    const t2 = typesOf(s002);
    expect(t2.get('KCNA')).toBe('organisation');
    expect(t2.get('National Intelligence Service')).toBe('organisation');
    expect(t2.get('Yonhap News Agency')).toBe('organisation');
    expect(t2.get('General Staff')).toBe('organisation');
  });

  it('GIVEN demonyms, months and weekdays THEN none is an entity', () => {
    for (const body of [s000, s001, s002, s003]) {
      const names = new Set(entities(body).map((e) => e.name));
      for (const n of ['North Korean', 'South Korean', 'Ukrainian', 'Russian', 'North Koreans', 'March', 'June', 'Monday', 'January']) {
        expect(names.has(n)).toBe(false);
      }
    }
  });

  it('GIVEN the Kursk region, "in Kursk" and "the battle for Kursk" THEN Kursk is a place everywhere', () => {
    const kursk = entities(s000).filter((e) => e.name === 'Kursk');
    expect(kursk.length).toBeGreaterThanOrEqual(2);
    expect(kursk.every((e) => e.type === 'place')).toBe(true);
  });
});

describe('extractEntities on articles written for these tests', () => {
  it('GIVEN a rescue story THEN people, agencies and places, with "Demir" mapped to the full name', () => {
    const body = fixture('written-earthquake-rescue.txt');
    const t = typesOf(body);
    expect(t.get('Antakya')).toBe('place');
    expect(t.get('Mehmet Yilmaz')).toBe('person');
    expect(t.get('AFAD')).toBe('organisation');
    expect(t.get('Fahrettin Koca')).toBe('person');
    expect(t.get('Ankara')).toBe('place');
    expect(t.get('Antonio Guterres')).toBe('person');
    expect(t.get('United Nations')).toBe('organisation');
    expect(entities(body).filter((e) => e.name === 'Aylin Demir')).toHaveLength(2);
    expect(t.has('Demir')).toBe(false);
  });

  it('GIVEN a strike story THEN an organisation name holding "of" and "and" stays whole', () => {
    const t = typesOf(fixture('written-doctors-strike.txt'));
    expect(t.get('Department of Health and Social Care')).toBe('organisation');
    expect(t.get('British Medical Association')).toBe('organisation');
    expect(t.get('Philip Banfield')).toBe('person');
    expect(t.get('Rishi Sunak')).toBe('person');
    expect(t.get('Margaret Hughes')).toBe('person');
    expect(t.get('Leeds')).toBe('place');
    expect(t.get('BMA')).toBe('organisation');
    expect(t.has('Thousands')).toBe(false);
  });

  it('GIVEN "the El Niño weather pattern" and "(Reuters)" THEN no false person and the agency is kept', () => {
    const t = typesOf(fixture('written-climate-report.txt'));
    expect(t.get('El Niño')).not.toBe('person');
    expect(t.has('Reuters')).toBe(true);
    expect(t.get('World Meteorological Organization')).toBe('organisation');
    expect(t.get('British Antarctic Survey')).toBe('organisation');
    expect(t.get('Celeste Saulo')).toBe('person');
    expect(t.get('John Podesta')).toBe('person');
  });

  it('GIVEN two people sharing a surname THEN the surname alone stays as written', () => {
    const body =
      'Hassan Ibrahim was killed by gunfire. His brother, government spokesman Moussa Ibrahim, blamed the rebels. ' +
      'Reporters later saw Ibrahim at the hotel.';
    const names = entities(body).map((e) => e.name);
    expect(names).toContain('Hassan Ibrahim');
    expect(names).toContain('Moussa Ibrahim');
    expect(names).toContain('Ibrahim');
  });
});

describe('entityKey', () => {
  it('GIVEN transliteration and hyphenation variants THEN one key', () => {
    expect(entityKey('Zelensky')).toBe(entityKey('Zelenskyy'));
    expect(entityKey('Zelenskiy')).toBe(entityKey('Zelensky'));
    expect(entityKey('Kim Jong Un')).toBe(entityKey('Kim Jong-un'));
    expect(entityKey('Gaddafi')).toBe(entityKey('Gadhafi'));
    expect(entityKey('U.S.')).toBe(entityKey('US'));
    expect(entityKey('Workers’ Party')).toBe(entityKey("Workers' Party"));
  });

  it('GIVEN different entities THEN different keys', () => {
    expect(entityKey('North Korea')).not.toBe(entityKey('South Korea'));
    expect(entityKey('Kim Jong Un')).not.toBe(entityKey('Kim Yo Jong'));
  });
});
