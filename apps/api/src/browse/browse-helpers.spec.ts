// Pure helpers of the browse endpoints: raw-file delivery, the journal filter, patch headers and diff file ids.
import type { Changeset } from '@grove/shared';
import { formatPatch, rfc2822 } from './changesets/patch';
import { diffFileId } from './diff-view';
import { guessMimetype, rawDelivery } from './files/mimetypes';
import { parseJournalFilter } from './journal/journal-filter';

describe('raw file delivery (§1.3)', () => {
  test('never text/html; images inline; binaries and downloads as attachments', () => {
    expect(rawDelivery('a/page.html', false, false)).toEqual({ contentType: 'text/plain; charset=utf-8', attachment: false });
    expect(rawDelivery('a/page.html', false, true)).toEqual({ contentType: 'text/plain; charset=utf-8', attachment: true });
    expect(rawDelivery('logo.PNG', true, false)).toEqual({ contentType: 'image/png', attachment: false });
    expect(rawDelivery('icon.svg', false, false)).toEqual({ contentType: 'image/svg+xml', attachment: false });
    expect(rawDelivery('blob.bin', true, false)).toEqual({ contentType: 'application/octet-stream', attachment: true });
    expect(rawDelivery('data.json', false, true)).toEqual({ contentType: 'application/json', attachment: true });
    expect(guessMimetype('Makefile', false)).toBe('text/plain');
  });
});

describe('journal filter (§3.7)', () => {
  test('field:value terms, repository by default, wildcards, AND/OR', () => {
    expect(parseJournalFilter('myrepo')).toEqual({ sql: '(LOWER(l.repository_name) = :f0)', params: { f0: 'myrepo' } });
    expect(parseJournalFilter('username:Bob* OR action:*repo*')).toEqual({
      sql: "(LOWER(l.username) LIKE :f0 ESCAPE '\\' OR LOWER(l.action) LIKE :f1 ESCAPE '\\')",
      params: { f0: 'bob%', f1: '%repo%' },
    });
    expect(parseJournalFilter('ip:*.1 repository:a_b*')?.params).toEqual({ f0: '%.1', f1: 'a\\_b%' });
    expect(parseJournalFilter('   ')).toBeNull();
  });
  test('dates: one day, or a range whose bare end day is included', () => {
    expect(parseJournalFilter('date:20120101')?.params).toEqual({ f0a: new Date('2012-01-01T00:00:00Z'), f0b: new Date('2012-01-02T00:00:00Z') });
    expect(parseJournalFilter('date:[20120101100000 TO 20120102]')?.params).toEqual({ f0a: new Date('2012-01-01T10:00:00Z'), f0b: new Date('2012-01-03T00:00:00Z') });
  });
  test('unknown fields and bad dates are refused', () => {
    expect(() => parseJournalFilter('colour:red')).toThrow('Unknown journal filter field colour');
    expect(() => parseJournalFilter('date:2012')).toThrow('Bad date 2012');
  });
});

describe('patches (§1.4)', () => {
  const changeset = {
    rawId: 'a'.repeat(40),
    author: 'Ann <ann@example.com>',
    date: { timestamp: 1_600_000_000, offset: 120 },
    authorDate: { timestamp: 1_600_000_000, offset: 120 },
    message: 'Subject line\n\nBody text\n',
    parents: ['b'.repeat(40)],
  } as Changeset;
  const diff = Buffer.from('diff --git a/x b/x\n');
  test('hg export header', () => {
    expect(formatPatch('hg', changeset, diff).toString()).toBe(
      `# HG changeset patch\n# User Ann <ann@example.com>\n# Date 1600000000 -7200\n#      Sun, 13 Sep 2020 14:26:40 +0200\n# Node ID ${'a'.repeat(40)}\n# Parent  ${'b'.repeat(40)}\nSubject line\n\nBody text\n\ndiff --git a/x b/x\n`,
    );
  });
  test('git format-patch header', () => {
    expect(formatPatch('git', changeset, diff).toString()).toBe(
      `From ${'a'.repeat(40)} Mon Sep 17 00:00:00 2001\nFrom: Ann <ann@example.com>\nDate: Sun, 13 Sep 2020 14:26:40 +0200\nSubject: [PATCH] Subject line\n\nBody text\n\n---\n\ndiff --git a/x b/x\n`,
    );
    expect(rfc2822({ timestamp: 0, offset: -330 })).toBe('Wed, 31 Dec 1969 18:30:00 -0530');
  });
});

test('diff file ids are C-<hash12>-<md5(path)[:12]>', () => {
  // md5('a.txt') = a5e54d1fd7bb69a228ef0dcd2431367e
  expect(diffFileId('0123456789abcdef'.repeat(2) + '01234567', 'a.txt')).toBe('C-0123456789ab-a5e54d1fd7bb');
});
