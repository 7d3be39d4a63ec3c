/**
 * Word lists for figure extraction. Generic English news vocabulary only: no
 * names, places or phrasings of any one story.
 */

/** Nouns for groups of people that figures count. */
export const PEOPLE_NOUNS = new Set(
  `people persons person individuals civilians civilian residents villagers inhabitants citizens nationals foreigners
  soldiers soldier troops troop servicemen servicemembers personnel fighters fighter militants militant insurgents insurgent
  rebels rebel combatants guerrillas militiamen militia jihadists gunmen attackers bombers protesters protestors protester
  demonstrators demonstrator activists students children child kids women woman men man girls boys babies infants adults
  workers worker miners employees staff crew crewmen crewmembers sailors marines pilots officers officer policemen
  policewomen police guards cadets recruits reservists conscripts volunteers peacekeepers observers journalists reporters
  doctors nurses medics patients passengers tourists pilgrims worshippers worshipers fans spectators migrants refugees
  asylum-seekers prisoners detainees inmates hostages captives victims survivors casualties dead bodies lives responders
  rescuers firefighters reinforcements forces fishermen farmers shoppers pedestrians motorists climbers hikers athletes
  players defectors members relatives mourners voters bystanders settlers herders deaths fatalities injuries
  paratroopers commandos infantrymen sailors airmen servicewomen agents lawmakers delegates arrests suspects families households`.split(/\s+/).filter(Boolean),
);

/** People nouns that only make sense for troop deployments. */
export const MILITARY_NOUNS = new Set(
  `soldiers troops servicemen servicemembers personnel fighters reinforcements forces marines sailors paratroopers commandos
  infantrymen airmen peacekeepers police policemen officers responders rescuers firefighters reservists conscripts recruits
  volunteers militiamen guards`.split(/\s+/).filter(Boolean),
);

/** Words that may stand between a number and its people noun ("3,000 additional North Korean troops"). */
export const NOUN_MODIFIERS = new Set(
  `more other additional extra further new fresh foreign local young old elderly civilian unarmed armed innocent suspected
  alleged army military security government rebel opposition peaceful allied enemy regular elite special combat front-line
  frontline active reserve national state federal police border coast health aid medical rescue emergency relief un
  nato us u.s. uk british american russian ukrainian total confirmed estimated reported known more than
  mostly mainly including among whom of them those`.split(/\s+/).filter(Boolean),
);

export type PredicateKind = 'killed' | 'wounded' | 'casualties' | 'missing' | 'captured' | 'deployed' | 'displaced';

/**
 * Predicates that can follow a counted group ("72 protesters were killed",
 * "more than 30 dead", "50,000 civilians flee"). Order matters: the combined
 * "killed or wounded" must win over "killed".
 */
export const PASSIVE_PREDICATES: [RegExp, PredicateKind][] = [
  [/^(?:killed|dead|died|slain)\s+(?:or|and|and\/or)\s+(?:wounded|injured|hurt|maimed)\b/i, 'casualties'],
  [/^(?:wounded|injured)\s+(?:or|and)\s+(?:killed|dead)\b/i, 'casualties'],
  [/^(?:casualties)\b/i, 'casualties'],
  [/^(?:killed|dead|died|die|dies|dying|slain|massacred|executed|murdered|perished|mown down|mowed down|shot dead|shot and killed|gunned down|hunted down and killed|beheaded|drowned|lost their lives|lost his life|lost her life|fatally (?:shot|wounded|injured)|deaths?|fatalities|proved fatal|have proved fatal|were fatal)\b/i, 'killed'],
  [/^(?:wounded|injured|hurt|maimed|hospitali[sz]ed|injuries)\b/i, 'wounded'],
  [/^(?:missing|unaccounted for|disappeared|lost at sea)\b/i, 'missing'],
  [/^(?:arrests)\b/i, 'captured'],
  [/^(?:captured|taken prisoner|taken captive|taken hostage|held hostage|held captive|kidnapped|abducted|detained|arrested|seized|rounded up|imprisoned|jailed|surrendered|held as prisoners)\b/i, 'captured'],
  [/^(?:deployed|sent|dispatched|stationed|mobili[sz]ed|airlifted|flown in|posted|redeployed|moved|transferred)\b/i, 'deployed'],
  [/^(?:to (?:evacuate|flee|leave (?:their|his|her) homes?))\b/i, 'displaced'],
  [/^(?:displaced|fled|flee|flees|fleeing|homeless|evacuated|uprooted|made homeless|left homeless|forced (?:from|out of) their homes|driven from their homes|sheltering|seeking refuge|sought refuge|(?:sought|seeking|taken|took|taking) shelter|crossed the border)\b/i, 'displaced'],
];

/**
 * Verbs that take the counted group as object ("killing 52", "wounding 80 others",
 * "dispatched about 10,000 troops", "sends about 8,000 people fleeing").
 */
export const ACTIVE_VERBS: [RegExp, PredicateKind][] = [
  [/\b(?:kill(?:ed|ing|s)?|claim(?:ed|ing|s)?(?: the lives of)?|lost|losing|lose|loses|left|leaving|leave|leaves|massacr(?:ed|ing)|execut(?:ed|ing)|slaughter(?:ed|ing)|shot dead|shoot dead|gunned down|buried|bury)$/i, 'killed'],
  [/\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|hurt(?:ing|s)?|maim(?:ed|ing))$/i, 'wounded'],
  [/\b(?:captur(?:ed|ing|es|e)|kidnapp?(?:ed|ing|s)?|abduct(?:ed|ing|s)?|detain(?:ed|ing|s)?|arrest(?:ed|ing|s)?|took|take|taking|taken|seiz(?:ed|ing)|held|hold(?:ing|s)?|round(?:ed|ing)? up)$/i, 'captured'],
  [/\b(?:sen[dt](?:ing|s)?|dispatch(?:ed|ing|es)?|deploy(?:ed|ing|s)?|station(?:ed|ing|s)?|mobili[sz](?:ed|ing|es)|airlift(?:ed|ing|s)?|reinforc(?:ed|ing|es)|keep|keeping|kept|maintain(?:ed|ing|s)?|boost(?:ed|ing)?|add(?:ed|ing)?|commit(?:ted|ting|s)?|pledg(?:ed|ing|es))$/i, 'deployed'],
  [/\b(?:displac(?:ed|ing|es)|evacuat(?:ed|ing|es)|uproot(?:ed|ing)|shelter(?:ed|ing|s)?|host(?:ed|ing|s)?|forc(?:ed|ing) out)$/i, 'displaced'],
];

/** Units and nouns after a number that make it not a count of people. */
export const NON_PEOPLE_AFTER =
  /^\s*(?:%|percent\b|per cent\b|pct\b|barrels?\b|gallons?\b|litres?\b|liters?\b|tons?\b|tonnes?\b|miles?\b|km\b|kilomet|metres?\b|meters?\b|feet\b|ft\b|m\b|kg\b|kilo|pounds?\b|lbs?\b|dollars?\b|euros?\b|yuan\b|rupees?\b|pesos?\b|yen\b|shekels?\b|rubles?\b|roubles?\b|hryvnia|years?\b|-year|year-old|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|seconds?\b|a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|local time|o'clock|times\b|votes?\b|seats?\b|points?\b|cases\b|tests?\b|doses?\b|missiles?\b|rockets?\b|shells?\b|drones?\b|bombs?\b|aircraft\b|planes?\b|jets?\b|helicopters?\b|tanks?\b|vehicles?\b|trucks?\b|ships?\b|vessels?\b|boats?\b|buildings?\b|homes?\b|houses?\b|villages?\b|towns?\b|cities\b|schools?\b|hospitals?\b|square\b|sq\b|acres?\b|hectares?\b|degrees?\b|mph\b|knots?\b|jobs?\b|-strong\b|-member\b|-man\b|-page\b|-point\b|-day\b|-hour\b|-mile\b|-km\b|members of parliament|mps\b|sites?\b|targets?\b|operations?\b|missions\b|attacks?\b|strikes?\b|raids?\b|incidents?\b|claims\b|pages?\b|articles?\b|resolutions?\b|countries\b|nations\b|states\b|provinces\b|districts?\b)/i;

/** Reporting verbs: who says so. */
export const REPORTING_VERBS =
  /\b(?:said|says|say|saying|told|tells|reported|reports|report|reporting|estimated|estimates|estimate|estimating|assessed|assesses|assess|claimed|claims|claim|claiming|confirmed|confirms|confirm|announced|announces|announce|put|puts|placed|places|cited|cites|cite|citing|believes|believed|stated|states|added|adds|warned|warns|admitted|admits|admit|insisted|insists|noted|notes|counted|counts|recorded|records|documented|documents|tallied|tally|verified|verifies|acknowledged|acknowledges|alleged|alleges|wrote|writes|quoted|quotes|announcing|disclosed|discloses|revealed|reveals|calculated|calculates|registered|registers|updated|counted)\b/g;

/** Lowercase words that can be part of a claimant's name ("intelligence officials", "the health ministry"). */
export const CLAIMANT_WORDS = new Set(
  `officials official military intelligence sources source witnesses witness activists activist authorities authority
  government governments ministry ministries spokesman spokeswoman spokesperson spokespeople observers estimates estimate
  figures police army agency agencies media newspaper paper state state-run state-owned medical health opposition chief
  chiefs joint general minister ministers president leader council secretary group research independent local human
  rights lawyer lawyers prominent interior foreign defence defense security service services doctors doctor hospital
  hospitals residents resident monitors monitor analysts experts coast guard news tv television radio broadcaster
  commander commanders command staff office department officers officer military's rescue rescuers emergency
  volunteers organisation organization organizations organisations charity charities committee commission mission
  observatory watchdog prosecutors prosecutor investigators inspectors census bureau data tally count counts reports report
  administration regime forces force navy air ministry's government's army's police's agency's governor mayor spokesmen
  relief aid workers humanitarian u.n. un eu nato us u.s. uk u.k. federal provincial regional district municipal city
  town village tribal religious church clergy group's medics paramedics coroner morgue officials' western senior
  diplomats diplomat ambassador envoy negotiators leaders lawmakers legislators senator congressman mp deputies deputy
  prime vice head director directors board chairman chair unit units division brigade battalion corps headquarters
  authorities' press wire county sheriff sheriff's municipal council's company firm operator operators union unions project institute centre center network foundation coalition alliance association federation society programme program initiative tracker survey province region provinces regions territory
  refugee refugees migration civil disaster management meteorological geological seismological weather fire border customs statistics statistical electoral`.split(/\s+/).filter(Boolean),
);

export const PRONOUNS = new Set(['they', 'he', 'she', 'it', 'we', 'i', 'them', 'both']);

export const MONTHS_RE =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
export const WEEKDAYS_RE = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;
