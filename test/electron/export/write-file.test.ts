import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch';
import { createServices } from '../../../electron/services';
import { dataFingerprint } from '../../helpers/project-fingerprint';
import { tempDir } from '../../helpers/temp';

/** The exportDocument method, as the browser host and Electron call it, against the open project's own files. */
describe('where an export may be written', () => {
  async function openSample() {
    const dir = tempDir();
    const file = path.join(dir, 'county.carecover');
    const services = createServices({ host: 'web', userData: tempDir() });
    services.session.create(file, 'default');
    return { dir, file, services };
  }
  const request = { kind: 'table', format: 'csv' } as const;
  /** Calls exportDocument through the contract, as a host does: resolves to the value, rejects with the typed error. */
  async function exportTo(services: ReturnType<typeof createServices>, target: string) {
    const envelope = await dispatch(services.handlers, 'exportDocument', { request, path: target });
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as { path: string | null };
  }

  it('refuses the open project, its -wal and -shm, and leaves them as they were', async () => {
    const { file, services } = await openSample();
    try {
      const before = dataFingerprint(file);
      for (const target of [file, `${file}-wal`, `${file}-shm`]) {
        const result = await exportTo(services, target).catch((e: Error & { code: string }) => e);
        expect(result).toMatchObject({ code: 'invalid-input' });
      }
      // A project file whose name ends .csv is still the project: refused as such.
      const disguised = path.join(path.dirname(file), 'county.csv');
      fs.symlinkSync(file, disguised);
      const result = await exportTo(services, disguised).catch((e: Error & { code: string }) => e);
      expect((result as Error).message).toMatch(/that is the open project's own file/);
      expect(dataFingerprint(file)).toBe(before);
      // The project is still open and whole.
      expect(services.session.db().pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      services.close();
    }
  });

  it('writes only files of the export format, and says why not in plain words, leaving no .partial behind', async () => {
    const { dir, services } = await openSample();
    try {
      const fail = (target: string) => exportTo(services, target).then(() => null, (e: Error) => e.message);
      expect(await fail(path.join(dir, 'cron-job'))).toMatch(/a CSV export goes to a file ending .csv/);
      expect(await fail(path.join(dir, 'missing', 'zones.csv'))).toMatch(/Could not write .*zones\.csv: the folder .*missing does not exist\./);
      fs.mkdirSync(path.join(dir, 'folder.csv'));
      expect(await fail(path.join(dir, 'folder.csv'))).toMatch(/it is a folder/);
      const ok = await exportTo(services, path.join(dir, 'zones.csv'));
      expect(ok.path).toBe(path.join(dir, 'zones.csv'));
      expect(fs.readFileSync(ok.path!, 'utf8')).toMatch(/^\uFEFFZone ID,/);
      expect(fs.readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
      // A file of another kind under the format's ending is not replaced.
      const binary = path.join(dir, 'photo.csv');
      fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]));
      expect(await fail(binary)).toMatch(/photo\.csv: the file there is not a text file, so CareCover will not replace it/);
      expect(fs.readFileSync(binary)[0]).toBe(0x89);
      // An earlier export of the same format is.
      await expect(exportTo(services, path.join(dir, 'zones.csv'))).resolves.toMatchObject({ path: path.join(dir, 'zones.csv') });
    } finally {
      services.close();
    }
  });
});
