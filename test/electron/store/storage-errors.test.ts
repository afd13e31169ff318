import { describe, expect, it } from 'vitest';
import { asStorageError, isSystemFolder, saveProblem, storageCause } from '../../../electron/store/storage-errors';

const failure = (code: string, path?: string) => Object.assign(new Error(`raw ${code} text`), { code, path });

describe('storage errors in plain words', () => {
  it.each([
    ['SQLITE_FULL', 'the disk is full'],
    ['SQLITE_READONLY_DBMOVED', 'the file or its folder is read-only'],
    ['EACCES', 'permission was refused'],
    ['ENAMETOOLONG', 'the name is too long'],
    ['EROFS', 'the disk is read-only'],
    ['ENOENT', 'the folder /home/officer does not exist'],
  ])('%s → %s', (code, words) => {
    expect(storageCause('/home/officer/county.carecover', failure(code))).toBe(words);
  });

  it('leaves bugs alone: an error without a system code is not a storage problem', () => {
    expect(storageCause('/x', new TypeError('x is undefined'))).toBeNull();
    expect(asStorageError(new TypeError('x is undefined'), '/x')).toBeNull();
  });

  it('promises nothing changed on a failed save and says what to do, without the raw text', () => {
    const error = saveProblem('/mnt/share/county.carecover', failure('SQLITE_READONLY'))!;
    expect(error.code).toBe('storage');
    expect(error.message).toBe('Could not save /mnt/share/county.carecover: the file or its folder is read-only. Nothing was changed. Use Save As (or copy the file) to work on it somewhere you can write.');
  });

  it('names the file a stray Node error carries', () => {
    expect(asStorageError(failure('EACCES', '/home/officer/zones.pdf'), '/p.carecover')!.message).toBe('Could not use /home/officer/zones.pdf: permission was refused.');
  });

  it.each([
    ['/etc/cron.d/job.csv', true],
    ['/dev/zero.carecover', true],
    ['/usr/share/x.pdf', true],
    ['C:\\Windows\\System32\\x.csv', true],
    ['/home/officer/plans/county.carecover', false],
    ['/tmp/zones.csv', false],
    ['/etcetera/zones.csv', false],
  ])('%s is a system folder: %s', (file, system) => {
    expect(isSystemFolder(file)).toBe(system);
  });
});
