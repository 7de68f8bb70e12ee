/**
 * The coder's rules, one written sentence each (never gold text): who acts on whom, the CAMEO
 * root, negation and modality. Each row names the rule it shows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import type { Article } from '../../src/model/article.js';
import type { CodedEvent } from '../../src/model/event.js';

function events(sentence: string): CodedEvent[] {
  const a = analyze({ text: `Report\n\n${sentence}`, format: 'text', origin: 'test', given: { date: '2015-06-01' } }) as Article;
  return a.events;
}

interface Row {
  rule: string;
  text: string;
  /** source country, target country ('' for none), CAMEO root */
  want: [string, string, string];
  negated?: boolean;
  modality?: string;
}

const rows: Row[] = [
  { rule: 'future cooperative act → intent (03)', text: 'Norway will send medical supplies to Chad next month.', want: ['NOR', 'TCD', '03'], modality: 'future' },
  { rule: '"agreed to" + act → intent (03)', text: 'Chile agreed to supply copper to Japan at a lower price.', want: ['CHL', 'JPN', '03'], modality: 'future' },
  { rule: 'bare "agreed" → intent to cooperate (03), compound both ways', text: 'Peru and Bolivia agreed on Monday after two days of hard bargaining.', want: ['PER', 'BOL', '03'] },
  { rule: '"refused to" + cooperative act → reject (12), not negated', text: 'Kenya refused to meet Somalia over the maritime boundary.', want: ['KEN', 'SOM', '12'], negated: false },
  { rule: '"will not" + cooperative act → reject (12)', text: 'Egypt will not hold talks with Ethiopia on the dam.', want: ['EGY', 'ETH', '12'], negated: false },
  { rule: '"threatened to" + act → threaten (13)', text: 'Ghana threatened to halt power exports to Togo over unpaid bills.', want: ['GHA', 'TGO', '13'] },
  { rule: 'future hostile act → threaten (13)', text: 'Armenia will invade Azerbaijan, an aide said.', want: ['ARM', 'AZE', '13'] },
  { rule: 'no target: a ceasefire declared (08), recipient-free PLOVER type', text: 'Colombia declared a unilateral ceasefire on Sunday.', want: ['COL', '', '08'] },
  { rule: 'no target: a protest against one\'s own government (14) → domestic', text: 'Thousands of Romanians demonstrated on Sunday in the capital.', want: ['ROU', 'ROU', '14'] },
  { rule: 'hunger strike as a verbless phrase (14)', text: 'A Tunisian lawyer began a hunger strike in prison.', want: ['TUN', 'TUN', '14'] },
  { rule: 'lift a curfew (08)', text: 'Mali lifted a curfew in Bamako after a week of calm.', want: ['MLI', '', '08'] },
  { rule: 'impose a curfew (17) → domestic', text: 'Nepal imposed a curfew after clashes in the south.', want: ['NPL', 'NPL', '17'] },
  { rule: 'demand that X … (10)', text: 'Japan demanded that China stop drilling near the median line.', want: ['JPN', 'CHN', '10'] },
  { rule: 'urge X to … (02: CAMEO codes urging as an appeal; pressing and insisting stay demands, 10)', text: 'Sweden urged Turkey to release the jailed reporters.', want: ['SWE', 'TUR', '02'] },
  { rule: 'investigate (09)', text: 'Brazil is investigating Paraguay over the border killings.', want: ['BRA', 'PRY', '09'] },
  { rule: 'sue (11)', text: 'Ecuador sued Colombia at the world court over herbicide spraying.', want: ['ECU', 'COL', '11'] },
  { rule: 'withdraw troops from (08)', text: 'Vietnam withdrew its troops from Cambodia in stages.', want: ['VNM', 'KHM', '08'] },
  { rule: 'reject a plan, no target named (12) → domestic, as a demand with none named', text: 'Morocco rejected the plan on Friday.', want: ['MAR', 'MAR', '12'] },
  { rule: 'a group refusing with no one named refuses at home (REJECT in domestic_types)', text: 'Haitian rebels rejected the amnesty offer on Tuesday.', want: ['HTI', 'HTI', '12'] },
  { rule: 'a government acting on a place of its own country acts at home (domestic)', text: 'The Peruvian government outlawed a Maoist movement in Peru.', want: ['PER', 'PER', '17'] },
  { rule: 'a verbless phrase in a later clause than an act of one of its sides is an act of its own', text: 'Ghana criticised Togo after a Togolese minister said there was no need of Ghanaian power.', want: ['TGO', 'GHA', '12'] },
  { rule: 'Northern Ireland is part of the United Kingdom, not Ireland', text: 'The British government banned a loyalist militia in Northern Ireland on Friday.', want: ['GBR', 'GBR', '17'] },
  { rule: 'issue an ultimatum to X (13)', text: 'Qatar issued an ultimatum to Bahrain over the islands.', want: ['QAT', 'BHR', '13'] },
  { rule: 'accept demands (08)', text: 'Bolivia accepted the demands of the miners on Tuesday.', want: ['BOL', 'BOL', '08'] },
  { rule: 'country adjective as target (events/adjective)', text: 'Nepal rejected a Chinese proposal on the border.', want: ['NPL', 'CHN', '12'] },
  { rule: 'country adjective as source (events/adjective)', text: 'Turkish jets bombed Syria on Monday.', want: ['TUR', 'SYR', '19'] },
  { rule: 'a same-country target that is the bare country falls back to the domestic recipient', text: 'Nepalese authorities imposed a curfew in southern Nepal.', want: ['NPL', 'NPL', '17'] },
  { rule: '"agreed … to" with words between still announces the act (03)', text: 'Canada agreed on Friday in principle to send troops to Latvia.', want: ['CAN', 'LVA', '03'], modality: 'future' },
  { rule: 'a telephone call holds both ways (04, mutual)', text: 'Peru telephoned Chile on Monday to discuss the border.', want: ['CHL', 'PER', '04'] },
  { rule: 'a refused meeting is not mutual', text: 'Sri Lankan rebels declined on Friday to meet Norway.', want: ['LKA', 'NOR', '12'], negated: false },
  { rule: 'X said that Y must … → a demand (10)', text: 'Japan said on Monday that Russia must return the islands.', want: ['JPN', 'RUS', '10'] },
  { rule: 'X said Y and Z must … → a demand of each (10)', text: 'The Red Cross said Israeli and Egyptian forces must open the crossing.', want: ['ICRC', 'EGY', '10'] },
  { rule: 'a possessive pronoun is not the one acted on', text: 'Ghana agreed on Monday to reopen its border to Togo.', want: ['GHA', 'TGO', '03'], modality: 'future' },
  { rule: 'give X aid (07)', text: 'Norway gave Chad food aid worth 5 million dollars.', want: ['NOR', 'TCD', '07'] },
  { rule: 'give X money (07)', text: 'Sweden gave Mozambique 40 million dollars on Monday.', want: ['SWE', 'MOZ', '07'] },
  { rule: 'unnamed people in a country act as its own', text: 'Thousands of students in Chile demonstrated on Monday.', want: ['CHL', 'CHL', '14'] },
  { rule: 'no one named as acted on: the country of the place the act is in (place)', text: 'The Canadian foreign minister arrived in Kigali on Monday.', want: ['CAN', 'RWA', '04'] },
  { rule: 'an unnamed group acted on is the source\'s own (domestic-group)', text: 'The Malian government accused rebels of breaking the truce.', want: ['MLI', 'MLI', '11'] },
  { rule: 'people of a named place act as its country (located-group)', text: 'Protesters in Caracas blocked roads on Monday to demand the release of students.', want: ['VEN', 'VEN', '14'] },
  { rule: 'a title before a name is part of the mention, so the compound holds', text: 'Chilean President Ana Soto and Peruvian Prime Minister Luis Vera signed a border treaty on Friday.', want: ['CHL', 'PER', '05'] },
  { rule: '"the Security Council" alone is the UN\'s', text: 'The Security Council condemned Eritrea on Monday.', want: ['UN', 'ERI', '11'] },
  { rule: 'an act announced on a condition ("unless") is an ultimatum: a threat (13)', text: 'Kenya will withdraw its troops from Somalia unless the talks resume by May.', want: ['KEN', 'SOM', '13'] },
  { rule: 'a base form after a plural people is a verb ("the Palestinians reject")', text: 'The Palestinians reject the Israeli plan for the border.', want: ['PSE', 'ISR', '12'] },
  { rule: 'talks resumed by a compound subject hold each with the other (046)', text: 'Peru and Chile resumed negotiations on Monday after a long break.', want: ['PER', 'CHL', '04'] },
  { rule: 'mediation between two sides (045)', text: 'Norway began a mediation effort between Sudan and Chad on Monday.', want: ['NOR', 'TCD', '04'] },
  { rule: 'launch an attack or fire against X (19)', text: 'Ethiopian troops launched artillery fire against Eritrean positions on Monday.', want: ['ETH', 'ERI', '19'] },
  { rule: 'mount an invasion of X (19)', text: 'Uganda mounted an invasion of Tanzania in October.', want: ['UGA', 'TZA', '19'] },
  { rule: 'reduced passive: the agent after "by" acts on what follows it, not on the clause subject', text: 'Peru praised the loans approved by the World Bank for Bolivia on Monday.', want: ['WORLD-BANK', 'BOL', '08'] },
  { rule: 'reduced passive: the agent after "by" acts on the one named after it', text: 'Sanctions imposed by the United States on Iran took effect on Monday.', want: ['USA', 'IRN', '16'] },
  { rule: 'passive: the people the subject is for are the ones acted on', text: 'A camp for Somali refugees was attacked by Kenyan militiamen on Monday.', want: ['KEN', 'SOM', '19'] },
  { rule: 'send arms to X: military aid (072)', text: 'France continued to send arms to Chad last year.', want: ['FRA', 'TCD', '07'] },
  { rule: 'agree to X\'s plan or mediation (03)', text: 'Chile agreed to the Peruvian plan on Monday.', want: ['CHL', 'PER', '03'] },
  { rule: 'a resignation (CAMEO 0831) stands alone', text: 'The Peruvian prime minister resigned on Sunday after the vote.', want: ['PER', '', '08'] },
  { rule: 'blocking roads is a protest (144) against one\'s own government', text: 'Thousands of Bolivian farmers blocked roads on Monday.', want: ['BOL', 'BOL', '14'] },
  { rule: '"X-led" forces act as X (events/adjective)', text: 'Saudi-led forces bombed Yemen on Monday.', want: ['SAU', 'YEM', '19'] },
  { rule: 'the refusing side\'s own act stays a rejection after a refusing verb (embedding_roots keep the subject\'s)', text: 'The Peruvian prime minister declined to resign on Sunday.', want: ['PER', '', '12'] },
  { rule: 'upgrading ties is a show of support (050), a compound subject each with the other', text: 'Chile and Peru upgraded their diplomatic ties on Monday.', want: ['PER', 'CHL', '05'] },
  { rule: 'reinforcing forces near or in X mobilizes against X (154)', text: 'Egypt strengthened its forces in Sudan on Monday.', want: ['EGY', 'SDN', '15'] },
  { rule: 'being opposed to X\'s mediation rejects it (120)', text: 'Kenya is opposed to Ugandan mediation in the dispute.', want: ['KEN', 'UGA', '12'] },
  { rule: 'a blockade of X (191), announced: a threat (13)', text: 'Greece will tighten the blockade of Albania.', want: ['GRC', 'ALB', '13'], modality: 'future' },
  { rule: 'reducing aid or supplies to X stops material aid (162)', text: 'Norway reduced food aid to Chad last year.', want: ['NOR', 'TCD', '16'] },
  { rule: 'a list\'s commas and "and" do not use up the gap between a pattern\'s words (max_gap_joiners)', text: 'Ethiopian troops launched artillery, mortar and rocket fire against Eritrean positions on Monday.', want: ['ETH', 'ERI', '19'] },
  { rule: 'joint exercises held by a compound subject: military cooperation each with the other (06 reciprocal)', text: 'Chile and Peru held joint exercises on Monday.', want: ['PER', 'CHL', '06'] },
  { rule: 'war games launched by a compound subject (062)', text: 'Greek and Turkish warships launched war games in the Aegean on Monday.', want: ['GRC', 'TUR', '06'] },
  { rule: 'a strike organized by parties in a country: a protest at home (people_nouns "parties", EN_STAGE "organize")', text: 'Opposition parties in Kenya organized a general strike on Monday.', want: ['KEN', 'KEN', '14'] },
  { rule: 'a meeting holds both ways (a reverse coding of a mutual code)', text: 'Chile held a meeting with Peru on Monday.', want: ['PER', 'CHL', '04'] },
  { rule: 'an attack no one is named for, by its weapon and place: by the place\'s country (attack_nouns, attack_roots)', text: 'A car bomb near the city of Kandahar killed two Canadian soldiers on Tuesday.', want: ['AFG', 'CAN', '19'] },
  { rule: 'a passive attack by no one named, in a place: by and on the place\'s country', text: 'Four villagers were killed in a mortar attack in Mogadishu on Friday.', want: ['SOM', 'SOM', '19'] },
  { rule: 'an ethnic group demonstrating "in" a country is that country\'s people (ethnic_markers)', text: 'Thousands of ethnic Hungarians demonstrated in Romania on Monday.', want: ['ROU', 'ROU', '14'] },
  { rule: 'an ethnic group acted on "in" a country (after a direction word) is that country\'s people', text: 'Serbian police attacked ten ethnic Hungarians in northern Serbia on Monday.', want: ['SRB', 'SRB', '19'] },
  { rule: 'a U.S. president\'s administration is the U.S. government (additions.json metonyms)', text: 'The Reagan administration imposed sanctions on Libya.', want: ['USA', 'LBY', '16'] },
  { rule: 'defending X against criticism is verbal support (051), not military protection (074)', text: 'Egypt defended Sudan against charges of genocide.', want: ['EGY', 'SDN', '05'] },
  { rule: 'a suspension of (air) links with X reduces relations with X (160)', text: 'Chile announced the suspension of air links with Peru.', want: ['CHL', 'PER', '16'] },
  { rule: 'an inquiry into crimes by X against Y is into X (inquiry_roots)', text: 'Kenya launched an investigation into crimes committed by Ugandan troops against Somali villagers.', want: ['KEN', 'UGA', '09'] },
  { rule: '"the Emirates" is the United Arab Emirates (additions.json)', text: 'Kuwait accused the Emirates of hoarding oil.', want: ['KWT', 'ARE', '11'] },
  { rule: 'a demand with no one named as asked is made of the actor "by" whom the act is to be done (demand_by_roots)', text: 'Kenya demanded an immediate apology by Uganda for the border raid.', want: ['KEN', 'UGA', '10'] },
  { rule: 'a people right after a country word are that country\'s ("Bosnian Serbs")', text: 'Bosnian Serbs demanded a truce on Monday.', want: ['BIH', 'BIH', '10'] },
  { rule: '"X said it would …": "it" is the speaker X, a country too, not an organisation named earlier (coref)', text: 'In a note to the United Nations on Friday, Ghana said it would allow the return of Togolese refugees.', want: ['GHA', 'TGO', '03'], modality: 'future' },
  { rule: 'an intent (03) announced as not to be done is a rejection (12), as any announced act is', text: 'Peru will not accept any more refugees from Bolivia.', want: ['PER', 'BOL', '12'], negated: false },
  { rule: 'a sentence opening on an institution "of" an actor has that actor for subject, beyond the first four words', text: 'The interim military government of Nepal imposed a curfew on Monday.', want: ['NPL', 'NPL', '17'] },
  { rule: 'reneging on a commitment to X rejects X (en:renege-on, 120)', text: 'Chad has reneged on its commitment to Niger over the oil pipeline.', want: ['TCD', 'NER', '12'] },
  { rule: 'a PETRARCH protest pattern with no target stands alone, against the actor\'s own government (domestic_alone_types)', text: 'Kenyan dock workers stopped work on Monday over unpaid wages.', want: ['KEN', 'KEN', '14'] },
  { rule: 'a head of state by the name the press uses ("Carlos Menem", additions.json people)', text: 'A Chilean judge ordered former president Carlos Menem to testify.', want: ['CHL', 'ARG', '10'] },
  { rule: 'a people "of" (a compass word and) another country are that country\'s, not its subject (ethnic-home)', text: 'The Hungarians of northern Serbia demanded cultural autonomy from Serbian authorities.', want: ['SRB', 'SRB', '10'] },
  { rule: '"X is committed to" an act is an intent to cooperate (030), no target needed', text: 'Bolivia is committed to opening up its economy.', want: ['BOL', '', '03'] },
  { rule: 'riots against X after a country adjective: a protest by the adjective\'s country (en:riots-against, 145)', text: 'Armenian riots against Azerbaijani police spread to three towns on Friday.', want: ['ARM', 'AZE', '14'] },
  { rule: 'demonstrations against X after a country adjective: a protest by its country (en:protests-against, &protest)', text: 'Greek demonstrations against Albanian border guards went on for a week.', want: ['GRC', 'ALB', '14'] },
  { rule: 'dispersing a crowd or a rally is coercion (en:disperse-crowd, en:disperse-protest, 170) of the source\'s own people (domestic-group)', text: 'Nepalese police dispersed the protesters outside parliament on Monday.', want: ['NPL', 'NPL', '17'] },
  { rule: 'dispersing a rally, after "to" (en:disperse-protest)', text: 'Bolivian troops fired shots in the air to disperse a rally in La Paz.', want: ['BOL', 'BOL', '17'] },
  { rule: 'a reported "would not" is a backshifted "will not": a refusal announced (12) (reporting_verbs)', text: 'Chile said it would not accept any refugees from Peru.', want: ['CHL', 'PER', '12'], negated: false, modality: 'future' },
  { rule: 'a reported "would" after "said that" announces an intent (03) (reporting_verbs)', text: 'Norway said that it would send food aid to Chad.', want: ['NOR', 'TCD', '03'], modality: 'future' },
  { rule: 'unnamed people acting "in" a named place after the act are of its country (located-group, groupActingIn)', text: 'Thousands of people blocked roads in Nairobi on Monday.', want: ['KEN', 'KEN', '14'] },
  { rule: 'an act "in defiance of" X is against X, over the place it happened in (against_phrases)', text: 'Thousands of people blocked roads in Nairobi in defiance of the Ugandan army.', want: ['KEN', 'UGA', '14'] },
  { rule: 'an organisation\'s officer by title ("UN chief Ban Ki-moon") is one party, so the compound before it holds (titledStart)', text: 'Chilean President Ana Soto and UN chief Ban Ki-moon condemned Peru on Monday.', want: ['CHL', 'PER', '11'] },
  { rule: 'the same, for the organisation\'s side', text: 'Chilean President Ana Soto and UN chief Ban Ki-moon condemned Peru on Monday.', want: ['UN', 'PER', '11'] },
  { rule: '"accused each other": each member of the compound subject on the other (reciprocal_objects)', text: 'Ghana and Togo accused each other of violating the border accord.', want: ['TGO', 'GHA', '11'] },
  { rule: '"each accused the other": a floating "each" leaves the verb a verb (floating_quantifiers), "the other" the rest of the compound', text: 'Ghana and Togo each accused the other of violating the border accord.', want: ['TGO', 'GHA', '11'] },
  { rule: 'an act in a clause the sentence opens on is done by the main clause\'s subject (fronted_openers)', text: 'After meeting with Peruvian President Luis Vera, the Chilean president praised the accord.', want: ['CHL', 'PER', '04'] },
  { rule: 'a round of talks held with X is a negotiation (en:hold-round-of-talks-with, 046), both ways', text: 'Chile held a new round of talks with Peru on Monday.', want: ['PER', 'CHL', '04'] },
  { rule: 'a negotiating round to be held with X: an intent to negotiate (036), the other side\'s too (spread intend-meet)', text: 'Diplomats from Chile will hold their next negotiating round with Peru in May.', want: ['PER', 'CHL', '03'], modality: 'future' },
  { rule: 'an -ing clause after "before" is done by the subject of the clause it hangs on ("he told reporters before meeting X")', text: 'The Chilean president told reporters in Lima before meeting Peruvian President Luis Vera.', want: ['CHL', 'PER', '04'] },
  { rule: 'a relative pronoun set off by a dash stands for the actor before it ("Chile – which has staged airstrikes")', text: 'Officials worry about Chile – which has staged two airstrikes against targets in Peru in recent weeks – and about Bolivia.', want: ['CHL', 'PER', '19'] },
  { rule: 'telling someone by phone is a telephone call (en:tell-by-phone, 041), both ways', text: 'The Chilean defence minister told his Peruvian counterpart Luis Vera by phone on Friday that the border would stay open.', want: ['PER', 'CHL', '04'] },
  { rule: 'a compound subject discussing something consults each other; a country discussed is the topic (040)', text: 'Chile and Peru discussed Bolivia on Monday.', want: ['PER', 'CHL', '04'] },
  { rule: '"the two men" stand for the two sides named last (pair_phrases)', text: 'The Chilean president met the Peruvian president in Lima. The two men also discussed Bolivia on Monday.', want: ['PER', 'CHL', '04'] },
  { rule: '"in touch with both countries": each of the two sides named last, other than the source (en:in-touch-with, pair_phrases)', text: 'Peru and Bolivia signed a border accord on Monday. The Chilean president has been in touch with both countries since then.', want: ['CHL', 'BOL', '04'] },
  { rule: 'the same: the other of the pair too', text: 'Peru and Bolivia signed a border accord on Monday. The Chilean president has been in touch with both countries since then.', want: ['CHL', 'PER', '04'] },
  { rule: 'a condemnation of a harm is aimed at its doer named after "by", not its victims (blame_roots, harm_nouns)', text: 'Chile condemned the killing of Peruvian soldiers by Bolivian troops.', want: ['CHL', 'BOL', '11'] },
  { rule: 'a bare "met with" holds both ways (mutual_codes)', text: 'After meeting with Peruvian President Luis Vera, the Chilean president praised the accord.', want: ['PER', 'CHL', '04'] },
];

/** Codings that must not appear: an act the text does not report as done by that side. */
const absent: { rule: string; text: string; not: [string, string, string] }[] = [
  { rule: 'an act paired with itself is the subject\'s alone (no reverse coding)', text: 'Ghana established diplomatic ties with Togo on Monday.', not: ['TGO', 'GHA', '05'] },
  { rule: 'a bare participle after a list ("with strings attached") does not make the list act on itself (reciprocal only for a pattern)', text: 'Russia agreed to sell arms to Iran, Libya, Sudan, and with strings attached, Cuba.', not: ['IRN', 'LBY', '06'] },
  { rule: 'buying the same thing is not economic cooperation with each other (reciprocal_codes: 062, not all 06)', text: 'Hungary and Slovakia have approved and purchased the vaccine.', not: ['HUN', 'SVK', '06'] },
  { rule: 'what X urges Y to do is asked of Y, not done by it (embedding_roots)', text: 'Sweden urged Norway to send troops to Mali.', not: ['NOR', 'MLI', '06'] },
  { rule: 'a verbless phrase after an act of one of its sides is what the act is about, not a second act', text: 'Chile agreed to Swiss mediation in its talks with Bolivia.', not: ['CHL', 'BOL', '04'] },
  { rule: 'the purpose of a visit is the visitor\'s, not the visited\'s (an infinitive\'s subject is the main verb\'s)', text: 'The Kenyan president will visit Uganda and Rwanda to mediate in their border dispute.', not: ['UGA', 'RWA', '03'] },
  { rule: 'a place outside the attack\'s clause is not where an unnamed attack happened', text: 'In Kabul, officials said a bomb killed two Canadian soldiers.', not: ['AFG', 'CAN', '19'] },
  { rule: 'an ethnic group placed in another country is not the country its people word names', text: 'Ethnic Russians in Latvia protested on Monday.', not: ['RUS', 'LVA', '14'] },
  { rule: 'troops defending X against rebels protect it (074), they do not endorse it', text: 'Egyptian troops defended Sudan against the rebels.', not: ['EGY', 'SDN', '05'] },
  { rule: 'the victims of crimes inquired into are not the ones investigated', text: 'Kenya launched an investigation into crimes committed by Ugandan troops against Somali villagers.', not: ['KEN', 'SOM', '09'] },
  { rule: 'what X rejects of Y is not done by Y (embedding_roots)', text: 'Peru rejected a Chilean offer to host talks with Bolivia.', not: ['CHL', 'BOL', '04'] },
  { rule: 'an institution "of" an actor after a verb is that verb\'s object, not the subject of the next act', text: 'Rebels fighting the government of Nepal attacked Chad.', not: ['NPL', 'TCD', '19'] },
  { rule: 'an attack with no target named is not taken for one at home (domestic_alone_types holds no ASSAULT)', text: 'Kenyan troops have retaken a strategic village after fierce fighting.', not: ['KEN', 'KEN', '19'] },
  { rule: 'a crowd that disperses coerces no one (en:disperse-crowd needs the crowd as object)', text: 'The Chilean protesters dispersed peacefully after the speech.', not: ['CHL', 'CHL', '17'] },
  { rule: 'people who went "to" a place are not of its country by that alone (groupActingIn reads "in", "at", not "to")', text: 'Thousands of people marched to Nairobi on Monday.', not: ['KEN', 'KEN', '14'] },
  { rule: '"both" before a compound is the compound, not a pair named before ("both Moscow and Washington")', text: 'Peru and Bolivia signed a border accord on Monday. Chile has been in touch with both Argentina and Brazil since then.', not: ['CHL', 'PER', '04'] },
  { rule: '"which" as the act\'s subject stands for the thing its clause modifies, not a country before it (args:source-not-subject)', text: "In May, Peru abandoned a deal which curbed Chile's fishing in the bay.", not: ['PER', 'CHL', '17'] },
  { rule: 'the victims of a harm condemned are not the ones condemned', text: 'Chile condemned the killing of Peruvian soldiers on Monday.', not: ['CHL', 'PER', '11'] },
  { rule: 'a compound subject accusing a third side does not accuse itself (reciprocal_objects only)', text: 'Ghana and Togo accused Benin of violating the border accord.', not: ['GHA', 'TGO', '11'] },
  { rule: 'a common noun as the act\'s subject in the parse is its doer, not a country named before it (args:source-not-subject)', text: 'Peru said the sanctions on Bolivia are hurting Chile badly.', not: ['PER', 'CHL', '18'] },
  { rule: 'a participle coordinated with a passive is passive too: the one charged does not charge', text: 'A Peruvian diplomat was detained last week and charged with spying on Chile.', not: ['PER', 'CHL', '11'] },
  { rule: 'a fronted clause with a subject of its own keeps it: the main clause\'s subject did not meet (fronted_openers)', text: 'After Peru met with Chile, Bolivia praised the accord.', not: ['BOL', 'CHL', '04'] },
];

for (const r of absent) {
  test(`coder: ${r.rule}`, () => {
    const es = events(r.text);
    const [src, tgt, root] = r.not;
    const got = es.map((e) => `${e.source.country}>${e.target?.country ?? ''} ${e.code} ${e.rule}`).join('; ');
    assert.ok(!es.some((e) => e.source.country === src && (e.target?.country ?? '') === tgt && e.root === root && !e.negated), `${r.text}\n  not ${src}>${tgt} ${root}\n  got ${got}`);
  });
}

for (const r of rows) {
  test(`coder: ${r.rule}`, () => {
    const es = events(r.text);
    const [src, tgt, root] = r.want;
    const hit = es.find((e) => e.source.country === src && (e.target?.country ?? '') === tgt && e.root === root
      && (r.negated === undefined || e.negated === r.negated) && (r.modality === undefined || e.modality === r.modality));
    const got = es.map((e) => `${e.source.country}>${e.target?.country ?? ''} ${e.code} ${e.rule} ${e.modality}${e.negated ? ' negated' : ''}`).join('; ');
    assert.ok(hit, `${r.text}\n  want ${src}>${tgt} ${root} ${r.modality ?? ''}${r.negated ? ' negated' : ''}\n  got ${got || 'nothing'}`);
  });
}

test('coder: words that only look like verbs are not acts ("according to", a participle without "be", a noun after a country adjective)', () => {
  const codes = (t: string) => events(t).map((e) => `${e.code} ${e.rule}`);
  assert.deepEqual(codes('According to Kenya, the border with Uganda stayed quiet.'), []);
  assert.ok(!codes('Chinese ships sailed near Japan on Monday, monitoring Japanese patrols.').some((c) => c.startsWith('09')), codes('Chinese ships sailed near Japan on Monday, monitoring Japanese patrols.').join('; '));
  assert.ok(!codes('Israeli forces entered Gaza on Monday.').some((c) => c.includes(':force')), codes('Israeli forces entered Gaza on Monday.').join('; '));
});

test('coder: a pattern may code PLOVER apart from its CAMEO row (a resignation is RETREAT, mode resign)', () => {
  const e = events('The Peruvian prime minister resigned on Sunday after the vote.').find((x) => x.code === '0831');
  assert.deepEqual([e?.plover?.event, e?.plover?.mode, e?.rule], ['RETREAT', 'resign', 'en:resign']);
});

test('coder: the other side\'s act of a reverse pattern happens only when the act did (not when refused)', () => {
  const es = events('Pakistan refused to deploy peacekeepers in Iraq.');
  assert.ok(es.some((e) => e.source.country === 'PAK' && e.target?.country === 'IRQ' && e.root === '12'), es.map((e) => e.rule).join('; '));
  assert.ok(!es.some((e) => e.source.country === 'IRQ'), es.map((e) => `${e.source.country} ${e.rule}`).join('; '));
});

test('coder: verbs that alone name no act between actors code nothing bare ("expected", "gave", "joined")', () => {
  for (const t of ['Chile expected Japan to lower its prices.', 'Norway joined Sweden on Monday.', 'Peru gave Bolivia a warning.']) {
    const es = events(t);
    assert.ok(!es.some((e) => /^p2-verb:(PREDICT|ASSEMBLE|GRANT):/.test(e.rule)), `${t}: ${es.map((e) => e.rule).join('; ')}`);
  }
});

test('coder: an apposition set off by commas is neither the subject nor part of a compound', () => {
  const es = events('Chile, a close U.S. partner in the region, has refused to send troops to Haiti.');
  assert.ok(es.some((e) => e.source.country === 'CHL' && e.target?.country === 'HTI'), es.map((e) => `${e.source.country}>${e.target?.country} ${e.rule}`).join('; '));
  assert.ok(!es.some((e) => e.source.country === 'USA'), es.map((e) => `${e.source.country}>${e.target?.country} ${e.rule}`).join('; '));
  const list = events('Chile, Peru and Bolivia sent troops to Haiti.');
  assert.deepEqual(new Set(list.filter((e) => e.target?.country === 'HTI').map((e) => e.source.country)), new Set(['CHL', 'PER', 'BOL']));
});

test('coder: launching or opening something is not investigating it (only "an inquiry into" is)', () => {
  for (const t of ['Chile opened its embassy in Peru on Monday.', 'Ethiopian troops launched artillery fire against Eritrean positions on Monday.']) {
    const es = events(t);
    assert.ok(!es.some((e) => e.code.startsWith('09')), `${t}: ${es.map((e) => e.rule).join('; ')}`);
  }
  assert.ok(events('Kenya opened an investigation into Somalia on Monday.').some((e) => e.rule === 'en:open-inquiry-into'));
});

test('coder: a negated hostile act stays a negated act, not a rejection', () => {
  const es = events('Uganda did not attack Rwanda last week.');
  assert.ok(es.every((e) => e.root !== '12'));
  assert.ok(es.some((e) => e.source.country === 'UGA' && e.target?.country === 'RWA' && e.negated));
});

test('coder: the refusing side alone rejects; an agreement with a named party leaves out the one with no one', () => {
  const es = events('Sri Lankan rebels declined on Friday to meet Norway.');
  assert.ok(!es.some((e) => e.source.country === 'NOR'), es.map((e) => e.rule).join(' '));
  const agreed = events('Canada agreed on Friday in principle to send troops to Latvia.').filter((e) => e.plover?.event === 'AGREE');
  assert.ok(agreed.length > 0 && agreed.every((e) => e.target?.country === 'LVA'), agreed.map((e) => e.rule).join(' '));
});

test('coder: what an actor must do is asked of it, not done by it; the purpose of an act is not a second act', () => {
  const must = events('Japan said on Monday that Greece must withdraw its troops.');
  assert.ok(!must.some((e) => e.source.country === 'GRC'), must.map((e) => e.rule).join(' '));
  const rally = events('Thousands of Peruvian students staged mass demonstrations on Monday to demand reforms.');
  assert.deepEqual(rally.map((e) => `${e.source.country}>${e.target?.country ?? ''} ${e.root}`), ['PER>PER 14']);
});

test('coder: a verb form that is as often a noun ("links") is not a verb after a noun, even for a pattern', () => {
  const es = events('Chile announced new air links with Peru on Monday.');
  assert.ok(!es.some((e) => e.root === '03'), es.map((e) => e.rule).join(' '));
});

test('coder: a bare verb of talks is not made mutual (its object may be a topic)', () => {
  const es = events('Serbia asked for a session at which the United Nations discussed Croatia.');
  assert.ok(!es.some((e) => e.source.country === 'HRV' && e.root === '04'), es.map((e) => `${e.source.country} ${e.rule}`).join(' '));
});

test('coder: a verb with no pattern and no one acted on is no event', () => {
  assert.deepEqual(events('Portugal grew faster than expected in the spring.').map((e) => e.code), []);
});
