import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotStreamable, streamFeatureCollection, type CollectionMembers } from '../../../electron/import/geojson-stream';
import { ImportFileError } from '../../../electron/import/errors';
import { tempDir } from '../../helpers/temp';
import { fixture } from './import-helpers';

function stream(text: string | Buffer, chunkBytes: number) {
  const file = path.join(tempDir(), 'stream.geojson');
  fs.writeFileSync(file, text);
  const features: unknown[] = [];
  let begun: CollectionMembers | null = null;
  const chunks: Buffer[] = [];
  const members = streamFeatureCollection(
    file,
    fs.statSync(file).size,
    {
      begin: (m) => (begun = m),
      feature: (value, index) => {
        expect(index).toBe(features.length);
        features.push(value);
      },
      bytes: (chunk) => chunks.push(Buffer.from(chunk)),
    },
    chunkBytes,
  );
  return { members, begun, features, bytes: Buffer.concat(chunks) };
}

describe('streamFeatureCollection', () => {
  const real = fs.readFileSync(fixture('melton-6.geojson'));
  const whole = JSON.parse(real.toString('utf8')) as { features: unknown[] };

  it.each([1, 7, 4096, 1 << 20])('hands on every feature of a real file as JSON.parse reads it, whatever the chunk size (%i bytes)', (chunkBytes) => {
    const { features, members, begun, bytes } = stream(real, chunkBytes);
    expect(features).toEqual(whole.features);
    expect(begun).toMatchObject({ type: 'FeatureCollection', features: [] });
    expect(members).toMatchObject({ type: 'FeatureCollection' });
    expect(bytes.equals(real)).toBe(true);
  });

  it('reads strings with escaped quotes and brackets, a byte-order mark, members after the features, and Windows-1252 names', () => {
    const text = '\ufeff{"type":"FeatureCollection","name":"a \\"[quoted]\\" {name}","features":[ {"properties":{"n":"]},\\\\"}} , null ],"crs":{"type":"name"}}';
    const { features, members, begun } = stream(text, 3);
    expect(features).toEqual([{ properties: { n: ']},\\' } }, null]);
    expect(begun).toEqual({ type: 'FeatureCollection', name: 'a "[quoted]" {name}', features: [] });
    expect(members).toEqual({ type: 'FeatureCollection', name: 'a "[quoted]" {name}', features: [], crs: { type: 'name' } });
    const latin = Buffer.concat([Buffer.from('{"features":[{"name":"Caf'), Buffer.from([0xe9]), Buffer.from('"}]}')]);
    expect(stream(latin, 5).features).toEqual([{ name: 'Café' }]);
  });

  it('names the feature whose JSON is broken, and says when the file stops part-way', () => {
    expect(() => stream('{"features":[{"a":1},{"a":2,}]}', 4)).toThrow(new ImportFileError('feature 2 is not valid JSON: ' + jsonError('{"a":2,}')));
    expect(() => stream('{"features":[{"a":1},,{"a":2}]}', 4)).toThrow(/empty place after feature 1/);
    expect(() => stream(real.subarray(0, 5000), 512)).toThrow(/the file ends part-way through \(5,000 bytes read, in the middle of feature 2\)/);
  });

  it('leaves files that are not a FeatureCollection with a features list to be read whole, before handing on anything', () => {
    for (const text of ['[1, 2]', '{"type":"Topology","objects":{}}', '{"type":"Feature","geometry":null}', '   ']) {
      expect(() => stream(text, 4), text).toThrow(NotStreamable);
    }
    expect(() => stream(Buffer.from('\ufeff{"features":[]}', 'utf16le'), 4)).toThrow(NotStreamable);
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('streamFeatureCollection, strings cut anywhere', () => {
  const tricky = fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', 'é', '£', '🙂', 'a', ' ', '\n') });
  const feature = fc.record({
    type: fc.constant('Feature'),
    properties: fc.dictionary(tricky, fc.oneof(tricky, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.array(tricky, { maxLength: 3 }))),
    geometry: fc.constant({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [0, 0]]] }),
  });

  it('agrees with JSON.parse on properties full of quotes, backslashes, braces and accents, wherever the chunks cut', () => {
    fc.assert(
      fc.property(fc.array(feature, { minLength: 1, maxLength: 8 }), tricky, fc.integer({ min: 1, max: 12 }), (features, name, chunk) => {
        const text = JSON.stringify({ type: 'FeatureCollection', name, features });
        expect(stream(text, chunk).features).toEqual(JSON.parse(text).features);
      }),
      { numRuns: 300 },
    );
  });
});
