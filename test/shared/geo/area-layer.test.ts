import { describe, expect, it } from 'vitest';
import { areaContains, areaGeometry, AreaIndex, buildAreaLayer, layerGeometry } from '../../../shared/geo/area-layer';
import { EdgeTopology } from '../../../shared/geo/borders';
import { packLines, unpackLines } from '../../../shared/geo/packed-lines';
import { areaGeometries, loadDefaultProject } from '../../../electron/services/default-project';
import { assignments, geometries } from '../../fixtures/small-plan';

function layerFrom(topology: EdgeTopology) {
  const p = topology.pack();
  return buildAreaLayer(
    { codes: p.codes, names: p.codes, zoneIds: p.codes.map((c) => assignments.get(c) ?? null) },
    { ringArea: p.ringArea, ringOuter: p.ringOuter, ringStart: p.ringStart, vertices: p.vertices, positions: Float32Array.from(p.positions) },
  );
}

describe('a layer geometry worked out before the areas are known', () => {
  it('is the layer built with it, and one for another number of areas is not used', () => {
    const p = new EdgeTopology(geometries).pack();
    const arrays = { ringArea: p.ringArea, ringOuter: p.ringOuter, ringStart: p.ringStart, vertices: p.vertices, positions: Float32Array.from(p.positions) };
    const areas = { codes: p.codes, names: p.codes, zoneIds: p.codes.map(() => null) };
    const early = layerGeometry(arrays);
    expect(early.areaRings).toHaveLength(p.codes.length + 1);
    const plain = buildAreaLayer(areas, arrays);
    expect(buildAreaLayer(areas, arrays, early)).toEqual(plain);
    expect(buildAreaLayer(areas, arrays, early).boxes).toBe(early.boxes);
    // One area more than the rings name (an area with no rings yet): the early geometry is for too few areas.
    const more = { codes: [...p.codes, 'X'], names: [...p.codes, 'X'], zoneIds: [...p.codes.map(() => null), null] };
    const built = buildAreaLayer(more, arrays, early);
    expect(built.areaRings).toHaveLength(p.codes.length + 2);
    expect(built.boxes).toHaveLength((p.codes.length + 1) * 4);
  });
});

describe('the packed topology', () => {
  it('unpacks to a topology with the same outlines, dissolve and neighbours', () => {
    const built = new EdgeTopology(geometries);
    const unpacked = EdgeTopology.unpack(built.pack());
    const group = (code: string) => assignments.get(code);
    expect(unpacked.outlines(group)).toEqual(built.outlines(group));
    expect(unpacked.dissolve(group)).toEqual(built.dissolve(group));
    expect(unpacked.neighbours()).toEqual(built.neighbours());
  });

  it('does the same for the embedded project, and finds each area under its own middle', () => {
    const project = loadDefaultProject();
    const areas = areaGeometries(project);
    const built = new EdgeTopology(areas);
    const unpacked = EdgeTopology.unpack(built.pack());
    const district = new Map(project.areas.map((a) => [a.code, a.district]));
    expect(unpacked.outlines((c) => district.get(c))).toEqual(built.outlines((c) => district.get(c)));

    const layer = layerFrom(built);
    const index = new AreaIndex(layer);
    let found = 0;
    layer.codes.forEach((code, i) => {
      const g = areaGeometry(layer, i);
      expect(g.type === 'Polygon' ? 1 : g.coordinates.length).toBe(areas.get(code)!.type === 'Polygon' ? 1 : areas.get(code)!.coordinates.length);
      // A point just inside the first outer ring: the midpoint of its first edge nudged towards the box middle.
      const b = layer.boxes.subarray(i * 4, i * 4 + 4);
      const [cx, cy] = [(b[0]! + b[2]!) / 2, (b[1]! + b[3]!) / 2];
      if (areaContains(layer, i, cx, cy)) {
        expect(index.at(cx, cy)).toBe(i);
        found += 1;
      }
    });
    // Most areas hold the middle of their box; those that do are found by the index.
    expect(found).toBeGreaterThan(layer.codes.length * 0.8);
    expect(index.at(0, 0)).toBe(-1);

    // Anywhere over the county and around it, the index answers what asking every area in turn answers.
    const [w, s, e, n] = [0, 1, 2, 3].map((k) => (k < 2 ? Math.min : Math.max)(...Array.from({ length: layer.codes.length }, (_, a) => layer.boxes[a * 4 + k]!)));
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    let inside = 0;
    for (let i = 0; i < 2000; i++) {
      const x = w! - 0.05 + random() * (e! - w! + 0.1);
      const y = s! - 0.05 + random() * (n! - s! + 0.1);
      const slow = layer.codes.findIndex((_, a) => areaContains(layer, a, x, y));
      expect(index.at(x, y)).toBe(slow);
      if (slow >= 0) inside += 1;
    }
    expect(inside).toBeGreaterThan(500); // the county fills about two fifths of that box
  });
});

describe('packed lines', () => {
  it('keep lines apart with a NaN pair and come back as they went, to Float32 precision (half a metre)', () => {
    const lines = [
      [[-1.1, 52.6], [-1.2, 52.7]],
      [[-0.9, 52.8], [-0.95, 52.85], [-1, 52.9]],
    ];
    const back = unpackLines(packLines(lines));
    expect(back).toHaveLength(2);
    back.flat().forEach((p, i) => {
      expect(p[0]).toBeCloseTo(lines.flat()[i]![0]!, 5);
      expect(p[1]).toBeCloseTo(lines.flat()[i]![1]!, 5);
    });
    expect(unpackLines(packLines([]))).toEqual([]);
  });
});

describe('delta varints', () => {
  it('come back exactly, small steps in one byte, big jumps and negatives too', async () => {
    const { encodeDeltas, decodeDeltas } = await import('../../../shared/geo/varint');
    const values = Int32Array.from([0, 1, 2, 3, 2, 1, 1_000_000, 999_999, -5, 2 ** 30, 0, 7]);
    const bytes = encodeDeltas(values);
    expect(Array.from(decodeDeltas(bytes, values.length))).toEqual(Array.from(values));
    const run = Int32Array.from({ length: 1000 }, (_, i) => i);
    expect(encodeDeltas(run).length).toBe(1000);
  });
});
