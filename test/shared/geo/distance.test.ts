import { describe, expect, it } from 'vitest';
import { distanceToShape, localProjection, pointDistanceKm, projectShape } from '../../../shared/geo/distance';
import type { AreaGeometry } from '../../../shared/geo/types';
import { KM_PER_DEG_LON, LAT, square } from '../../fixtures/small-plan';

/** Great-circle distance on a sphere of the mean Earth radius, to check the local projection against. */
function haversineKm([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

describe('pointDistanceKm', () => {
  it('is 110.574 km for a degree of latitude and 111.32 cos(lat) km for a degree of longitude', () => {
    expect(pointDistanceKm([-1, 52], [-1, 53])).toBeCloseTo(110.574, 9);
    expect(pointDistanceKm([-2, LAT], [-1, LAT])).toBeCloseTo(KM_PER_DEG_LON, 9);
  });

  it('is within 0.5% of the great-circle distance across a county', () => {
    for (const [a, b] of [
      [[-1.6, 52.4], [-0.7, 52.95]],
      [[-1.2, 52.6], [-1.1, 52.7]],
      [[-2.1, 53.4], [-1.4, 53.1]],
    ] as [[number, number], [number, number]][]) {
      const ours = pointDistanceKm(a, b);
      expect(Math.abs(ours - haversineKm(a, b)) / haversineKm(a, b)).toBeLessThan(0.005);
    }
  });
});

describe('distanceToShape', () => {
  const projection = localProjection(LAT);
  const at = (lon: number, lat: number) => projection.project(lon, lat);

  it('is 0 inside, and the distance to the nearest edge outside', () => {
    const shape = projectShape([square(-1.3)], projection);
    expect(distanceToShape(shape, ...at(-1.28, 52.62))).toBe(0);
    // 0.01° east of the east edge (at -1.25).
    expect(distanceToShape(shape, ...at(-1.24, 52.62))).toBeCloseTo(0.01 * KM_PER_DEG_LON, 9);
    // 0.01° north of the north-east corner and 0.01° east: to the corner.
    expect(distanceToShape(shape, ...at(-1.24, 52.66))).toBeCloseTo(Math.hypot(0.01 * KM_PER_DEG_LON, 0.01 * 110.574), 9);
    expect(shape.minX).toBeCloseTo(-1.3 * KM_PER_DEG_LON, 9);
    expect(shape.maxY).toBeCloseTo(52.65 * 110.574, 9);
  });

  it('measures from inside a hole to the hole\'s edge', () => {
    const holed: AreaGeometry = {
      type: 'Polygon',
      coordinates: [(square(-1.3) as { coordinates: number[][][] }).coordinates[0]!, [[-1.29, 52.61], [-1.26, 52.61], [-1.26, 52.64], [-1.29, 52.64], [-1.29, 52.61]]],
    };
    const shape = projectShape([holed], projection);
    // In the hole, 0.005° of longitude from its west side and far from the others.
    expect(distanceToShape(shape, ...at(-1.285, 52.625))).toBeCloseTo(0.005 * KM_PER_DEG_LON, 9);
    expect(distanceToShape(shape, ...at(-1.295, 52.625))).toBe(0);
  });
});
