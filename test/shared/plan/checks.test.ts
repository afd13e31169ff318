import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { checkPlan, recheckZones, zonePieces } from '../../../shared/plan/checks';
import { ZoneMembers } from '../../../shared/plan/zone-members';
import { neighbourLists } from '../../../shared/geo/area-neighbours';
import { areaNeighbours, smallPlan } from '../../fixtures/small-plan';

describe('zonePieces', () => {
  it("splits a zone into the pieces its areas' adjacency makes, ignoring borders with other zones", () => {
    // A1–A2–B1–C1 in a row; A1 and B1 in one zone are two pieces because A2 between them is not.
    const pieces = zonePieces(new Map([['A1', 'Z'], ['A2', 'Y'], ['B1', 'Z'], ['C1', 'Z']]), areaNeighbours);
    expect(pieces.get('Z')).toEqual([['A1'], ['B1', 'C1']]);
    expect(pieces.get('Y')).toEqual([['A2']]);
  });
});

describe('checkPlan on the small plan', () => {
  it('names disconnected, empty, below-minimum zones and unassigned areas', () => {
    // D1 (no neighbours) moves into ZA, leaving ZD empty; E1 is unassigned, leaving ZE empty.
    const inputs = smallPlan();
    inputs.assignments.set('D1', 'ZA');
    inputs.assignments.delete('E1');
    const checks = checkPlan(inputs, computePlanMetrics(inputs), areaNeighbours, 160);
    expect(checks.disconnected).toEqual([{ zoneId: 'ZA', pieces: [['A1', 'A2'], ['D1']] }]);
    expect(checks.emptyZones).toEqual(['ZD', 'ZE']);
    // Demand: ZA 60 + 40 + 50 = 150, ZB 200, ZC 150.
    expect(checks.belowMinimumDemand).toEqual([
      { zoneId: 'ZA', demandHours: 150 },
      { zoneId: 'ZC', demandHours: 150 },
    ]);
    expect(checks.unassignedAreas).toEqual(['E1']);
  });

  it('finds nothing to fix in the plan as given with no minimum', () => {
    const inputs = smallPlan();
    const checks = checkPlan(inputs, computePlanMetrics(inputs), areaNeighbours, 0);
    // D1 and E1 are zones of one area each; the fixture's zones are each one piece.
    expect(checks).toEqual({ disconnected: [], emptyZones: [], belowMinimumDemand: [], unassignedAreas: [] });
  });
});

describe('recheckZones', () => {
  const codes = smallPlan().areas.map((a) => a.code);
  const zoneIds = smallPlan().zones.map((z) => z.id);
  const lists = neighbourLists(areaNeighbours);

  it.each([
    ['scanning the plan for the touched zones\' areas', false],
    ['told each touched zone\'s areas (ZoneMembers) and the moves', true],
  ])('gives what checkPlan gives after any run of moves, looking again only at the zones the moves touched: %s', (_how, told) => {
    const move = fc.tuple(fc.constantFrom(...codes), fc.option(fc.constantFrom(...zoneIds), { nil: null }));
    fc.assert(
      fc.property(fc.array(move, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 250 }), (moves, minimum) => {
        const inputs = smallPlan();
        const members = new ZoneMembers(inputs.assignments);
        let checks = checkPlan(inputs, computePlanMetrics(inputs), areaNeighbours, minimum);
        for (const [code, zoneId] of moves) {
          const from = inputs.assignments.get(code);
          const touched = new Set([from, zoneId].filter((z): z is string => Boolean(z)));
          if (zoneId === null) inputs.assignments.delete(code);
          else inputs.assignments.set(code, zoneId);
          members.move(code, from, zoneId);
          const known = told ? { membersOf: (z: string) => members.of(z), moves: new Map([[code, zoneId]]) } : undefined;
          checks = recheckZones(checks, inputs, computePlanMetrics(inputs), lists, minimum, touched, known);
          expect(checks).toEqual(checkPlan(inputs, computePlanMetrics(inputs), areaNeighbours, minimum));
        }
      }),
    );
  });

  it('keeps an untouched zone\'s pieces from before rather than walking it again', () => {
    const inputs = smallPlan();
    const stale = { disconnected: [{ zoneId: 'ZB', pieces: [['B1'], ['B2']] }], emptyZones: [], belowMinimumDemand: [], unassignedAreas: [] };
    const checks = recheckZones(stale, inputs, computePlanMetrics(inputs), lists, 0, new Set(['ZA']));
    expect(checks.disconnected).toEqual(stale.disconnected);
  });
});
