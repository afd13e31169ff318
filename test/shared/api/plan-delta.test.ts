import { describe, expect, it } from 'vitest';
import type { MapData, MapState, PlanDelta } from '../../../shared/api/contract';
import type { PlanMetrics, ZoneMetrics } from '../../../shared/coverage/schemas';
import { isPlanDelta, mapAfter, mapStateAfter, metricsAfter } from '../../../shared/api/plan-delta';

const map: MapData = {
  plan: { id: 1, name: 'Plan' },
  layerRevision: 'r1',
  areas: { codes: ['A1', 'A2', 'B1', 'C1'], names: ['a1', 'a2', 'b1', 'c1'], districts: ['D', 'D', 'D', 'D'], zoneIds: ['ZA', 'ZA', 'ZB', null] },
  layer: { revision: 'r1', ringArea: new Int32Array(), ringOuter: new Uint8Array(), ringStart: new Int32Array(1), vertices: new Int32Array(), positions: new Float32Array(), areas: { codes: [], names: [], districts: [] }, districtOutlines: [] },
  zoneOutlines: [
    { zoneId: 'ZA', lines: 'za-before' },
    { zoneId: 'ZB', lines: 'zb-before' },
  ],
  districtOutlines: [],
  places: [],
  bounds: null,
};
const zone = (zoneId: string, demandHours: number) => ({ zoneId, demandHours }) as unknown as ZoneMetrics;
const delta = (over: Partial<PlanDelta>): PlanDelta => ({
  plan: { id: 1, name: 'Plan' },
  lot: 'all',
  assignments: [],
  zoneOutlines: [],
  zones: [],
  totals: { demandHours: 0 } as unknown as PlanDelta['totals'],
  checks: { disconnected: [], emptyZones: [], belowMinimumDemand: [], unassignedAreas: [] },
  history: { canUndo: null, canRedo: null },
  ...over,
});

describe('mapAfter', () => {
  it("moves areas, replaces the touched zones' outlines and adds a zone drawn for the first time", () => {
    const after = mapAfter(map, delta({ assignments: [['A2', 'ZB'], ['C1', 'ZC']], zoneOutlines: [{ zoneId: 'ZB', lines: 'zb-after' }, { zoneId: 'ZC', lines: 'zc' }, { zoneId: 'ZA', lines: 'za-after' }] }));
    expect(after.areas.zoneIds).toEqual(['ZA', 'ZB', 'ZB', 'ZC']);
    expect(after.zoneOutlines).toEqual([
      { zoneId: 'ZA', lines: 'za-after' },
      { zoneId: 'ZB', lines: 'zb-after' },
      { zoneId: 'ZC', lines: 'zc' },
    ]);
    expect(map.areas.zoneIds).toEqual(['ZA', 'ZA', 'ZB', null]); // not changed in place: React sees a new object
  });

  it('keeps the static parts by reference, so the decoded layer is reused', () => {
    const after = mapAfter(map, delta({ assignments: [['A1', 'ZB']], zoneOutlines: [{ zoneId: 'ZB', lines: 'zb-after' }] }));
    expect(after.layer).toBe(map.layer);
    expect(after.areas.codes).toBe(map.areas.codes);
    expect(after.zoneOutlines[0]).toBe(map.zoneOutlines[0]);
  });

  it('returns the same map data when an edit moved nothing (a zone renamed): nothing on the map to draw again', () => {
    expect(mapAfter(map, delta({ assignments: [], zoneOutlines: [] }))).toBe(map);
  });

  it("leaves another plan's map data alone", () => {
    expect(mapAfter(map, delta({ plan: { id: 2, name: 'Other' }, assignments: [['A1', 'ZB']] }))).toBe(map);
  });

  it("patches the service's map state (zones alone, beside the layer's codes) as it patches the page's map data", () => {
    const { areas, districtOutlines: _d, layer: _l, ...rest } = map;
    const state: MapState = { ...rest, zoneIds: areas.zoneIds };
    const edit = delta({ assignments: [['A2', 'ZB'], ['C1', 'ZC']], zoneOutlines: [{ zoneId: 'ZB', lines: 'zb-after' }, { zoneId: 'ZC', lines: 'zc' }], removedZones: ['ZA'] });
    const page = mapAfter(map, edit);
    const service = mapStateAfter(state, areas.codes, edit);
    expect(service.zoneIds).toEqual(page.areas.zoneIds);
    expect(service.zoneOutlines).toEqual(page.zoneOutlines);
    expect(mapStateAfter(state, areas.codes, delta({ plan: { id: 2, name: 'Other' }, assignments: [['A1', 'ZB']] }))).toBe(state);
  });
});

describe('metricsAfter', () => {
  it("replaces the touched zones' figures in place and the totals", () => {
    const before: PlanMetrics = { zones: [zone('ZA', 10), zone('ZB', 20), zone('ZC', 30)], totals: { demandHours: 60 } as unknown as PlanMetrics['totals'] };
    const after = metricsAfter(before, delta({ zones: [zone('ZB', 25), zone('ZA', 5)], totals: { demandHours: 60 } as unknown as PlanDelta['totals'] }));
    expect(after.zones.map((z) => [z.zoneId, z.demandHours])).toEqual([['ZA', 5], ['ZB', 25], ['ZC', 30]]);
    expect(after.zones[2]).toBe(before.zones[2]);
    expect(after.totals.demandHours).toBe(60);
  });
});

describe('metricsAfter, when the zones themselves change', () => {
  it('drops a zone the edit did away with and adds a new one last', () => {
    const metrics = { zones: [zone('ZA', 1), zone('ZB', 2)], totals: {} } as unknown as PlanMetrics;
    const after = metricsAfter(metrics, delta({ zones: [zone('ZC', 3), zone('ZA', 4)], removedZones: ['ZB'] }));
    expect(after.zones.map((z) => [z.zoneId, z.demandHours])).toEqual([['ZA', 4], ['ZC', 3]]);
  });

  it('mapAfter drops the outline of a zone the edit did away with', () => {
    const after = mapAfter(map, delta({ assignments: [['B1', 'ZA']], zoneOutlines: [{ zoneId: 'ZA', lines: 'za-after' }], removedZones: ['ZB'] }));
    expect(after.zoneOutlines.map((o) => o.zoneId)).toEqual(['ZA']);
  });
});

describe('isPlanDelta', () => {
  it('tells a delta from an edit\'s other answers', () => {
    expect(isPlanDelta(delta({}))).toBe(true);
    expect(isPlanDelta({ canUndo: 'Move 1 area', canRedo: null })).toBe(false);
    expect(isPlanDelta({ zoneId: 'Z15', history: { canUndo: null, canRedo: null } })).toBe(false);
    expect(isPlanDelta(null)).toBe(false);
  });
});
