import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Command, Option } from 'commander';

/** Where `--save-config` keeps the API host and key (Kallithea's client uses `~/.config/kallithea`). */
export function defaultConfigPath(): string {
  return join(process.env['HOME'] || homedir(), '.config', 'grove');
}

interface ApiFlags {
  apihost?: string;
  apikey?: string;
  config?: string;
  saveConfig?: boolean;
  format: 'pretty' | 'json';
}

interface SavedConfig {
  apihost?: string;
  apikey?: string;
}

/** Something the user must fix; printed without a stack, exit status 2. */
class UsageError extends Error {}

/**
 * `key:value` arguments as kallithea-api takes them: the text after the first `:` is a JSON
 * literal when it parses as one (`42`, `true`, `null`, `{"a":1}`, `"007"`), a string otherwise.
 */
export function parseCallArguments(pairs: readonly string[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    if (colon <= 0) throw new UsageError(`Error parsing arguments: ${JSON.stringify(pair)} is not key:value`);
    const text = pair.slice(colon + 1);
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // not a JSON literal: the string itself
    }
    Object.defineProperty(args, pair.slice(0, colon), { value, enumerable: true, writable: true, configurable: true });
  }
  return args;
}

async function loadSavedConfig(path: string): Promise<SavedConfig | undefined> {
  if (!existsSync(path)) return undefined;
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null ? (data as SavedConfig) : undefined;
  } catch {
    throw new UsageError(`The config file ${path} is not valid JSON`);
  }
}

/** One JSON-RPC call; the envelope is checked (Kallithea's client refuses an id mismatch too). */
async function call(apihost: string, apikey: string, method: string, args: Record<string, unknown>): Promise<{ result: unknown; error: string | null }> {
  const id = randomInt(1, 1_000_000);
  const url = `${apihost.replace(/\/+$/, '')}/_admin/api`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, api_key: apikey, method, args }) });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new Error(`Cannot reach ${url}: ${cause ?? (error as Error).message}`);
  }
  const text = await response.text();
  let body: { id?: unknown; result?: unknown; error?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${url} did not answer with JSON (HTTP ${response.status}); is it a Grove or Kallithea server?`);
  }
  if (body.id !== id) throw new Error(`Something went wrong: ID mismatch, got ${JSON.stringify(body.id)}, expected ${id}`);
  return { result: body.result ?? null, error: typeof body.error === 'string' ? body.error : body.error == null ? null : JSON.stringify(body.error) };
}

/** JSON with keys sorted at every level, indented by four (as kallithea-api prints). */
function pretty(value: unknown): string {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sortKeys(value), null, 4);
}

export function apiCommand(): Command {
  return new Command('api')
    .description('Call the JSON-RPC API of a Grove (or Kallithea) server, like kallithea-api')
    .usage('[--apihost URL] [--apikey KEY] [--format pretty|json] METHOD key:value …\n       grove api --apihost URL --apikey KEY --save-config')
    .option('--apihost <url>', 'server URL, e.g. https://grove.example.com')
    .option('--apikey <key>', 'your API key (My Account → API keys)')
    .option('--config <file>', 'config file (default: ~/.config/grove)')
    .option('--save-config', 'store --apihost and --apikey in the config file and exit')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .argument('[method]', 'the method to call, e.g. get_repos')
    .argument('[args...]', 'arguments as key:value; values are JSON literals where they parse, strings otherwise')
    .addHelpText('after', '\nExamples:\n  grove api get_repo repoid:group/repo with_revision_names:true\n  grove api create_repo repo_name:tools/hello repo_type:git private:true')
    .action(async (method: string | undefined, pairs: string[], flags: ApiFlags) => {
      try {
        const configPath = flags.config ?? defaultConfigPath();
        if (flags.saveConfig) {
          if (!flags.apihost || !flags.apikey) throw new UsageError('--save-config requires --apikey and --apihost');
          const existed = existsSync(configPath);
          await mkdir(dirname(configPath), { recursive: true });
          // The file holds a credential: readable by its owner only.
          await writeFile(configPath, `${JSON.stringify({ apikey: flags.apikey, apihost: flags.apihost }, null, 4)}\n`, { mode: 0o600 });
          await chmod(configPath, 0o600);
          console.log(`${existed ? 'Updated config in' : 'Created new config in'} ${configPath}`);
          return;
        }
        const saved = await loadSavedConfig(configPath);
        const apihost = flags.apihost ?? saved?.apihost;
        const apikey = flags.apikey ?? saved?.apikey;
        if (!apihost || !apikey) throw new UsageError('Could not find config file and missing --apikey or --apihost in params');
        if (!method) throw new UsageError('Please specify method name');
        const args = parseCallArguments(pairs);
        if (flags.format === 'pretty') console.log(`Calling method ${method} => ${apihost}`);
        const { result, error } = await call(apihost, apikey, method, args);
        if (flags.format === 'json') {
          console.log(JSON.stringify(error === null ? result : error));
        } else {
          console.log(`Server response\n${error === null ? pretty(result) : `ERROR:${pretty(error)}`}`);
        }
        if (error !== null) process.exitCode = 1;
      } catch (error) {
        console.error(error instanceof Error ? error.message : String(error));
        process.exitCode = error instanceof UsageError ? 2 : 1;
      }
    });
}
