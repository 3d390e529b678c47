import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuthService } from '../auth/auth.service';
import { LOGGER } from '../common/logging/logger.token';
import type { User } from '../users/user.entity';
import { JSONRPC_BODY_LIMIT, JsonRpcBody } from './jsonrpc-body';
import { isExpectedError, JsonRpcError, messages } from './jsonrpc-errors';
import { ArgumentTypeError, coerceArgs, type JsonRpcMethod } from './jsonrpc-method';
import { ChangesetMethods } from './methods/changesets.methods';
import { MiscMethods } from './methods/misc.methods';
import { PermissionMethods } from './methods/permissions.methods';
import { RepoGroupMethods } from './methods/repo-groups.methods';
import { RepoMethods } from './methods/repos.methods';
import { UserGroupMethods } from './methods/user-groups.methods';
import { UserMethods } from './methods/users.methods';

/** The response body: always exactly these three keys (§1). */
export interface Envelope {
  id: unknown;
  result: unknown;
  error: string | null;
}

/** What the dispatcher needs of an HTTP request. */
export interface JsonRpcRequest {
  /** the `Content-Length` header as sent (undefined: none, e.g. chunked or GET) */
  contentLength: string | undefined;
  /** the body collected by the endpoint's parser (undefined for bodiless requests) */
  body: JsonRpcBody | undefined;
  /** the client address (trusted-proxy rule applied) */
  ip: string;
}

/** Methods that exist in Kallithea but need features Grove does not have yet; they answer "No such method". */
export const NOT_YET_AVAILABLE = ['get_pullrequest', 'comment_pullrequest', 'get_gist', 'get_gists', 'create_gist', 'delete_gist'] as const;

const ENVELOPE_KEYS = ['api_key', 'id', 'method', 'args'] as const;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Kallithea's JSON-RPC dispatch (jsonrpc-api.md §1), step by step; the first failing step answers.
 * Never throws: every outcome is an envelope.
 */
@Injectable()
export class JsonRpcDispatcher {
  private readonly methods = new Map<string, JsonRpcMethod>();

  constructor(
    private readonly auth: AuthService,
    @Inject(LOGGER) private readonly logger: Logger,
    misc: MiscMethods,
    users: UserMethods,
    userGroups: UserGroupMethods,
    repoGroups: RepoGroupMethods,
    repos: RepoMethods,
    permissions: PermissionMethods,
    changesets: ChangesetMethods,
  ) {
    for (const group of [misc, users, userGroups, repoGroups, repos, permissions, changesets]) {
      for (const method of group.methods) {
        if (this.methods.has(method.name)) throw new Error(`JSON-RPC method ${method.name} defined twice`);
        this.methods.set(method.name, method);
      }
    }
  }

  /** Names of the methods Grove answers (for tests and documentation). */
  methodNames(): string[] {
    return [...this.methods.keys()].sort();
  }

  async handle(request: JsonRpcRequest): Promise<Envelope> {
    let id: unknown = null;
    let methodName = '';
    try {
      // 1–2: the body must have a length.
      if (request.contentLength === undefined) return failed(null, messages.noContentLength);
      if (request.contentLength.trim() === '0') return failed(null, messages.contentLengthZero);
      const body = request.body;
      if (!body) return failed(null, messages.noContentLength);
      if (body.tooLarge) return failed(null, messages.bodyTooLarge(JSONRPC_BODY_LIMIT));

      // 3: JSON.
      let text = '';
      let json: unknown;
      try {
        text = utf8.decode(body.bytes);
        json = JSON.parse(text);
      } catch (error) {
        const raw = text || body.bytes.toString('latin1');
        return failed(null, messages.jsonParse(error instanceof Error ? error.message : String(error), raw));
      }

      // 4: the envelope's keys, in Kallithea's order; a non-object has none of them.
      const envelope = isPlainObject(json) ? json : {};
      for (const key of ENVELOPE_KEYS) {
        if (!Object.hasOwn(envelope, key)) return failed(key === 'api_key' || key === 'id' ? null : envelope['id'], messages.missingKey(key));
        if (key === 'id') id = envelope['id'];
      }

      // 5: the key's owner, active, not the default user, from an allowed address.
      const user = await this.authenticate(envelope['api_key'], request.ip);
      if (!user) return failed(id, messages.invalidApiKey);

      // 6–7: the method.
      const name = envelope['method'];
      if (typeof name === 'string' && name.startsWith('_')) return failed(id, messages.methodNotAllowed);
      const method = typeof name === 'string' ? this.methods.get(name) : undefined;
      if (!method) return failed(id, messages.noSuchMethod(name));
      methodName = method.name;

      // 8–9: required arguments (last declared first), then unknown ones.
      const args = isPlainObject(envelope['args']) ? envelope['args'] : {};
      for (const spec of [...method.args].reverse()) {
        if (!spec.optional && !Object.hasOwn(args, spec.name)) return failed(id, messages.missingArg(spec.name));
      }
      const declared = new Set(method.args.map((a) => a.name));
      const unknown = Object.keys(args).filter((k) => !declared.has(k));
      if (unknown.length) return failed(id, messages.unknownArgs(unknown));

      // 10–11: the call. The hg.admin gate answers like Kallithea's decorator: Internal server error (§3).
      if (method.access === 'admin' && !user.admin) return failed(id, messages.internal);
      const result = await method.call({ actor: { user, ip: request.ip } }, coerceArgs(method.args, args));
      return { id, result: result === undefined ? null : result, error: null };
    } catch (error) {
      if (error instanceof JsonRpcError) {
        if (error.original !== undefined && !isExpectedError(error.original)) {
          this.logger.error({ err: error.original, method: methodName }, 'JSON-RPC call failed');
        }
        return failed(id, error.message);
      }
      if (!(error instanceof ArgumentTypeError) && !isExpectedError(error)) {
        this.logger.error({ err: error, method: methodName }, 'JSON-RPC call failed');
      }
      return failed(id, messages.internal);
    }
  }

  private async authenticate(key: unknown, ip: string): Promise<User | null> {
    if (typeof key !== 'string') return null;
    const user = await this.auth.userForApiKey(key);
    if (!user) return null;
    try {
      await this.auth.assertIpAllowed(user, ip);
    } catch {
      return null;
    }
    return user;
  }
}

function failed(id: unknown, error: string): Envelope {
  return { id, result: null, error };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The response text; an unserialisable result (e.g. nested too deeply) becomes Kallithea's encoding error. */
export function serializeEnvelope(envelope: Envelope): string {
  try {
    return JSON.stringify({ id: envelope.id ?? null, result: envelope.result ?? null, error: envelope.error });
  } catch {
    try {
      return JSON.stringify({ id: envelope.id ?? null, result: null, error: messages.encoding });
    } catch {
      return JSON.stringify({ id: null, result: null, error: messages.encoding });
    }
  }
}
