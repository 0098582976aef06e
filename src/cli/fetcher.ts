import robotsParser from 'robots-parser';
import { readCapped } from '../extract/read-capped';
import { CliError } from './cli-error';

/**
 * Fetching like a good citizen, for everything the CLI downloads (pages, feeds, sitemaps): at most `concurrency`
 * requests at once and `perHost` to one host; a timeout on each; retries with backoff on 429 and 5xx that honour
 * `Retry-After`; a User-Agent naming Firsthand; robots.txt respected (fetched once per origin, read by robots-parser;
 * per RFC 9309, a missing robots.txt allows everything and one that cannot be fetched for a server error allows
 * nothing); a size cap; redirects followed within a limit, each hop checked against robots.txt too.
 */
export interface FetcherOptions {
  concurrency?: number;
  perHost?: number;
  timeoutMs?: number;
  /** Retries after the first try, on 429, 5xx and network errors. */
  retries?: number;
  /** Backoff before retry n (1-based) when the server gives no Retry-After: base * 2^(n-1). */
  backoffBaseMs?: number;
  /** Longest wait a Retry-After may ask for; a longer one gives up on the URL. */
  maxRetryAfterMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  robots?: boolean;
}

export const USER_AGENT = 'Firsthand/0.1 (+https://github.com/firsthand/firsthand; provenance checks of news articles)';
/** The token robots.txt groups are matched against. */
const ROBOTS_AGENT = 'Firsthand';

export interface Fetched {
  /** The address the body came from, after redirects. */
  url: string;
  contentType: string;
  body: Buffer;
  headers: Headers;
}

const DEFAULTS: Required<FetcherOptions> = {
  concurrency: 4,
  perHost: 2,
  timeoutMs: 20_000,
  retries: 3,
  backoffBaseMs: 1000,
  maxRetryAfterMs: 60_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: USER_AGENT,
  robots: true,
};

const RETRIED = new Set([429, 500, 502, 503, 504]);

/** A counting semaphore. */
class Slots {
  private waiting: Array<() => void> = [];
  private used = 0;
  constructor(private readonly size: number) {}

  async take(): Promise<void> {
    if (this.used < this.size) {
      this.used++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.used--;
  }
}

type Robots = { isAllowed(url: string, ua?: string): boolean | undefined } | 'all' | { refused: string };

export class Fetcher {
  private readonly options: Required<FetcherOptions>;
  private readonly all: Slots;
  private readonly hosts = new Map<string, Slots>();
  private readonly robots = new Map<string, Promise<Robots>>();

  constructor(options: FetcherOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.all = new Slots(this.options.concurrency);
  }

  /**
   * GETs `address`, following redirects; `accept` says which content types are wanted (a response of another type
   * is refused with its type named). Throws CliError with one line saying why, whatever goes wrong.
   */
  async get(address: string, accept: RegExp, what = 'page'): Promise<Fetched> {
    let url = parseWebAddress(address);
    for (let hop = 0; ; hop++) {
      await this.checkRobots(url);
      const response = await this.request(url);
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel();
        if (hop >= this.options.maxRedirects) {
          throw new CliError(`${address}: more than ${this.options.maxRedirects} redirects`);
        }
        url = parseWebAddress(new URL(response.headers.get('location') as string, url).href);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new CliError(`cannot fetch ${address}: HTTP ${response.status}`);
      }
      const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
      if (contentType && !accept.test(contentType)) {
        await response.body?.cancel();
        throw new CliError(`${address}: not a ${what} (${contentType.split(';')[0]})`);
      }
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > this.options.maxBytes) {
        await response.body?.cancel();
        throw new CliError(`${address}: ${mb(declared)}, over the ${mb(this.options.maxBytes)} limit`);
      }
      const body = await this.readCapped(response, address);
      return { url: url.href, contentType, body, headers: response.headers };
    }
  }

  /** One request with its retries, holding a global and a per-host slot while it runs. */
  private async request(url: URL): Promise<Response> {
    const host = this.hostSlots(url.host);
    for (let attempt = 0; ; attempt++) {
      await this.all.take();
      await host.take();
      let response: Response | undefined;
      let failure: string | undefined;
      try {
        response = await fetch(url, {
          redirect: 'manual',
          headers: {
            'user-agent': this.options.userAgent,
            accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
          },
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch (error) {
        failure = describeFetchError(error, this.options.timeoutMs);
      } finally {
        host.give();
        this.all.give();
      }
      const retriable = failure !== undefined || RETRIED.has(response?.status ?? 0);
      if (!retriable) return response as Response;
      if (attempt >= this.options.retries) {
        if (response) return response;
        throw new CliError(`cannot fetch ${url.href}: ${failure}`);
      }
      const wait = response ? retryAfterMs(response.headers.get('retry-after')) : null;
      await response?.body?.cancel();
      if (wait !== null && wait > this.options.maxRetryAfterMs) {
        throw new CliError(
          `cannot fetch ${url.href}: HTTP ${response?.status}, and Retry-After asks for ${Math.round(wait / 1000)} s`,
        );
      }
      await sleep(wait ?? this.options.backoffBaseMs * 2 ** attempt);
    }
  }

  private hostSlots(host: string): Slots {
    let slots = this.hosts.get(host);
    if (!slots) {
      slots = new Slots(this.options.perHost);
      this.hosts.set(host, slots);
    }
    return slots;
  }

  private async checkRobots(url: URL): Promise<void> {
    if (!this.options.robots || url.pathname === '/robots.txt') return;
    let rules = this.robots.get(url.origin);
    if (!rules) {
      rules = this.readRobots(url.origin);
      this.robots.set(url.origin, rules);
    }
    const found = await rules;
    if (found === 'all') return;
    if ('refused' in found) throw new CliError(`${url.href}: ${found.refused}`);
    if (found.isAllowed(url.href, ROBOTS_AGENT) === false) throw new CliError(`${url.href}: disallowed by robots.txt`);
  }

  private async readRobots(origin: string): Promise<Robots> {
    const address = `${origin}/robots.txt`;
    let response: Response;
    try {
      response = await this.request(new URL(address));
    } catch {
      return 'all'; // unreachable (no server answer): RFC 9309 treats it like a missing file
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      return { refused: `robots.txt could not be read (HTTP ${response.status}): nothing is fetched from this site` };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return 'all';
    }
    const text = (await this.readCapped(response, address, 512 * 1024)).toString('utf8');
    return robotsParser(address, text);
  }

  private async readCapped(response: Response, address: string, cap = this.options.maxBytes): Promise<Buffer> {
    const bytes = await readCapped(response, cap, () => new CliError(`${address}: larger than the ${mb(cap)} limit`));
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }
}

function parseWebAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new CliError(`${address}: not an address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`${address}: not an http(s) address`);
  return url;
}

/** Retry-After as milliseconds (seconds, or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
