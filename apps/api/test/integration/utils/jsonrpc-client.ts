import { request as httpRequest } from 'node:http';

/** The JSON-RPC envelope as received. */
export interface RpcResponse {
  status: number;
  contentType: string | undefined;
  text: string;
  body: { id: unknown; result: any; error: string | null };
}

/** Posts a raw body to `/_admin/api` with full control over method, headers and framing (node:http, no fetch defaults). */
export function rawRpc(
  baseUrl: string,
  options: { method?: string; body?: string | Buffer; headers?: Record<string, string>; chunked?: boolean } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const url = new URL('/_admin/api', baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined && !options.chunked && headers['content-length'] === undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    const req = httpRequest(url, { method: options.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A Kallithea-style client: one call per request, `{id, api_key, method, args}`. */
export class RpcClient {
  private nextId = 1;

  constructor(
    readonly baseUrl: string,
    readonly apiKey: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async call(method: string, args: unknown = {}): Promise<RpcResponse> {
    const id = this.nextId++;
    const res = await rawRpc(this.baseUrl, {
      body: JSON.stringify({ id, api_key: this.apiKey, method, args }),
      headers: { 'content-type': 'application/json', ...this.headers },
    });
    const body = JSON.parse(res.text) as RpcResponse['body'];
    if (body.id !== id) throw new Error(`id mismatch: sent ${id}, got ${JSON.stringify(body.id)}`);
    return { status: res.status, contentType: res.headers['content-type'] as string | undefined, text: res.text, body };
  }

  /** The result of a call that must succeed (fails the test with the error otherwise). */
  async ok(method: string, args: unknown = {}): Promise<any> {
    const res = await this.call(method, args);
    if (res.body.error !== null) throw new Error(`${method} failed: ${res.body.error}`);
    return res.body.result;
  }

  /** The error of a call that must fail (result null, HTTP 200). */
  async error(method: string, args: unknown = {}): Promise<string> {
    const res = await this.call(method, args);
    if (res.status !== 200) throw new Error(`${method}: HTTP ${res.status}`);
    if (res.body.error === null) throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(res.body.result)}`);
    if (res.body.result !== null) throw new Error(`${method}: result ${JSON.stringify(res.body.result)} next to error ${res.body.error}`);
    return res.body.error;
  }
}
