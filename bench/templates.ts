/**
 * Sentence templates for the synthetic benchmark corpus, modelled on the seed
 * articles and the crisis-timeline passages (many are those real sentences with
 * their entities and numbers turned into slots).
 *
 * Slots are `{name}`; a capitalised slot name (`{Claimant}`) capitalises the
 * filled text. Figure slots: `{n}`/`{N}` the main figure, `{m}` a second figure,
 * `{p}` an earlier, smaller total from the same source; `{who}`/`{who2}` the
 * people they count; `{claimant}`/`{claimant2}` who says so. Groups (`g`) say
 * which stories a template suits: v violence, d disaster, e epidemic,
 * a accident, m migration, * all.
 */

/** Figure categories, named as the engine's `FigureKind` names them. */
export type FigureCategory = 'killed' | 'wounded' | 'casualties' | 'missing' | 'captured' | 'deployed' | 'displaced';

export interface FigureTemplate {
  /** Story groups: letters from "vdeam", or "*". */
  readonly g: string;
  /** Category of {n}, then of {m} (after "/"). */
  readonly c: string;
  /** "e": a single incident's count; "t": a running total since the story began. */
  readonly s: 'e' | 't';
  readonly t: string;
}

const f = (g: string, c: string, s: 'e' | 't', t: string): FigureTemplate => ({ g, c, s, t });

export const FIGURE_TEMPLATES: readonly FigureTemplate[] = Object.freeze([
  // killed
  f('*', 'killed', 'e', '{N} {who} were killed {in_place} {when}, {claimant} said.'),
  f('*', 'killed', 'e', '{Claimant} said {n} {who} had been killed {in_place} {when}.'),
  f('*', 'killed', 't', '{Claimant} said {n} {who} had died {since}.'),
  f('*', 'killed', 't', 'According to {claimant}, {n} {who} have been killed {since}.'),
  f('*', 'killed', 't', '{N} {who} have been killed {since}, according to {claimant}.'),
  f('*', 'killed', 't', 'The death toll rose to {n} {when}, {claimant} said in a statement.'),
  f('*', 'killed', 't', '{Claimant} put the death toll at {n}.'),
  f('*', 'killed', 't', '{Claimant} put the number of dead at {n}, up from {p} a day earlier.'),
  f('*', 'killed', 't', '{Claimant} {says} {n} {who} have been killed {since}.'),
  f('*', 'killed', 't', '{Claimant} estimated the death toll at {n}, though it cautioned that the figure was likely to rise.'),
  f('*', 'killed', 't', 'The {event_word} has killed {n} {who}, according to {claimant}, which warned that the toll could climb further.'),
  f('*', 'killed', 'e', '{N} {who} lost their lives {in_place}, {claimant} told {wire}.'),
  f('*', 'killed', 'e', '{N} {who} died {in_place} {when}, {claimant} said, adding that the toll was likely to rise.'),
  f('*', 'killed', 'e', '{Claimant} confirmed that {n} {who} were killed, most of them women and children.'),
  f('*', 'killed', 'e', 'Of the dead, {n} were children, {claimant} said.'),
  f('*', 'killed', 't', '{Claimant} said the toll had climbed to {n}, making it the deadliest {event_word} in {country} in decades.'),
  f('*', 'killed', 'e', '{N} {who} were killed {in_place} {when}.'),
  f('*', 'killed', 't', 'The toll stood at {n} on {weekday} evening, {claimant} said, up from {p} the previous day.'),
  f('*', 'killed', 't', '{Claimant} later gave a higher figure, saying {n} {who} had been killed.'),
  f('*', 'killed', 't', '{Claimant} said it believed {n} {who} had died, although it could not independently verify the figure.'),
  f('v', 'killed', 'e', '[war]{Side_a} killed {n} {who} {in_place} {when}, {claimant} said.'),
  f('v', 'killed', 'e', '[protest]{Side_a} opened fire on demonstrators {in_place}, killing {n}, {claimant} said.'),
  f('v', 'killed', 'e', '[war|protest]Street battles have killed {n} over the last {days} days, {claimant} said.'),
  f('v', 'killed', 'e', '{Claimant} said a further {n_bare} {who} were hunted down and killed the next day in what it called an "organised massacre".'),
  f('v', 'killed', 'e', '[war]{Claimant} said around {n_bare} {who} were mown down by machine-gun fire {when} after fleeing their positions near {village}.'),
  f('v', 'killed/killed', 'e', 'Security forces killed {n} {who} around the country, including {m} in {place}, {claimant} {says}.'),
  f('v', 'killed', 'e', '[war]{Claimant_pl} said {side_a} bombarded {village} for several hours before militiamen swept in. They reported that as many as {n_bare} {who} were killed.'),
  f('*', 'missing', 'e', '{Claimant_pl} described scenes of chaos in {place}. They said {n} {who} were still missing.'),
  f('d', 'killed', 'e', '{Claimant_pl} in {place} said they had buried {n} {who} since the {attack}.'),
  f('v', 'killed/killed', 'e', '{N} {who} killed in {place}, another {m} elsewhere, {claimant} {says}.'),
  f('v', 'killed', 'e', 'The attack {in_place} killed {n} {who}, {claimant} said, in one of the deadliest days since {event} began.'),
  f('v', 'killed', 'e', '{Claimant} said {n} {who} were killed when a {attack} hit a crowded market {in_place}.'),
  f('v', 'killed', 'e', '[protest]Regime loyalists opened fire on demonstrators in {capital}, killing {n}, {claimant} said.'),
  f('v', 'killed', 't', '[protest]More than {n_bare} {who} have been killed in the crackdown {since}, {claimant} {says}.'),
  f('d', 'killed', 'e', '{Claimant} said {n} bodies had been recovered from the rubble {in_place}.'),
  f('d', 'killed', 'e', '{N} bodies have been pulled from the mud and debris {in_place}, {claimant} said.'),
  f('d', 'killed', 't', '{Claimant} said {n} bodies had already been buried in mass graves.'),
  f('d', 'killed/killed', 't', '{Claimant} said {n} bodies had been collected, but the total number of dead could be {m_between}.'),
  f('d', 'killed', 'e', 'In {place}, {n} {who} were confirmed dead, {claimant} said.'),
  f('e', 'killed', 't', '{Claimant} said {n} {who} had died of the disease {since}.'),
  f('e', 'killed', 't', 'The outbreak has killed {n} {who} {since}, according to {claimant}.'),
  f('e', 'killed', 't', '{Claimant} recorded {n} deaths {since}, with {cases} suspected cases.'),
  f('e', 'killed', 'e', '{N} {who} died in {place} {when}, {claimant} said, the highest daily toll so far.'),
  f('a', 'killed', 'e', '{N} {who} were killed in the blast, {claimant} said.'),
  f('a', 'killed', 't', '{Claimant} said {n} {who} had been confirmed dead.'),
  f('m', 'killed', 'e', '{Claimant} said {n} bodies had been recovered from the water off {place}.'),
  f('m', 'killed', 'e', '{N} {who} drowned when their boat capsized off {place} {when}, {claimant} said.'),
  // killed and wounded
  f('*', 'killed/wounded', 'e', '{Claimant} reported {n} dead and {m} wounded in clashes {in_place}.'),
  f('*', 'killed/wounded', 'e', 'The attack left {n} dead and {m} injured, according to {claimant}.'),
  f('*', 'killed/wounded', 'e', 'At least {n_bare} {who} were killed and {m} were wounded, according to {claimant}.'),
  f('*', 'killed/wounded', 'e', '{Claimant} said the bombing killed {n} and injured {m} more.'),
  f('*', 'killed/wounded', 'e', 'Casualty figures vary widely. {Claimant} reported in {month} that {n} {who} were killed and {m} wounded.'),
  f('v', 'killed/wounded', 'e', '[protest]{Side_a} opened fire on protesters {in_place}, reportedly for the first time, killing {n} and wounding {m} others, {claimant} said.'),
  f('v', 'killed/wounded', 'e', '[war]A car bomb that detonated at a checkpoint {in_place} killed {n} {who} and wounded {m}, {claimant} said.'),
  f('a', 'killed/wounded', 'e', 'An explosion {in_place} {when} killed {n} {who} and injured {m}, {claimant} said.'),
  // wounded
  f('*', 'wounded', 'e', '{N} {who} were wounded, {claimant} said.'),
  f('*', 'wounded', 'e', '{Claimant} said {n} {who} were injured {in_place}.'),
  f('*', 'wounded', 'e', '{N} {who} were being treated in hospital for their injuries, {claimant} said.'),
  f('*', 'wounded/wounded', 'e', '{Claimant} said {n} {who} were hurt, {m} of them seriously.'),
  f('*', 'wounded', 'e', '{N} {who} were wounded in clashes {in_place} {when}, {claimant} told {wire}.'),
  f('*', 'wounded', 't', 'More than {n_bare} {who} have been injured {since}, {claimant} said.'),
  f('v', 'wounded', 'e', '{Claimant} reported at least {n_bare} wounded {in_place}.'),
  // casualties: killed or wounded
  f('v', 'casualties', 't', '{Claimant} assessed that around {n_bare} {who} had been killed or wounded.'),
  f('v', 'casualties', 't', '{Claimant} put the number of killed or wounded at {n}.'),
  f('*', 'casualties', 't', '{N} {who} had been killed or injured {since}, {claimant} said.'),
  f('v', 'casualties', 't', '{Claimant} said there had been {n} casualties, without giving a breakdown.'),
  f('v', 'casualties/casualties', 't', '{Claimant} put casualties at {n}, while {claimant2} placed the number closer to {m}.'),
  f('v', 'casualties', 't', '[war]Thousands of {who} are believed to have been killed or injured, and {claimant} estimated the total at {n}.'),
  // missing
  f('*', 'missing', 'e', '{N} {who} remain missing, {claimant} said.'),
  f('*', 'missing', 'e', '{Claimant} said {n} {who} were still unaccounted for.'),
  f('d', 'missing', 'e', '{N} {who} were still missing {in_place}, many feared to be under the rubble.'),
  f('*', 'missing', 'e', '{Claimant} said {n} {who} were missing after the {attack}.'),
  f('*', 'missing', 'e', 'Around {n_bare} {who} were still thought to be missing, {claimant} said.'),
  f('d', 'missing', 'e', '{Claimant} said {n_between} {who} were still missing after the {attack}.'),
  f('m', 'missing', 'e', '{Claimant} said {n} {who} were missing, presumed drowned.'),
  f('v', 'missing', 't', '{Claimant} said {n} {who} had disappeared after being detained by {side_a}.'),
  f('a', 'missing/wounded', 'e', '{N} {who} are reported missing and {m} injured, {claimant} said.'),
  // captured
  f('v', 'captured', 'e', '[war]{Claimant} said {n} {who} had been captured near {place}.'),
  f('v', 'captured', 'e', '[war]{N} {who} were taken prisoner {when}, {claimant} said.'),
  f('v', 'captured', 'e', '[war]{Claimant} said {n} {who} had been abducted from {village}.'),
  f('v', 'captured', 't', '[war]{N} {who} are being held hostage, according to {claimant}.'),
  f('v', 'captured', 'e', '[protest]{Claimant} reported at least {n_bare} arrests in {place}.'),
  f('v', 'captured', 'e', 'Police detained {n} {who} in {capital} {when}, {claimant} said.'),
  f('v', 'captured', 'e', '[war]{Claimant} said {side_b} had seized {n} {who} during the assault on {place}.'),
  f('m', 'captured', 'e', 'Police arrested {n} suspected smugglers among the survivors, {claimant} said.'),
  // deployed
  f('*', 'deployed', 'e', '{N} {troops} were deployed to {place}, {claimant} said.'),
  f('*', 'deployed', 'e', '{Claimant} said {n} {troops} had been sent to {place}.'),
  f('*', 'deployed', 'e', '{Claimant} announced it was sending another {n_bare} {troops} to {place}.'),
  f('v', 'deployed', 't', '[war]{Claimant} said {country} had dispatched about {n_bare} {troops} to the region {since}.'),
  f('v', 'deployed', 'e', 'The government deployed {n} {troops} on the streets of {capital}, {claimant} said.'),
  f('d', 'deployed', 'e', 'More than {n_bare} {troops} have been deployed in search-and-rescue operations, {claimant} said.'),
  f('*', 'deployed', 'e', '{Claimant} said it would boost {troops} in the area by {n} for six months.'),
  f('*', 'deployed', 'e', '{N} {troops} and {vessels} vessels were deployed, {claimant} said.'),
  f('v', 'deployed', 'e', '[war]{Claimant} said an extra {n_bare} {troops} were sent to {place} between {month} and {month2}.'),
  // displaced
  f('*', 'displaced', 't', '{N} {who} have fled their homes {since}, {claimant} said.'),
  f('*', 'displaced', 't', '{Claimant} said {n} {who} had been displaced.'),
  f('v', 'displaced', 'e', '[war]The fighting sent about {n_bare} {who} fleeing into neighboring {neighbor} over a 24-hour period, {claimant} said.'),
  f('d', 'displaced', 't', '{Claimant} estimated that {n} {who} were left homeless.'),
  f('*', 'displaced', 't', '{N} {who} have been forced from their homes, according to {claimant}.'),
  f('*', 'displaced', 't', '{Neighbor} is now sheltering more than {n_bare} refugees from {country}, {claimant} said.'),
  f('*', 'displaced', 'e', '{Claimant} said {n} {who} had sought shelter in schools and mosques.'),
  f('*', 'displaced', 'e', '{N} {who} were evacuated from {place} {when}, {claimant} said.'),
  f('v', 'displaced', 't', '[war]More than {n_bare} civilians fled after a month of clashes, {claimant} said.'),
]);

/** Sentences whose numbers are not about people (money, percentages, ages, votes...). */
export const NUMBER_SENTENCES: Readonly<Record<string, readonly string[]>> = {
  '*': [
    'The UN launched an appeal for {money} intended to help {millions} million people for six months.',
    'Donors pledged {money} at a conference in {city_abroad} {when}.',
    'The government announced a {pct} rise in salaries and pensions.',
    'Inflation hit {pct} in {month}, the highest level since {year}.',
    '{Country}\'s central bank said foreign reserves had fallen to {money} from {money2} in {year}.',
    'The currency has lost {pct} of its value against the dollar since {month}.',
    'Fuel prices rose by {pct} overnight, and bread prices have almost doubled.',
    'The resolution was approved with {votes} votes, with {abstain} abstentions, on the 15-member council.',
    'Parliament passed the measure by {votes_for} votes to {votes_against} after a stormy session.',
    'About {small} aid trucks crossed into {place} {when}, far fewer than the 500 a day aid agencies say are needed.',
    'Officials said {tonnes} tonnes of food aid had been delivered, enough to feed {count} families for a month.',
    'The country has a population of about {pop} million, {pct_small} of whom depend on aid.',
    'The World Bank estimated the damage at {money}, or about {pct} of gross domestic product.',
    'Around {count} homes and {count2} schools were destroyed, according to a preliminary assessment.',
    'The {lender} approved a {money} loan, which requires sensitive reductions to fuel and food subsidies. A deal on the rest of the package has still not been reached.',
    'The cabinet was reshuffled, bringing the number of ministers to {small} in the {cabinet}-member government.',
    'Under the deal, the interim authorities will remain in place for {days} days.',
    'The nearest hospital is {km} kilometres ({miles} miles) away, over roads that are often impassable.',
    '{Official}, who has held the post since {year}, is expected to face questions in parliament.',
    'The last comparable {event_word} in {country}, in {year}, was far less destructive.',
    '{Person} said {pron} had not been paid for {small} months.',
  ],
  v: [
    '[war]More than {small} missiles hit air and missile defense targets, the defense ministry said.',
    'The opposition\'s {small}-member executive board was dismissed, a spokesman for the council said.',
    'The {small}-member council voted on the resolution late on {weekday}.',
    'Satellite images analysed by researchers showed {count} buildings damaged or destroyed in {place}.',
    '[war]The offensive has cost an estimated {money}, according to budget documents seen by {wire}.',
  ],
  d: [
    '[quake]The magnitude {mag} {event_word} struck at a depth of {km} km ({miles} miles), {km2} km from {place}.',
    '[quake]The magnitude {mag} aftershock struck west of {place} at {clock} local time.',
    'Up to {pct} of buildings in {place} had been destroyed, the UN said.',
    '[flood|storm|landslide]{Rain} mm of rain fell in {hours} hours, more than the usual total for the whole of {month}.',
    'Insurers estimated losses at {money}.',
  ],
  e: [
    'The vaccination campaign aims to reach {count} people in {place} by the end of {month}.',
    'The case fatality rate stood at {pct}, according to the latest figures.',
    'The ministry has set up {small} treatment centres with {count} beds.',
  ],
  a: [
    '[spill]The rig was drilling in about {count} ft ({count2} m) of water, {miles} miles ({km} km) south-east of {place}.',
    '[spill]Oil was leaking at an estimated {barrels} barrels a day.',
    'The company said it would place {money} in a fund to compensate victims.',
    '[spill|blast]The company\'s shares fell {pct} in early trading.',
    '[spill]{Pct} of federal waters in the area were closed to fishing.',
    '[sinking]The vessel, built in {year}, was licensed to carry {count} passengers.',
  ],
  m: [
    'The fishing boat, about {small} metres long, had left the Libyan port of Tobruk {days} days earlier.',
    'Smugglers charged each passenger about {money_small} for the crossing.',
    'Arrivals across the Mediterranean are up {pct} on last year, according to government data.',
  ],
};

/**
 * Quotes: the words only, each a complete sentence, by who says them: officials
 * and agencies (statements), residents and survivors (experience), analysts.
 */
export const QUOTES: Readonly<Record<'official' | 'resident' | 'analyst', Readonly<Record<string, readonly string[]>>>> = {
  official: {
    '*': [
      'We are doing everything we can, but the needs are enormous.',
      'The situation is extremely serious and it is getting worse every day.',
      'The numbers we have are only the ones we can verify. The real toll is certainly higher.',
      'This is a catastrophe, and the world has been far too slow to respond.',
      'We call on all parties to allow safe and unhindered humanitarian access.',
      'Every hour counts now.',
      'We will not abandon the people of {place}.',
      'Our teams are exhausted, but they keep going.',
      'People need food, water and shelter, and they need them now.',
      'The government must take responsibility for what happened.',
      'We need to understand how this was allowed to happen.',
      'The hospitals are full and the doctors have not slept.',
      'We are running out of everything: fuel, medicine, body bags.',
    ],
    v: [
      '[war]They who fought for justice are all heroes and representatives of the honor of the motherland.',
      'We strongly condemn this action.',
      'This is a grave violation of international law and it must end.',
      '[protest]There is nothing serious here. These are just young people fighting each other.',
      '[war]We are defending our people and our land.',
      '[war]There can be no military solution to this conflict.',
      'The perpetrators of these crimes will be held accountable.',
      '[war]We continue to be concerned by the direct involvement of foreign fighters in the war.',
      '[war]Our forces are advancing on all fronts.',
      'Civilians are paying the price for this war.',
      '[protest]The security forces acted with restraint.',
      '[war]The ceasefire exists only on paper.',
      '[war]The operation is meant to deny the regime the ability to use force against its own people.',
    ],
    d: [
      'The scale of this disaster is like nothing we have faced before.',
      'There is a risk of disease now, with so many bodies still under the rubble.',
      'Help is coming, but the roads are cut and the bridges are down.',
      'It is a reasonable assumption that the toll will rise considerably.',
      'We will rebuild {place}, but it will take years.',
      'We will be here today, tomorrow and for the time ahead.',
    ],
    e: [
      'The outbreak is not under control, and we are seeing new cases every day.',
      'People are afraid to come to the treatment centres.',
      'We have vaccines, but we cannot reach the people who need them.',
      'Clean water is the most important thing right now.',
      'Every death is a death that could have been prevented.',
      'We are asking families not to wash the bodies of the dead.',
    ],
    a: [
      'We had no warning of trouble ahead of the blast.',
      'Our thoughts are with the families of those who lost their lives.',
      'Rescuers are working in very difficult conditions.',
      'The investigation will leave no stone unturned.',
      'It poses a negligible risk to regional supply markets.',
      'I doubt this is the first accident that has happened and I doubt it will be the last.',
    ],
    m: [
      'Europe cannot keep looking away while people drown on its doorstep.',
      'The coast guard offered help several times and it was refused.',
      'The search will continue as long as there is any hope of finding survivors.',
    ],
  },
  resident: {
    '*': [
      'We have not seen anything like this in our lifetime.',
      'There are still families who do not know where their children are.',
      'We lost everything in a few minutes.',
      'Nobody came to help us for three days.',
      'It is a little miracle.',
      'We have nothing left. Not even a blanket.',
      'I am waiting here because my brother is still inside.',
      'The children cannot sleep. They wake up screaming.',
    ],
    v: [
      '[war]The shelling did not stop all night. We hid in the basement with the children.',
      '[war]They came at dawn and burned the houses one by one.',
      'These are not clashes. This is a massacre.',
      '[protest]We will not stop until our demands are met.',
      'My son went out to buy bread and never came back.',
      'There is no safe place left in {place}.',
      '[protest]We will continue to protest peacefully, whatever they do to us.',
    ],
    d: [
      'Parliament has collapsed. The tax office has collapsed. Schools have collapsed. Hospitals have collapsed.',
      'We heard a roar and then the whole building came down.',
      'The water rose so fast that we could only save the children.',
      'We are digging with our bare hands because the machines have not arrived.',
      'The whole village is gone.',
      'We slept in the street because we were afraid the walls would fall.',
      'The fire came down the hill faster than anyone could run.',
    ],
    e: [
      'Health workers have not been paid for months, and some have stopped working.',
      'My mother was sick for two days before we could find a clinic that was open.',
      'We boil the water, but there is no firewood left.',
    ],
    a: [
      'The company knew the risks and chose to ignore them.',
      'We want the truth, not promises.',
      'My husband went to work that morning like any other day.',
    ],
    m: [
      'The boat was overcrowded and people were screaming.',
      'We paid the smugglers everything we had.',
      'They told us we would reach Italy in three days.',
      'I lost my brother and my cousin. I do not know where they are.',
    ],
  },
  analyst: {
    '*': [
      'The official figures are almost certainly an undercount.',
      'What happens over the next few weeks will shape the response for years.',
      'Donors are exhausted, and the appeal is unlikely to be met in full.',
      'The government is under enormous pressure to show that it is in control.',
      'This was a disaster waiting to happen.',
      'The real test will come when the cameras leave.',
    ],
    v: [
      '[war]Neither side has the strength to win outright.',
      '[protest]The government is betting that it can outlast the protesters.',
      '[war]What happens in {place} will decide the course of the war.',
      '[war]Foreign backing has changed the balance on the battlefield.',
    ],
  },
};

/** Partial quotes: a fragment quoted inside reported speech. */
export const QUOTE_FRAGMENTS: readonly string[] = [
  'unimaginable', 'apocalyptic', 'a catastrophe', 'like no other', 'deeply alarming', 'the worst we have ever seen',
  'cruel and incomprehensible', 'desperate', 'a nightmare', 'catastrophic', 'dire', 'beyond anything we feared',
  'an act against humanity', 'inhumane and immoral', 'a turning point', 'totally unacceptable', 'chaotic', 'hell on earth',
];

/** Background sentences adapted from real reports; present and past tense both occur in real text. */
export const FILLER: Readonly<Record<string, readonly string[]>> = {
  '*': [
    'Desperation among survivors led to rising fears over security in {capital}.',
    'Damage to the seaport, roads and other infrastructure still prevented the speedy distribution of food, water and medical supplies.',
    'Relief was arriving, but little had moved beyond the jammed airport.',
    'Thousands of people were fleeing {place}, with many leaving for the countryside in the hope of finding food and water.',
    'People in {place} were lifting sheets on bodies to try to identify loved ones.',
    'The {country} government has faced mounting criticism over its handling of {event}.',
    '{Country} is expected to receive economic and other assistance from its neighbours as well.',
    'Much of the anger is focused on the {leader_title}, who praised the security forces for their response.',
    'Conditions in the camps are dire, aid agencies say, with shortages of clean water and medicine.',
    'The figures could not be independently verified.',
    '{wire_ref} could not independently confirm the reports.',
    'Communications with {place} have been cut for days, making it difficult to assess the full extent of the damage.',
    'The {leader_title} is due to address the nation later this week.',
    'Schools across the {province} {provinceWord} remain closed.',
    'Electricity was restored to parts of {capital} late on {weekday}, but much of {place} remains without power.',
    'Humanitarian agencies have repeatedly warned that their appeals are badly underfunded.',
    'Local hospitals, already short of staff, were struggling to cope with the number of patients.',
    'The government has declared a state of emergency in the {province} {provinceWord}.',
    '{Person} said {pron} had walked for {small} hours to reach {place}.',
    'Roads into {place} were blocked by debris and abandoned vehicles.',
    'Journalists have been largely barred from the area, making it hard to verify accounts.',
    'Prices of basic goods have soared in recent weeks.',
    'Neighbouring {neighbor} has said it cannot take in any more people.',
  ],
  v: [
    '[protest]Tens of thousands of protesters poured into the streets of {country}\'s cities only to be met with bullets and tear gas.',
    '[protest]Thousands of demonstrators packed the main square in {capital}, in the biggest turnout of a week of protests.',
    'The government blamed terrorists, but survivors and human rights groups pointed the finger at the army and militiamen allied to the government.',
    '[war]{Side_a} launched an offensive to retake {place} earlier this year.',
    '[war]There are conflicting reports about the deaths of dozens of people in {village}, a village in {province} {provinceWord}.',
    '[war]Opposition activists and witnesses said tanks bombarded the village for several hours before militiamen swept in.',
    '[protest]The {leader_title} invoked emergency powers in {place} and two other cities to quell the riots.',
    '[war]A ceasefire brokered by regional mediators collapsed within hours.',
    '{Side_b} have accused {side_a} of targeting civilians, a charge the government denies.',
    '[war]Observers say {side_b} have become easy targets for drone and artillery attacks due to their lack of experience and unfamiliarity with the terrain.',
    '[protest]Security forces broke up a gathering of protesters holding pictures of imprisoned relatives.',
    '[protest]The military council named a former official to head a government of national salvation.',
    '[war]Rebels and the government blame each other for the massacre.',
    'The Security Council is expected to discuss the situation later this week.',
    '[war]Fierce fighting continued around {place}, where {side_b} have dug in.',
    '[war]United Nations observers visited the site but reached no conclusion about whether the killings were a deliberate slaughter of civilians.',
    '[war]The attack came days after the two sides agreed to resume talks in {city_abroad}.',
    '[protest]Internet access has been restricted across much of the country since the protests began.',
    'Human rights groups have documented widespread arbitrary arrests, torture and enforced disappearances.',
    '[protest]The {leader_title} said the security forces would respond "firmly" to any further unrest.',
  ],
  d: [
    'As dawn broke, the extent of the damage and the number of casualties started to become clearer.',
    'Thousands spent another night in the open, as the search for survivors under the rubble went on after darkness.',
    'Efforts to rescue survivors trapped in rubble were hampered by the lack of heavy-lifting equipment.',
    'Much of the work was being done by individuals with simple tools or their hands.',
    'The first international aid planes landed at the airport serving {capital}.',
    'Rescue teams from {neighbor} and several European countries arrived on {weekday}.',
    'Some buildings already weakened by the first {event_word} collapsed.',
    'Survivors in {place} were becoming desperate as they waited for aid being handed out by international agencies.',
    'Meteorologists warned of more heavy rain in the coming days.',
    'Entire neighbourhoods of {place} were swept away.',
    'Search teams with sniffer dogs moved from building to building.',
    'The government declared three days of national mourning.',
    'Aftershocks continued to rattle the region, sending frightened residents into the streets.',
    'Helicopters dropped food and water to villages cut off by the {event_word}.',
    'The cost of the damage could run into billions of dollars, officials said.',
  ],
  e: [
    'Health officials have urged people to wash their hands and boil drinking water.',
    'Schools in {capital} were closed as a precaution.',
    'The World Health Organization has declared the outbreak a public health emergency of international concern.',
    'Contact tracing has been hampered by insecurity and mistrust of health workers.',
    'New cases have been confirmed in {place}, far from the original epicentre.',
    'Travel restrictions were imposed on the worst-affected districts.',
    'Doctors said many patients arrived at treatment centres too late to be saved.',
  ],
  a: [
    'Investigators are examining whether safety rules were followed.',
    '[spill]A blowout preventer, intended to stop the release of crude oil, failed to activate.',
    'Families gathered outside the site, waiting for news of relatives.',
    'The company said it had no warning of trouble ahead of the blast.',
    'Prosecutors have opened an investigation into possible negligence.',
    'The search for survivors was suspended at nightfall and resumed at first light.',
    '[spill]An oil sheen was reported, but no apparent leak was discovered.',
  ],
  m: [
    'The boat had been carrying hundreds of people, including women and children, survivors said.',
    'Survivors were taken to a warehouse in {place}, where they were given blankets and water.',
    'Aid groups have accused European governments of failing to mount adequate rescue operations.',
    'Most of those on board were believed to be from Syria, Pakistan, Egypt and Afghanistan.',
    'The coast guard has rejected accusations that it delayed the rescue.',
  ],
};

/** Milestone descriptions used in background paragraphs: "{When}, {milestone}." */
export const MILESTONES: Readonly<Record<string, readonly string[]>> = {
  v: [
    '[war]{side_a} launched a major offensive on {place}',
    '[war]{side_b} seized control of {place}',
    '[war]a ceasefire brokered by regional mediators collapsed within hours',
    'the {leader_title} declared a state of emergency',
    '[war]talks in {city_abroad} broke down',
    '[war]the UN Security Council voted to impose an arms embargo',
    '[protest]the government announced a night-time curfew in {place}',
    '[protest]the opposition called a general strike',
    '[protest]parliament approved a package of concessions',
    '[protest]police arrested several opposition leaders',
    '[protest]protesters stormed a government building in {place}',
    'the {leader_title} reshuffled the cabinet',
    '[war]{side_a} retook {place} after weeks of fighting',
    '[protest]tens of thousands of people marched on the presidential palace',
    '[war]an air strike on a market in {place} killed dozens of people',
  ],
  d: [
    'a strong aftershock rocked {place}',
    'the first international rescue teams arrived in {capital}',
    'the UN launched an emergency appeal',
    'rescuers pulled a {age}-year-old {child} alive from the rubble in {place}',
    'the government declared three days of national mourning',
    'heavy rains returned, hampering relief efforts',
    'authorities ordered the evacuation of {place}',
  ],
  e: [
    'the first case was confirmed in {place}',
    'the World Health Organization declared a public health emergency',
    'a vaccination campaign began in {place}',
    'the government closed schools nationwide',
    'new cases were reported in {capital}',
  ],
  a: [
    'the search for survivors was called off',
    'the company\'s chief executive resigned',
    'prosecutors opened a criminal investigation',
    'the government promised compensation to the families of the victims',
    'a parliamentary inquiry began',
  ],
  m: [
    'survivors were transferred to a camp near {place}',
    'the coast guard suspended the search',
    'European ministers met to discuss the crisis',
    'prosecutors charged nine suspected smugglers',
  ],
};

/** Headline patterns; `{N}` is the lede's figure. */
export const HEADLINES: Readonly<Record<string, readonly string[]>> = {
  '*': [
    '{N} killed in {place} as {event} intensifies',
    'Death toll from {country} {event_word} rises to {n}',
    '{Country}: {N} dead, {claimant_says}',
    '{Place} {attack} kills {n}, officials say',
    'UN warns of humanitarian catastrophe in {country}',
    'Thousands flee {place} as crisis deepens',
    '{Country} confirms {n} deaths in {place}',
    'Families search for missing after {attack} in {place}',
    'What we know about the {attack} in {place}',
    '{Country} appeals for international help',
  ],
  v: [
    '{Side_a} accused of killing {n} in {place}',
    'Fighting spreads to {place} as ceasefire collapses',
    'Protesters defy curfew in {capital} after deadly crackdown',
    '{Country} sends more troops to {place}',
    'Rights groups accuse {side_a} of massacre in {village}',
  ],
  d: [
    'Rescuers race to reach survivors in {place}',
    'Aid trickles into {place} days after {event}',
    '{Event} leaves thousands homeless in {country}',
    'Aftershock rattles {place} as toll climbs',
  ],
  e: ['{Disease} outbreak spreads to {place}', '{Country} struggles to contain {disease}'],
  a: ['Questions mount over safety after {place} {attack}', 'Hope fades for missing after {attack}'],
  m: ['Hundreds feared missing after boat sinks off {place}', 'Survivors describe chaos as migrant boat capsized'],
};

/** Photo captions (without the credit). */
export const CAPTIONS: readonly string[] = [
  'People search for survivors in the rubble of a collapsed building in {place}',
  'Residents inspect the damage in {place} on {caption_date}',
  'A woman walks past destroyed houses in {place}',
  'Mourners attend a funeral in {place}',
  '{Official} speaks at a news conference in {capital}',
  'Displaced families shelter at a school in {place}',
  'Aid workers unload supplies at the airport in {capital}',
  'Smoke rises over {place} after an attack',
  'Protesters chant slogans during a demonstration in {capital} on {caption_date}',
  'A boy sits on the ruins of his family home in {place}',
  '{Official}, left, and {official2} during a meeting in {city_abroad} in {caption_month}',
  'Rescuers carry a body out of a damaged building in {place}',
  'A field hospital set up in {place}',
  'Vehicles wait at a checkpoint outside {place}',
];

export const PHOTOGRAPHERS_AGENCIES: readonly string[] = ['Getty Images', 'EPA', 'Anadolu', 'Shutterstock', 'SOPA Images', 'NurPhoto', 'ZUMA Press', 'Pool'];
