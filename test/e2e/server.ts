import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A local HTTPS server that stands in for every host: the browser maps all names to it, so
 * https://www.nytimes.com/... and https://smartagain.com/... are distinct sites served from here, and any request the
 * browser or the extension makes lands in `requests`. The certificate is self-signed and made fresh for each run.
 */
export interface SeenRequest {
  host: string;
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface PageServer {
  port: number;
  requests: SeenRequest[];
  /** Serve `html` at https://host/path. */
  page(url: string, html: string): void;
  /** Answer https://host/path with this handler (any status, headers and body: packs, failures, 304s). */
  route(url: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  close(): Promise<void>;
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'firsthand-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

export async function startServer(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const requests: SeenRequest[] = [];
  const server: Server = createServer(selfSignedCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    requests.push({ host, path, method: req.method ?? 'GET', headers: req.headers });
    const route = routes.get(`${host}${path.split('?')[0]}`);
    if (route) {
      route(req, res);
      return;
    }
    const html = pages.get(`${host}${path.split('?')[0]}`);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    page(url, html) {
      const parsed = new URL(url);
      pages.set(`${parsed.hostname}${parsed.pathname}`, html);
    },
    route(url, handler) {
      const parsed = new URL(url);
      routes.set(`${parsed.hostname}${parsed.pathname}`, handler);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
