import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fetchLinkedPage, MAX_LINK_BYTES } from '../../src/extension/link-check';
import { farmPage, windows1252 } from '../fixtures/story';

const LEGACY_PAGE = '<!doctype html><html><body><p>The council’s “final” vote — Café Tejéda</p></body></html>';

/** The link check's download (plain fetch, as the background runs it), against a real local server. */
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/farm') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(farmPage());
    } else if (req.url === '/legacy') {
      // A windows-1252 page whose server says so, with no declaration of its own.
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
      res.end(windows1252(LEGACY_PAGE));
    } else if (req.url === '/moved') {
      res.writeHead(302, { location: '/farm' });
      res.end();
    } else if (req.url === '/file.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF');
    } else if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.alloc(MAX_LINK_BYTES + 1024, 0x61));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('checking a link: the download', () => {
  test('an article page comes back with the address it ended at', async () => {
    const page = await fetchLinkedPage(`${base}/moved`);
    expect(page.url).toBe(`${base}/farm`);
    expect(page.html).toContain('BuzzDaily Now');
  });

  test('a page in windows-1252 is read in it: curly quotes and accents as written', async () => {
    expect((await fetchLinkedPage(`${base}/legacy`)).html).toBe(LEGACY_PAGE);
  });

  test.each([
    ['/file.pdf', /^not a web page \(application\/pdf\)$/],
    ['/huge', /^the page is larger than 5 MB$/],
    ['/missing', /^the site answered 404/],
  ])('%s is refused with one line', async (path, message) => {
    await expect(fetchLinkedPage(`${base}${path}`)).rejects.toThrow(message);
  });

  test('a server that does not answer is one line too', async () => {
    await expect(fetchLinkedPage('http://127.0.0.1:9/')).rejects.toThrow(/^the page could not be fetched/);
  });
});
