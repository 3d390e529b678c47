import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BUILT_IN_HOOK_KEYS, customHookProblem, type CreateHook, type HookDto, type HooksDto, type UpdateHook } from '@grove/shared';
import { VcsService, type PushChanges } from '@grove/vcs';
import type { Logger } from 'pino';
import { Repository } from 'typeorm';
import { LOGGER } from '../common/logging/logger.token';
import { badRequest, conflict, notFound } from '../common/errors/domain-error';
import { UiSetting } from '../settings/ui-setting.entity';

const SECTION = 'hooks';

/** Rows older Kallithea releases wrote for their own bookkeeping (data-model.md): never listed, never run. */
const KALLITHEA_INTERNAL_KEYS = new Set([
  'changegroup.push_logger',
  'outgoing.pull_logger',
  'prechangegroup.push_lock_handling',
  'preoutgoing.pull_lock_handling',
  'prechangegroup.pre_push',
  'preoutgoing.pre_pull',
]);
const isBuiltIn = (row: UiSetting) => (BUILT_IN_HOOK_KEYS as readonly string[]).includes(row.key);
const isInternal = (row: UiSetting) => KALLITHEA_INTERNAL_KEYS.has(row.key) || (!isBuiltIn(row) && (row.value ?? '').startsWith('python:kallithea.'));

/** What a finished push hands to the custom hooks. */
export interface HookPush {
  repository: { name: string; type: 'git' | 'hg' };
  username: string;
  ip: string;
  channel: 'http' | 'ssh';
  changes: PushChanges;
}

/**
 * Custom hooks of the settings' Hooks tab (`ui` rows of section `hooks`, as Kallithea keeps them)
 * and running them after a push. Commands are super-admin configuration run through libs/vcs;
 * everything about the push travels in environment variables.
 */
@Injectable()
export class CustomHooksService {
  /** Rows already reported as not runnable (logged once per key and value). */
  private readonly reported = new Set<string>();

  constructor(
    @InjectRepository(UiSetting) private readonly ui: Repository<UiSetting>,
    private readonly vcs: VcsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async list(): Promise<HooksDto> {
    const rows = (await this.ui.find({ where: { section: SECTION }, order: { key: 'ASC' } })).filter((r) => !isInternal(r));
    return { builtIn: rows.filter(isBuiltIn).map(toDto), custom: rows.filter((r) => !isBuiltIn(r)).map(toDto) };
  }

  async create(input: CreateHook): Promise<HookDto> {
    this.check(input.key, input.value);
    if (await this.ui.exists({ where: { section: SECTION, key: input.key } })) throw conflict(`A hook named ${input.key} already exists`);
    const row = await this.ui.save(this.ui.create({ section: SECTION, key: input.key, value: input.value, active: input.active }));
    return toDto(row);
  }

  async update(id: number, input: UpdateHook): Promise<HookDto> {
    const row = await this.custom(id);
    const key = input.key ?? row.key;
    const value = input.value ?? row.value ?? '';
    if (input.key !== undefined || input.value !== undefined) this.check(key, value);
    if (key !== row.key && (await this.ui.exists({ where: { section: SECTION, key } }))) throw conflict(`A hook named ${key} already exists`);
    await this.ui.update({ id }, { key, value, ...(input.active !== undefined && { active: input.active }) });
    return toDto((await this.ui.findOneByOrFail({ id })));
  }

  async remove(id: number): Promise<void> {
    await this.custom(id);
    await this.ui.delete({ id });
  }

  /**
   * Runs the active custom push hooks (sorted by name, one after another): `changegroup` and
   * `incoming` (once per changeset) when changesets arrived, `txnclose` for any change. A failing
   * hook is logged; the push stays accepted and later hooks still run.
   */
  async runAfterPush(push: HookPush): Promise<void> {
    const { changesets, refs, phases } = push.changes;
    if (!changesets.length && !refs.length && !phases.length) return;
    const rows = await this.ui.find({ where: { section: SECTION, active: true }, order: { key: 'ASC' } });
    const ids = push.changes.changesets.map((c) => c.rawId);
    const base: Record<string, string> = {
      GROVE_REPO_NAME: push.repository.name,
      GROVE_REPO_TYPE: push.repository.type,
      GROVE_USER: push.username,
      GROVE_IP: push.ip,
      GROVE_CHANNEL: push.channel,
      GROVE_PUSHED_IDS: ids.join(' '),
      HG_SOURCE: 'serve',
      HG_URL: `remote:${push.channel === 'ssh' ? 'ssh' : 'http'}:${push.ip}`,
    };
    for (const row of rows) {
      if (isInternal(row) || isBuiltIn(row)) continue;
      const command = row.value ?? '';
      const problem = customHookProblem(row.key, command);
      if (problem) {
        this.reportOnce(row, problem);
        continue;
      }
      const type = row.key.slice(0, row.key.indexOf('.'));
      const vars = { ...base, HG_HOOKTYPE: type, HG_HOOKNAME: row.key };
      if (type === 'incoming') {
        for (const id of ids) await this.runOne(push, row, command, { ...vars, HG_NODE: id });
      } else if (type === 'changegroup') {
        if (ids.length) await this.runOne(push, row, command, { ...vars, HG_NODE: ids[0]!, HG_NODE_LAST: ids[ids.length - 1]! });
      } else {
        await this.runOne(push, row, command, vars);
      }
    }
  }

  private async runOne(push: HookPush, row: UiSetting, command: string, vars: Record<string, string>): Promise<void> {
    try {
      const r = await this.vcs.runAdminHook(push.repository.name, command, vars);
      const meta = { repository: push.repository.name, hook: row.key, exitCode: r.exitCode, output: r.output };
      if (r.exitCode === 0) this.logger.info(meta, 'custom hook ran');
      else this.logger.warn({ ...meta, timedOut: r.timedOut }, 'custom hook failed (the push stays accepted)');
    } catch (err) {
      this.logger.warn({ err, repository: push.repository.name, hook: row.key }, 'custom hook could not run (the push stays accepted)');
    }
  }

  private reportOnce(row: UiSetting, problem: string): void {
    const id = `${row.key}\0${row.value ?? ''}`;
    if (this.reported.has(id)) return;
    this.reported.add(id);
    this.logger.warn({ hook: row.key, value: row.value }, `custom hook skipped: ${problem}`);
  }

  private check(key: string, value: string): void {
    const problem = customHookProblem(key, value);
    if (problem) throw badRequest(problem);
  }

  /** A custom hook row by id (404 for other `ui` rows, 400 for built-in hooks). */
  private async custom(id: number): Promise<UiSetting> {
    const row = await this.ui.findOneBy({ id, section: SECTION });
    if (!row || isInternal(row)) throw notFound('Hook not found');
    if (isBuiltIn(row)) throw badRequest(`${row.key} is a built-in hook and cannot be changed here`);
    return row;
  }
}

function toDto(row: UiSetting): HookDto {
  return { id: row.id, key: row.key, value: row.value ?? '', active: row.active };
}

