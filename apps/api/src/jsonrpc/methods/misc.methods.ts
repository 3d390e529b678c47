import { Injectable } from '@nestjs/common';
import { formatIpAddress, parseClientAddress } from '@grove/shared';
import { HealthService } from '../../health/health.service';
import { RepoScanService } from '../../repos/repo-scan.service';
import { ReposService } from '../../repos/repos.service';
import { UserCredentialsService } from '../../users/user-credentials.service';
import { failure, shown } from '../jsonrpc-errors';
import { type CallContext, defineMethod, type JsonRpcMethod } from '../jsonrpc-method';
import { Lookups } from '../lookups';

/** §7.1: `test`, `get_server_info`, `get_ip`/`show_ip`, `rescan_repos`, `invalidate_cache`, `pull`. */
@Injectable()
export class MiscMethods {
  readonly methods: JsonRpcMethod[];

  constructor(
    private readonly lookups: Lookups,
    private readonly health: HealthService,
    private readonly scans: RepoScanService,
    private readonly repos: ReposService,
    private readonly credentials: UserCredentialsService,
  ) {
    const getIp = (name: string) =>
      defineMethod({
        name,
        args: [{ name: 'userid', kind: 'id', optional: true }],
        access: 'admin',
        call: (context, args) => this.getIp(context, args.userid),
      });
    this.methods = [
      defineMethod({
        name: 'test',
        args: [{ name: 'args', kind: 'any' }],
        access: 'admin',
        call: async (_context, args) => args.args,
      }),
      defineMethod({
        name: 'get_server_info',
        args: [],
        access: 'admin',
        call: async () => {
          const info = await this.health.serverInfo();
          return {
            modules: info.modules,
            py_version: info.runtimeVersion,
            platform: info.platform,
            kallithea_version: info.version,
            git_version: info.gitVersion,
            git_path: info.gitPath,
          };
        },
      }),
      getIp('get_ip'),
      getIp('show_ip'),
      defineMethod({
        name: 'rescan_repos',
        args: [{ name: 'remove_obsolete', kind: 'bool', optional: true }],
        access: 'admin',
        call: async (context, args) => {
          try {
            const result = await this.scans.scan(context.actor, { removeObsolete: args.remove_obsolete ?? false });
            return { added: result.added, removed: result.removed };
          } catch (error) {
            throw failure('rescan_repos', error, {});
          }
        },
      }),
      defineMethod({
        name: 'invalidate_cache',
        args: [{ name: 'repoid', kind: 'id' }],
        access: 'user',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          await this.lookups.requireRepo(context, repo, args.repoid, 'write');
          try {
            await this.repos.refreshCaches(context.actor, `_${repo.id}`);
          } catch (error) {
            throw failure('invalidate_cache', error, {});
          }
          return { msg: `Cache for repository \`${shown(args.repoid)}\` was invalidated`, repository: repo.name };
        },
      }),
      defineMethod({
        name: 'pull',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'clone_uri', kind: 'string', optional: true, nullable: true },
        ],
        access: 'admin',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          try {
            await this.repos.pullFromRemote(context.actor, `_${repo.id}`, args.clone_uri ?? null);
          } catch (error) {
            throw failure('pull', error, { repoName: repo.name });
          }
          return { msg: `Pulled from \`${repo.name}\``, repository: repo.name };
        },
      }),
    ];
  }

  private async getIp(context: CallContext, userid: number | string | undefined) {
    const user = userid === undefined ? context.actor.user : await this.lookups.user(userid);
    const ips = await this.credentials.ips(user.id);
    const seen = parseClientAddress(context.actor.ip);
    return {
      server_ip_addr: seen ? formatIpAddress(seen) : context.actor.ip,
      user_ips: ips.map((ip) => ({ ip_addr: ip.ipAddr, ip_range: [ip.start, ip.end] })),
    };
  }
}
