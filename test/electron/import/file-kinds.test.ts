import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFingerprint } from '../../helpers/project-fingerprint';
import { tempDir } from '../../helpers/temp';
import { previewFile, project } from './import-helpers';

/** What an import reads: regular files of a bounded size only, refused at once otherwise, the project untouched. */
describe('files an import refuses before reading', () => {
  const refuse = async (file: string, kind: 'providers' | 'areas' = 'providers') => {
    const { db, file: projectFile } = project('default');
    const before = dataFingerprint(projectFile);
    const started = performance.now();
    const error = (await previewFile(db, kind, file).catch((e: unknown) => e)) as Error;
    const took = performance.now() - started;
    expect(dataFingerprint(projectFile)).toBe(before);
    return { message: error.message, took };
  };

  it('a device such as /dev/zero', async () => {
    const { message, took } = await refuse('/dev/zero');
    expect(message).toMatch(/zero: this is not a regular file \(a device, a pipe or a socket\)/);
    expect(took).toBeLessThan(5000); // not read at all: it would never end
  });

  it('a named pipe', async () => {
    const fifo = path.join(tempDir(), 'providers.csv');
    execFileSync('mkfifo', [fifo]);
    expect((await refuse(fifo)).message).toMatch(/providers\.csv: this is not a regular file/);
  });

  it('a folder', async () => {
    const folder = path.join(tempDir(), 'providers.csv');
    fs.mkdirSync(folder);
    expect((await refuse(folder)).message).toMatch(/providers\.csv: this is a folder, not a file/);
  });

  it('a table over the limit, with the limit in the message', async () => {
    const big = path.join(tempDir(), 'providers.csv');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 300 * 2 ** 20); // sparse: takes no disk
    expect((await refuse(big)).message).toMatch(/providers\.csv: the file is 300 MB, more than the 256 MB an import of this kind reads/);
  });

  it('a system file with no ending, such as /etc/shadow, without reading a byte of it', async () => {
    const secret = path.join(tempDir(), 'shadow');
    fs.writeFileSync(secret, 'root:$6$secret:19000:0:99999:7:::\n');
    const { message } = await refuse(secret);
    expect(message).toMatch(/shadow: CareCover imports files ending \.csv, \.tsv, \.txt, \.xlsx, \.xls here, not a file with no ending/);
    expect(message).not.toContain('secret');
  });

  it('a file whose first bytes are not what its ending says', async () => {
    const dir = tempDir();
    const png = path.join(dir, 'providers.csv');
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect((await refuse(png)).message).toMatch(/providers\.csv: the file ends \.csv but is not a text file/);
    const gpkg = path.join(dir, 'areas.gpkg');
    fs.writeFileSync(gpkg, '{"type":"FeatureCollection","features":[]}');
    expect((await refuse(gpkg, 'areas')).message).toMatch(/areas\.gpkg: the file ends \.gpkg but is not an SQLite database/);
  });
});
