// Kallithea's JSON-RPC error strings (spec/jsonrpc-api.md), and the one table that turns the
// services' domain errors into them. Every string a client can see is in this file.
import { isVcsError } from '@grove/vcs';
import { DomainError, ErrorReason } from '../common/errors/domain-error';

/** An error whose message is sent to the client as the envelope's `error`, verbatim. */
export class JsonRpcError extends Error {
  constructor(
    message: string,
    /** what the service threw, when this error translates one (logged if it was not expected) */
    readonly original?: unknown,
  ) {
    super(message);
    this.name = 'JsonRpcError';
  }
}

/** A value echoed in a message "as the client sent it" (`42`, `group/repo`). */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '<unprintable value>';
  }
}

const RAW_SHOWN = 200;

/** The messages of the envelope itself (§1) and those shared by many methods (§3, §5). */
export const messages = {
  noContentLength: 'No Content-Length in request',
  contentLengthZero: 'Content-Length is 0',
  jsonParse: (problem: string, raw: string) =>
    `JSON parse error ERR:${problem} RAW:${JSON.stringify(raw.length > RAW_SHOWN ? `${raw.slice(0, RAW_SHOWN)}…` : raw)}`,
  bodyTooLarge: (limit: number) => `JSON parse error ERR:request body larger than ${limit} bytes RAW:(not shown)`,
  missingKey: (key: string) => `Incorrect JSON query missing '${key}'`,
  invalidApiKey: 'Invalid API key',
  methodNotAllowed: 'Method not allowed',
  noSuchMethod: (method: unknown) => `No such method: ${shown(method)}`,
  missingArg: (name: string) => `Missing non optional \`${name}\` arg in JSON DATA`,
  unknownArgs: (names: readonly string[]) => `Unknown ${names.map((n) => `\`${n}\``).join(', ')} arg in JSON DATA`,
  internal: 'Internal server error',
  encoding: 'Error encoding response',

  userNotFound: (ref: unknown) => `user \`${shown(ref)}\` does not exist`,
  repoNotFound: (ref: unknown) => `repository \`${shown(ref)}\` does not exist`,
  repoGroupNotFound: (ref: unknown) => `repository group \`${shown(ref)}\` does not exist`,
  userGroupNotFound: (ref: unknown) => `user group \`${shown(ref)}\` does not exist`,
  permissionNotFound: (perm: unknown) => `permission \`${shown(perm)}\` does not exist`,
  permissionPrefix: (perm: string, prefix: 'group.' | 'repository.') => `permission \`${perm}\` is invalid, should start with ${prefix}`,
  ownerParam: 'Only Kallithea admin can specify `owner` param',
  notYourUser: 'userid is not the same as your user',
  editingDefaultUser: 'editing default user is forbidden',
  accessDeniedToRepo: (repoName: string) => `Access denied to repo ${repoName}`,
  repositoryEmpty: 'Repository is empty',
  changesetNotFound: (rawId: unknown) => `Changeset ${shown(rawId)} does not exist`,
  retType: 'ret_type must be one of all,dirs,files',
} as const;

type Reason = ErrorReason | undefined;

/**
 * Per method: the message for a failure of its action, given the domain reason (if any). The
 * fallback of each entry is the method's generic "failed to …" message (Kallithea catches every
 * exception of the action into it).
 */
const FAILURES = {
  rescan_repos: () => 'Error occurred during rescan repositories action',
  invalidate_cache: () => 'Error occurred during cache invalidation action',
  pull: (_r: Reason, v: { repoName: string }) => `Unable to pull changes from \`${v.repoName}\``,

  create_user: (r: Reason, v: { username: string; email: string }) =>
    r?.kind === 'name-taken' && r.object === 'user'
      ? `user \`${v.username}\` already exist`
      : r?.kind === 'name-taken' && r.object === 'email'
        ? `email \`${v.email}\` already exist`
        : `failed to create user \`${v.username}\``,
  update_user: (_r: Reason, v: { userid: unknown }) => `failed to update user \`${shown(v.userid)}\``,
  delete_user: (_r: Reason, v: { id: number; username: string }) => `failed to delete user ID:${v.id} ${v.username}`,

  create_user_group: (r: Reason, v: { groupName: string }) =>
    r?.kind === 'name-taken' && r.object === 'userGroup'
      ? `user group \`${v.groupName}\` already exist`
      : r?.kind === 'unknown-owner'
        ? messages.userNotFound(r.owner)
        : `failed to create group \`${v.groupName}\``,
  update_user_group: (r: Reason, v: { usergroupid: unknown }) =>
    r?.kind === 'unknown-owner' ? messages.userNotFound(r.owner) : `failed to update user group \`${shown(v.usergroupid)}\``,
  delete_user_group: (r: Reason, v: { id: number; name: string }) =>
    r?.kind === 'in-use' ? `User Group assigned to ${r.repositories.join(', ')}` : `failed to delete user group ID:${v.id} ${v.name}`,
  add_user_to_user_group: (_r: Reason, v: { groupName: string }) => `failed to add member to user group \`${v.groupName}\``,
  remove_user_from_user_group: (_r: Reason, v: { groupName: string }) => `failed to remove member from user group \`${v.groupName}\``,

  create_repo_group: (r: Reason, v: { groupName: string }) =>
    r?.kind === 'name-taken' && r.object === 'repoGroup' ? `repo group \`${v.groupName}\` already exist` : `failed to create repo group \`${v.groupName}\``,
  update_repo_group: (r: Reason, v: { repogroupid: unknown }) =>
    r?.kind === 'unknown-owner' ? messages.userNotFound(r.owner) : `failed to update repository group \`${shown(v.repogroupid)}\``,
  delete_repo_group: (_r: Reason, v: { id: number; name: string }) => `failed to delete repo group ID:${v.id} ${v.name}`,

  create_repo: (r: Reason, v: { repoName: string }) =>
    r?.kind === 'name-taken' && r.object === 'repository'
      ? `repo \`${v.repoName}\` already exist`
      : r?.kind === 'missing-group'
        ? `repo group \`${r.path}\` not found`
        : r?.kind === 'unknown-owner'
          ? messages.userNotFound(r.owner)
          : `failed to create repository \`${v.repoName}\``,
  update_repo: (r: Reason, v: { repoid: unknown }) =>
    r?.kind === 'no-create-permission' ? 'no permission to create (or move) repositories' : `failed to update repo \`${shown(v.repoid)}\``,
  fork_repo: (r: Reason, v: { repoid: unknown; repoName: string; forkName: string }) =>
    r?.kind === 'name-taken' && r.object === 'repository'
      ? `${r.isFork ? 'fork' : 'repo'} \`${v.forkName}\` already exist`
      : r?.kind === 'source-hidden'
        ? messages.repoNotFound(v.repoid)
        : r?.kind === 'no-create-permission'
          ? 'no permission to create repositories'
          : r?.kind === 'missing-group'
            ? `repo group \`${r.path}\` not found`
            : r?.kind === 'unknown-owner'
              ? messages.userNotFound(r.owner)
              : `failed to fork repository \`${v.repoName}\` as \`${v.forkName}\``,
  delete_repo: (r: Reason, v: { repoName: string }) =>
    r?.kind === 'has-forks' ? `Cannot delete \`${v.repoName}\` it still contains attached forks` : `failed to delete repository \`${v.repoName}\``,
  get_repo_nodes: (_r: Reason, v: { repoName: string }) => `failed to get repo: \`${v.repoName}\` nodes`,

  grant_user_permission: (_r: Reason, v: { userid: unknown; repoid: unknown }) =>
    `failed to edit permission for user: \`${shown(v.userid)}\` in repo: \`${shown(v.repoid)}\``,
  revoke_user_permission: (_r: Reason, v: { userid: unknown; repoid: unknown }) =>
    `failed to edit permission for user: \`${shown(v.userid)}\` in repo: \`${shown(v.repoid)}\``,
  grant_user_group_permission: (_r: Reason, v: { usergroupid: unknown; repoName: string }) =>
    `failed to edit permission for user group: \`${shown(v.usergroupid)}\` in repo: \`${v.repoName}\``,
  revoke_user_group_permission: (_r: Reason, v: { groupName: string; repoName: string }) =>
    `failed to edit permission for user group: \`${v.groupName}\` in repo: \`${v.repoName}\``,
  grant_user_permission_to_repo_group: (_r: Reason, v: { userid: unknown; groupSegment: string }) =>
    `failed to edit permission for user: \`${shown(v.userid)}\` in repo group: \`${v.groupSegment}\``,
  revoke_user_permission_from_repo_group: (_r: Reason, v: { userid: unknown; groupSegment: string }) =>
    `failed to edit permission for user: \`${shown(v.userid)}\` in repo group: \`${v.groupSegment}\``,
  grant_user_group_permission_to_repo_group: (_r: Reason, v: { usergroupid: unknown; groupSegment: string }) =>
    `failed to edit permission for user group: \`${shown(v.usergroupid)}\` in repo group: \`${v.groupSegment}\``,
  revoke_user_group_permission_from_repo_group: (_r: Reason, v: { groupName: string; groupSegment: string }) =>
    `failed to edit permission for user group: \`${v.groupName}\` in repo group: \`${v.groupSegment}\``,
};

export type FailingMethod = keyof typeof FAILURES;
type VarsOf<M extends FailingMethod> = Parameters<(typeof FAILURES)[M]> extends [Reason, infer V] ? V : Record<string, never>;

/**
 * The client-visible error for a failure of method `method`'s action: JSON-RPC errors pass
 * through; a refused global permission is the gate's `Internal server error` (§3); the `owner`
 * refusal has its own message; everything else goes through the method's entry above.
 */
export function failure<M extends FailingMethod>(method: M, error: unknown, vars: VarsOf<M>): JsonRpcError {
  if (error instanceof JsonRpcError) return error;
  const reason = error instanceof DomainError ? error.reason : undefined;
  if (reason?.kind === 'global-permission') return new JsonRpcError(messages.internal, error);
  if (reason?.kind === 'owner-param') return new JsonRpcError(messages.ownerParam, error);
  const translate = FAILURES[method] as (reason: Reason, vars: VarsOf<M>) => string;
  return new JsonRpcError(translate(reason, vars), error);
}

/** True for errors a client caused or a rule refused (not worth an error log line); a failing git/hg run is logged. */
export function isExpectedError(error: unknown): boolean {
  return (
    error instanceof JsonRpcError ||
    error instanceof DomainError ||
    (isVcsError(error) && error.code !== 'VcsFailure') ||
    (error instanceof Error && error.name === 'ZodError')
  );
}
