import { describe, expect, it } from 'vitest';
import { EdgeTopology } from '../../../shared/geo/borders';
import { layerBundleBounds, layerBundleRevision, packLayerBundle, relabelLayerBundle, unpackLayerBundle, type LayerBundle } from '../../../shared/geo/layer-bundle';
import { flatBounds } from '../../../shared/geo/bounds';
import { packLines } from '../../../shared/geo/packed-lines';
import { areaGeometries, loadDefaultProject } from '../../../electron/services/default-project';

describe('the area layer bundle', () => {
  const project = loadDefaultProject();
  const topology = new EdgeTopology(areaGeometries(project));
  const p = topology.pack();
  const byCode = new Map(project.areas.map((a) => [a.code, a]));
  // Names as imports may bring them: any text, quotes and non-ASCII letters included.
  const names = p.codes.map((c, i) => (i === 0 ? 'Ashby "North" — Zoë’s ward' : i === 1 ? 'Llanfair\\ 7' : byCode.get(c)!.name));
  const districts = p.codes.map((c) => byCode.get(c)!.district);
  const outlines = topology.outlines((c) => byCode.get(c)!.district);
  const layer: LayerBundle = {
    revision: 'Xq3_-z8Rk2Lm0aBcDeFgHi',
    ringArea: p.ringArea,
    ringOuter: p.ringOuter,
    ringStart: p.ringStart,
    vertices: p.vertices,
    positions: Float32Array.from(p.positions),
    areas: { codes: p.codes, names, districts },
    districtOutlines: project.districts.filter((d) => outlines.has(d.code)).map((d) => ({ code: d.code, name: d.name, lines: packLines(outlines.get(d.code)!) })),
  };
  const same = (back: LayerBundle) => {
    expect(back.revision).toBe(layer.revision);
    for (const name of ['ringArea', 'ringOuter', 'ringStart', 'vertices', 'positions'] as const) expect(Array.from(back[name])).toEqual(Array.from(layer[name]));
    expect(back.areas).toEqual(layer.areas);
    expect(back.districtOutlines.map((d) => [d.code, d.name, Array.from(d.lines)])).toEqual(layer.districtOutlines.map((d) => [d.code, d.name, Array.from(d.lines)]));
  };

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
      same(back);
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
      same({ ...back, revision: layer.revision });
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
    // A bundle of the first format (rings only, "CCL1"), as a project kept before the areas' names joined it.
    const first = packed.slice();
    first[3] = '1'.charCodeAt(0);
    expect(() => unpackLayerBundle(first)).toThrow('wrong first bytes');
  });

  it("carries a district an area names but no outline was given for, with none, and each area's district as it was", () => {
    const [dropped, ...kept] = layer.districtOutlines;
    const back = unpackLayerBundle(packLayerBundle({ ...layer, districtOutlines: kept }));
    expect(back.areas.districts).toEqual(layer.areas.districts);
    const carried = back.districtOutlines.find((d) => d.code === dropped!.code)!;
    expect(carried.lines).toHaveLength(0);
    expect(back.districtOutlines).toHaveLength(layer.districtOutlines.length);
  });
});
