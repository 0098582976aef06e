/**
 * Context lists: the content-farm, fake-news and AI-site lists shipped in public/lists/ (domain names only, with
 * their licences beside them). A listing is said beside a verdict, naming the list; it never changes the verdict:
 * lists go stale, and a listed site can still publish its own reporting. Pure code (no browser API): the
 * background fetches the files and hands their text here.
 */
export interface DomainList {
  file: string;
  name: string;
  kind: string;
  domains: ReadonlySet<string>;
}

export interface Listing {
  /** The list's name, as its header gives it ("AI Content Blocklist"). */
  list: string;
  /** What the list says the site is ("content farm"). */
  kind: string;
  /** The listed domain the page's host falls under. */
  domain: string;
}

/** A list file: "# key: value" header lines, then one domain a line. */
export function parseDomainList(file: string, text: string): DomainList {
  const header = new Map<string, string>();
  const domains = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const meta = /^#\s*(\w+):\s*(.*)$/.exec(line);
    if (meta) header.set(meta[1] as string, meta[2] as string);
    else if (!line.startsWith('#')) domains.add(line.toLowerCase());
  }
  return { file, name: header.get('name') ?? file, kind: header.get('kind') ?? 'listed site', domains };
}

/** The lists naming the page's host or a domain it is under ("news.example.com" is under "example.com"). */
export function listingsFor(url: string, lists: readonly DomainList[]): Listing[] {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return [];
  }
  const labels = host.split('.');
  const found: Listing[] = [];
  for (const list of lists) {
    // Every suffix of two labels or more: the host itself, then each parent domain.
    for (let i = 0; i + 2 <= labels.length; i++) {
      const domain = labels.slice(i).join('.');
      if (list.domains.has(domain)) {
        found.push({ list: list.name, kind: list.kind, domain });
        break;
      }
    }
  }
  return found;
}
