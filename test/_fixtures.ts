/**
 * Articles we write ourselves for tests: plausible English news built from a small grammar, so a
 * test can make thousands of distinct stories without copying anyone's text.
 */
const CAPITALS = ['Paris', 'Berlin', 'Madrid', 'Warsaw', 'Ottawa', 'Canberra', 'Nairobi', 'Lima', 'Hanoi', 'Oslo'];
const COUNTRIES = ['France', 'Germany', 'Spain', 'Poland', 'Canada', 'Australia', 'Kenya', 'Peru', 'Vietnam', 'Norway'];
const VERBS = ['criticised', 'praised', 'met', 'warned', 'thanked', 'accused', 'invited', 'rebuked'];
const TOPICS = ['fishing rights', 'a rail link', 'grain exports', 'a border crossing', 'student visas', 'a power line'];

/**
 * @example makeArticle(7).split('\n\n').length // 5
 */
export function makeArticle(i: number): string {
  const a = COUNTRIES[i % 10];
  const b = COUNTRIES[(i * 7 + 3) % 10 === i % 10 ? (i + 1) % 10 : (i * 7 + 3) % 10];
  const verb = VERBS[i % VERBS.length];
  const topic = TOPICS[(i >> 3) % TOPICS.length];
  return [
    `${a} ${verb} ${b} on Monday over ${topic}, officials in ${CAPITALS[i % 10]} said in statement number ${i}.`,
    `“We expect our partners to keep their word on ${topic},” the foreign minister of ${a} told reporters. “Talks will resume in ${1 + (i % 11)} weeks.”`,
    `The U.S. State Department said on Nov. ${1 + (i % 28)} that it was following the dispute closely and urged both sides to keep talking.`,
    `Analysts said the quarrel over ${topic} had simmered for ${2 + (i % 9)} years, and that trade between the two countries had fallen by ${i % 40} percent.`,
    `${b} did not respond to a request for comment on case ${i * 31 + 7}.`,
  ].join('\n\n');
}

/** A short French article of our own, for language detection. */
export const FRENCH_ARTICLE = [
  'Le ministre des Affaires étrangères a déclaré mardi que les négociations avec ses voisins reprendraient dès la semaine prochaine.',
  'Selon lui, les deux pays sont prêts à signer un accord sur la pêche et sur le commerce des céréales, mais plusieurs questions restent ouvertes.',
  'Les observateurs estiment que cette visite marque un tournant dans les relations entre les deux capitales, après des années de tensions.',
].join('\n\n');
