import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { Server, utils, type Connection, type ServerChannel } from 'ssh2';
import { LOGGER } from '../common/logging/logger.token';
import type { GroveConfig } from '../config/config';
import { GROVE_CONFIG } from '../config/config.token';
import { User } from '../users/user.entity';
import { SshCommandService } from './ssh-command.service';

/** The host key file in the data directory (OpenSSH format, created on first start). */
export const SSH_HOST_KEY_FILE = 'ssh_host_ed25519_key';

/**
 * The built-in SSH server (npm `ssh2`): public-key authentication against the keys users
 * registered, then `exec` of git or hg through {@link SshCommandService}. No shell, no PTY, no
 * forwarding. Off when `GROVE_SSH_ENABLED=false`; a port already in use is logged, not fatal.
 */
@Injectable()
export class SshServerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | undefined;
  private readonly connections = new Set<Connection>();

  constructor(
    @Inject(GROVE_CONFIG) private readonly config: GroveConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly commands: SshCommandService,
  ) {}

  /** The port the server listens on (null when it is off). */
  port(): number | null {
    const address = this.server?.address() as AddressInfo | null | undefined;
    return address ? address.port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.ssh.enabled) return;
    const hostKey = await loadOrCreateHostKey(this.config.dataDir);
    const server = new Server({ hostKeys: [hostKey], ident: 'Grove' }, (client, info) => this.onConnection(client, info.ip));
    server.on('error', (err: Error) => this.logger.error({ err }, 'SSH server error'));
    await new Promise<void>((resolve) => {
      const onError = (err: Error) => {
        this.logger.error({ err, port: this.config.ssh.port }, 'SSH server could not start; git and hg over SSH are unavailable');
        resolve();
      };
      server.once('error', onError);
      server.listen(this.config.ssh.port, this.config.ssh.host, () => {
        server.off('error', onError);
        this.server = server;
        this.logger.info({ port: this.port() }, 'SSH server listening');
        resolve();
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    for (const c of this.connections) c.end();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private onConnection(client: Connection, ip: string): void {
    this.connections.add(client);
    let user: User | undefined;
    client.on('close', () => this.connections.delete(client));
    client.on('error', (err: Error) => this.logger.debug({ err, ip }, 'SSH connection error'));
    client.on('authentication', (ctx) => {
      if (ctx.method !== 'publickey') return ctx.reject(['publickey']);
      const fingerprint = createHash('sha256').update(ctx.key.data).digest('base64').replace(/=+$/, '');
      void this.commands
        .keyOwner(fingerprint)
        .then((owner) => {
          if (!owner) return ctx.reject(['publickey']);
          if (!ctx.signature) return ctx.accept(); // the client asks whether this key would do
          const key = utils.parseKey(owner.key.publicKey);
          if (key instanceof Error || !ctx.blob || !key.verify(ctx.blob, ctx.signature, ctx.hashAlgo)) return ctx.reject(['publickey']);
          user = owner.user;
          ctx.accept();
        })
        .catch((err: unknown) => {
          this.logger.error({ err }, 'SSH authentication failed');
          ctx.reject(['publickey']);
        });
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        let gitProtocol: string | undefined;
        session.on('env', (accept, reject, info) => {
          // Only protocol v2 negotiation is of interest; everything else is ignored.
          if (info.key === 'GIT_PROTOCOL' && /^[a-z0-9=:._-]{1,64}$/i.test(info.val)) gitProtocol = info.val;
          accept?.();
        });
        session.on('pty', (_accept, reject) => reject?.());
        session.on('shell', (accept) => {
          const channel = accept();
          channel.stderr.write('Grove does not provide shell access.\r\n');
          channel.exit(1);
          channel.end();
        });
        session.on('exec', (accept, _reject, info) => {
          const channel = accept();
          void this.exec(channel, info.command, user!, ip, gitProtocol);
        });
      });
    });
  }

  private async exec(channel: ServerChannel, command: string, user: User, ip: string, gitProtocol: string | undefined): Promise<void> {
    const abort = new AbortController();
    channel.once('close', () => abort.abort());
    let code = 1;
    try {
      code = await this.commands.run(command, { user, ip, gitProtocol }, { stdin: channel, stdout: channel, stderr: channel.stderr, signal: abort.signal });
    } catch (err) {
      this.logger.error({ err, command: command.slice(0, 200) }, 'SSH command failed');
      channel.stderr.write('Internal error\n');
    }
    if (!abort.signal.aborted) {
      channel.exit(code);
      channel.end();
    }
  }
}

/**
 * A new ed25519 host key pair in OpenSSH format. ssh2's generator drops the leading zero byte of
 * a public key that starts with one (about 1 key in 170), writing a key its own parser then
 * rejects ("Malformed OpenSSH private key"); such a pair is drawn again.
 */
export function generateHostKey(): { private: string; public: string } {
  for (;;) {
    const pair = utils.generateKeyPairSync('ed25519');
    if (!(utils.parseKey(pair.private) instanceof Error)) return pair;
  }
}

/** Reads the host key, or generates an ed25519 key on first start (private to the owner). */
export async function loadOrCreateHostKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, SSH_HOST_KEY_FILE);
  if (existsSync(file)) return readFile(file, 'utf8');
  const pair = generateHostKey();
  await writeFile(file, pair.private, { mode: 0o600, flag: 'wx' }).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err; // another process of this site won the race
  });
  await writeFile(`${file}.pub`, `${pair.public} grove-host-key\n`, { mode: 0o644 }).catch(() => undefined);
  return readFile(file, 'utf8');
}
