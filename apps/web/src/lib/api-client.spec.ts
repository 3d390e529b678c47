/** @jest-environment node */
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApiError, apiRequest, setCsrfToken } from './api-client';

describe('api client (against a real HTTP server)', () => {
  let server: Server;
  let base: string;
  const seen: IncomingMessage[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      if (req.url === '/fail') {
        res.writeHead(409, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Username "x" is already taken' }));
      } else if (req.url === '/html-error') {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      } else if (req.url === '/empty') {
        res.writeHead(204).end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, url: req.url }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends the CSRF token on state-changing requests only', async () => {
    setCsrfToken('tok');
    await apiRequest('GET', `${base}/a`);
    await apiRequest('POST', `${base}/b`, { body: { x: 1 } });
    expect(seen.at(-2)!.headers['x-csrf-token']).toBeUndefined();
    expect(seen.at(-1)!.headers['x-csrf-token']).toBe('tok');
    expect(seen.at(-1)!.headers['content-type']).toBe('application/json');
    setCsrfToken(null);
  });

  it("turns error answers into ApiError with the server's message", async () => {
    await expect(apiRequest('POST', `${base}/fail`)).rejects.toEqual(new ApiError(409, 'Username "x" is already taken'));
    const html = await apiRequest('GET', `${base}/html-error`).catch((e: unknown) => e);
    expect(html).toBeInstanceOf(ApiError);
    expect((html as ApiError).status).toBe(502);
  });

  it('handles 204 and query strings', async () => {
    await expect(apiRequest('POST', `${base}/empty`)).resolves.toBeUndefined();
    const res = await apiRequest<{ url: string }>('GET', `${base}/q`, { query: { a: 'x y', b: undefined, c: 2 } });
    expect(res.url).toBe('/q?a=x+y&c=2');
  });
});
