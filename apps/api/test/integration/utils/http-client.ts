/** A tiny fetch wrapper with a cookie jar and the CSRF header, like the SPA's client. */
export class HttpClient {
  private readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(
    readonly baseUrl: string,
    /** authenticate every request with this API key (no cookie, no CSRF) */
    private readonly apiKey?: string,
  ) {}

  async request(
    method: string,
    path: string,
    options: { json?: unknown; body?: string; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<{ status: number; body: any; headers: Headers; text: string }> {
    const headers: Record<string, string> = { ...(this.apiKey && { authorization: `Bearer ${this.apiKey}` }), ...options.headers };
    if (this.cookies.size) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.csrf !== false && this.csrfToken && !['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] = this.csrfToken;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, headers: response.headers, text };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, { headers });
  }
  post(path: string, json?: unknown, options: { headers?: Record<string, string>; csrf?: boolean } = {}) {
    return this.request('POST', path, { json, ...options });
  }
  patch(path: string, json?: unknown, options: { headers?: Record<string, string>; csrf?: boolean } = {}) {
    return this.request('PATCH', path, { json, ...options });
  }
  put(path: string, json?: unknown) {
    return this.request('PUT', path, { json });
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }

  /** Signs in through the login endpoint and keeps the session cookie and CSRF token. */
  async login(username: string, password: string, remember = false) {
    const res = await this.post('/api/v1/auth/login', { username, password, remember });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }
}
