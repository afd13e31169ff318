import type { Provider } from '../domain/types';
import { distanceToShape, localProjection, projectShape, type ProjectedShape } from './distance';
import type { AreaGeometry } from './types';

/**
 * What contingency and withdrawal need to know about where things are: which
 * zones share a border, and how far each provider's branch is from each zone.
 */
export interface ZoneGeography {
  areNeighbours(zoneA: string, zoneB: string): boolean;
  neighboursOf(zoneId: string): string[];
  /** Kilometres from the provider's branch to the zone (0 when the branch is inside it). */
  distanceKm(providerId: string, zoneId: string): number;
}

/** Zone borders follow area borders: two zones are neighbours when any of their areas are. */
export function zoneNeighbours(areaNeighbours: readonly (readonly [string, string])[], assignments: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    let set = result.get(a);
    if (!set) result.set(a, (set = new Set()));
    set.add(b);
  };
  for (const [a, b] of areaNeighbours) {
    const za = assignments.get(a);
    const zb = assignments.get(b);
    if (za === undefined || zb === undefined || za === zb) continue;
    link(za, zb);
    link(zb, za);
  }
  return result;
}

export function buildZoneGeography(input: {
  areaGeometries: ReadonlyMap<string, AreaGeometry>;
  areaNeighbours: readonly (readonly [string, string])[];
  assignments: ReadonlyMap<string, string>;
  providers: readonly Provider[];
}): ZoneGeography {
  const neighbours = zoneNeighbours(input.areaNeighbours, input.assignments);
  const latitudes = input.providers.map((p) => p.lat);
  const referenceLat = latitudes.length ? latitudes.reduce((a, b) => a + b, 0) / latitudes.length : 52.6;
  const projection = localProjection(referenceLat);

  const geometriesByZone = new Map<string, AreaGeometry[]>();
  for (const [areaCode, zoneId] of input.assignments) {
    const geometry = input.areaGeometries.get(areaCode);
    if (!geometry) continue;
    let list = geometriesByZone.get(zoneId);
    if (!list) geometriesByZone.set(zoneId, (list = []));
    list.push(geometry);
  }
  const shapes = new Map<string, ProjectedShape>();
  const branches = new Map(input.providers.map((p) => [p.id, projection.project(p.lon, p.lat)]));
  const cache = new Map<string, number>();

  return {
    areNeighbours: (a, b) => neighbours.get(a)?.has(b) ?? false,
    neighboursOf: (zoneId) => [...(neighbours.get(zoneId) ?? [])].sort(),
    distanceKm(providerId, zoneId) {
      const key = `${providerId}\u0000${zoneId}`;
      const known = cache.get(key);
      if (known !== undefined) return known;
      const branch = branches.get(providerId);
      let shape = shapes.get(zoneId);
      if (!shape) {
        shape = projectShape(geometriesByZone.get(zoneId) ?? [], projection);
        shapes.set(zoneId, shape);
      }
      const distance = branch && shape.polygons.length ? distanceToShape(shape, branch[0], branch[1]) : Infinity;
      cache.set(key, distance);
      return distance;
    },
  };
}
