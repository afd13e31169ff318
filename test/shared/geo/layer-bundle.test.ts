import { describe, expect, it } from 'vitest';
import { EdgeTopology } from '../../../shared/geo/borders';
import { layerBundleBounds, layerBundleRevision, packLayerBundle, relabelLayerBundle, unpackLayerBundle, type LayerBundle } from '../../../shared/geo/layer-bundle';
import { flatBounds } from '../../../shared/geo/bounds';
import { areaGeometries, loadDefaultProject } from '../../../electron/services/default-project';

describe('the area layer bundle', () => {
  const p = new EdgeTopology(areaGeometries(loadDefaultProject())).pack();
  const layer: LayerBundle = { revision: 'Xq3_-z8Rk2Lm0aBcDeFgHi', ringArea: p.ringArea, ringOuter: p.ringOuter, ringStart: p.ringStart, vertices: p.vertices, positions: Float32Array.from(p.positions) };

  it('reads back exactly what was packed, from a buffer starting anywhere', () => {
    const packed = packLayerBundle(layer);
    // Far smaller than the arrays as they are: vertex ids take about a byte each.
    expect(packed.length).toBeLessThan(p.vertices.byteLength + layer.positions.byteLength);
    const shifted = new Uint8Array(packed.length + 3);
    shifted.set(packed, 3);
    const aligned = new Uint8Array(packed.length + 8);
    aligned.set(packed, 8);
    for (const bytes of [packed, shifted.subarray(3), aligned.subarray(8)]) {
      const back = unpackLayerBundle(bytes);
      // Read in place when its start allows (no copy of the arrays), copied out when not.
      expect(back.positions.buffer === bytes.buffer).toBe(bytes.byteOffset % 4 === 0);
      expect(back.revision).toBe(layer.revision);
      for (const name of ['ringArea', 'ringOuter', 'ringStart', 'vertices', 'positions'] as const) expect(Array.from(back[name])).toEqual(Array.from(layer[name]));
    }
  });

  it('is relabelled for another revision, of any length, with its arrays as they were; its revision and bounds read in place', () => {
    const packed = packLayerBundle(layer);
    expect(layerBundleRevision(packed)).toBe(layer.revision);
    for (const revision of ['', 'a', 'ab', 'abc', 'abcd', 'another-revision_0123456789']) {
      const relabelled = relabelLayerBundle(packed, revision);
      expect(layerBundleRevision(relabelled)).toBe(revision);
      const back = unpackLayerBundle(relabelled);
      expect(back.revision).toBe(revision);
      for (const name of ['ringArea', 'ringOuter', 'ringStart', 'vertices', 'positions'] as const) expect(Array.from(back[name])).toEqual(Array.from(layer[name]));
      // Relabelled back, byte for byte the bundle packed under that revision.
      expect(relabelLayerBundle(relabelled, layer.revision)).toEqual(packed);
    }
    // From a buffer starting anywhere, as SQLite hands blobs back.
    const shifted = new Uint8Array(packed.length + 5);
    shifted.set(packed, 5);
    expect(layerBundleBounds(shifted.subarray(5))).toEqual(flatBounds(layer.positions));
    expect(() => relabelLayerBundle(packed, 'é')).toThrow('must be ASCII');
    expect(() => layerBundleBounds(packed.subarray(0, packed.length - 5))).toThrow(/cut short/);
  });

  it('refuses what is not a bundle, or is cut short, with a message', () => {
    const packed = packLayerBundle(layer);
    expect(() => unpackLayerBundle(packed.subarray(0, 10))).toThrow('too short');
    expect(() => unpackLayerBundle(packed.subarray(0, packed.length - 5))).toThrow(/cut short: \d+ bytes of \d+/);
    const wrong = packed.slice();
    wrong[0] = 0;
    expect(() => unpackLayerBundle(wrong)).toThrow('wrong first bytes');
    expect(() => packLayerBundle({ ...layer, revision: 'é' })).toThrow('must be ASCII');
  });
});
