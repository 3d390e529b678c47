import type { Actor } from '../common/actor';

/**
 * How an argument's JSON value is taken (jsonrpc-api.md §5). Kallithea does no type validation;
 * Grove takes what Kallithea's code would work with and answers anything else with
 * `Internal server error` (§1: a wrong type never gets a 4xx/5xx).
 *  - `id`: an object reference — a number, or a string (digits = id, else a name);
 *  - `string`: a string; a number is taken as its decimal text (the CLI sends `42` as a number);
 *  - `bool`: any value, by Python truthiness (`"false"` is true, `0`/`""`/`[]`/`{}`/null are false);
 *  - `int`: an integer, or a string of digits;
 *  - `revision`: an integer revision number or a revision string;
 *  - `any`: anything (passed through).
 */
export type ArgKind = 'id' | 'string' | 'bool' | 'int' | 'revision' | 'any';

interface KindTypes {
  id: number | string;
  string: string;
  bool: boolean;
  int: number;
  revision: number | string;
  any: unknown;
}

export interface ArgSpec {
  readonly name: string;
  readonly kind: ArgKind;
  /** Kallithea's `Optional(...)`/defaulted arguments: may be left out (the handler applies the default). */
  readonly optional?: boolean;
  /** An explicit JSON `null` reaches the handler (e.g. `clone_uri: null` clears the remote); otherwise null = left out. */
  readonly nullable?: boolean;
}

type ValueOf<S extends ArgSpec> = S['optional'] extends true
  ? KindTypes[S['kind']] | undefined | (S['nullable'] extends true ? null : never)
  : KindTypes[S['kind']];

/** The coerced arguments of a method, typed from its argument list. */
export type ArgValues<A extends readonly ArgSpec[]> = { [S in A[number] as S['name']]: ValueOf<S> };

/** Who calls, from where: the owner of the API key. */
export interface CallContext {
  actor: Actor;
}

/** One JSON-RPC method: its arguments in Kallithea's signature order, who may call it, and what it does. */
export interface JsonRpcMethod {
  readonly name: string;
  readonly args: readonly ArgSpec[];
  /** `admin`: the `hg.admin` gate (refused with `Internal server error`, §3); `user`: any valid key. */
  readonly access: 'admin' | 'user';
  call(context: CallContext, args: Record<string, unknown>): Promise<unknown>;
}

/** Declares a method; `call` receives the arguments already coerced to their kinds. */
export function defineMethod<const A extends readonly ArgSpec[]>(definition: {
  name: string;
  args: A;
  access: 'admin' | 'user';
  call: (context: CallContext, args: ArgValues<A>) => Promise<unknown>;
}): JsonRpcMethod {
  return definition as unknown as JsonRpcMethod;
}

/** An argument of the wrong JSON type; the dispatcher answers `Internal server error`. */
export class ArgumentTypeError extends Error {
  constructor(name: string) {
    super(`argument ${name} has the wrong type`);
    this.name = 'ArgumentTypeError';
  }
}

/** Takes each declared argument that was sent (or its null) and coerces it to its kind. */
export function coerceArgs(specs: readonly ArgSpec[], sent: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    if (!Object.hasOwn(sent, spec.name)) continue;
    const value = sent[spec.name];
    if (value === null && spec.kind !== 'any' && spec.kind !== 'bool') {
      if (spec.nullable) out[spec.name] = null;
      else if (!spec.optional) throw new ArgumentTypeError(spec.name);
      continue;
    }
    out[spec.name] = coerce(spec, value);
  }
  return out;
}

function coerce(spec: ArgSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'any':
      return value;
    case 'bool':
      return pythonTruthy(value);
    case 'id':
      if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
      throw new ArgumentTypeError(spec.name);
    case 'revision':
      if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value))) return value;
      throw new ArgumentTypeError(spec.name);
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      throw new ArgumentTypeError(spec.name);
    case 'int':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim());
      throw new ArgumentTypeError(spec.name);
  }
}

/** Python's truth value of a JSON value (Kallithea takes flags "by truthiness", §1). */
export function pythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
