/**
 * Named people, organisations and places in an article, for fuzzy lookup and
 * autocomplete.
 *
 * The wink-nlp lite model has no person/organisation tags, so this is rule
 * based and linear: one regex tokenisation per sentence, then runs of
 * capitalised words are classified by the words they contain and the words
 * around them. Nothing here knows a particular person: names are recognised by
 * shape (a title or role word before them, two or three capitalised words with
 * no organisation word), organisations by head words ("Ministry", "Council",
 * "Watch") and acronyms, places by a small generic gazetteer (countries,
 * demonyms, major capitals, regions, US states), place words ("Square",
 * "Province") and prepositions ("in Benghazi").
 *
 * Article-level passes then:
 * - map a surname used alone ("Zelensky", "Mr Putin") to the full name seen in
 *   the same article ("Volodymyr Zelensky"). Family-name-first names
 *   ("Kim Jong Un", "Ban Ki-moon": the given name is hyphenated or two short
 *   syllables) map from their FIRST token instead; when two full names claim
 *   the same short form it is left as written (ambiguous).
 * - keep a capitalised word that only ever appears at the start of a sentence
 *   ("Rebel troops seize...", "Police crack down...") only with evidence that
 *   it is a name: the gazetteer, a possessive ("Saleh's forces"), a known
 *   person's surname, or the same word capitalised mid-sentence elsewhere in
 *   the article.
 * - give a name one type per article: a mention typed only by its position
 *   ("the battle for Kursk") takes the type it has elsewhere ("the Kursk
 *   region"); a place guessed from a preposition alone ("at Morsi") does not
 *   spread to other mentions.
 *
 * Known weak spots: one-word names with no title are typed `other` ("Morsi",
 * "Transocean"); two or three capitalised words with no cue are taken for a
 * person ("Deepwater Horizon" after "rig"); "to"/"at" + a person's surname is
 * taken for a place ("hand over his powers to Hadi"); months always end a name
 * ("Theresa May" loses "May").
 *
 * @example
 * extractEntities(body, splitSentences(body))
 * // [{ name: 'Jean-Max Bellerive', type: 'person', sentence: 2 }, ...]
 */
import type { EntityMention, EntityType, Sentence } from '../core/types.js';

// ---------------------------------------------------------------------------
// Lexicon: generic English news vocabulary, no names of particular people.

const words = (s: string): Set<string> => new Set(s.split(/\s*[,|]\s*|\s+/).filter(Boolean));

/** Country (or territory) -> demonyms. Country names may have several words. */
const COUNTRIES: ReadonlyArray<readonly [string, string]> = [
  ['Afghanistan', 'Afghan'], ['Albania', 'Albanian'], ['Algeria', 'Algerian'], ['Andorra', 'Andorran'],
  ['Angola', 'Angolan'], ['Argentina', 'Argentine Argentinian'], ['Armenia', 'Armenian'], ['Australia', 'Australian'],
  ['Austria', 'Austrian'], ['Azerbaijan', 'Azerbaijani Azeri'], ['Bahamas', 'Bahamian'], ['Bahrain', 'Bahraini'],
  ['Bangladesh', 'Bangladeshi'], ['Barbados', 'Barbadian'], ['Belarus', 'Belarusian'], ['Belgium', 'Belgian'],
  ['Belize', 'Belizean'], ['Benin', 'Beninese'], ['Bhutan', 'Bhutanese'], ['Bolivia', 'Bolivian'],
  ['Bosnia', 'Bosnian'], ['Herzegovina', ''], ['Botswana', 'Botswanan'], ['Brazil', 'Brazilian'], ['Brunei', ''],
  ['Bulgaria', 'Bulgarian'], ['Burkina Faso', 'Burkinabe'], ['Burundi', 'Burundian'], ['Cambodia', 'Cambodian'],
  ['Cameroon', 'Cameroonian'], ['Canada', 'Canadian'], ['Cape Verde', 'Cape_Verdean'],
  ['Central African Republic', ''], ['Chad', 'Chadian'], ['Chile', 'Chilean'], ['China', 'Chinese'],
  ['Colombia', 'Colombian'], ['Comoros', ''], ['Congo', 'Congolese'], ['Costa Rica', 'Costa_Rican'],
  ['Croatia', 'Croatian'], ['Cuba', 'Cuban'], ['Cyprus', 'Cypriot'], ['Czech Republic', 'Czech'], ['Czechia', ''],
  ['Denmark', 'Danish Dane'], ['Djibouti', ''], ['Dominica', ''], ['Dominican Republic', 'Dominican'],
  ['East Timor', 'Timorese'], ['Ecuador', 'Ecuadorian'], ['Egypt', 'Egyptian'], ['El Salvador', 'Salvadoran'],
  ['Equatorial Guinea', ''], ['Eritrea', 'Eritrean'], ['Estonia', 'Estonian'], ['Eswatini', ''],
  ['Ethiopia', 'Ethiopian'], ['Fiji', 'Fijian'], ['Finland', 'Finnish Finn'], ['France', 'French'],
  ['Gabon', 'Gabonese'], ['Gambia', 'Gambian'], ['Georgia', 'Georgian'], ['Germany', 'German'],
  ['Ghana', 'Ghanaian'], ['Greece', 'Greek'], ['Grenada', ''], ['Guatemala', 'Guatemalan'], ['Guinea', 'Guinean'],
  ['Guinea-Bissau', ''], ['Guyana', 'Guyanese'], ['Haiti', 'Haitian'], ['Honduras', 'Honduran'],
  ['Hungary', 'Hungarian'], ['Iceland', 'Icelandic'], ['India', 'Indian'], ['Indonesia', 'Indonesian'],
  ['Iran', 'Iranian'], ['Iraq', 'Iraqi'], ['Ireland', 'Irish'], ['Israel', 'Israeli'], ['Italy', 'Italian'],
  ['Ivory Coast', 'Ivorian'], ['Jamaica', 'Jamaican'], ['Japan', 'Japanese'], ['Jordan', 'Jordanian'],
  ['Kazakhstan', 'Kazakh'], ['Kenya', 'Kenyan'], ['Kiribati', ''], ['Kosovo', 'Kosovar'], ['Kuwait', 'Kuwaiti'],
  ['Kyrgyzstan', 'Kyrgyz'], ['Laos', 'Lao Laotian'], ['Latvia', 'Latvian'], ['Lebanon', 'Lebanese'],
  ['Lesotho', ''], ['Liberia', 'Liberian'], ['Libya', 'Libyan'], ['Liechtenstein', ''],
  ['Lithuania', 'Lithuanian'], ['Luxembourg', ''], ['Madagascar', 'Malagasy'], ['Malawi', 'Malawian'],
  ['Malaysia', 'Malaysian'], ['Maldives', 'Maldivian'], ['Mali', 'Malian'], ['Malta', 'Maltese'],
  ['Mauritania', 'Mauritanian'], ['Mauritius', 'Mauritian'], ['Mexico', 'Mexican'], ['Moldova', 'Moldovan'],
  ['Monaco', ''], ['Mongolia', 'Mongolian'], ['Montenegro', 'Montenegrin'], ['Morocco', 'Moroccan'],
  ['Mozambique', 'Mozambican'], ['Myanmar', ''], ['Burma', 'Burmese'], ['Namibia', 'Namibian'], ['Nauru', ''],
  ['Nepal', 'Nepalese Nepali'], ['Netherlands', 'Dutch'], ['Holland', ''], ['New Zealand', ''],
  ['Nicaragua', 'Nicaraguan'], ['Niger', 'Nigerien'], ['Nigeria', 'Nigerian'], ['North Korea', 'Korean'],
  ['North Macedonia', 'Macedonian'], ['Norway', 'Norwegian'], ['Oman', 'Omani'], ['Pakistan', 'Pakistani'],
  ['Palau', ''], ['Palestine', 'Palestinian'], ['Panama', 'Panamanian'], ['Papua New Guinea', ''],
  ['Paraguay', 'Paraguayan'], ['Peru', 'Peruvian'], ['Philippines', 'Filipino Philippine'], ['Poland', 'Polish'],
  ['Portugal', 'Portuguese'], ['Qatar', 'Qatari'], ['Romania', 'Romanian'], ['Russia', 'Russian'],
  ['Rwanda', 'Rwandan'], ['Saudi Arabia', 'Saudi'], ['Senegal', 'Senegalese'], ['Serbia', 'Serbian Serb'],
  ['Seychelles', ''], ['Sierra Leone', ''], ['Singapore', 'Singaporean'], ['Slovakia', 'Slovak'],
  ['Slovenia', 'Slovenian'], ['Somalia', 'Somali'], ['South Africa', 'African'],
  ['South Korea', 'Korean'], ['South Sudan', 'Sudanese'], ['Spain', 'Spanish'],
  ['Sri Lanka', 'Sri_Lankan'], ['Sudan', 'Sudanese'], ['Suriname', ''], ['Sweden', 'Swedish Swede'],
  ['Switzerland', 'Swiss'], ['Syria', 'Syrian'], ['Taiwan', 'Taiwanese'], ['Tajikistan', 'Tajik'],
  ['Tanzania', 'Tanzanian'], ['Thailand', 'Thai'], ['Togo', 'Togolese'], ['Tonga', ''], ['Trinidad', ''],
  ['Tobago', ''], ['Tunisia', 'Tunisian'], ['Turkey', 'Turkish Turk'], ['Türkiye', ''],
  ['Turkmenistan', 'Turkmen'], ['Uganda', 'Ugandan'], ['Ukraine', 'Ukrainian'],
  ['United Arab Emirates', 'Emirati'], ['UAE', ''], ['United Kingdom', 'British Briton Brit'], ['Britain', ''],
  ['Great Britain', ''], ['UK', ''], ['U.K', ''], ['England', 'English'], ['Scotland', 'Scottish Scot'],
  ['Wales', 'Welsh'], ['United States', 'American'], ['US', ''], ['U.S', ''], ['USA', ''], ['America', ''],
  ['Uruguay', 'Uruguayan'], ['Uzbekistan', 'Uzbek'], ['Vanuatu', ''], ['Vatican', ''],
  ['Venezuela', 'Venezuelan'], ['Vietnam', 'Vietnamese'], ['Yemen', 'Yemeni'], ['Zambia', 'Zambian'],
  ['Zimbabwe', 'Zimbabwean'], ['Korea', 'Korean'], ['Gaza', 'Gazan'], ['West Bank', ''], ['Crimea', 'Crimean'],
  ['Kashmir', 'Kashmiri'], ['Tibet', 'Tibetan'], ['Hong Kong', ''], ['Puerto Rico', 'Puerto_Rican'],
  ['Greenland', ''], ['Kurdistan', 'Kurdish Kurd'], ['Chechnya', 'Chechen'], ['Darfur', ''],
];

/** Capitals and a few of the largest world cities. */
const CITIES = [
  'Kabul', 'Tirana', 'Algiers', 'Buenos Aires', 'Yerevan', 'Canberra', 'Sydney', 'Melbourne', 'Vienna', 'Baku',
  'Manama', 'Dhaka', 'Minsk', 'Brussels', 'Brasilia', 'Rio de Janeiro', 'Sao Paulo', 'Sofia', 'Phnom Penh', 'Ottawa',
  'Toronto', 'Montreal', 'Vancouver', 'Santiago', 'Beijing', 'Shanghai', 'Bogota', 'Havana', 'Nicosia', 'Prague',
  'Copenhagen', 'Cairo', 'Alexandria', 'Addis Ababa', 'Helsinki', 'Paris', 'Tbilisi', 'Berlin', 'Munich',
  'Frankfurt', 'Accra', 'Athens', 'Port-au-Prince', 'Budapest', 'Reykjavik', 'New Delhi', 'Delhi', 'Mumbai',
  'Jakarta', 'Tehran', 'Baghdad', 'Basra', 'Dublin', 'Jerusalem', 'Tel Aviv', 'Rome', 'Milan', 'Tokyo', 'Osaka',
  'Amman', 'Astana', 'Nairobi', 'Kuwait City', 'Bishkek', 'Riga', 'Beirut', 'Tripoli', 'Benghazi', 'Vilnius',
  'Kuala Lumpur', 'Bamako', 'Mexico City', 'Chisinau', 'Ulaanbaatar', 'Rabat', 'Casablanca', 'Naypyidaw', 'Yangon',
  'Kathmandu', 'Amsterdam', 'The Hague', 'Wellington', 'Auckland', 'Abuja', 'Lagos', 'Pyongyang', 'Oslo', 'Muscat',
  'Islamabad', 'Karachi', 'Lahore', 'Ramallah', 'Lima', 'Manila', 'Warsaw', 'Lisbon', 'Doha', 'Bucharest', 'Moscow',
  'St Petersburg', 'Kigali', 'Riyadh', 'Jeddah', 'Mecca', 'Dakar', 'Belgrade', 'Bratislava', 'Mogadishu',
  'Pretoria', 'Johannesburg', 'Cape Town', 'Seoul', 'Busan', 'Juba', 'Madrid', 'Barcelona', 'Colombo', 'Khartoum',
  'Stockholm', 'Bern', 'Geneva', 'Zurich', 'Damascus', 'Aleppo', 'Homs', 'Taipei', 'Dushanbe', 'Dodoma',
  'Dar es Salaam', 'Bangkok', 'Tunis', 'Ankara', 'Istanbul', 'Kampala', 'Kyiv', 'Kiev', 'Kharkiv', 'Odesa', 'Odessa',
  'Abu Dhabi', 'Dubai', 'London', 'Manchester', 'Edinburgh', 'Washington', 'New York', 'Los Angeles', 'Chicago',
  'San Francisco', 'Houston', 'Caracas', 'Hanoi', 'Ho Chi Minh City', 'Sanaa', "Sana'a", 'Aden', 'Harare',
  'Lusaka', 'Gaza City', 'Kinshasa', 'Luanda', 'Maputo', 'Tashkent', 'Montevideo', 'Quito', 'La Paz', 'Asuncion',
  'Panama City', 'Guatemala City', 'San Salvador', 'Tegucigalpa', 'Managua', 'San Jose', 'Kingston', 'Santo Domingo',
  'Valletta', 'Luxembourg City', 'Monrovia', 'Freetown', 'Conakry', 'Abidjan', 'Niamey', 'Ouagadougou', "N'Djamena",
  'Yaounde', 'Libreville', 'Brazzaville', 'Bangui', 'Asmara', 'Djibouti City', 'Antananarivo', 'Windhoek',
  'Gaborone', 'Lilongwe', 'Zagreb', 'Ljubljana', 'Sarajevo', 'Skopje', 'Podgorica', 'Pristina', 'Tallinn',
];

const REGIONS = [
  'Europe', 'Asia', 'Africa', 'Middle East', 'Latin America', 'North America', 'South America', 'Central America',
  'Caribbean', 'Balkans', 'Caucasus', 'Mediterranean', 'Pacific', 'Atlantic', 'Arctic', 'Antarctica',
  'Scandinavia', 'Sahel', 'Sahara', 'Levant', 'East Asia', 'South Asia', 'Southeast Asia', 'Central Asia',
  'West Africa', 'East Africa', 'North Africa', 'Horn of Africa', 'Indian Ocean', 'Persian Gulf', 'Gulf of Mexico',
  'Red Sea', 'Black Sea', 'Baltic', 'Baltics', 'Korean Peninsula', 'Sinai', 'Golan Heights', 'Donbas', 'Donbass',
  'Siberia', 'Gulf',
];

const US_STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon',
  'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont',
  'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming',
];

/** Gazetteer keys are lower-cased names with dots removed ("u.s" -> "us"). */
const gazKey = (s: string): string => {
  const l = s.toLowerCase();
  return l.indexOf('.') < 0 && l.indexOf('’') < 0 ? l : l.replace(/[.’]/g, (c) => (c === '’' ? "'" : ''));
};

const PLACES: ReadonlySet<string> = new Set(
  [...COUNTRIES.map(([c]) => c), ...CITIES, ...REGIONS, ...US_STATES].map(gazKey),
);

/** Adjectives and plural nouns of nationality, religion and bloc: never an entity on their own. */
const DEMONYMS: ReadonlySet<string> = (() => {
  const set = new Set<string>();
  const add = (w: string) => {
    const k = gazKey(w.replace(/_/g, ' '));
    set.add(k);
    // plurals: Americans, Iraqis, Britons; "Chinese"/"Swiss" stay as they are
    if (!/(ese|ss|sh|ch)$/.test(k)) set.add(k + 's');
  };
  for (const [, d] of COUNTRIES) for (const w of d.split(' ').filter(Boolean)) add(w);
  for (const w of words(
    'Arab Persian Kurdish Sunni Shia Shiite Shi\'ite Alawite Muslim Christian Jewish Coptic Copt Hindu Buddhist Sikh ' +
      'Catholic Protestant Orthodox Western Eastern Northern Southern European African Asian Latin Soviet Nazi ' +
      'Islamist Jihadist Pashtun Tamil Uighur Uyghur Yazidi Druze Baltic Scandinavian Slavic Caucasian Californian ' +
      'Texan Mideast Anglo',
  ))
    add(w);
  // compound demonyms ("North Korean", "South African") are matched token by token: see isDemonymRun
  return set;
})();

const DIRECTIONS = words('North South East West Northern Southern Eastern Western Central Upper Lower');

/** Head words of organisations. */
const ORG_WORDS = words(
  'Ministry Service Services Agency Commission Council Party Department Chiefs Observatory Organization ' +
    'Organisation Nations Watch Cross Crescent Guard Guards Army Forces Force Bank Fund Court News Times Post Office ' +
    'Committee Union Alliance Front Brotherhood Movement Association Institute Institution University College ' +
    'Company Corporation Corp Inc Ltd Group Coalition Federation Board Authority Administration Assembly Parliament ' +
    'Congress Senate Police Navy Command Staff Embassy Programme Program Security Press Network Radio Television ' +
    'Broadcasting Journal Herald Tribune Telegraph Gazette Society Foundation Trust Center Centre Secretariat Cabinet ' +
    'Government Directorate Bureau Tribunal Mission Brigade Brigades Battalion Regiment Division Corps Militia ' +
    'League Airlines Airways Industries Holdings Media Chamber Reserve Exchange Church Agencies House Survey Ministries Unit ' +
    'Monitor Review Daily Weekly Magazine Guardian Mirror Express Republicans Democrats Taliban',
);

/** Place head words: "Tahrir Square", "Gulf of Mexico", "Port Said", "Hama Province". */
const PLACE_WORDS = words(
  'Square Street Road Avenue Boulevard Bridge Province Region District County City Town Village Valley River Lake ' +
    'Sea Ocean Gulf Bay Strait Straits Island Islands Peninsula Mountains Mount Mountain Desert Coast Airport Port ' +
    'Harbour Harbor Camp Plain Heights Hills Canal Oblast Governorate Prefecture Territory Territories Strip Delta ' +
    'Highlands Park Palace Prison Stadium Mosque Cathedral Border Crossing Cape Isle Republic Kingdom Emirate ' +
    'Emirates Neighbourhood Neighborhood',
);

/** Lower-case nouns after a name that make it a place: "the Kursk region", "Hama province". */
const PLACE_NOUNS = words(
  'region province city town village district area county state border capital port oblast governorate ' +
    'neighbourhood neighborhood suburb square airport coast island islands peninsula valley river front frontline',
);

/** Titles and roles written before a person's name (compared lower-cased, dots removed). */
const TITLE_WORDS = words(
  'president vice prime minister premier chancellor secretary secretary-general general gen lt lieutenant colonel ' +
    'col major maj captain capt sergeant sgt admiral adm commander cmdr marshal brigadier corporal chairman ' +
    'chairwoman chair chairperson chief director governor gov senator sen representative rep congressman ' +
    'congresswoman mayor ambassador envoy spokesman spokeswoman spokesperson leader king queen prince princess ' +
    'sheikh emir sultan crown pope cardinal archbishop bishop rev reverend rabbi imam ayatollah judge lord lady sir ' +
    'dame dr mr mrs ms miss prof professor speaker deputy commissioner attorney inspector superintendent officer ' +
    'detective coach manager president-elect ceo founder head',
);

/** Lower-case role nouns that introduce a name: "security official Sergei Shoigu", "his son Seif al-Islam". */
const ROLE_NOUNS = words(
  'official officials officer spokesman spokeswoman spokesperson leader minister secretary president commander ' +
    'general chief envoy ambassador director chairman head adviser advisor analyst expert professor lawyer ' +
    'activist correspondent reporter editor journalist researcher resident witness son daughter wife husband ' +
    'brother sister father mother uncle aunt cousin colleague deputy governor mayor senator candidate negotiator ' +
    'coach captain prosecutor judge doctor campaigner photographer author founder owner premier counterpart ' +
    'successor predecessor rival representative lawmaker mp executive contributor by',
);

/** Words of titles and organisation names that are never part of a person's name. */
const DOMAIN_WORDS = words(
  'Foreign Defence Defense Interior Home Finance Health Education Energy Trade Economy Economic Human Rights Affairs ' +
    'State Development Public National International United Republic Democratic People Peoples Federal Royal ' +
    'Islamic Joint Central Supreme Transitional Executive High Acting Former Senior Special Regional Global World ' +
    'Humanitarian Military Revolutionary Armed Civil Emergency Environmental Environment Agriculture Labour Labor ' +
    'Social Welfare Intelligence Nuclear Atomic Oceanic Atmospheric Homeland Justice Treasury Commerce Transport ' +
    'Transportation Information Communications Culture Tourism Science Technology Research Resources Water Oil ' +
    'Petroleum Gas Monetary Financial Strategic Operations Relief Peace Peacekeeping Refugees Migration Coordination ' +
    'Co-ordination Co-operation Cooperation General Staff Health Disease Control Prevention Protection Investigation ' +
    'Criminal Unification Reunification Workers Liberation Independence Freedom Justice Solidarity Progress Reform ' +
    'Green Labour Conservative Liberal Socialist Communist Christian Popular New Great Grand Holy Free',
);

/** Event and document head words: the name is neither a person nor a place. */
const EVENT_WORDS = words(
  'War Revolution Spring Cup Games Olympics Treaty Agreement Accord Accords Act Charter Plan Operation Crisis ' +
    'Summit Day Week Prize Award Festival Election Elections Protocol Convention Declaration Initiative Uprising ' +
    'Massacre Earthquake Hurricane Storm Typhoon Cyclone Pandemic Doctrine Resolution Report Strategy Conference ' +
    'Bill Law Constitution',
);

const MONTHS_AND_DAYS = words(
  'January February March April May June July August September October November December Jan Feb Mar Apr Jun ' +
    'Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
);

/** Capitalised words that are only capitalised because they start a sentence or a heading. */
const STOP_WORDS = words(
  'The A An In On At But And Or Nor He She It They We I You This That These Those There Here His Her Their Its ' +
    'Our My Your After Before When While Whilst However Meanwhile Still Although Though Following According As If ' +
    'Since Despite Under With Without For From By To Of Some Many Most All Several Few Both Each Every Either ' +
    'Neither Such Other Another Thousands Hundreds Tens Dozens Millions Earlier Later Last Next First Second Third ' +
    'Notably Also Yet So Then Now Today Yesterday Tomorrow Tonight Why What Who Whom Whose How Where Which Whether ' +
    'Among Amid Between Against During Until Over About Around Into Through Across Not No Yes Only Even Just More ' +
    'Less Much Once Twice One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Fifty Hundred ' +
    'Please Read Share Click Sign Subscribe Advertisement Copyright Published Updated Photo Photos Image Video ' +
    'Sources Source Comments Newsletter Newsletters Events Podcasts Videos Loader Close Button Go See Also Sorry ' +
    'Mr Mrs Ms Dr Speaking Describing Asked Asking Describing Like Unlike Because Whereas Except Including ' +
    'Instead Indeed Overall Further Furthermore Moreover Otherwise Perhaps Maybe Already Again Almost Nearly Some ' +
    'Any None Nobody Everyone Everybody Someone Somebody Anyone Nothing Something Everything Breaking Live Watch ' +
    'Listen Follow Related Top More Latest Exclusive Analysis Opinion Editorial Comment Update Note Editors',
);

/** All-caps strings that are not organisations. */
const NON_ORG_ACRONYMS = words('GMT UTC BST EST EDT PST CET AM PM TV CEO GDP OK DNA ID PC AD BC SMS USD EUR GBP MP PhD FAQ RSS');

/** Lower-case connectors allowed inside a name. */
const NAME_PARTICLES = words('de da del della di du dos das van von der den bin ibn al el la le ter y');

const PREPOSITIONS_OF_PLACE = words('in near at from to outside into across around towards toward inside via through');

/** Words before which the name cannot be a person ("the Deepwater Horizon", "a Transocean rig"). */
const DETERMINERS = words('the a an this that these those');

/** Plural-possessive or possessive words that stay inside a name: "People's Liberation Army". */
const POSSESSIVE_JOINERS = words("people women men children workers veterans martyrs");

/** Hyphenated suffixes that make a name an adjective: "London-based", "US-led". */
const ADJ_SUFFIXES = words(
  'based led backed made held run controlled owned born bound linked allied aligned funded licensed sponsored ' +
    'style era type wide friendly speaking flagged registered listed affiliated inspired brokered occupied annexed ' +
    'administered dominated related produced built supported organised organized imposed appointed installed',
);
const ADJ_PREFIXES = /^(?:pro|anti|ex|non|post|pre|neo|mid|trans|pan|all|un)-(?=\p{Lu})/u;

// ---------------------------------------------------------------------------
// Helpers shared with quotes.ts

const low = (s: string): string => (s.indexOf('.') < 0 ? s.toLowerCase() : s.toLowerCase().replace(/\./g, ''));

/** @internal A title or role word ("President", "spokesperson", "Mr"). */
export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(low(word)) || ROLE_NOUNS.has(low(word));
}

/** @internal True when `name` has an organisation head word or is an acronym that is not a place. */
export function looksLikeOrganisation(name: string): boolean {
  const toks = name.split(/\s+/);
  if (toks.some((t) => ORG_WORDS.has(cap(stripPossessive(t))))) return true;
  return toks.length === 1 && isAcronym(toks[0]!) && !isPlaceName(toks[0]!);
}

/** @internal A gazetteer place ("Haiti", "South Korea", "U.S.", "SEOUL"). */
export function isPlaceName(name: string): boolean {
  return PLACES.has(gazKey(name.trim()));
}

/** @internal A nationality or group adjective on its own ("Ukrainian", "North Korean"). */
export function isDemonymPhrase(name: string): boolean {
  const toks = name.trim().split(/\s+/);
  const last = toks[toks.length - 1];
  if (DEMONYMS.has(gazKey(toks.join(' ')))) return true;
  return !!last && DEMONYMS.has(gazKey(last)) && toks.slice(0, -1).every((t) => DIRECTIONS.has(t));
}

function cap(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function stripPossessive(s: string): string {
  return s.replace(/['’]s$|['’]$/u, '');
}

function isAcronym(s: string): boolean {
  const bare = s.replace(/\./g, '');
  return /^\p{Lu}{2,6}$/u.test(bare) || /^(?:\p{Lu}\.){2,}$/u.test(s) || /^(?:\p{Lu}\.)+\p{Lu}$/u.test(s);
}

// ---------------------------------------------------------------------------
// Tokens and runs

interface Token {
  /** Text as written, possessive included ("Korea’s"). */
  raw: string;
  /** Without possessive ending ("Korea"). */
  base: string;
  start: number;
  end: number;
  cap: boolean;
  possessive: 'singular' | 'plural' | null;
  /** The token ends a run (hyphenated adjective "London-based", singular possessive "Korea’s"). */
  breakAfter: boolean;
  /** First word of the sentence, or right after an opening quote, colon or dash. */
  initial: boolean;
  /** Right after an opening quotation mark. */
  quoted: boolean;
  role: Role;
}

// Letters and digits without the \p{} classes, which are several times slower here:
// Latin (with accents), Greek, Cyrillic, Arabic, Hebrew ... and CJK/Hangul.
const W = 'A-Za-z0-9\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u1FFF\\u2C00-\\uD7FF';
const TOKEN_RE = new RegExp(`[${W}]+(?:[\\-'’.][${W}]+)*['’]?`, 'g');
const ABBREV_WITH_DOT = words('mr mrs ms dr gen lt col adm sgt capt maj cmdr gov sen rep rev st jr sr prof');

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let lastEnd = 0;
  let m: RegExpExecArray | null;
  TOKEN_RE.lastIndex = 0;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let raw = m[0];
    let start = m.index;
    let end = start + raw.length;
    const c0 = raw.charCodeAt(0);
    // fast path: lower-case words and numbers only matter as context
    if ((c0 >= 97 && c0 <= 122) || (c0 >= 48 && c0 <= 57)) {
      if (raw.indexOf('-') < 0) {
        tokens.push({ raw, base: raw, start, end, cap: false, possessive: null, breakAfter: false, initial: false, quoted: false, role: 'particle' });
        lastEnd = end;
        continue;
      }
    }
    const gap = lastEnd === start ? '' : text.slice(lastEnd, start);
    const initial = tokens.length === 0 || INITIAL_GAP.test(gap);
    const quoted = initial && QUOTED_GAP.test(gap);
    // "U.S." and "Adm." keep their final dot
    if (text.charCodeAt(end) === 46 && (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(raw) || ABBREV_WITH_DOT.has(raw.toLowerCase()))) {
      raw += '.';
      end++;
    }
    lastEnd = end;
    if (raw.indexOf('-') >= 0) {
      // hyphenated prefixes and suffixes: "pro-Gadhafi", "London-based", "Russia-Ukraine"
      const pre = ADJ_PREFIXES.exec(raw);
      if (pre) {
        raw = raw.slice(pre[0].length);
        start += pre[0].length;
      }
      const parts = raw.split('-');
      if (parts.length === 2 && /^\p{Lu}/u.test(parts[0]!) && ADJ_SUFFIXES.has(parts[1]!.toLowerCase())) {
        tokens.push(makeToken(parts[0]!, start, initial, quoted, true));
        continue;
      }
      if (
        parts.length === 2 &&
        parts.every((p) => /^\p{Lu}/u.test(p) && (PLACES.has(gazKey(p)) || DEMONYMS.has(gazKey(p))))
      ) {
        tokens.push(makeToken(parts[0]!, start, initial, quoted, true));
        tokens.push(makeToken(parts[1]!, start + parts[0]!.length + 1, false, false, true));
        continue;
      }
    }
    tokens.push(makeToken(raw, start, initial, quoted, false));
  }
  return tokens;
}

/** Words after these start a sentence-like unit; words after "(" do not: "(Reuters)", "(AP)". */
const INITIAL_GAP = /[“"‘:;—–~•|*#>]\s*$/u;
const QUOTED_GAP = /[“"‘]\s*$/u;

function makeToken(raw: string, start: number, initial: boolean, quoted: boolean, breakAfter: boolean): Token {
  let base = raw;
  let possessive: Token['possessive'] = null;
  const lastCh = raw[raw.length - 1];
  if (lastCh === 's' && raw.length > 2 && (raw[raw.length - 2] === '’' || raw[raw.length - 2] === "'")) {
    base = base.slice(0, -2);
    possessive = 'singular';
  } else if (lastCh === '’' || lastCh === "'") {
    base = base.slice(0, -1);
    if (base.endsWith('s')) possessive = 'plural';
  }
  const c0 = base.charAt(0);
  const isCap =
    (c0 !== c0.toLowerCase()) || ((c0 === 'a' || c0 === 'e') && /^(?:al|el|ad|ash|as|an|ar|at|az)-\p{Lu}/u.test(base));
  const joiner = possessive !== null && POSSESSIVE_JOINERS.has(base.toLowerCase());
  const token: Token = {
    raw,
    base,
    start,
    end: start + raw.length,
    cap: isCap && !MONTHS_AND_DAYS.has(base.endsWith('.') ? base.slice(0, -1) : base),
    possessive,
    breakAfter: breakAfter || (possessive === 'singular' && !joiner),
    initial,
    quoted,
    role: 'particle',
  };
  token.role = computeRole(token);
  return token;
}

/** Token roles used to split and classify a run. `gaz` is a one-word gazetteer place. */
type Role = 'title' | 'org' | 'place' | 'gaz' | 'demonym' | 'domain' | 'particle' | 'acronym' | 'name';

function roleOf(t: Token): Role {
  return t.role;
}

function computeRole(t: Token): Role {
  const b = t.base;
  const l = low(b);
  if (!t.cap) return 'particle';
  if (ORG_WORDS.has(b)) return 'org';
  if (TITLE_WORDS.has(l)) return 'title';
  if (DOMAIN_WORDS.has(b)) return 'domain';
  if (PLACE_WORDS.has(b)) return 'place';
  const key = gazKey(b);
  if (DEMONYMS.has(key) || DIRECTIONS.has(b)) return 'demonym';
  if (PLACES.has(key)) return 'gaz';
  if (isAcronym(b)) return 'acronym';
  return 'name';
}

interface Run {
  tokens: Token[];
  /** Lower-cased word before the run when only spaces separate them, else null. */
  prev: string | null;
  /** The word before `prev`, lower-cased ("village" in "the village of Taldou"). */
  prev2: string | null;
  /** The run before this one in the sentence when only ", " / " and " separate them. */
  listPrev: number | null;
  /** Lower-cased word after the run when only spaces separate them. */
  next: string | null;
  sentence: number;
}


function buildRuns(text: string, tokens: Token[], sentence: number, out: Run[]): void {
  const firstRunIndex = out.length;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const startsName = t.cap || (t.raw === 'al' && tokens[i + 1]?.cap && gapOk(text, t, tokens[i + 1]!));
    if (!startsName) {
      i++;
      continue;
    }
    const before = i > 0 && gapOk(text, tokens[i - 1]!, t) ? tokens[i - 1]!.raw.toLowerCase() : null;
    const before2 =
      before !== null && i > 1 && gapOk(text, tokens[i - 2]!, tokens[i - 1]!) ? tokens[i - 2]!.raw.toLowerCase() : null;
    const run: Token[] = [t];
    let j = i + 1;
    while (j < tokens.length) {
      const last = run[run.length - 1]!;
      if (last.breakAfter || !gapOk(text, last, tokens[j]!)) break;
      const nt = tokens[j]!;
      if (nt.cap) {
        run.push(nt);
        j++;
        continue;
      }
      // connectors join only when followed by a capitalised word
      const lw = nt.raw.toLowerCase();
      let k = j;
      const connector: Token[] = [];
      if ((lw === 'of' || lw === 'for') && (joinsOfFor(run) || (before === 'the' && lw === 'of'))) {
        connector.push(nt);
        k++;
        if (tokens[k]?.raw === 'the' && gapOk(text, nt, tokens[k]!)) connector.push(tokens[k++]!);
      } else if (lw === 'and' && joinsAnd(run, tokens, j + 1, text)) {
        connector.push(nt);
        k++;
      } else if (NAME_PARTICLES.has(nt.raw) && roleOf(last) === 'name') {
        connector.push(nt);
        k++;
      }
      const after = tokens[k];
      if (connector.length > 0 && after?.cap && gapOk(text, connector[connector.length - 1]!, after)) {
        run.push(...connector);
        j = k;
        continue;
      }
      break;
    }
    const last = run[run.length - 1]!;
    const afterTok = tokens[j];
    const next = afterTok && !last.breakAfter && gapOk(text, last, afterTok) ? afterTok.raw.toLowerCase() : null;
    // list continuation: "in Ismailia, Port Said and Suez"
    let listPrev: number | null = null;
    if (out.length > firstRunIndex) {
      const prevRun = out[out.length - 1]!;
      const between = text.slice(prevRun.tokens[prevRun.tokens.length - 1]!.end, t.start);
      if (/^(?:,\s*|,?\s+(?:and|or)\s+)$/.test(between)) listPrev = out.length - 1;
    }
    out.push({ tokens: run, prev: before, prev2: before2, next, listPrev, sentence });
    i = j;
  }
}

/** Only spaces or tabs between two tokens. */
function gapOk(text: string, a: Token, b: Token): boolean {
  if (b.start <= a.end) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 160) return false;
  }
  return true;
}

function joinsOfFor(run: Token[]): boolean {
  return run.some((t) => {
    const r = roleOf(t);
    return r === 'org' || r === 'title' || r === 'domain' || r === 'place';
  });
}

function joinsAnd(run: Token[], tokens: Token[], from: number, text: string): boolean {
  if (run.some((t) => roleOf(t) === 'org')) return true;
  for (let k = from; k < tokens.length && tokens[k]!.cap; k++) {
    if (roleOf(tokens[k]!) === 'org') return true;
    if (k + 1 < tokens.length && !gapOk(text, tokens[k]!, tokens[k + 1]!)) break;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Classification

/** Lower-case nouns after a name that make it an organisation: "the JoongAng Ilbo newspaper", "Baath party". */
const ORG_NOUNS = words(
  'newspaper daily agency group channel broadcaster network company firm party militia news magazine website ' +
    'organisation organization movement outlet television radio ministry council committee government airline ' +
    'bank union',
);
/** "north of Zliten", "south-east of Venice". */
const COMPASS = words('north south east west north-east north-west south-east south-west northeast northwest southeast southwest');

interface Candidate {
  name: string;
  type: EntityType;
  sentence: number;
  /** A single capitalised word that only starts its sentence: needs evidence. */
  needsEvidence: boolean;
  /** One word that may be the short form of a person named in full elsewhere. */
  surnameCandidate: boolean;
  possessive: boolean;
  /** Typed only by the word before it ("at Morsi"): does not spread to other mentions. */
  weak: boolean;
}

interface Context {
  /** Runs typed as places by a preposition, for lists ("in Ismailia, Port Said and Suez"). */
  placeRuns: Set<number>;
  /** Capitalised words seen somewhere other than the start of a sentence. */
  midSentence: Set<string>;
  out: Candidate[];
}

const joinTokens = (ts: Token[]): string => ts.map((t, i) => (i === ts.length - 1 ? t.base : t.raw)).join(' ');

/** Start of the trailing person name: name words, with particles inside ("Luis Carlos da Costa"). */
function trailingName(ts: Token[]): number {
  let k = ts.length;
  while (k > 0) {
    const r = roleOf(ts[k - 1]!);
    if (r === 'name') k--;
    else if (r === 'particle' && k < ts.length && k - 1 > 0 && roleOf(ts[k - 2]!) === 'name') k--;
    else break;
  }
  while (k < ts.length && roleOf(ts[k]!) === 'particle') k++;
  return k;
}

function classifyRun(run: Run, self: number, ctx: Context): void {
  let ts = run.tokens;
  let prev = run.prev;
  // a capitalised function word at the start of a sentence: "The", "In" (kept as the word before)
  while (ts.length > 0 && ts[0]!.initial && STOP_WORDS.has(ts[0]!.base) && !isPlaceName(ts[0]!.base)) {
    prev = ts[0]!.base.toLowerCase();
    ts = ts.slice(1);
    while (ts.length > 0 && !ts[0]!.cap) ts = ts.slice(1);
  }
  // an unknown sentence-initial word before a known one: "Full Iraq ...", "Current NOAA ..."
  if (ts.length > 1 && ts[0]!.initial && roleOf(ts[0]!) === 'name' && !ctx.midSentence.has(ts[0]!.base)) {
    const r1 = roleOf(ts[1]!);
    if (r1 === 'gaz' || r1 === 'acronym' || r1 === 'demonym') {
      prev = null;
      ts = ts.slice(1);
    }
  }
  if (ts.length === 0) return;
  const roles = ts.map(roleOf);

  // 1. A title or role before a name: "Prime Minister Jean-Max Bellerive", "Haiti Lt Gen Ken Keen"
  const nameStart = trailingName(ts);
  if (nameStart < ts.length) {
    const titled =
      roles.slice(0, nameStart).some((r) => r === 'title') || (nameStart === 0 && prev !== null && ROLE_NOUNS.has(prev));
    if (titled) {
      const person = ts.slice(nameStart);
      ctx.out.push(candidate(joinTokens(person), 'person', run, { single: person.length === 1, last: person[person.length - 1]! }));
      let prefix = ts.slice(0, nameStart);
      while (prefix.length > 0 && ['title', 'domain', 'particle'].includes(roleOf(prefix[prefix.length - 1]!))) {
        prefix = prefix.slice(0, -1);
      }
      if (prefix.length > 0) classifyPlain(prefix, prefix[0] === run.tokens[0] ? prev : null, null, run, self, ctx);
      return;
    }
  }
  classifyPlain(ts, prev, run.next, run, self, ctx);
}

function candidate(
  name: string,
  type: EntityType,
  run: Run,
  opts: { single?: boolean; needsEvidence?: boolean; weak?: boolean; last: Token },
): Candidate {
  return {
    name,
    type,
    sentence: run.sentence,
    needsEvidence: opts.needsEvidence ?? false,
    surnameCandidate: opts.single ?? false,
    possessive: opts.last.possessive === 'singular',
    weak: opts.weak ?? false,
  };
}

function classifyPlain(ts: Token[], prev: string | null, next: string | null, run: Run, self: number, ctx: Context): void {
  const roles = ts.map(roleOf);
  const first = ts[0]!;
  const last = ts[ts.length - 1]!;
  const whole = joinTokens(ts);
  const single = ts.length === 1;
  const push = (name: string, type: EntityType, opts?: { needsEvidence?: boolean; weak?: boolean }) =>
    ctx.out.push({
      name,
      type,
      sentence: run.sentence,
      needsEvidence: opts?.needsEvidence ?? false,
      surnameCandidate: single,
      possessive: last.possessive === 'singular',
      weak: opts?.weak ?? false,
    });

  if (roles.includes('org')) {
    // "Police crack down", "Government forces": kept only if the word is capitalised mid-sentence too
    push(whole, 'organisation', { needsEvidence: single && first.initial });
    return;
  }
  // nothing but titles, demonyms and domain words: "Russian President", "North Korean", "Islamic"
  if (roles.every((r) => r === 'title' || r === 'demonym' || r === 'domain' || r === 'particle') || isDemonymPhrase(whole)) {
    if (next !== null && ORG_NOUNS.has(next) && !roles.every((r) => r === 'demonym' || r === 'particle')) {
      push(`${whole} ${next}`, 'organisation'); // "Mexican Health ministry"
    }
    return;
  }
  if (isPlaceName(whole)) {
    ctx.placeRuns.add(self);
    push(whole, 'place');
    return;
  }
  // demonyms before a name: "Ukrainian Volodymyr Zelensky", "Syrian Observatory" is an organisation above
  if (roles[0] === 'demonym') {
    let k = 1;
    while (k < ts.length - 1 && roles[k] === 'demonym') k++;
    classifyPlain(ts.slice(k), prev, next, run, self, ctx);
    return;
  }
  if (single && roles[0] === 'acronym') {
    if (NON_ORG_ACRONYMS.has(first.base) || /^\p{Lu}\.?$/u.test(first.base)) return;
    push(first.base, 'organisation');
    return;
  }
  // runs holding acronyms or one-word places: "AP Photo", "UN Charter", "Kremlin Pool"
  if (roles.some((r) => r === 'acronym' || r === 'gaz') && !single) {
    for (const [i, t] of ts.entries()) {
      if (roles[i] === 'acronym' && !NON_ORG_ACRONYMS.has(t.base)) {
        ctx.out.push(candidate(t.base, isPlaceName(t.base) ? 'place' : 'organisation', run, { last: t }));
      } else if (roles[i] === 'gaz') {
        ctx.out.push(candidate(t.base, 'place', run, { last: t }));
      }
    }
    const rest = ts.filter((_, i) => roles[i] !== 'acronym' && roles[i] !== 'gaz');
    if (rest.some((t) => roleOf(t) === 'name' && !STOP_WORDS.has(t.base))) push(whole, 'other');
    return;
  }
  if (next !== null && ORG_NOUNS.has(next)) {
    push(whole, 'organisation');
    return;
  }
  if (roles[0] === 'place' || roles[roles.length - 1] === 'place' || (next !== null && PLACE_NOUNS.has(next))) {
    if (single && roles[0] === 'place' && !(next !== null && PLACE_NOUNS.has(next))) return; // "Street battles"
    ctx.placeRuns.add(self);
    push(whole, 'place');
    return;
  }
  if (EVENT_WORDS.has(last.base)) {
    push(whole, 'other');
    return;
  }
  // "the village of Taldou", "south of Zliten"
  if (prev === 'of' && run.prev2 !== null && (PLACE_NOUNS.has(run.prev2.replace(/s$/, '')) || PLACE_NOUNS.has(run.prev2) || COMPASS.has(run.prev2) || run.prev2 === 'villages' || run.prev2 === 'cities')) {
    ctx.placeRuns.add(self);
    push(whole, 'place');
    return;
  }
  // after "in", "near", "from"... or in a list that began so: a place (weak evidence)
  const byPreposition = prev !== null && PREPOSITIONS_OF_PLACE.has(prev) && last.possessive === null && roles[0] !== 'particle';
  const inList = run.listPrev !== null && ctx.placeRuns.has(run.listPrev) && ts === run.tokens;
  if ((byPreposition || inList) && ts.length <= 3) {
    ctx.placeRuns.add(self);
    push(whole, 'place', { weak: true });
    return;
  }
  if (prev !== null && DETERMINERS.has(prev)) {
    push(whole, 'other');
    return;
  }
  const nameCount = roles.filter((r) => r === 'name').length;
  const personShape =
    ts.length >= 2 && ts.length <= 4 && nameCount >= 2 && nameCount <= 3 && roles.every((r) => r === 'name' || r === 'particle');
  if (personShape && !first.quoted && !(next !== null && /^\d/.test(next))) {
    push(whole, 'person');
    return;
  }
  if (single) {
    if (STOP_WORDS.has(first.base) || TITLE_WORDS.has(low(first.base))) return;
    push(whole, 'other', { needsEvidence: first.initial });
    return;
  }
  push(whole, 'other');
}

// ---------------------------------------------------------------------------
// Article-level resolution

/** Family-name-first shape: "Kim Jong Un", "Kim Jong-un", "Ban Ki-moon". */
function familyNameFirst(name: string): boolean {
  const toks = name.split(' ');
  if (toks.length === 2) return /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(toks[1]!);
  if (toks.length === 3) return toks[0]!.length <= 4 && toks.slice(1).every((t) => /^\p{Lu}\p{Ll}{1,3}$/u.test(t));
  return false;
}

/**
 * Extracts people, organisations and places named in `body`: one mention per
 * sentence in which each is named, in text order. A surname used alone is
 * reported under the full name given elsewhere in the article.
 *
 * @example
 * const body = 'Prime Minister Jean-Max Bellerive spoke in Port-au-Prince. Bellerive said...';
 * extractEntities(body, splitSentences(body)).map((e) => `${e.name}:${e.type}`);
 * // ['Jean-Max Bellerive:person', 'Port-au-Prince:place', 'Jean-Max Bellerive:person']
 */
export function extractEntities(body: string, sentences: Sentence[]): EntityMention[] {
  const runs: Run[] = [];
  const midSentence = new Set<string>();
  for (const s of sentences) {
    const tokens = tokenise(s.text);
    if (isHeadingNoise(tokens)) continue;
    for (const t of tokens) if (t.cap && !t.initial) midSentence.add(t.base);
    buildRuns(s.text, tokens, s.index, runs);
  }
  const ctx: Context = { placeRuns: new Set(), midSentence, out: [] };
  for (const [i, run] of runs.entries()) classifyRun(run, i, ctx);
  const candidates = ctx.out;

  // full names of people -> the short form a later (or earlier) mention would use
  const byShort = new Map<string, string | null>();
  for (const c of candidates) {
    if (c.type !== 'person' || !c.name.includes(' ')) continue;
    const toks = c.name.split(' ');
    const short = familyNameFirst(c.name) ? toks[0]! : toks[toks.length - 1]!;
    const seen = byShort.get(short);
    if (seen === undefined) byShort.set(short, c.name);
    else if (seen !== null && entityKey(seen) !== entityKey(c.name)) byShort.set(short, null); // ambiguous
  }

  const resolved: Candidate[] = [];
  for (const c of candidates) {
    const full = c.surnameCandidate && c.type !== 'organisation' ? byShort.get(c.name) : undefined;
    if (full) {
      resolved.push({ ...c, name: full, type: 'person', weak: false });
      continue;
    }
    if (c.needsEvidence && !(isPlaceName(c.name) || midSentence.has(c.name) || c.possessive || full === null)) continue;
    resolved.push(c);
  }

  // one type per name within the article: a mention typed only by its position
  // ("for Kursk") takes the type the name has elsewhere ("the Kursk region")
  const strongType = new Map<string, Map<EntityType, number>>();
  for (const c of resolved) {
    if (c.weak || c.type === 'other') continue;
    const counts = strongType.get(c.name) ?? new Map<EntityType, number>();
    counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
    strongType.set(c.name, counts);
  }
  const out: EntityMention[] = [];
  const seen = new Set<string>();
  for (const c of resolved) {
    let type = c.type;
    const counts = strongType.get(c.name);
    if (counts && (type === 'other' || c.weak)) {
      type = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    }
    const key = `${c.sentence}\u0000${c.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: c.name, type, sentence: c.sentence });
  }
  return out;
}

/** Navigation rows and shouted headings: "ARTICLE AD BOX", "Newsletter Newsletters Events Podcasts". */
function isHeadingNoise(tokens: Token[]): boolean {
  let caps = 0;
  for (const t of tokens) {
    if (t.cap) caps++;
    else if (!/^\d/.test(t.raw)) return false;
  }
  return caps >= 3;
}

// ---------------------------------------------------------------------------
// Keys

/**
 * A key that is equal for spelling variants of one entity: case, diacritics,
 * punctuation, hyphens, honorifics, a leading "the", transliteration endings
 * (-yy/-iy/-ii -> -y) and doubled letters are ignored.
 *
 * @example
 * entityKey('Zelenskyy') === entityKey('Zelensky') // true
 * entityKey('Kim Jong-un') === entityKey('Kim Jong Un') // true
 * entityKey('Gadhafi') === entityKey('Gaddafi') // true
 */
export function entityKey(name: string): string {
  const toks = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ''))
    .replace(/['’.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (toks.length > 1 && /^(?:the|mr|mrs|ms|dr)$/.test(toks[0]!)) toks.shift();
  return toks
    .map((t) =>
      t
        .replace(/(?:yy|iy|ii|yi)$/, 'y')
        .replace(/dh/g, 'd')
        .replace(/ph/g, 'f')
        .replace(/(\p{L})\1+/gu, '$1'),
    )
    .join(' ');
}

/** @internal A capitalised word that can be part of a person's name: not a title, organisation, place or demonym word. */
export function isNameWord(word: string): boolean {
  return makeToken(word, 0, false, false, false).role === 'name';
}
