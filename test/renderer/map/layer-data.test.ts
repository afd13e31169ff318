import { describe, expect, it } from 'vitest';
import type { MapState } from '../../../shared/api/contract';
import { codeIndexOf, mapAfter, mapDataOf, withLayer } from '../../../shared/api/plan-delta';
import { EdgeTopology } from '../../../shared/geo/borders';
import { packLines } from '../../../shared/geo/packed-lines';
import { packLayerBundle, unpackLayerBundle } from '../../../shared/geo/layer-bundle';
import { layerOf, prepareLayer, prepareMapData, zoneOutlineFloats } from '../../../renderer/src/map/layer-data';
import { projectedLine } from '../../../renderer/src/map/projection';

// Four unit squares in a row, two districts, two zones.
const square = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 52], [x + 0.01, 52], [x + 0.01, 52.01], [x, 52.01], [x, 52]]] });
const codes = ['A', 'B', 'C', 'D'];
const topology = new EdgeTopology(new Map(codes.map((c, i) => [c, square(i * 0.01)])));
const packed = topology.pack();
const district = (code: string) => (codes.indexOf(code) < 2 ? 'D1' : 'D2');
const outlines = topology.outlines(district);
const layerBytes = packLayerBundle({
  revision: 'r1',
  ringArea: packed.ringArea,
  ringOuter: packed.ringOuter,
  ringStart: packed.ringStart,
  vertices: packed.vertices,
  positions: Float32Array.from(packed.positions),
  areas: { codes: packed.codes, names: packed.codes.map((c) => `Area ${c}`), districts: packed.codes.map(district) },
  districtOutlines: [...outlines].map(([code, lines]) => ({ code, name: `District ${code}`, lines: packLines(lines) })),
});
const base64 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
const state = (zoneIds: (string | null)[]): MapState => ({
  plan: { id: 1, name: 'Plan' },
  layerRevision: 'r1',
  zoneIds,
  zoneOutlines: [{ zoneId: 'Z1', lines: base64(new Float32Array([0, 52, 0.02, 52])) }],
  places: [],
  bounds: null,
});

describe('the layer and map state prepared as they arrive', () => {
  it('decodes the layer once: every map data over it shares its arrays and index, with its own zones beside the codes', () => {
    const layer = unpackLayerBundle(layerBytes);
    prepareLayer(layer);
    const zones = packed.codes.map((c) => (codes.indexOf(c) < 2 ? 'Z1' : 'Z2'));
    const first = mapDataOf(state(zones), layer);
    prepareMapData(first);
    const drawn = layerOf(first);
    expect(drawn.layer.codes).toEqual(packed.codes);
    expect(drawn.layer.names).toEqual(packed.codes.map((c) => `Area ${c}`));
    expect(drawn.layer.zoneIds).toEqual(zones);
    const after = mapAfter(first, { plan: first.plan, assignments: [['A', 'Z2']], zoneOutlines: [] });
    const redrawn = layerOf(after);
    expect(redrawn.index).toBe(drawn.index);
    expect(redrawn.layer.positions).toBe(drawn.layer.positions);
    expect(redrawn.layer.zoneIds[packed.codes.indexOf('A')]).toBe('Z2');
    expect(layerOf(after)).toBe(redrawn); // asked again, the same view
  });

  it('projects the district outlines with the layer and the zone outlines with the state, once each, as the map later asks for them', () => {
    const layer = unpackLayerBundle(layerBytes);
    prepareLayer(layer);
    const districtLine = projectedLine(layer.districtOutlines[0]!.lines);
    expect(projectedLine(layer.districtOutlines[0]!.lines)).toBe(districtLine);
    expect(districtLine.mercator.length).toBe(layer.districtOutlines[0]!.lines.length);
    const map = mapDataOf(state(packed.codes.map(() => 'Z1')), layer);
    prepareMapData(map);
    const floats = zoneOutlineFloats(map.zoneOutlines[0]!);
    expect(Array.from(floats)).toEqual(Array.from(new Float32Array([0, 52, 0.02, 52])));
    expect(zoneOutlineFloats(map.zoneOutlines[0]!)).toBe(floats);
    const zoneLine = projectedLine(floats);
    expect(zoneLine.west).toBe(0);
    expect(zoneLine.east).toBeCloseTo(0.02, 6);
    expect(zoneLine.mercator[0]).toBeCloseTo(0.5, 9); // longitude 0 is the middle of the world
  });

  it("gives each code's place in the layer, made once per layer (the page asks as the layer arrives), as an edit's delta uses it", () => {
    const layer = unpackLayerBundle(layerBytes);
    prepareLayer(layer);
    const index = codeIndexOf(layer.areas.codes);
    expect([...index]).toEqual(layer.areas.codes.map((code, i) => [code, i]));
    const map = mapDataOf(state(packed.codes.map(() => 'Z1')), layer);
    const after = mapAfter(map, { plan: map.plan, assignments: [['C', 'Z2']], zoneOutlines: [] });
    expect(after.areas.zoneIds[index.get('C')!]).toBe('Z2');
    expect(codeIndexOf(layer.areas.codes)).toBe(index);
  });

  it('puts another layer of the same areas under map data (the full layer for its overview), keeping the plan, its zones and outlines', () => {
    const overview = { ...unpackLayerBundle(layerBytes), overview: true };
    const full = unpackLayerBundle(layerBytes);
    const edited = mapAfter(mapDataOf(state(packed.codes.map(() => 'Z1')), overview), { plan: { id: 1, name: 'Plan' }, assignments: [['C', 'Z2']], zoneOutlines: [] });
    const swapped = withLayer(edited, full);
    expect(swapped.layer).toBe(full);
    expect(swapped.areas).toEqual({ ...full.areas, zoneIds: edited.areas.zoneIds });
    expect(swapped.districtOutlines).toBe(full.districtOutlines);
    expect([swapped.plan, swapped.zoneOutlines, swapped.places, swapped.bounds]).toEqual([edited.plan, edited.zoneOutlines, edited.places, edited.bounds]);
    expect(layerOf(swapped).layer.zoneIds[codeIndexOf(full.areas.codes).get('C')!]).toBe('Z2');
  });

  it("refuses a state over another revision's layer", () => {
    const layer = unpackLayerBundle(layerBytes);
    expect(() => mapDataOf({ ...state([]), layerRevision: 'r2' }, layer)).toThrow('revision r1');
  });
});
