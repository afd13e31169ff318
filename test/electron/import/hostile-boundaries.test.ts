import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFingerprint } from '../../helpers/project-fingerprint';
import { tempDir } from '../../helpers/temp';
import { importFile, previewFile, project } from './import-helpers';
import { emptyBounds, extendRawBounds } from '../../../electron/import/boundary-check';
import { readAreaGeometries } from '../../../electron/store/model-data';

const write = (name: string, text: string) => {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
};
const square = [[[-0.9, 52.7], [-0.8, 52.7], [-0.8, 52.8], [-0.9, 52.8], [-0.9, 52.7]]];

describe('boundary files nobody here wrote', () => {
  it('refuses coordinates nested thousands of levels deep with a message naming the feature, and writes nothing', async () => {
    const { db, file } = project();
    const before = dataFingerprint(file);
    const deep = `${'['.repeat(5000)}0,0${']'.repeat(5000)}`;
    const bad = write('deep.geojson', `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"A"},"geometry":{"type":"Polygon","coordinates":${deep}}}]}`);
    await expect(importFile(db, 'areas', bad, { idField: 'id' })).rejects.toThrow('feature 1 (A): its coordinates are nested more than 5 levels deep (a Polygon\'s are 3 levels, a MultiPolygon\'s 4), so it is not a boundary');
    expect(dataFingerprint(file)).toBe(before);
  });

  it('reads a position only as far as its first two numbers: a tail nested thousands deep after them is dropped like z and m, not walked', async () => {
    const { db } = project();
    const tail = `${'['.repeat(5000)}0${']'.repeat(5000)}`;
    const ring = square[0]!.map(([x, y]) => `[${x},${y},${tail}]`).join(',');
    const file = write('deep-tail.geojson', `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"A"},"geometry":{"type":"Polygon","coordinates":[[${ring}]]}}]}`);
    const { result } = await importFile(db, 'areas', file, { idField: 'id' });
    expect(result).toMatchObject({ accepted: 1 });
    expect(readAreaGeometries(db).get('A')).toEqual({ type: 'Polygon', coordinates: square });
  });

  it('finds the depth of coordinates and their extent in one walk, looking no deeper than asked', () => {
    const b = emptyBounds();
    expect(extendRawBounds(b, { type: 'Polygon', coordinates: square })).toBe(3);
    expect(extendRawBounds(b, { type: 'MultiPolygon', coordinates: [square, [[[1, 2], [3, -4], [1, 2]]]] })).toBe(4);
    expect(b).toEqual({ minX: -0.9, minY: -4, maxX: 3, maxY: 52.8 });
    expect(extendRawBounds(emptyBounds(), { coordinates: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) as unknown }, 5)).toBe(6);
  });

  it('says how to choose the id property, on screen and on the command line, and what to do when there are no properties', async () => {
    const { db } = project();
    const anonymous = write('anonymous.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { colour: 'red', shade: 2 }, geometry: { type: 'Polygon', coordinates: square } }] }));
    expect((await previewFile(db, 'areas', anonymous)).blocked).toBe('choose which property holds each feature\'s id: in the import dialog, the "Id property" choice; on the command line, --id-field NAME (the properties are "colour", "shade")');
    const bare = write('bare.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: square } }] }));
    expect((await previewFile(db, 'areas', bare)).blocked).toMatch(/^the features have no properties at all, so none can serve as an id: give each feature an id property/);
  });
});
