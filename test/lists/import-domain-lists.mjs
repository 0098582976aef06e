// `npm run lists:import`: writes the context lists the extension ships (public/lists/) from the permissively licensed
// lists in ../shared/data/domain-lists/: domain names only, one a line, sorted, each file headed by its name, kind,
// source and licence; the licence texts are committed beside them (public/lists/LICENSES/). A test checks that the
// committed files are exactly what this writes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = resolve(process.env.FIRSTHAND_SHARED ?? join(root, '..', 'shared'), 'data', 'domain-lists');
const out = join(root, 'public', 'lists');

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/;

/** Domain names from plain lines ("example.com  #tag" or "*://example.com/*"); rules (regular expressions), comments
 * and anything else are left out. */
function domainsOf(text) {
  const domains = new Set();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('/') || line.startsWith('---')) continue;
    const name = line
      .replace(/\s+#.*$/, '')
      .replace(/^\*:\/\//, '')
      .replace(/\/\*?$/, '')
      .replace(/^www\./, '')
      .toLowerCase();
    if (DOMAIN.test(name)) domains.add(name);
  }
  return domains;
}

const read = (...parts) => readFileSync(join(shared, ...parts), 'utf8');

export const LISTS = [
  {
    file: 'unreliable-news.txt',
    name: 'Machine-Made Media: unreliable news sites',
    kind: 'unreliable news site',
    source: 'Hanley & Durumeric, ICWSM 2024 (hanley_machine_made_media/unreliable_domains.txt)',
    licence: 'Apache-2.0 (LICENSES/machine-made-media-Apache-2.0.txt)',
    domains: () => domainsOf(read('hanley_machine_made_media', 'unreliable_domains.txt')),
  },
  {
    file: 'content-farms.txt',
    name: 'Content Farm Terminator: content farms and cloners',
    kind: 'content farm',
    source:
      'danny0838.github.io/content-farm-terminator (content-farms, extra-content-farms, nearly-content-farms, bad-cloners; domain names only, its pattern rules left out)',
    licence: 'MIT (LICENSES/content-farm-terminator-MIT.txt)',
    domains: () =>
      new Set(
        ['content-farms.txt', 'extra-content-farms.txt', 'nearly-content-farms.txt', 'bad-cloners.txt'].flatMap((f) => [
          ...domainsOf(read('content_farm_terminator', f)),
        ]),
      ),
  },
  {
    file: 'fake-news.txt',
    name: 'Content Farm Terminator: fake news',
    kind: 'fake news site',
    source: 'danny0838.github.io/content-farm-terminator (fake-news; domain names only)',
    licence: 'MIT (LICENSES/content-farm-terminator-MIT.txt)',
    domains: () => domainsOf(read('content_farm_terminator', 'fake-news.txt')),
  },
  {
    file: 'ai-content.txt',
    name: 'AI Content Blocklist',
    kind: 'AI-generated content site',
    source: 'github.com/agsimmons/ai-content-blocklist (uBlacklist.txt)',
    licence: 'CC0-1.0 (LICENSES/ai-content-blocklist-CC0-1.0.txt)',
    domains: () => domainsOf(read('agsimmons_ai_content_blocklist', 'uBlacklist.txt')),
  },
];

/** Major outlets the reliable-domains list lacks (checked against it by hand on 2026-12-02; the README lists them). */
export const TRUSTED_ADDITIONS = [
  'abcnews.go.com',
  'afp.com',
  'aktualne.cz',
  'asahi.com',
  'bbc.co.uk',
  'corriere.it',
  'dw.com',
  'elmundo.es',
  'elpais.com',
  'faz.net',
  'folha.uol.com.br',
  'heraldsun.com.au',
  'hindustantimes.com',
  'japantimes.co.jp',
  'kyodonews.net',
  'lavanguardia.com',
  'lefigaro.fr',
  'lemonde.fr',
  'liberation.fr',
  'news.com.au',
  'news.sky.com',
  'nhk.or.jp',
  'nypost.com',
  'nytimes.com',
  'nzz.ch',
  'repubblica.it',
  'spiegel.de',
  'sueddeutsche.de',
  'tagesschau.de',
  'timesofindia.indiatimes.com',
  'wsj.com',
  'zeit.de',
];

/** The trusted publishers the extension learns originals from, by default. */
export const TRUSTED = {
  file: 'trusted-publishers.txt',
  name: 'Trusted publishers (Machine-Made Media reliable news sites, with additions)',
  kind: 'trusted publisher',
  source: `Hanley & Durumeric, ICWSM 2024 (hanley_machine_made_media/reliable_domains.txt), plus ${TRUSTED_ADDITIONS.length} major outlets it lacks (listed in test/lists/import-domain-lists.mjs)`,
  licence: 'Apache-2.0 (LICENSES/machine-made-media-Apache-2.0.txt)',
  domains: () =>
    new Set([...domainsOf(read('hanley_machine_made_media', 'reliable_domains.txt')), ...TRUSTED_ADDITIONS]),
};

const MIT = `MIT License

Copyright (c) danny0838 and the Content Farm Terminator contributors
https://danny0838.github.io/content-farm-terminator/ (each list's header names it: "Licence: MIT License")

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`;

/** What the importer writes, by path under public/lists/. */
export function importedFiles() {
  const files = {};
  for (const list of [...LISTS, TRUSTED]) {
    const domains = [...list.domains()].sort();
    files[list.file] =
      [
        `# name: ${list.name}`,
        `# kind: ${list.kind}`,
        `# source: ${list.source}`,
        `# licence: ${list.licence}`,
        `# domains: ${domains.length}`,
        ...domains,
      ].join('\n') + '\n';
  }
  files['LICENSES/machine-made-media-Apache-2.0.txt'] = read('hanley_machine_made_media', 'LICENSE');
  files['LICENSES/ai-content-blocklist-CC0-1.0.txt'] = read('agsimmons_ai_content_blocklist', 'LICENSE');
  files['LICENSES/content-farm-terminator-MIT.txt'] = MIT;
  files['index.json'] =
    JSON.stringify(
      LISTS.map(({ file, name, kind }) => ({ file, name, kind })),
      null,
      1,
    ) + '\n';
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, text] of Object.entries(importedFiles())) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  console.log(`wrote ${Object.keys(importedFiles()).length} files to ${out}`);
}
