import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractArticle, isProbablyArticle } from '../../src/extract/article';
import { parseDocument } from '../../src/cli/dom';
import { extractPlainText } from '../../src/extract/plain-text';
import { hasShared, readabilityNewsPages, sharedPath } from '../eval/data';
import {
  INDEPENDENT_PARAGRAPHS,
  ORIGINAL,
  ORIGINAL_PARAGRAPHS,
  farmPage,
  publisherPage,
  sectionFrontPage,
} from '../fixtures/story';

describe('extractArticle on our own pages', () => {
  test('reads text a paragraph a line, and the metadata a reference needs', () => {
    const article = extractArticle(parseDocument(publisherPage()), 'https://www.harlowcourier.example/x');
    expect(article).not.toBeNull();
    expect(article!.text.split('\n')).toEqual(expect.arrayContaining(ORIGINAL_PARAGRAPHS));
    expect(article!.canonicalUrl).toBe(ORIGINAL.url);
    expect(article!.siteName).toBe(ORIGINAL.publisher);
    expect(article!.publishedTime).toMatch(/^2026-05-12/);
  });

  test("leaves the content farm's chrome out and keeps its links", () => {
    const article = extractArticle(parseDocument(farmPage()), 'https://buzzdaily.example/harlow');
    expect(article!.text).not.toMatch(/Related Posts|dog did next|Trending/);
    expect(article!.links).toContain('https://www.harlowcourier.example/');
  });

  test('a section front of links is not an article', () => {
    expect(isProbablyArticle(parseDocument(sectionFrontPage()))).toBe(false);
    expect(isProbablyArticle(parseDocument(publisherPage()))).toBe(true);
  });
});

// The real news pages of readability-pages: our block-text extraction must keep what Readability's own expected
// output holds (the test corpus's expected.html), with paragraph breaks.
describe.skipIf(!hasShared())('extractArticle on the 47 real news pages', () => {
  const pages = hasShared() ? readabilityNewsPages() : [];
  test.each(pages.map((p) => [p.name]))('%s', (name) => {
    const dir = sharedPath('data', 'readability-pages', 'test', 'test-pages', name);
    const article = extractArticle(
      parseDocument(readFileSync(`${dir}/source.html`, 'utf8')),
      `https://${name}.example/`,
    );
    expect(article).not.toBeNull();
    const expected =
      parseDocument(
        `<!doctype html><html><head></head><body>${readFileSync(`${dir}/expected.html`, 'utf8')}</body></html>`,
      ).body.textContent ?? '';
    const squash = (s: string): string => s.replace(/\s+/g, '');
    // Never more than Readability's expected output (white space aside), and never much less: what is left out is
    // chrome Readability kept (related links, "Read more" runs, credits, datelines, an author's note: breitbart's
    // short article keeps 0.845 of it), not the article.
    const ratio = squash(article!.text).length / Math.max(1, squash(expected).length);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.02);
    // Every paragraph of running text Readability found is there, whole (newsletter prompts aside: chrome, even as a
    // sentence: "Sign up for …, a weekly newsletter …").
    const text = squash(article!.text);
    const expectedDoc = parseDocument(
      `<!doctype html><html><head></head><body>${readFileSync(`${dir}/expected.html`, 'utf8')}</body></html>`,
    );
    for (const p of Array.from(expectedDoc.querySelectorAll('p'))) {
      const paragraph = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (/^(?:sign up|subscribe|get the latest)\b/i.test(paragraph)) continue;
      if (paragraph.split(' ').length >= 20 && /[.!?"”]$/.test(paragraph)) expect(text).toContain(squash(paragraph));
    }
    if (existsSync(`${dir}/expected.html`) && squash(expected).length > 2000)
      expect(article!.text.split('\n').length).toBeGreaterThan(3);
  });
});

describe('page chrome inside the article container is left out', () => {
  const page = (inner: string): string =>
    `<!doctype html><html><head><title>T</title></head><body><main><article><h1>Harlow votes</h1>${inner}</article></main></body></html>`;
  const story = ORIGINAL_PARAGRAPHS.slice(0, 4)
    .map((p) => `<p>${p}</p>`)
    .join('');
  const textOf = (inner: string): string =>
    extractArticle(parseDocument(page(inner)), 'https://x.example/a')?.text ?? '';

  test.each([
    [
      'a trending ticker',
      '<div>Trending: <a href="/1">Chef opens third restaurant</a> • <a href="/2">Ten gadgets under $20</a> • <a href="/3">Budget signed</a></div>',
    ],
    ['an author box with a view count', '<div><a href="/a">Jessica M.</a> - March 7, 2025 - 246 views</div>'],
    ['a newsletter prompt', '<div>Get the latest news delivered to your inbox. <a href="/s">Sign up</a></div>'],
    [
      'a share row',
      '<div>Share this article: <a href="/f">Facebook</a> <a href="/x">X</a> <a href="/w">WhatsApp</a></div>',
    ],
    ['a tag list', '<div>Tags: <a href="/t/1">News</a>, <a href="/t/2">Politics</a>, <a href="/t/3">World</a></div>'],
    [
      'a read-more run',
      '<p><strong>Read more:</strong> <a href="/p">Markets close higher as investors weigh earnings</a></p>',
    ],
    ['an image credit', '<figure><figcaption>Photo: Getty Images / File</figcaption></figure>'],
    [
      'a photo credit of a photographer and agencies',
      '<figure><img src="/a.jpg"><figcaption><span>Marta Lindqvist/AFP via Getty Images</span></figcaption></figure>',
    ],
    ['a photo credit in parentheses', '<figure><figcaption>(AP Photo/Omar Haddad)</figcaption></figure>'],
    ['a "Photo by" credit', '<figure><figcaption>Photo by Lena Brandt/Harlow Courier</figcaption></figure>'],
    [
      "a video player's controls",
      '<div><button>Play Video</button><div>Current Time 0:00</div><div>Duration Time 2:14</div><div>Loaded: 0%</div><div>Remaining Time -2:14</div><button>Fullscreen</button></div>',
    ],
    ['a gallery label', '<div>Gallery: Harlow town hall | 12 Photos</div><div>View photo</div>'],
    ['breadcrumbs', '<div><a href="/">Home</a> » <span>News</span> » <span>Politics</span></div>'],
    [
      'a ticker written as text',
      '<div>Trending: Chef opens third restaurant downtown • Ten gadgets under $20 that sold out in 2024 • Governor signs budget after 14-hour session • Periodic table could gain new elements</div>',
    ],
    [
      'a breaking-news teaser',
      '<div>BREAKING: Governor signs budget after 14-hour session | Ten gadgets under $20</div>',
    ],
    ['a byline with a rounded view count', '<div>By Jessica M. | 1.2K views</div>'],
    [
      'newsletter prompts as sentences',
      '<div>Don’t miss out! Subscribe to our free newsletter.</div><div>Never miss a story — sign up for our daily email.</div><div>Stay informed: our newsletter lands in your inbox at 7 a.m.</div>',
    ],
    ['a share row without links', '<div>Facebook Twitter WhatsApp Email</div><div>Tweet Share Pin Email</div>'],
    ['tags written as text', '<div>Tagged: council, floods, Harlow</div><div>Keywords: council, floods</div>'],
    [
      'read-more runs without links',
      '<div>READ MORE</div><div>Also read: Governor signs budget after 14-hour session</div><div>See also: Budget talks</div>',
    ],
    [
      'section labels',
      '<div>You might also like</div><div>Related News</div><div>More Stories</div><div>Don’t Miss</div><div>Popular Now</div>',
    ],
    [
      'image credits of picture agencies',
      '<div>Courtesy of Harlow Council</div><div>Image via Shutterstock</div><div>Source: Getty Images</div><div>Shutterstock</div>',
    ],
    ['a relative time', '<div>Updated 2 hours ago</div><div>2 hours ago</div>'],
    [
      "a comment box's labels",
      '<div>12 Comments</div><div>Show comments</div><div>Add Comment</div><div>Sign in to comment</div><div>Report an error</div><div>Got a story? Email news@harlow.example</div>',
    ],
    ['a posted-on line with its byline', '<div>Posted on March 3, 2025 by Jessica M.</div>'],
    ['a dateline', '<div>Updated: 10:42 AM EST, Tue March 3, 2025</div>'],
    ['a date alone', '<div>Tuesday, March 3, 2025</div>'],
    ['a reading time and a view count', '<div>Reading time: 4 minutes</div><div>Views: 1,234</div>'],
    ['categories', '<div>Filed under: News, Politics</div><div>Categories: Local, Council</div>'],
    ['an app prompt', '<p>Download the Harlow News app for breaking alerts</p><div>Join our WhatsApp channel</div>'],
    ["a reporter's title", '<div>Jessica Moore, Staff Reporter</div>'],
    ['a copyright line', '<div>© 2025 Harlow Daily Media. All rights reserved.</div>'],
    [
      "widgets' lone labels",
      '<div>Share</div><div>Print</div><div>Comments</div><div>Loading...</div><div>Story continues below advertisement</div>',
    ],
    ['a byline with a dateline', '<div>By Daniel Kim | Updated 2 March 2025, 09:01 GMT</div>'],
    ['a byline of two names', '<div>By Daniel Kim and Jessica Moore</div>'],
    ['a byline with its day before its month', '<div>By Daniel Kim 2 March 2025</div>'],
    ['a share button of a network named in two words', '<div>Share on Google Plus</div>'],
    ["a video playlist's labels", '<div><div>Now Playing</div><div>0:00 / 2:31</div><div>Up Next</div></div>'],
    ['a comment counter', '<div>Comments (12)</div><div>Loading comments...</div><div>View all 12 comments</div>'],
    [
      'an embedded post, as its embed code gives it',
      '<blockquote class="twitter-tweet"><p>Just landed in Denver for the summit, more updates tonight</p>&mdash; Rita Okafor (@ritaokafor) <a href="https://twitter.example/s/1">March 3, 2025</a></blockquote>',
    ],
    [
      'an embedded post without its embed code',
      '<blockquote><p>Just landed in Denver for the summit, more updates tonight</p><p>&mdash; Rita Okafor (@ritaokafor) March 3, 2025</p></blockquote><div><p>Caption this 😂 #tbt</p><p>A post shared by Rita Okafor (@ritaokafor) on Mar 3, 2025 at 9:12am PST</p></div>',
    ],
    [
      "a blog plugin's share label and buttons",
      '<div>Spread the love</div><div>Click to share on X (Opens in new window)</div><div>Click to share on Facebook (Opens in new window)</div>',
    ],
    [
      "a comment form's notices",
      '<div>Leave a Reply Cancel reply</div><p>Your email address will not be published. Required fields are marked *</p><p>Save my name, email, and website in this browser for the next time I comment.</p><p>Please enable JavaScript to view the comments powered by Disqus.</p><p>Log in to leave a comment</p>',
    ],
    ['post navigation', '<div>Previous: Local bakery wins national award</div><div>Next: Markets close higher</div>'],
    [
      "ads' and teasers' labels",
      '<div>Report this ad</div><div>Show more</div><div>Read Full Article</div><div>Partner Content</div><div>Listen to article</div><div>3 min</div>',
    ],
    [
      'share buttons, picture agencies and stars alone on their lines',
      '<div>Facebook</div><div>Twitter</div><div>Reuters</div><div>(AP)</div><div>★★★★☆</div><div>Rating: 4.5/5</div>',
    ],
    [
      'a caption with its credit',
      '<figure><figcaption>A general view of the city centre at dusk. (Photo: Shutterstock)</figcaption></figure><figure><figcaption>Workers repair the floodwall on Monday. (AP Photo/Omar Haddad)</figcaption></figure><figure><figcaption>The Harlow floodwall in March. Image: Reuters</figcaption></figure>',
    ],
    [
      'prompts of a farm',
      '<div>Featured image: The Harlow floodwall</div><div>Join 25,000+ subscribers</div><p>This post may contain affiliate links. If you buy through them, we may earn a commission.</p><p>Add Harlow Daily as a preferred source to see more of our stories on Google.</p><p><a href="https://x.example/src">Source link</a></p><p>Source link</p>',
    ],
    [
      "a photo viewer's and a gallery's controls",
      '<div>Enlarge this image</div><div>toggle caption</div><div>Image 1 of 12</div><div>Open image in gallery</div><div>View image in fullscreen</div><div>Click to enlarge</div><div>Next slide</div>',
    ],
    [
      "a newspaper's tools and labels",
      '<div>Skip Advertisement</div><div>Supported by</div><div>Send any friend a story</div><div>Share full article</div><div>Gift this article</div><div>Copy link</div><div>Save</div><div>Listen · 5:32 min</div><div>Subscriber exclusive</div><div>Opinion</div>',
    ],
    [
      'subscription and donation prompts',
      '<div>Already a subscriber? Log in</div><div>Subscribe now</div><div>Unlock this article</div><div>Open in app</div><div>Support independent journalism</div><div>Your support helps us tell the story</div><div>Donate</div><div>Content from our partners</div>',
    ],
    [
      'credit lines of a wire story and a newspaper',
      '<div>Credit...Jim Watson/Agence France-Presse — Getty Images</div><p>(Reporting by Jane Doe in Chicago; Editing by Mark Heinrich)</p><p>Contributing: Jane Doe, John Roe</p><p>Additional reporting by Jane Doe in Mexico City</p>',
    ],
    [
      'tip lines and share counts',
      '<div>Have a news tip? Email tips@harlow.example</div><div>ALSO ON HARLOW DAILY: Bakery wins award</div><div>This story has been shared 12,345 times.</div><div>Comments are closed.</div>',
    ],
    [
      "a newspaper's captions and tools as pages saved as text print them",
      '<div>Media caption Jane Doe: "We have waited ten years"</div><div>View this image ›</div><div>Buy Photo</div><div>Wait 1 second to continue.</div><div>Share this story</div><div>reader comments</div><div>Read now</div>',
    ],
    [
      'ad and sign-in prompts',
      '<div>Want to see fewer ads? Become a Member.</div><div>Using an ad blocker?</div><div>inRead invented by Teads</div><div>by Taboola by Taboola</div><div>You must login or create an account to comment.</div><div>Sign in</div><div>Subscribe</div><div>Log in with your Harlow Daily account to create your custom homepage and follow the stories you care about.</div>',
    ],
    [
      "a page's notes about itself",
      '<p>A version of this article appears in print on May 13, 2026, on Page A7 of the New York edition with the headline: Harlow Votes.</p><div>In this article: council, floods, Harlow</div><div>Check out more articles on Harlow Daily!</div><div>Email jane.doe@harlow.example // Twitter @janedoe</div>',
    ],
    [
      'captions ending with a credit of their own kind',
      '<figure><figcaption>Mayor Odette Brannigan at the vote (Credit: AP/Omar Haddad/Photo montage by Harlow Daily)</figcaption></figure><figure><figcaption>A man walks past the floodwall site on Thursday Credit: STR/AFP</figcaption></figure>',
    ],
    [
      "a blog theme's navigation and labels",
      '<div>Table of Contents</div><div>Toggle</div><div>Post navigation</div><div>Recent Posts</div><div>Archives</div><div>Categories</div><div>Tags</div><div>More</div><div>Ad Choices</div><div>Menu</div><div>Search</div><div>Home</div>',
    ],
    [
      "a farm's review, disclosure and teaser lines",
      '<div>Fact checked by Jane Doe</div><div>Reviewed by Jane Doe</div><div>Estimated reading time: 4 minutes</div><div>Disclosure: This article contains affiliate links.</div><div>Article continues below advertisement</div><div>Thank you for reading!</div><div>Share via:</div><div>You may be interested in:</div><div>Also on Harlow Daily</div><div>Also Read</div>',
    ],
    [
      'a related list',
      '<ul><li><a href="/r/1">Local bakery wins national award</a></li><li><a href="/r/2">The history of the paperclip</a></li></ul>',
    ],
    [
      'teasers of a gallery and a video, written as text',
      '<div>Inside the bakery that won the national sourdough prize (12 Photos)</div><div>Watch the floodwall debate get heated at city hall (Video)</div>',
    ],
    [
      "teasers of other stories ending with their link's label",
      '<p>Local bakery wins national award for its sourdough, and the judges say it was not even close. Read more »</p><p>Die Stadt Harlow baut eine neue Brücke über den Fluss, die im Frühjahr eröffnet werden soll. Mehr…</p>',
    ],
    [
      "a gallery's counters with their pictures' titles",
      '<div>1/12 Harlow bakery wins the national sourdough prize</div><div>2/12 Ten quiet towns to visit before the summer crowds arrive</div>',
    ],
    [
      "a print edition's note with a long headline, its pieces separated by a framework's empty comments",
      '<div>A version of this article appears in print on <!-- -->, on Page <!-- -->A<!-- -->22<!-- --> of the New York edition<!-- --> with the headline: <!-- -->Harlow Council Approves $48 Million Floodwall After a Decade of Debate Over Who Pays and Who Floods<span>. <a href="/r">Order Reprints</a> | <a href="/p">Today’s Paper</a> | <a href="/s">Subscribe</a></span></div>',
    ],
  ])('%s', (_, widget) => {
    const text = textOf(`${widget}${story}${widget}`);
    expect(text.split('\n')).toEqual(
      ['Harlow votes', ...ORIGINAL_PARAGRAPHS.slice(0, 4)].filter((l) => text.includes(l)),
    );
    for (const paragraph of ORIGINAL_PARAGRAPHS.slice(0, 4)) expect(text).toContain(paragraph);
    expect(text.split('\n')).toHaveLength(
      ORIGINAL_PARAGRAPHS.slice(0, 4).length + (text.startsWith('Harlow votes') ? 1 : 0),
    );
  });

  test('a paragraph ending with "more" as a sentence does is kept', () => {
    const paragraph = 'Residents said the wall would protect their homes, and that the city should have done more.';
    expect(textOf(`${story}<p>${paragraph}</p>`)).toContain(paragraph);
  });

  test("a line of loose text that a framework's empty comments separate stays one line", () => {
    const text = textOf(
      `${story}<div>The council said <!-- -->42<!-- --> homes in <!-- -->Pell County<!-- --> would be bought out before the wall is built.</div>`,
    );
    expect(text.split('\n')).toContain(
      'The council said 42 homes in Pell County would be bought out before the wall is built.',
    );
  });

  test('the article’s own headings, a sentence with a link, and a credit line are kept', () => {
    const text = textOf(
      `<h2>Funding and Timeline</h2>${story}<h2>AC/DC Returns to Harlow</h2><p>The council's <a href="/plan">engineering plan</a> is public, and residents can read it online.</p><p>Read the full story at The Harlow Courier.</p>`,
    );
    expect(text).toContain('Funding and Timeline');
    // One word before a slash is a name written with one (a band), not a photographer's credit.
    expect(text).toContain('AC/DC Returns to Harlow');
    expect(text).toContain("The council's engineering plan is public, and residents can read it online.");
    expect(text).toContain('Read the full story at The Harlow Courier.');
  });

  test("an author's note at the end is left out; a lead about a reporter, or naming one, is kept", () => {
    const note = '<p>Jessica Moore is a senior reporter covering local government for the Courier.</p>';
    expect(textOf(`${story}${note}`)).not.toContain('Jessica Moore');
    expect(
      textOf(
        `<p>JESSICA MOORE IS THE COURIER'S POLITICAL EDITOR</p>${story}<p>LAURA OAKES IS THE NETWORK'S POLITICAL EDITOR</p>`,
      ),
    ).not.toContain('LAURA OAKES');
    const leads = [
      '<p>Jessica Moore is a reporter who was held for 400 days in a Harlow jail before her release on Monday.</p>',
      '<p>Mayor Odette Brannigan, a former reporter, said the floodwall vote was the hardest of her term.</p>',
    ];
    for (const lead of leads) {
      const text = textOf(`${lead}${story}`);
      expect(text).toContain(lead.slice(3, -4));
    }
  });

  test("an author's note and a byline stay at the text's edges when widgets stand between them and the edge", () => {
    // The edges are counted without the widgets' lines: a comment counter and a copyright line under an author's note.
    const note = '<p>Jessica Moore is a senior reporter covering local government for the Courier.</p>';
    const widgets = '<div>© 2025 Harlow Daily Media.</div><div>Comments (4)</div><div>Loading comments...</div>';
    expect(textOf(`${story}${note}${widgets}`)).not.toContain('Jessica Moore');
    const top =
      '<div>Share</div><div>Print</div><div>Listen to this article</div><div>By Daniel Kim | Updated 2 March 2025</div>';
    expect(textOf(`${top}${story}`)).not.toContain('Daniel Kim');
  });

  test('sentences that name a network, an agency or what comes next, and a long paragraph ending with a credit, are kept', () => {
    const lines = [
      'The mayor wrote on X (@harlowmayor) that the floodwall would open in May, a month late.',
      '— and that, the council said, was the end of it.',
      'Reuters reported that the council had approved the plan.',
      'Next, the council will vote on the pump stations.',
      'Facebook said it would remove the posts.',
      `${ORIGINAL_PARAGRAPHS[1] as string} (AP Photo/Omar Haddad)`,
    ];
    const text = textOf(`${story}${lines.map((line) => `<p>${line}</p>`).join('')}${story}`);
    for (const line of lines) expect(text).toContain(line);
  });

  test('dates inside the article, a paragraph about copyright, and a source line are kept', () => {
    // Only at the text's edges is a date alone a dateline; inside the article a table of dates is its data.
    const text = textOf(
      `${story}<table><tr><td>March 3, 2025</td><td>First reading</td></tr><tr><td>April 7, 2025</td><td>Final vote</td></tr></table><p>Copyright holders in Harlow say the council's new rules are unclear.</p>${story}<p>Source: Harlow Courier</p>`,
    );
    expect(text).toContain('March 3, 2025');
    expect(text).toContain('April 7, 2025');
    // A table's numbers stay, alone in their cells or as fractions.
    const table = textOf(
      `${story}<table><tr><td>Ward</td><td>Votes</td><td>Share</td></tr><tr><td>Eastbank</td><td>4,699</td><td>23/16</td></tr><tr><td>1</td><td>1964</td><td>2 of 5</td></tr></table>${story}`,
    );
    for (const cell of ['4,699', '23/16', '1964', '2 of 5']) expect(table.split('\n')).toContain(cell);
    expect(text).toContain("Copyright holders in Harlow say the council's new rules are unclear.");
    expect(text).toContain('Source: Harlow Courier');
    // Sentences that start as a widget's label does, a heading of two networks' names, a sentence about newsletters.
    const sentences = [
      'Facebook Messenger',
      'Substack lets writers send a newsletter by email to their subscribers.',
      'Powered by solar panels, the new Harlow school opened its doors on Monday.',
      'Filed under seal, the council papers show the cost rose twice.',
      'Most popular among residents was the plan with four pump stations.',
    ];
    const withSentences = textOf(`${story}${sentences.map((line) => `<p>${line}</p>`).join('')}${story}`);
    for (const line of sentences) expect(withSentences).toContain(line);
  });

  test('a heading that is a link is kept over its section, not in a list of linked headlines', () => {
    // A list article: each item's heading links to what it reviews (as on yahoo-1 and videos-1 of the real pages).
    const [first, second] = ORIGINAL_PARAGRAPHS as [string, string];
    const listArticle = textOf(
      `<h3><a href="https://shop.example/rez">“Rez Infinite” ($30)</a></h3><p>${first}</p><h3><a href="https://shop.example/thumper">“Thumper” ($20)</a></h3><p>${second}</p>`,
    );
    expect(listArticle.split('\n').slice(1, 5)).toEqual(['“Rez Infinite” ($30)', first, '“Thumper” ($20)', second]);
    // Linked headlines after the article, each followed by another or by a short teaser, stay out.
    const related = textOf(
      `${story}<h3><a href="/r/1">Local bakery wins national award</a></h3><h3><a href="/r/2">The history of the paperclip</a></h3><p>Plus: why it bends.</p>`,
    );
    expect(related).not.toMatch(/bakery|paperclip/);
  });
});

describe('a page saved as plain text leaves the same chrome out', () => {
  const widgets = [
    'Trending: Chef opens third restaurant downtown • Ten gadgets under $20 that sold out in 2024 • Governor signs budget',
    'Jessica M. - March 7, 2025 - 246 views',
    'Never miss a story: sign up for our free daily email, in your inbox by 7 a.m.',
    'Share: Facebook X WhatsApp Email',
    'Read more: Markets close higher as investors weigh earnings',
    'Omar Haddad/Reuters',
    'Views: 1,234',
    'Comments (12)',
    '— Rita Okafor (@ritaokafor) March 3, 2025',
    'The ten best bakeries of Pell County and what to order at each (26 Photos)',
    'Watch the floodwall debate get heated at city hall (Video)',
    'Die Stadt Harlow baut eine neue Brücke über den Fluss: Sie soll im Frühjahr eröffnet werden und kostet zwölf Millionen. Mehr…',
    'How the Harlow Floodwall Will Work How the Harlow Floodwall Will Work How the Harlow Floodwall Will Work',
  ];

  test.each(widgets)('%s', (widget) => {
    // Between paragraphs, where the run of prose takes the lines of a short gap in (headings, captions).
    const lines = [
      ORIGINAL.title,
      ...ORIGINAL_PARAGRAPHS.slice(0, 2),
      widget,
      ...ORIGINAL_PARAGRAPHS.slice(2, 4),
      widget,
    ];
    const { text } = extractPlainText([...lines, ...INDEPENDENT_PARAGRAPHS.slice(0, 1)].join('\n'));
    expect(text).not.toContain(widget);
    for (const paragraph of ORIGINAL_PARAGRAPHS.slice(0, 4)) expect(text).toContain(paragraph);
  });

  test('a headline may end with a question or an exclamation mark; a short sentence above the article is no headline', () => {
    const titleOf = (head: string): string =>
      extractPlainText([head, ...ORIGINAL_PARAGRAPHS.slice(0, 4)].join('\n')).title;
    expect(titleOf('$48 Million Floodwall ... APPROVED!!!!')).toBe('$48 Million Floodwall ... APPROVED!!!!');
    expect(titleOf('Can Harlow Afford Its New Floodwall?')).toBe('Can Harlow Afford Its New Floodwall?');
    expect(titleOf('Can you believe it took them ten years?')).toBe('');
  });

  test('a page in Chinese: its article, not its navigation; its headline, not its dateline', () => {
    // Our own words. Chinese is written without spaces: a line of 60 characters is a paragraph, not one word.
    const article = [
      '哈洛市议会周二晚上以七票对两票通过了一项计划，将沿着凯斯特林河修建一道价值四千八百万美元的防洪墙。',
      '这道防洪墙长约三公里，高出河岸约三米，并将配备四座抽水站，用来排出墙后积聚的雨水。',
      '市长布兰尼根说，这次投票兑现了她竞选时的承诺。反对者则认为，这项计划进展太快，花费也太高。',
      '城市预计将用今年三月获得的联邦拨款支付大部分费用，工程计划于明年春天开工，预计持续三年。',
    ];
    const page = [
      '首页',
      '新闻',
      '体育',
      '财经',
      '首页 > 新闻 > 本地 > 正文',
      '哈洛市议会批准修建防洪墙',
      '2026-05-12 09:58 来源：哈洛信使报',
      ...article,
      '相关阅读',
      '城市公园周末举办音乐节',
      '本地面包店获得全国大奖',
      '版权所有 © 2026 哈洛信使报',
    ].join('\n');
    const { text, title, publishedTime } = extractPlainText(page);
    expect(text.split('\n')).toEqual(article);
    expect(title).toBe('哈洛市议会批准修建防洪墙');
    expect(publishedTime).toBe('2026-05-12');
  });

  test('widget lines between two paragraphs, however many, do not cut the article in two', () => {
    const player = [
      'Omar Haddad/Reuters',
      'Play Video',
      'Current Time 0:00',
      'Duration Time 2:14',
      'Loaded: 0%',
      'Fullscreen',
    ];
    const { text } = extractPlainText(
      [ORIGINAL.title, ...ORIGINAL_PARAGRAPHS.slice(0, 2), ...player, ...ORIGINAL_PARAGRAPHS.slice(2, 4)].join('\n'),
    );
    expect(text.split('\n')).toEqual(ORIGINAL_PARAGRAPHS.slice(0, 4));
  });

  test('an article cut in two by a box of related headlines is kept whole; teasers and comments beyond are not', () => {
    const box = [
      'Related Coverage',
      'Harlow bakery wins a national award for its sourdough',
      'Jessica Moore',
      'March 3, 2025',
      'Ten quiet towns to visit before the summer crowds arrive',
      'Daniel Kim',
      'March 2, 2025',
    ];
    const teaser = INDEPENDENT_PARAGRAPHS[0] as string;
    const comments = ['Comments', 'Hollis G. · March 4, 2025 at 9:12 am', ...INDEPENDENT_PARAGRAPHS.slice(1, 5)];
    const { text, title } = extractPlainText(
      [
        ORIGINAL.title,
        ...ORIGINAL_PARAGRAPHS.slice(0, 3),
        ...box,
        ...ORIGINAL_PARAGRAPHS.slice(3, 7),
        ...box,
        teaser,
        ...comments,
      ].join('\n'),
    );
    expect(text.split('\n')).toEqual(ORIGINAL_PARAGRAPHS.slice(0, 7));
    // The title is the head above the article's first part, not a headline of the box above its longest.
    expect(title).toBe(ORIGINAL.title);
  });

  test("an article's first part above a box is kept when it is shorter than a part beyond one must be", () => {
    // 222 words under the headline, a box, then a longer part (513 words): the first part joins at 200 words, where
    // a part beyond the box needs 250 (teasers come after an article more often than before it).
    const box = ['Related Coverage', 'Harlow bakery wins a national award for its sourdough', 'Jessica Moore'];
    const first = ORIGINAL_PARAGRAPHS.slice(0, 5);
    const rest = [...ORIGINAL_PARAGRAPHS.slice(5), ...INDEPENDENT_PARAGRAPHS, ...ORIGINAL_PARAGRAPHS.slice(0, 5)];
    const { text, title } = extractPlainText([ORIGINAL.title, ...first, ...box, ...rest].join('\n'));
    expect(text.split('\n')).toEqual([...first, ...rest]);
    expect(title).toBe(ORIGINAL.title);
  });

  test("an article's parts between its charts are kept, however short; a box of headlines still needs a long part", () => {
    // A chart saved as text: its title, then its figures and axis labels a line each.
    const chart = [
      'Money set aside for the floodwall each year',
      '$12',
      'million',
      '$9',
      '6',
      '3',
      '0',
      '’26',
      '’27',
      '’28',
      '’29',
      'Source: Harlow City Council',
    ];
    // Two short parts (about 90 words each), then the rest, long (a part beyond a box of headlines needs 250 words).
    const parts = [
      ORIGINAL_PARAGRAPHS.slice(0, 2),
      ORIGINAL_PARAGRAPHS.slice(2, 4),
      [...ORIGINAL_PARAGRAPHS.slice(4), ...INDEPENDENT_PARAGRAPHS],
    ];
    const { text } = extractPlainText(
      [ORIGINAL.title, ...parts[0]!, ...chart, ...parts[1]!, ...chart, ...parts[2]!].join('\n'),
    );
    expect(text.split('\n')).toEqual(parts.flat());
    // The same first part above a box of other stories' headlines is not the article's: it is under 200 words.
    const box = ['More from Harlow Daily', 'Harlow bakery wins a national award for its sourdough', 'Jessica Moore'];
    const cut = extractPlainText([ORIGINAL.title, ...parts[0]!, ...box, ...parts[2]!].join('\n'));
    expect(cut.text.split('\n')).toEqual(parts[2]);
  });

  test.each([
    [
      "a gallery's captions after the article, each under its counter and title",
      [
        '1/3 Harlow bakery wins the national sourdough prize',
        "The judges said the loaf from the Dock Street bakery was the best they had tasted in the competition's twenty years, and its owner says she will use the prize money to hire two more bakers.",
        '2/3 Ten quiet towns to visit before the summer crowds arrive',
        'From river villages to hill towns, these are the places our readers recommend for a weekend away, with where to eat, where to sleep and what to see on a Sunday morning.',
        "3/3 Markets close higher as investors weigh the season's earnings",
        'Shares rose for the third day running as banks reported better results than analysts had expected, and the price of oil fell for the first time this month.',
      ],
    ],
    [
      // The last headline ends as a sentence would ("[UPDATE]"), which once let the run of prose reach it.
      'a list of other stories under its heading',
      [
        'Share This Story',
        'More from Harlow Daily',
        'Bakery wins a national award for its sourdough loaves',
        'Ten quiet towns to visit before the crowds arrive',
        'Council ends its meeting early after a fire alarm [UPDATE]',
      ],
    ],
  ])('%s: not taken into the article', (_, after) => {
    const { text } = extractPlainText([ORIGINAL.title, ...ORIGINAL_PARAGRAPHS.slice(0, 4), ...after].join('\n'));
    expect(text.split('\n')).toEqual(ORIGINAL_PARAGRAPHS.slice(0, 4));
  });

  test('a comment thread longer than the article is not taken for it', () => {
    const thread = ['There are 3 comments'];
    for (const [i, paragraph] of INDEPENDENT_PARAGRAPHS.slice(0, 5).entries()) {
      thread.push(`Reader ${i + 1} · March ${i + 4}, 2026 at 9:1${i} am`, paragraph, `${paragraph} I agree.`, 'Reply');
    }
    const { text } = extractPlainText([ORIGINAL.title, ...ORIGINAL_PARAGRAPHS.slice(0, 4), ...thread].join('\n'));
    expect(text.split('\n')).toEqual(ORIGINAL_PARAGRAPHS.slice(0, 4));
  });

  test("a share row's buttons run together are neither the title nor the text; a headline's own label is a title", () => {
    const page = extractPlainText(
      [
        ORIGINAL.title,
        'February 27, 2025',
        'Share on FacebookShare on Twitter',
        ...ORIGINAL_PARAGRAPHS.slice(0, 4),
      ].join('\n'),
    );
    expect(page.title).toBe(ORIGINAL.title);
    expect(page.text.split('\n')).toEqual(ORIGINAL_PARAGRAPHS.slice(0, 4));
    // A byline followed by its dateline is not the title either.
    const dated = extractPlainText(
      [ORIGINAL.title, 'By JESSICA MOORE MAY 12, 2026', ...ORIGINAL_PARAGRAPHS.slice(0, 4)].join('\n'),
    );
    expect(dated.title).toBe(ORIGINAL.title);
    expect(dated.text.split('\n')).toEqual(ORIGINAL_PARAGRAPHS.slice(0, 4));
    const breaking = `Breaking News: ${ORIGINAL.title}`;
    expect(extractPlainText([breaking, ...ORIGINAL_PARAGRAPHS.slice(0, 4)].join('\n')).title).toBe(breaking);
  });

  test('a section headed "Discussion" is the article\'s, not a comment section', () => {
    const { text } = extractPlainText(
      [ORIGINAL.title, ...ORIGINAL_PARAGRAPHS.slice(0, 2), 'Discussion', ...ORIGINAL_PARAGRAPHS.slice(2, 4)].join('\n'),
    );
    // (A heading of one word is left out of a plain text, as before.)
    expect(text.split('\n')).toEqual(ORIGINAL_PARAGRAPHS.slice(0, 4));
  });

  test('a cookie notice is left out, however long', () => {
    const notice =
      'We use cookies and similar technologies to improve your browsing experience, personalize content and offers, show targeted ads, analyze traffic, and better understand you. We may share your information with third-party partners for marketing purposes. To learn more and make choices about data use, visit our Advertising Policy and Privacy Policy.';
    const { text } = extractPlainText([notice, ORIGINAL.title, ...ORIGINAL_PARAGRAPHS.slice(0, 4)].join('\n'));
    expect(text.split('\n')).toEqual(ORIGINAL_PARAGRAPHS.slice(0, 4));
  });

  test("an embedded post's text goes with its signature line", () => {
    const post = [
      'Just landed in Denver for the summit, more updates tonight',
      '— Rita Okafor (@ritaokafor) March 3, 2025',
    ];
    const { text } = extractPlainText(
      [ORIGINAL.title, ...ORIGINAL_PARAGRAPHS.slice(0, 2), ...post, ...ORIGINAL_PARAGRAPHS.slice(2, 4)].join('\n'),
    );
    expect(text.split('\n')).toEqual(ORIGINAL_PARAGRAPHS.slice(0, 4));
    // A post of a picture alone has no text: the paragraph above its signature is the article's, and stays.
    const short = 'The council met on Monday.';
    const alone = extractPlainText(
      [ORIGINAL.title, ...ORIGINAL_PARAGRAPHS.slice(0, 2), short, post[1], ...ORIGINAL_PARAGRAPHS.slice(2, 4)].join(
        '\n',
      ),
    ).text;
    expect(alone).toContain(short);
    expect(alone).not.toContain('Okafor');
  });

  test('a date that opens a timeline entry and a prompt run into the lead are kept', () => {
    const lead = `Follow Us on Twitter ${ORIGINAL_PARAGRAPHS[0] as string}`;
    const { text } = extractPlainText(
      [lead, ORIGINAL_PARAGRAPHS[1], 'May 2, 2016:', ...ORIGINAL_PARAGRAPHS.slice(2, 4)].join('\n'),
    );
    expect(text).toContain('May 2, 2016:');
    expect(text).toContain(lead);
  });
});
