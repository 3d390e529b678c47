#!/usr/bin/env node
// libs/vcs benchmarks: each library call next to the bare CLI doing the same work, medians of
// several runs, on the shared fixtures and the generated repositories (bench/vcs/generate.mjs).
//
//   pnpm nx run vcs:build && node bench/vcs/generate.mjs && node bench/vcs/run.mjs
//   RUNS=21 REPOS=bench-git,bench-hg node bench/vcs/run.mjs
//
// Prints a Markdown table and writes bench/results/vcs.json.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The benchmark measures the built package, exactly what the server runs (build it first).
const { VcsService } = require('@grove/vcs');
const REPOS_DIR = resolve(here, '..', '.data', 'repos');
const RUNS = Number(process.env.RUNS ?? 11);
const SELECTED = (process.env.REPOS ?? 'fixture-git,fixture-hg,bench-git,bench-hg').split(',');

const cliEnv = {
  PATH: process.env.PATH,
  HOME: '/nonexistent',
  GIT_CONFIG_NOSYSTEM: '1',
  LC_ALL: 'C',
  HGPLAIN: '1',
  HGRCPATH: '',
  HGENCODING: 'UTF-8',
};

/** Runs a CLI to completion, discarding output (what a caller spawning per request would pay). */
function cli(cmd, args, cwd) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env: cliEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(Buffer.concat(out)) : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}`))));
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs several functions in an interleaved series (a, b, a, b, …) so that load from elsewhere on
 * the machine hits all of them alike; returns the times of each.
 */
async function interleaved(fns, runs = RUNS) {
  for (const fn of fns) {
    await fn(-1);
    await fn(-2);
  }
  const times = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn(i);
      times[k].push(performance.now() - t);
    }
  }
  return times;
}

/** Median times of a library call and the CLI doing the same work, measured interleaved. */
async function versus(lib, bare, runs = RUNS) {
  const [a, b] = await interleaved([lib, bare], runs);
  return [median(a), median(b)];
}

async function timeOnce(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const rows = [];
function record(repo, op, [lib, bare], bareLabel) {
  rows.push({ repo, op, lib, bare, bareLabel, ratio: bare ? lib / bare : null });
  const f = (x) => (x === null || x === undefined ? '–' : x.toFixed(1));
  console.log(`${repo.padEnd(12)} ${op.padEnd(44)} lib ${f(lib).padStart(8)} ms   cli ${f(bare).padStart(8)} ms   ${bare ? (lib / bare).toFixed(2) + '×' : ''}  (${bareLabel})`);
}

async function benchRepo(name) {
  const service = new VcsService({ reposRoot: REPOS_DIR, timeoutMs: 600_000 });
  try {
    const cold = {};
    cold.open = await timeOnce(async () => {
      const r = await service.open(name);
      await r.listChangesets({ limit: 1 });
    });
    const repo = await service.open(name);
    const path = repo.path;
    const isGit = repo.type === 'git';
    const total = await repo.countChangesets();
    // Every measurement reads pages nobody read before, so the commit cache never answers.
    let salt = 0;
    const pageStart = (i) => ((i + 3) * 977 + salt * 131) % Math.max(1, total - 100);
    console.log(`\n${name}: ${repo.type}, ${total} changesets (first call incl. ${isGit ? 'revision index' : 'command server start'}: ${cold.open.toFixed(0)} ms)`);

    // 1. changelog page of 100 (a different page each run, so nothing is served from a cache)
    const cliPage = (i) =>
      isGit
        ? cli('git', ['log', '--all', '--date-order', '-n', '100', `--skip=${pageStart(i)}`, '--format=%H %P %an <%ae> %ct %ci%n%B'], path)
        : cli('hg', ['log', '-r', `limit(reverse(all()), 100, ${pageStart(i)})`, '-T', '{node} {p1node} {p2node} {author} {date|hgdate} {branch} {tags} {phase}\\n{desc}\\n'], path);
    record(
      name,
      'changelog page of 100',
      await versus((i) => repo.listChangesets({ start: pageStart(i), limit: 100 }), (i) => (salt++, cliPage(i))),
      isGit ? 'git log --all --date-order -n100 --skip' : 'hg log -r limit(…,100,skip) -T …',
    );
    salt += 1000;
    record(
      name,
      'changelog page of 100 + count + graph',
      await versus((i) => repo.changelogPage({ start: pageStart(i), limit: 100 }), (i) => (salt++, cliPage(i))),
      'the same page without count and graph',
    );

    // 1b. file history page of 100
    const historyPath = name.startsWith('bench') ? 'src/pkg3' : 'vcs/backends';
    record(
      name,
      `file history page of 100 (${historyPath})`,
      await versus(
        () => repo.listChangesets({ path: historyPath, limit: 100 }),
        () =>
          isGit
            ? cli('git', ['log', '--all', '-n', '100', '--format=%H %P %an <%ae> %ct %ci%n%B', '--', historyPath], path)
            : cli('hg', ['log', '-l', '100', '-T', '{node} {p1node} {p2node} {author} {date|hgdate} {branch} {tags} {phase}\\n{desc}\\n', `path:${historyPath}`], path),
      ),
      isGit ? 'git log --all -n100 -- path' : 'hg log -l100 path',
    );

    // 2. file read (a different file each run)
    const files = (await repo.walk('tip')).files.filter((f) => /\.(py|ts|js|c|txt|rst|md)$/.test(f)).slice(0, 40);
    record(
      name,
      'file read',
      await versus(
        (i) => repo.readFile('tip', files[Math.abs(i) % files.length]),
        (i) => (isGit ? cli('git', ['cat-file', 'blob', `HEAD:${files[Math.abs(i) % files.length]}`], path) : cli('hg', ['cat', '-r', 'tip', files[Math.abs(i) % files.length]], path)),
      ),
      isGit ? 'git cat-file blob HEAD:path' : 'hg cat -r tip path',
    );

    // 3. directory listing with the last changeset of every entry
    const dirs = ['', name.startsWith('bench') ? 'src/pkg3' : 'vcs/backends'];
    for (const dir of dirs) {
      const label = `dir listing + last changesets (${dir || 'root'})`;
      const listing = await repo.listDirectory('tip', dir);
      const libCall = () => Promise.all([repo.listDirectory('tip', dir), repo.lastChangesets('tip', dir)]);
      const scan = await versus(libCall, async () => {
        if (isGit) {
          await cli('git', ['ls-tree', '-l', 'HEAD', ...(dir ? [`${dir}/`] : [])], path);
          await cli('git', ['log', '--format=%H', '--name-only', 'HEAD', ...(dir ? ['--', dir] : [])], path);
        } else {
          await cli('hg', ['files', '-r', 'tip', ...(dir ? [`path:${dir}`] : [])], path);
          await cli('hg', ['log', '-r', 'reverse(::tip)', '-T', '{node} {files}\\n', ...(dir ? [`path:${dir}`] : [])], path);
        }
      }, Math.min(RUNS, 7));
      record(name, label, scan, isGit ? 'ls-tree + one log --name-only scan' : 'hg files + one hg log scan');
      const perEntry = await versus(libCall, async () => {
        for (const e of listing.entries) {
          if (isGit) await cli('git', ['log', '-1', '--format=%H %an %ct %s', 'HEAD', '--', e.path], path);
          else await cli('hg', ['log', '-l', '1', '-r', 'reverse(::tip)', '-T', '{node} {author} {date|hgdate} {desc|firstline}', `path:${e.path}`], path);
        }
      }, Math.min(RUNS, 5));
      record(name, `${label}, CLI per entry`, perEntry, `${listing.entries.length} × ${isGit ? 'git log -1 -- entry' : 'hg log -l1 entry'}`);
    }

    // 4. diff of a large changeset: the generated one, or the fixture's biggest in its newest 300
    const all = await repo.listChangesets({ limit: total });
    let big = all.find((c) => c.message.startsWith('large refactoring'));
    if (!big) {
      const recent = await repo.listChangesets({ limit: 300, withFiles: true });
      big = recent.reduce((a, b) => (b.added.length + b.changed.length + b.removed.length > a.added.length + a.changed.length + a.removed.length ? b : a));
    }
    const bigFiles = (await repo.getChangeset(big.rawId, { withFiles: true }));
    const nfiles = bigFiles.added.length + bigFiles.changed.length + bigFiles.removed.length;
    record(
      name,
      `diff of a large changeset (${nfiles} files), parsed`,
      await versus(
        async () => repo.parseDiff(await repo.changesetDiff(big.rawId)),
        () => (isGit ? cli('git', ['diff', '--binary', '--full-index', '-M', '-C', big.parents[0], big.rawId], path) : cli('hg', ['diff', '--git', '-c', big.rawId], path)),
      ),
      isGit ? 'git diff p1 c' : 'hg diff --git -c',
    );

    // 5. annotate a long file with a long history
    const longFile = name.startsWith('bench') ? 'docs/history.txt' : 'vcs/nodes.py';
    record(
      name,
      `annotate ${longFile}`,
      await versus(
        () => repo.annotate('tip', longFile),
        () => (isGit ? cli('git', ['blame', '--porcelain', 'HEAD', '--', longFile], path) : cli('hg', ['annotate', '-r', 'tip', '-c', '-n', '-u', '-d', longFile], path)),
        Math.min(RUNS, 5),
      ),
      isGit ? 'git blame --porcelain' : 'hg annotate -cnud',
    );

    // 6. hg: the same command through the command server vs one process per call
    if (!isGit) {
      for (const [label, args] of [
        ['hg log -r tip (cmdserver vs spawn)', ['log', '-r', 'tip', '-T', '{node} {author} {desc}\\n']],
        ['hg cat a file (cmdserver vs spawn)', ['cat', '-r', 'tip', files[0]]],
        ['hg files at tip (cmdserver vs spawn)', ['files', '-r', 'tip']],
      ]) {
        record(name, label, await versus(() => repo.hg(args), () => cli('hg', args, path)), 'spawn hg per call');
      }
    }
  } finally {
    await service.close();
  }
}

for (const name of SELECTED) await benchRepo(name);

const table = [
  '| repository | operation | library (ms) | bare CLI (ms) | ratio | CLI compared |',
  '| --- | --- | ---: | ---: | ---: | --- |',
  ...rows.map((r) => `| ${r.repo} | ${r.op} | ${r.lib.toFixed(1)} | ${r.bare === null ? '–' : r.bare.toFixed(1)} | ${r.ratio === null ? '–' : r.ratio.toFixed(2) + '×'} | ${r.bareLabel} |`),
].join('\n');
console.log(`\n${table}\n`);
await mkdir(resolve(here, '..', 'results'), { recursive: true });
await writeFile(join(here, '..', 'results', 'vcs.json'), JSON.stringify({ runs: RUNS, date: new Date().toISOString(), rows }, null, 2));
