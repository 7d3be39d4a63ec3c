/**
 * Hand-built replies from the seed articles, for renderer tests and the e2e fakes:
 * real sentences, several sources per claim, and hostile text (mentions, markdown,
 * Slack control sequences) as corpus text can carry it.
 */
import { answer, errorReply, lazySection, statement, type AnswerReply } from '../../src/core/reply.js';
import type { SourceRef } from '../../src/core/types.js';

export const ARTICLES = {
  expressStar: {
    article: '000_357d44f1acaf523f',
    publisher: 'Express & Star',
    title: 'North Korea confirms it sent troops to help Russia in Ukraine',
    url: 'https://www.expressandstar.com/news/world-news/2025/04/28/north-korea-confirms-it-sent-troops-to-help-russia-in-ukraine/',
    date: '2025-04-28',
  },
  independent: {
    article: '001_debecc4f8dbd1735',
    publisher: 'The Independent',
    title: 'US calls for end to North Korea’s military deployment as Kim confirms troops',
    url: 'https://www.independent.co.uk/asia/east-asia/north-korea-troops-russia-kim-jong-un-b2740000.html',
    date: '2025-04-28',
  },
  kyivIndependent: {
    article: '002_df10cff95ed2165f',
    publisher: null,
    title: 'North Korea officially confirms deployment of troops to Russia',
    url: null,
    date: null,
  },
  euronews: {
    article: '003_d1f3a4ea73cfd1a9',
    publisher: 'Euronews',
    title: 'North Korea has sent more troops to Russia, says Seoul',
    url: 'https://www.euronews.com/2025/03/27/north-korea-has-sent-more-troops-to-russia-says-seoul',
    date: '2025-03-27',
  },
  ap: {
    article: '004_815e43deffc838b1',
    publisher: 'AP',
    title: 'North Korea confirms for the first time it sent troops to Russia',
    url: 'https://apnews.com/article/north-korea-russia-troops-kursk-ukraine',
    date: '2025-04-28',
  },
} as const;

type ArticleKey = keyof typeof ARTICLES;

export function src(key: ArticleKey, quote: string, start = 0): SourceRef {
  const a = ARTICLES[key];
  return { article: a.article, quote, start, end: start + quote.length, publisher: a.publisher, title: a.title, url: a.url, date: a.date };
}

/** The newsroom table, shaped like the engine's: one statement per claim, columns figure/who/when/printed in. */
export function casualtiesReply(): AnswerReply {
  const q1 = 'South Korea’s Joint Chiefs assessed around 4,000 North Korean soldiers had been killed or wounded.';
  const q2 = 'Ukrainian President Volodymyr Zelensky earlier put the number of killed or wounded North Koreans at 4,000, although US estimates were lower at around 1,200.';
  const q3 = 'South Korea’s National Intelligence Service reported in January that approximately 300 North Korean soldiers were killed and about 2,700 wounded.';
  const row = (figure: string, who: string, when: string, printedIn: string) => [
    { label: 'Figure', value: figure },
    { label: 'Who says', value: who },
    { label: 'When', value: when },
    { label: 'Printed in', value: printedIn },
  ];
  return answer('casualties', 'North Korean casualties in Kursk: 4 differing figures', {
    notes: ['Figures disagree: 1,200 (US) to 4,000 (Ukraine, South Korea). Wire copies count once.'],
    sections: [
      {
        heading: 'Killed or wounded — sources disagree',
        statements: [
          statement('around 4,000 killed or wounded — per South Korea’s Joint Chiefs, reported 2025-04-28', [src('expressStar', q1, 1800), src('ap', q1, 1500)],
            row('around 4,000', 'South Korea’s Joint Chiefs', 'reported 2025-04-28', 'Express & Star (also run by AP)')),
          statement('4,000 killed or wounded — per Volodymyr Zelensky, reported 2025-04-28', [src('expressStar', q2, 1900), src('kyivIndependent', q2, 1400)],
            row('4,000', 'Volodymyr Zelensky', 'reported 2025-04-28', 'Express & Star; Kyiv Independent')),
          statement('around 1,200 killed or wounded — per US estimates, reported 2025-04-28', [src('expressStar', q2, 1900), src('ap', q2, 1700)],
            row('around 1,200', 'US estimates', 'reported 2025-04-28', 'Express & Star; AP')),
        ],
      },
      {
        heading: 'Killed',
        statements: [
          statement('approximately 300 killed (North Korean soldiers) — per South Korea’s National Intelligence Service, date unknown', [src('kyivIndependent', q3, 1200)],
            row('approximately 300', 'South Korea’s National Intelligence Service', 'date unknown', 'Kyiv Independent')),
        ],
      },
    ],
    data: { claims: 4 },
  });
}

const SENTENCES = [
  'North Korea has confirmed for the first time that it sent troops to Russia to support its war against Ukraine.',
  'US, South Korean and Ukrainian intelligence officials have said North Korea dispatched about 10,000-12,000 troops to Russia last year, but North Korea had not confirmed or denied its reported troop deployments to Russia until Monday.',
  'Leader Kim Jong Un decided to send combat troops to Russia under a mutual defence treaty, the Central Military Commission of the ruling Workers’ Party said in a statement.',
  'In March, South Korea’s military said North Korea sent about 3,000 additional troops to Russia earlier this year, after its soldiers deployed on the Russian-Ukraine fronts suffered heavy casualties.',
  'North Korean troops are believed to have fought in Russia’s Kursk to expel Ukrainian forces who launched a surprise incursion into the Russian territory in August last year.',
  'Although they are regarded as highly disciplined, experts say that North Korean soldiers have struggled to cope in Kursk because of their unfamiliarity with drone warfare and their lack of combat experience.',
];

/**
 * A long answer: `count` statements cycling through real sentences, each citing
 * one or two of `sourceCount` distinct articles (ids made up past the five seeds).
 */
export function longReply(count: number, sourceCount = 5, command = 'search'): AnswerReply {
  const keys = Object.keys(ARTICLES) as ArticleKey[];
  const statements = Array.from({ length: count }, (_, i) => {
    const text = `${SENTENCES[i % SENTENCES.length]} (hit ${i + 1})`;
    const refs: SourceRef[] = [];
    for (const j of [i % sourceCount, (i * 7 + 3) % sourceCount]) {
      const base = src(keys[j % keys.length]!, text, i * 10);
      refs.push(j < keys.length ? base : { ...base, article: `9${String(j).padStart(2, '0')}_extra${j}`, title: `${base.title} (copy ${j})` });
    }
    return statement(text, refs);
  });
  return answer(command, `Search: “north korea troops” — ${count} passages`, {
    notes: [`${count} matching sentences from ${sourceCount} articles, best first.`],
    sections: [{ heading: 'Matches', statements }],
    data: { hits: count },
  });
}

/**
 * An answer of `count` statements in a lazy section (as /casualties and /quotes
 * answer for a whole corpus); `onBuild` hears each statement built.
 */
export function lazyReply(count: number, onBuild: (i: number) => void = () => {}): AnswerReply {
  return answer('quotes', `Quotes — ${count}`, {
    notes: [`${count} quotes.`],
    sections: [
      lazySection(count, (i) => {
        onBuild(i);
        const text = `${SENTENCES[i % SENTENCES.length]} (statement ${i + 1})`;
        return statement(text, [src('ap', text, i)]);
      }, 'Quotes'),
    ],
    data: () => ({ quotes: count }),
  });
}

/** One wire sentence printed by `count` articles: a statement with `count` sources. */
export function widelyPrintedReply(count: number): AnswerReply {
  const text = SENTENCES[0]!;
  const base = src('ap', text);
  const sources = Array.from({ length: count }, (_, i) => ({ ...base, article: `wire_${String(i).padStart(4, '0')}`, title: `Copy ${i}` }));
  return answer('search', 'Search: troops', { notes: [], sections: [{ statements: [statement(text, sources), statement(SENTENCES[1]!, [src('kyivIndependent', SENTENCES[1]!)])] }], data: {} });
}

/** Corpus text that tries to ping, format and link. */
export const HOSTILE =
  '@everyone look: <@123456789012345678> and <@&987654321098765432> in <#111111111111111111>, <!channel> <!here|here> ' +
  '**bold** __under__ ~~gone~~ `code` ||spoiler|| [click](https://evil.example/) <https://evil.example|fake> & @here';

export function hostileReply(): AnswerReply {
  return answer('quotes', 'Quotes @everyone <@&1> *title*', {
    notes: ['# not a heading', '> not a quote'],
    sections: [{ heading: 'Said @here', statements: [statement(HOSTILE, [src('euronews', HOSTILE)])] }],
    data: {},
  });
}

/** A statement of a single run-on sentence far longer than any platform limit. */
export function giantStatementReply(): AnswerReply {
  const words: string[] = [];
  for (let i = 0; words.join(' ').length < 9000; i++) words.push(i % 17 === 16 ? `word${i}.` : `word${i}`);
  const text = words.join(' ');
  return answer('timeline', 'Timeline: Kursk', { notes: [], sections: [{ statements: [statement(text, [src('ap', text)])] }], data: {} });
}

export const internalError = () => ({ ...errorReply('figures', 'internal', 'Sorry, /figures failed. Error id 1a2b3c4d; the team can find it in the logs.'), errorId: '1a2b3c4d' });
