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

export function repostPage(options: RepostPageOptions): string {
  const site = SITES[options.style % SITES.length] as (typeof SITES)[number];
  const body: string[] = [];
  options.paragraphs.forEach((paragraph, i) => {
    body.push(`<p>${escape(paragraph)}</p>`);
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
