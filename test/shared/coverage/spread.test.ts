import { describe, expect, it } from 'vitest';
import { spreadZoneContracts } from '../../../shared/coverage/spread';
import { areaCentres } from '../../../shared/geo/area-centres';
import { assignments, demand, geometries, providers } from '../../fixtures/small-plan';

const centres = areaCentres(geometries);
const spread = (contracts: Parameters<typeof spreadZoneContracts>[0]['contracts'], distanceLimitKm = 15, provs = providers) =>
  spreadZoneContracts({ contracts, assignments, demand, providers: provs, areaCentres: centres, distanceLimitKm });

describe('spreadZoneContracts', () => {
  it("spreads a zone's hours over its areas in proportion to demand, marked estimated", () => {
    // ZA: A1 has 60 hours of home-care demand, A2 40.
    const rows = spread([{ providerId: 'P1', zoneId: 'ZA', contractedHours: 70, additionalHours: 10 }]);
    expect(rows.map((r) => [r.areaCode, r.service, r.committedHours, r.additionalHours, r.basis])).toEqual([
      ['A1', 'home-care', 42, 6, 'estimated'],
      ['A2', 'home-care', 28, 4, 'estimated'],
    ]);
  });

  it('keeps to areas within reach of the branch where any has demand', () => {
    // P1's branch is at -1.27: A1's centre (-1.275) is 0.3 km away, A2's (-1.225) 3.1 km. With a 2 km reach only A1 is in reach.
    const rows = spread([{ providerId: 'P1', zoneId: 'ZA', contractedHours: 70, additionalHours: 0 }], 2);
    expect(rows.map((r) => [r.areaCode, r.committedHours])).toEqual([['A1', 70]]);
    // No area in reach (P6 sits by E1, far from ZA): all areas of the zone share the hours.
    const far = spread([{ providerId: 'P6', zoneId: 'ZA', contractedHours: 50, additionalHours: 0 }], 2);
    expect(far.map((r) => [r.areaCode, r.committedHours])).toEqual([
      ['A1', 30],
      ['A2', 20],
    ]);
  });

  it("splits between a provider's services by their demand", () => {
    const both = providers.map((p) => (p.id === 'P3' ? { ...p, services: ['home-care' as const, 'chc' as const] } : p));
    const rows = spread([{ providerId: 'P3', zoneId: 'ZB', contractedHours: 100, additionalHours: 0 }], 15, both);
    expect(rows.map((r) => [r.service, r.committedHours])).toEqual([
      ['home-care', 90],
      ['chc', 10],
    ]);
  });

  it('keeps every hour: the rows of each contract add up to it, and contracts in one area add up', () => {
    const contracts = [
      { providerId: 'P1', zoneId: 'ZA', contractedHours: 70, additionalHours: 0 },
      { providerId: 'P1', zoneId: 'ZB', contractedHours: 50, additionalHours: 10 },
      { providerId: 'P5', zoneId: 'ZD', contractedHours: 0, additionalHours: 90 },
    ];
    const rows = spread(contracts);
    expect(rows.reduce((t, r) => t + r.committedHours, 0)).toBeCloseTo(120, 10);
    expect(rows.reduce((t, r) => t + r.additionalHours, 0)).toBeCloseTo(100, 10);
  });

  it('shares a zone with no demand for the service evenly over its areas', () => {
    const liveIn = providers.map((p) => (p.id === 'P1' ? { ...p, services: ['live-in' as const] } : p));
    const rows = spread([{ providerId: 'P1', zoneId: 'ZA', contractedHours: 10, additionalHours: 0 }], 50, liveIn);
    expect(rows.map((r) => [r.areaCode, r.service, r.committedHours])).toEqual([
      ['A1', 'live-in', 5],
      ['A2', 'live-in', 5],
    ]);
  });
});
