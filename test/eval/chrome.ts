import { parseDocument } from '../../src/cli/dom';
import { BLOCK_ELEMENTS } from '../../src/extract/article';

/**
 * Site chrome written for this project, to wrap real article paragraphs the way content farms re-host them:
 * navigation, tag lists, ads between paragraphs, "related posts", comment boxes and a "Source link" footer.
 * Only the paragraphs come from ../shared/data (read at run time); every other word here is ours.
 */
export interface RepostPageOptions {
  host: string;
  title: string;
  paragraphs: readonly string[];
  /** Which of the chrome styles below (0..2). */
  style: number;
  /** Which of TEMPLATES dresses the article (default: the style's site alone, no widgets). */
  template?: Template;
  /** Insert an ad block after every this many paragraphs (0: none). */
  adsEvery: number;
  /** Append a related-posts list and comments. */
  related: boolean;
}

const SITES = [
  { name: 'Daily Trend Wire', nav: ['Home', 'World', 'Politics', 'Tech', 'Entertainment', 'Contact'] },
  { name: 'NewsHub 24/7', nav: ['Latest', 'US', 'Business', 'Health', 'Lifestyle', 'About Us'] },
  { name: 'The Viral Ledger', nav: ['Top Stories', 'Trending', 'Science', 'Sports', 'Opinion', 'Subscribe'] },
];

const RELATED = [
  'Ten gadgets that will change how you cook this winter',
  'Local bakery wins national award for sourdough',
  'Why experts say you should check your tyre pressure monthly',
  'Markets close higher as investors weigh earnings season',
  'The surprising history of the paperclip',
  'Five quiet towns to visit before the crowds find them',
];

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Page templates of real content farms, each with the widgets such farms put inside the article's own container,
 * where Readability keeps them: a trending ticker, an author box with a view count, a newsletter prompt, a share row,
 * tag lists, "Read more" runs, image credits. Written for this project from the kinds seen on such pages (the words
 * are ours). "plain" has none of them; "blog-meta" has a blog theme's meta lines (breadcrumbs, posted-on, reading time,
 * categories, view count, author's note, copyright).
 */
export const TEMPLATES = [
  'plain',
  'ticker-author',
  'newsletter-share',
  'amp-credits',
  'read-more-tags',
  'blog-meta',
] as const;
export type Template = (typeof TEMPLATES)[number];

const TICKER = [
  'Celebrity chef opens third restaurant downtown',
  'Ten gadgets under $20 that sold out in 2024',
  'Governor signs budget after 14-hour session',
  'Periodic table could gain new elements, scientists say',
];
const AUTHORS = ['Jessica M.', 'Daniel K.', 'Staff Writer', 'Priya R.'];
/** Stock photos' captions, sentences of the farm's own. */
const CAPTIONS = [
  'A general view of the city centre at dusk.',
  'People walk past a row of shops on a busy afternoon.',
  'A stock image of a newspaper on a wooden table.',
];
/** Embedded social posts: their text, and who posted them as the embed code's signature line prints it. */
const POSTS = [
  'This is huge. Thread below on what it means for families this winter',
  'Just landed in Denver for the summit, more updates tonight',
  'We asked 40 readers what they think. The answers surprised us',
];
const POSTERS = ['Rita Okafor (@ritaokafor)', 'Newsroom Live (@newsroomlive)', 'Tom Bayliss (@tbayliss_2)'];
/** Photographers of the image credits, printed as captions print them (a name and agencies, joined by slashes). */
const PHOTOGRAPHERS = ['Marta Lindqvist/AFP via Getty Images', 'Omar Haddad/Reuters', 'Lena Brandt/Getty Images'];

function widgets(template: Template, n: number): { top: string[]; between: string[]; bottom: string[] } {
  const author = AUTHORS[n % AUTHORS.length] as string;
  const views = 100 + ((n * 37) % 900);
  const day = 1 + (n % 27);
  // Every other round of the templates (a case's template is its number modulo their count, so its parity would fix
  // one form per template).
  const asText = Math.floor(n / TEMPLATES.length) % 2 === 1;
  switch (template) {
    case 'plain':
      return { top: [], between: [], bottom: [] };
    // Half the pages write some widgets as text rather than links, as many themes do: a ticker of spans, share
    // buttons, a "sign up" sentence, an "Also read" teaser, tags.
    case 'ticker-author':
      return {
        top: asText
          ? [
              `<div class="ticker">Trending: ${TICKER.map((t) => `<span>${t}</span>`).join(' • ')}</div>`,
              `<div class="author-box"><span>${author}</span> · ${(views / 100).toFixed(1)}K views</div>`,
            ]
          : [
              `<div class="ticker">Trending: ${TICKER.map((t) => `<a href="/t/${slug(t)}">${t}</a>`).join(' • ')}</div>`,
              `<div class="author-box"><a href="/author/${slug(author)}">${author}</a> - March ${day}, 2025 - ${views} views</div>`,
            ],
        // A stock photo, its caption a sentence of the farm's own with the picture library's credit.
        between: [
          `<figure><img src="/img/${n}.jpg" alt=""><figcaption>${CAPTIONS[n % CAPTIONS.length]} (Photo: Shutterstock)</figcaption></figure>`,
        ],
        bottom: [
          `<div class="author-bio"><strong>${author}</strong> Senior editor. Follow on X @newsdesk${n % 10}</div>`,
        ],
      };
    case 'newsletter-share':
      return {
        top: [
          asText
            ? `<div class="share-buttons"><button>Facebook</button> <button>Twitter</button> <button>WhatsApp</button> <button>Email</button></div>`
            : `<div class="share-row">Share: <a href="/s/fb">Facebook</a> <a href="/s/x">X</a> <a href="/s/wa">WhatsApp</a> <a href="/s/mail">Email</a></div>`,
        ],
        between: [
          asText
            ? `<p class="newsletter">Never miss a story: sign up for our free daily email, in your inbox by 7 a.m.</p>`
            : `<div class="newsletter">Get the latest news delivered to your inbox. <a href="/signup">Sign up</a></div>`,
        ],
        bottom: [
          `<div class="share-row">Share this article: <a href="/s/fb">Facebook</a> <a href="/s/x">X</a> <a href="/s/li">LinkedIn</a></div>`,
          `<p class="newsletter">Subscribe to our daily briefing</p>`,
          // A blog plugin's share label and buttons, whose text names each network.
          `<div class="share-label">Spread the love</div>`,
          asText
            ? `<div class="sharedaddy"><div>Click to share on X (Opens in new window)</div><div>Click to share on Facebook (Opens in new window)</div></div>`
            : `<div class="sharedaddy"><a href="/s/x">Click to share on X (Opens in new window)</a> <a href="/s/fb">Click to share on Facebook (Opens in new window)</a></div>`,
        ],
      };
    case 'amp-credits':
      return {
        top: [
          `<figure><amp-img src="/img/${n}.jpg" width="800" height="450"></amp-img><figcaption>Photo: Getty Images / File</figcaption></figure>`,
          `<div class="byline">By ${author} | Updated ${day} March 2025, 09:${String(n % 60).padStart(2, '0')} GMT</div>`,
        ],
        // A photo with its credit as a caption line of its own, and a video player whose controls' text Readability
        // keeps (as on the real pages of readability-pages: breitbart, engadget, ehow-2, bug-1255978).
        between: [
          `<figure><figcaption>Image credit: Reuters</figcaption></figure>`,
          `<figure><amp-img src="/img/${n}b.jpg" width="800" height="450"></amp-img><figcaption><span class="credit">${PHOTOGRAPHERS[n % PHOTOGRAPHERS.length]}</span></figcaption></figure>`,
          asText
            ? `<div class="video-playlist"><div class="label">Now Playing</div><div class="time">0:00 / ${1 + (n % 4)}:${String(10 + (n % 50)).padStart(2, '0')}</div><div class="label">Up Next</div></div>`
            : `<div class="video-player"><button>Play Video</button><div class="time">Current Time 0:00</div><div class="time">Duration Time ${1 + (n % 4)}:${String(10 + (n % 50)).padStart(2, '0')}</div><div class="load">Loaded: 0%</div><button>Fullscreen</button></div>`,
        ],
        bottom: [
          `<div class="amp-share"><a href="/s/fb">Share</a> <a href="/s/x">Tweet</a> <a href="/s/copy">Copy link</a></div>`,
          // A gallery's counter, and the credit lines a wire story or a newspaper ends with.
          `<div class="gallery"><div>Enlarge this image</div><div>Image ${1 + (n % 5)} of ${6 + (n % 7)}</div></div>`,
          asText
            ? `<p class="contributors">Contributing: ${AUTHORS[(n + 1) % AUTHORS.length]}, ${PHOTOGRAPHERS[n % PHOTOGRAPHERS.length]?.split('/')[0]}</p>`
            : `<p class="wire-credit">(Reporting by ${PHOTOGRAPHERS[(n + 1) % PHOTOGRAPHERS.length]?.split('/')[0]} in Chicago; Editing by ${PHOTOGRAPHERS[(n + 2) % PHOTOGRAPHERS.length]?.split('/')[0]})</p>`,
        ],
      };
    case 'read-more-tags':
      return {
        top: [],
        between: [
          asText
            ? `<p class="also-read"><strong>Also read:</strong> <span>${TICKER[n % TICKER.length]}</span></p>`
            : `<p class="read-more"><strong>Read more:</strong> <a href="/p/${n}">${TICKER[n % TICKER.length]}</a></p>`,
          // A post embedded as the social network's embed code gives it: the blockquote that its script turns into
          // a frame in a browser, and that stays as text where no script runs (a page fetched or saved).
          `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">${POSTS[n % POSTS.length]}</p>&mdash; ${POSTERS[n % POSTERS.length]} <a href="https://twitter.example/status/${n}">March ${day}, 2025</a></blockquote>`,
        ],
        bottom: [
          asText
            ? `<div class="tags">Tagged: News, Politics, World, Trending</div>`
            : `<div class="tags">Tags: <a href="/tag/news">News</a>, <a href="/tag/politics">Politics</a>, <a href="/tag/world">World</a>, <a href="/tag/trending">Trending</a></div>`,
          `<div class="related-inline"><h4>You may also like</h4><ul>${RELATED.slice(0, 3)
            .map((t, i) => `<li><a href="/r/${i}">${t}</a></li>`)
            .join('')}</ul></div>`,
        ],
      };
    case 'blog-meta':
      // A blog theme's meta lines, inside the post's container: breadcrumbs, a posted-on line, a reading time, an
      // app prompt, categories, a view count, the author's note and a copyright line.
      return {
        top: [
          `<div class="breadcrumbs"><span>Home</span> » <span>News</span> » <span>${['World', 'Politics', 'Business'][n % 3]}</span></div>`,
          `<div class="post-meta">Posted on March ${day}, 2025 by ${author}</div>`,
          `<div class="reading-time">Reading time: ${2 + (n % 6)} minutes</div>`,
        ],
        between: [
          `<p class="app-prompt">Download the ${['Trend', 'Hub', 'Ledger'][n % 3]} News app for breaking alerts</p>`,
        ],
        bottom: [
          `<div class="post-categories">Filed under: News, ${['World', 'Politics', 'Business'][n % 3]}</div>`,
          `<div class="post-views">Views: ${1000 + ((n * 53) % 9000)}</div>`,
          `<div class="author-note">${author} is a staff writer covering breaking news and trends.</div>`,
          `<div class="copyright">© 2025 All rights reserved.</div>`,
          `<div class="comments-bar"><span>Comments (${n % 40})</span></div>`,
          `<div class="comments-loader">Loading comments...</div>`,
          // The post navigation and the comment form's notices, inside the post's container.
          `<div class="post-navigation"><div>Previous: ${RELATED[n % RELATED.length]}</div><div>Next: ${RELATED[(n + 1) % RELATED.length]}</div></div>`,
          `<div class="comment-respond"><div>Leave a Reply <small>Cancel reply</small></div><p>Your email address will not be published. Required fields are marked *</p><p>Save my name, email, and website in this browser for the next time I comment.</p></div>`,
        ],
      };
  }
}

export function repostPage(options: RepostPageOptions): string {
  const site = SITES[options.style % SITES.length] as (typeof SITES)[number];
  const extra = widgets(options.template ?? 'plain', options.style);
  const body: string[] = [...extra.top];
  options.paragraphs.forEach((paragraph, i) => {
    body.push(`<p>${escape(paragraph)}</p>`);
    if (i === 1 && extra.between.length) body.push(...extra.between);
    if (options.adsEvery > 0 && (i + 1) % options.adsEvery === 0) {
      body.push(
        `<div class="ad-slot sponsored"><span>Advertisement</span><a href="https://ads.${options.host}/click?id=${i}">Try our premium plan today — 50% off for new readers</a></div>`,
      );
    }
  });
  const nav = site.nav
    .map((item) => `<li><a href="/${item.toLowerCase().replace(/\W+/g, '-')}">${item}</a></li>`)
    .join('');
  const related = options.related
    ? `<aside class="related-posts"><h3>Related Posts</h3><ul>${RELATED.map(
        (title, i) => `<li><a href="/post-${i}">${title}</a><span class="date">2 hours ago</span></li>`,
      ).join('')}</ul></aside>
      <section class="comments"><h3>Leave a Reply</h3><form><textarea placeholder="Your comment"></textarea><button>Post Comment</button></form></section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(options.title)} - ${site.name}</title>
<meta property="og:site_name" content="${site.name}">
<link rel="canonical" href="https://${options.host}/${slug(options.title)}/">
</head><body>
<header class="site-header"><div class="logo"><a href="/">${site.name}</a></div><nav class="main-nav"><ul>${nav}</ul></nav>
<form class="search"><input type="search" placeholder="Search..."></form></header>
<div class="breadcrumbs"><a href="/">Home</a> » <a href="/news">News</a></div>
<main><article class="post">
<h1 class="entry-title">${escape(options.title)}</h1>
<div class="entry-meta">Posted by admin · 3 min read · <a href="#comments">0 comments</a></div>
<div class="share"><a href="https://facebook.example/share">Share on Facebook</a> <a href="https://twitter.example/share">Tweet</a></div>
<div class="entry-content">
${body.join('\n')}
<p class="source"><a href="https://${options.host}/out">Source link</a></p>
${extra.bottom.join('\n')}
</div>
<div class="tags">Tags: <a href="/tag/news">news</a> <a href="/tag/trending">trending</a> <a href="/tag/world">world</a></div>
</article>
${related}
</main>
<footer class="site-footer"><p>© 2026 ${site.name}. All rights reserved.</p><ul><li><a href="/privacy">Privacy Policy</a></li><li><a href="/terms">Terms</a></li><li><a href="/dmca">DMCA</a></li></ul></footer>
</body></html>`;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'post'
  );
}

/** Elements whose text a page saved as text puts on a line of its own: the extraction's, and forms and navigation. */
const TEXT_BLOCKS = new Set([...BLOCK_ELEMENTS, 'FORM', 'NAV']);

/** All a page says, a block a line, as a reader gets it by saving the page as text or copying it whole: navigation,
 * widgets, related posts and the footer included. */
export function pageAsText(html: string): string {
  const lines: string[] = [''];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      lines[lines.length - 1] += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE' || tag === 'TITLE') return;
    const block = TEXT_BLOCKS.has(tag);
    if (block) lines.push('');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) lines.push('');
  };
  walk(parseDocument(html).body);
  return lines
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
