import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Paths and fixed environments for running git and hg; created once per {@link VcsService}. */
export interface ToolEnvironment {
  /** Private directory holding HOME, the git config, the hgrc files; removed by {@link disposeToolEnvironment}. */
  readonly stateDir: string;
  readonly gitBinary: string;
  readonly hgBinary: string;
  /** Environment for every git process. */
  readonly gitEnv: Readonly<Record<string, string>>;
  /** Environment for every hg process. */
  readonly hgEnv: Readonly<Record<string, string>>;
  /** HGRCPATH entry that adds hooks refusing any write (read-only `hg serve --stdio`). */
  readonly hgReadOnlyRc: string;
  /** The Grove Mercurial extension file hg loads (a copy inside `stateDir`). */
  readonly hgExtensionPath: string;
  /** Whether we created `stateDir` ourselves (and so may delete it). */
  readonly ownsStateDir: boolean;
}

/** Settings for {@link createToolEnvironment}. */
export interface ToolEnvironmentOptions {
  stateDir?: string;
  gitBinary?: string;
  hgBinary?: string;
  /** Value of PATH for the children (default: the server's PATH). */
  path?: string;
  hgExtensionPath: string;
}

/**
 * Creates the private HOME, git config and hgrc that every child process uses, so that the server
 * user's own configuration, repository hooks and hgrc files of the system cannot change behaviour.
 */
export async function createToolEnvironment(options: ToolEnvironmentOptions): Promise<ToolEnvironment> {
  const ownsStateDir = !options.stateDir;
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'grove-vcs-')));
  const home = join(stateDir, 'home');
  const noHooks = join(stateDir, 'no-hooks');
  await mkdir(home, { recursive: true });
  await mkdir(noHooks, { recursive: true });

  // Repository hooks (e.g. Kallithea's, in imported repositories) must not run: Grove does its own bookkeeping.
  const gitConfig = [
    '[safe]',
    '\tdirectory = *',
    '[init]',
    '\tdefaultBranch = master',
    '[core]',
    `\thooksPath = ${noHooks}`,
    '[advice]',
    '\tdetachedHead = false',
    '[gc]',
    '\tautoDetach = false',
    '[uploadpack]',
    '\tallowFilter = true',
    '',
  ].join('\n');
  await writeFile(join(home, '.gitconfig'), gitConfig);

  // hg loads the extension from a private copy: Python then caches its bytecode there (saving ~40 ms
  // per hg start) and never writes next to our package files.
  const extension = join(stateDir, 'grove_hg.py');
  await copyFile(options.hgExtensionPath, extension);

  const hgrc = join(stateDir, 'hgrc');
  await writeFile(
    hgrc,
    [
      '[ui]',
      'interactive = false',
      'report_untrusted = false',
      'merge = internal:fail',
      '[extensions]',
      `grove = ${extension}`,
      '',
    ].join('\n'),
  );
  const hgReadOnlyRc = join(stateDir, 'hgrc-readonly');
  await writeFile(
    hgReadOnlyRc,
    [
      '[hooks]',
      `pretxnopen.grove_readonly = python:${extension}:refuse_write_hook`,
      `prepushkey.grove_readonly = python:${extension}:refuse_write_hook`,
      '',
    ].join('\n'),
  );

  const base: Record<string, string> = {
    PATH: options.path ?? process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TMPDIR: process.env['TMPDIR'] ?? tmpdir(),
  };
  const gitEnv = {
    ...base,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    LANG: 'C',
    // No interactive ssh prompts either: ssh asks this program, which answers nothing.
    SSH_ASKPASS: '/bin/false',
    SSH_ASKPASS_REQUIRE: 'force',
  };
  const hgEnv = {
    ...base,
    HGPLAIN: '1',
    HGENCODING: 'UTF-8',
    HGRCPATH: hgrc,
    LC_ALL: 'C',
    LANG: 'C',
    SSH_ASKPASS: '/bin/false',
    SSH_ASKPASS_REQUIRE: 'force',
  };
  return {
    stateDir,
    gitBinary: options.gitBinary ?? 'git',
    hgBinary: options.hgBinary ?? 'hg',
    gitEnv,
    hgEnv,
    hgReadOnlyRc,
    hgExtensionPath: extension,
    ownsStateDir,
  };
}

/** Removes the state directory if {@link createToolEnvironment} created it. */
export async function disposeToolEnvironment(env: ToolEnvironment): Promise<void> {
  if (env.ownsStateDir) await rm(env.stateDir, { recursive: true, force: true });
}
