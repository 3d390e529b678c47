import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiKeyDto, CreateApiKey, SshKeyDto, UserEmailDto, UserIpDto, createApiKeySchema, ipEntryRange } from '@grove/shared';
import { DataSource, In } from 'typeorm';
import { isUniqueViolation } from '../common/errors/db-errors';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { generateApiKey } from './api-key';
import { AuthorizedKeysFileService } from './authorized-keys-file.service';
import { UserApiKey } from './user-api-key.entity';
import { UserEmail } from './user-email.entity';
import { UserIp } from './user-ip.entity';
import { UserSshKey } from './user-ssh-key.entity';
import { User } from './user.entity';

const SSH_KEY_TYPES = ['ssh-rsa', 'ssh-dss', 'ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521'];

/**
 * A user's extra e-mails, IP allow-list, API keys and SSH keys. Callers decide whose (self or,
 * for super-admins, anyone); these methods only take the target user.
 */
@Injectable()
export class UserCredentialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorizedKeys: AuthorizedKeysFileService,
  ) {}

  // --- e-mails --------------------------------------------------------------------------------

  async emails(user: User): Promise<UserEmailDto[]> {
    return (await this.dataSource.manager.find(UserEmail, { where: { userId: user.id }, order: { email: 'ASC' } })).map((e) => ({ id: e.id, email: e.email }));
  }

  /** Extra addresses of many users in one query, each list in the order they were added. */
  async extraEmailsOf(userIds: readonly number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    const unique = [...new Set(userIds)];
    for (let i = 0; i < unique.length; i += 900) {
      const rows = await this.dataSource.manager.find(UserEmail, { where: { userId: In(unique.slice(i, i + 900)) }, order: { id: 'ASC' } });
      for (const row of rows) out.set(row.userId, [...(out.get(row.userId) ?? []), row.email]);
    }
    return out;
  }

  /** An extra address may not be anyone's primary or extra address already. */
  async addEmail(user: User, email: string): Promise<UserEmailDto> {
    const m = this.dataSource.manager;
    if ((await m.count(User, { where: { email } })) || (await m.count(UserEmail, { where: { email } }))) {
      throw new DomainError(ErrorCode.Conflict, `E-mail address ${email} is already in use`, { field: 'email' });
    }
    try {
      const row = await m.save(m.create(UserEmail, { userId: user.id, email }));
      return { id: row.id, email: row.email };
    } catch (error) {
      throw isUniqueViolation(error) ? new DomainError(ErrorCode.Conflict, `E-mail address ${email} is already in use`) : error;
    }
  }

  async deleteEmail(user: User, id: number): Promise<void> {
    const result = await this.dataSource.manager.delete(UserEmail, { id, userId: user.id });
    if (!result.affected) throw notFound(`E-mail address ${id} not found`);
  }

  // --- IP allow-list --------------------------------------------------------------------------

  async ips(userId: number): Promise<UserIpDto[]> {
    const rows = await this.dataSource.manager.find(UserIp, { where: { userId }, order: { id: 'ASC' } });
    return rows.map((r) => ({ id: r.id, ipAddr: r.ipAddr, ...safeRange(r.ipAddr) }));
  }

  /** `entry` is already normalised by the DTO (`10.0.0.1` → `10.0.0.1/32`). */
  async addIp(userId: number, entry: string): Promise<UserIpDto> {
    const m = this.dataSource.manager;
    if (await m.count(UserIp, { where: { userId, ipAddr: entry } })) throw new DomainError(ErrorCode.Conflict, `${entry} is already in the list`, { field: 'ipAddr' });
    const row = await m.save(m.create(UserIp, { userId, ipAddr: entry, active: true }));
    return { id: row.id, ipAddr: row.ipAddr, ...safeRange(row.ipAddr) };
  }

  async deleteIp(userId: number, id: number): Promise<void> {
    const result = await this.dataSource.manager.delete(UserIp, { id, userId });
    if (!result.affected) throw notFound(`IP allow-list entry ${id} not found`);
  }

  // --- API keys -------------------------------------------------------------------------------

  /** The built-in key first, then extra keys (expired ones marked). */
  async apiKeys(user: User): Promise<ApiKeyDto[]> {
    const extra = await this.dataSource.manager.find(UserApiKey, { where: { userId: user.id }, order: { createdOn: 'DESC' } });
    return [
      { id: null, apiKey: user.apiKey, description: 'built-in key', expires: null, expired: false, builtin: true, createdOn: null },
      ...extra.map((k) => ({
        id: k.id,
        apiKey: k.apiKey,
        description: k.description,
        expires: k.expires === -1 ? null : new Date(k.expires * 1000).toISOString(),
        expired: k.isExpired(),
        builtin: false,
        createdOn: k.createdOn.toISOString(),
      })),
    ];
  }

  async createApiKey(user: User, input: CreateApiKey): Promise<ApiKeyDto> {
    const data = createApiKeySchema.parse(input);
    const now = new Date();
    const expires = data.lifetimeMinutes ? now.getTime() / 1000 + data.lifetimeMinutes * 60 : -1;
    const m = this.dataSource.manager;
    const key = await m.save(m.create(UserApiKey, { userId: user.id, apiKey: generateApiKey(), description: data.description, expires, createdOn: now }));
    return {
      id: key.id,
      apiKey: key.apiKey,
      description: key.description,
      expires: expires === -1 ? null : new Date(expires * 1000).toISOString(),
      expired: false,
      builtin: false,
      createdOn: now.toISOString(),
    };
  }

  async revokeApiKey(user: User, id: number): Promise<void> {
    const result = await this.dataSource.manager.delete(UserApiKey, { id, userId: user.id });
    if (!result.affected) throw notFound(`API key ${id} not found`);
  }

  /** Replaces the built-in key (the old one stops working at once). */
  async resetBuiltinApiKey(user: User): Promise<string> {
    const apiKey = generateApiKey();
    await this.dataSource.manager.update(User, { id: user.id }, { apiKey });
    return apiKey;
  }

  // --- SSH keys -------------------------------------------------------------------------------

  async sshKeys(userId: number): Promise<SshKeyDto[]> {
    const rows = await this.dataSource.manager.find(UserSshKey, { where: { userId }, order: { createdOn: 'ASC' } });
    return rows.map(toSshKeyDto);
  }

  /** Adds a public key; a key (by fingerprint) belongs to one user only. */
  async addSshKey(userId: number, publicKey: string, description?: string): Promise<SshKeyDto> {
    const parsed = parseSshPublicKey(publicKey);
    const m = this.dataSource.manager;
    if (await m.count(UserSshKey, { where: { fingerprint: parsed.fingerprint } })) {
      throw new DomainError(ErrorCode.Conflict, 'This SSH key is already registered (a key may belong to one user only)', { field: 'publicKey' });
    }
    try {
      const row = await m.save(
        m.create(UserSshKey, { userId, publicKey: parsed.line, description: description?.trim() || parsed.comment || '', fingerprint: parsed.fingerprint, createdOn: new Date(), lastSeen: null }),
      );
      await this.authorizedKeys.refresh();
      return toSshKeyDto(row);
    } catch (error) {
      throw isUniqueViolation(error) ? new DomainError(ErrorCode.Conflict, 'This SSH key is already registered') : error;
    }
  }

  async deleteSshKey(userId: number, idOrFingerprint: number | string): Promise<void> {
    const where = typeof idOrFingerprint === 'number' ? { id: idOrFingerprint, userId } : { fingerprint: idOrFingerprint, userId };
    const result = await this.dataSource.manager.delete(UserSshKey, where);
    if (!result.affected) throw notFound(`SSH key ${idOrFingerprint} not found`);
    await this.authorizedKeys.refresh();
  }
}

export interface ParsedSshKey {
  type: string;
  /** the normalised line: `type base64 [comment]` */
  line: string;
  comment: string;
  /** base64 of SHA-256 of the key blob without padding (OpenSSH's `SHA256:` fingerprint) */
  fingerprint: string;
}

/** Parses one public key line (`ssh-ed25519 AAAA… comment`) and checks that the blob matches its type. */
export function parseSshPublicKey(text: string): ParsedSshKey {
  const line = text.trim().replace(/\s+/g, ' ');
  if (/[\r\n]/.test(text.trim())) throw invalidKey('Paste exactly one public key line');
  const [type, data, ...rest] = line.split(' ');
  if (!type || !data) throw invalidKey('A public key looks like "ssh-ed25519 AAAA… comment"');
  if (!SSH_KEY_TYPES.includes(type)) throw invalidKey(`Unsupported key type ${type.slice(0, 40)}; use ${SSH_KEY_TYPES.join(', ')}`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data)) throw invalidKey('The key data is not valid base64');
  const blob = Buffer.from(data, 'base64');
  const length = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
  if (length <= 0 || 4 + length > blob.length || blob.subarray(4, 4 + length).toString('latin1') !== type) {
    throw invalidKey(`The key data does not hold a ${type} key`);
  }
  const comment = rest.join(' ');
  return {
    type,
    line: [type, data, comment].filter(Boolean).join(' '),
    comment,
    fingerprint: createHash('sha256').update(blob).digest('base64').replace(/=+$/, ''),
  };
}

function invalidKey(message: string): DomainError {
  return new DomainError(ErrorCode.Validation, message, { field: 'publicKey' });
}

function toSshKeyDto(row: UserSshKey): SshKeyDto {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    description: row.description,
    keyType: row.publicKey.split(' ')[0] ?? '',
    createdOn: row.createdOn.toISOString(),
    lastSeen: row.lastSeen ? row.lastSeen.toISOString() : null,
  };
}

function safeRange(entry: string): { start: string; end: string } {
  try {
    return ipEntryRange(entry);
  } catch {
    return { start: entry, end: entry };
  }
}
