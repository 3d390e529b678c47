/**
 * The server's side of a component test: jsdom has no Grove to talk to, so `fetch` answers from
 * `respond` (method + path + query → status and JSON body). Every call is recorded.
 */
export function installFakeFetch(respond: (request: { method: string; url: URL; body: unknown }) => { status?: number; body?: unknown }) {
  const calls: { method: string; url: URL; body: unknown }[] = [];
  const original = globalThis.fetch;
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const request = { method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(request);
    const { status = 200, body } = respond(request);
    const text = body === undefined ? '' : JSON.stringify(body);
    return { ok: status >= 200 && status < 300, status, statusText: String(status), text: async () => text } as Response;
  };
  globalThis.fetch = fake as typeof fetch;
  return {
    calls,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
