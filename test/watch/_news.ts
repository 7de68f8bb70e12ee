import type { Story } from '../feeds/_documents.js';

/**
 * Short news stories invented for the watcher's tests, each its own text (so its own article id),
 * and the web page that carries one.
 */
const PLACES = ['Valdoria', 'Ostrava', 'Kesh', 'Marlow Bay', 'Tirasse', 'Port Anselm', 'Lindqvist', 'Orvale', 'Santa Ruel', 'Brennick', 'Halden Cross', 'Vey'];
const ACTS = ['reopened the border crossing', 'signed a fishing accord', 'resumed talks on water rights', 'agreed to exchange prisoners', 'opened a new rail link', 'cut tariffs on grain', 'recalled its ambassador', 'held joint flood drills', 'promised aid after the storm', 'extended a ceasefire', 'began a census of the islands', 'launched a vaccination drive'];

export function story(n: number, path: string): Story {
  const place = PLACES[n % PLACES.length];
  const act = ACTS[n % ACTS.length];
  return {
    path,
    title: `${place} ${act} (report ${n})`,
    date: new Date(Date.UTC(2024, 3, 1 + (n % 27), 9, 30)).toISOString(),
    summary: `Officials in ${place} said the government ${act}.`,
  };
}

/** The body paragraphs of story `n`: English with enough ordinary words to be read as English. */
export function paragraphs(n: number): string[] {
  const place = PLACES[n % PLACES.length];
  const other = PLACES[(n + 5) % PLACES.length];
  const act = ACTS[n % ACTS.length];
  return [
    `The government of ${place} ${act} on Tuesday, officials said, in a move that had been expected for several weeks (report number ${n}).`,
    `The foreign minister told reporters in the capital that the decision was taken after long talks with ${other}, and that both sides hoped it would last.`,
    `"We have worked for this with our neighbours, and we will keep working," she said. Local leaders in ${other} welcomed the news but asked for more details.`,
    `Trade between the two countries has fallen by a third since last year, according to figures published by the central bank on Monday.`,
  ];
}

/** A news page as outlets publish them: a head with metadata, menus around the article. */
export function articlePage(n: number, outlet: string, s: Story, body: string[] = paragraphs(n)): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${s.title} | ${outlet}</title>
<meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="${s.date}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${s.title}</h1><p class="byline">By Staff Reporter</p>
${body.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>© ${outlet}</footer></body></html>`;
}

/** A page in French: fetched and recorded, but not stored (entente's dictionaries are English). */
export function frenchPage(): string {
  const body = [
    "Le gouvernement de Valdoria a rouvert mardi le poste-frontière, selon les autorités, une décision attendue depuis plusieurs semaines.",
    "Le ministre des affaires étrangères a déclaré aux journalistes que les deux pays espéraient que cet accord serait durable et qu'il serait suivi d'autres mesures.",
    "Les échanges commerciaux entre les deux pays ont baissé d'un tiers depuis l'an dernier, selon les chiffres publiés lundi par la banque centrale.",
  ];
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>La frontière rouvre</title></head><body><article><h1>La frontière rouvre</h1>${body.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}
