import type { PlanMetrics } from '../coverage/schemas';
import type { Area } from '../domain/types';
import { signedArea } from '../geo/borders';
import { polygonsOf, type AreaGeometry, type Position } from '../geo/types';
import { careful, zoneTable, type Cell, type TableOptions } from './tables';

export interface GeoFeature {
  type: 'Feature';
  id: string;
  properties: Record<string, Cell | boolean>;
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

export interface GeoFeatureCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

const round6 = (p: Position): Position => [Math.round(p[0]! * 1e6) / 1e6, Math.round(p[1]! * 1e6) / 1e6];

/**
 * RFC 7946's right-hand rule (outer rings anticlockwise, holes clockwise), six
 * decimals (~0.1 m), and no rings without area: generalised boundaries carry a
 * few collapsed slivers that every GIS would report as invalid.
 */
export function rfc7946Polygons(polygons: Position[][][]): Position[][][] {
  const oriented = (ring: Position[], outer: boolean) => ((signedArea(ring) > 0) === outer ? ring : [...ring].reverse());
  const result: Position[][][] = [];
  for (const [outer, ...holes] of polygons) {
    const shell = outer?.map(round6);
    if (!shell || signedArea(shell) === 0) continue;
    result.push([oriented(shell, true), ...holes.map((h) => h.map(round6)).filter((h) => signedArea(h) !== 0).map((h) => oriented(h, false))]);
  }
  return result;
}

function geometryOf(polygons: Position[][][]): GeoFeature['geometry'] {
  const rewound = rfc7946Polygons(polygons);
  return rewound.length === 1 ? { type: 'Polygon', coordinates: rewound[0]! } : { type: 'MultiPolygon', coordinates: rewound };
}

/** Zones with their metrics as attributes (the zone table's columns), as RFC 7946 GeoJSON (WGS84, no crs member). */
export function zonesFeatureCollection(metrics: PlanMetrics, shapes: ReadonlyMap<string, Position[][][]>, options: TableOptions): GeoFeatureCollection {
  const rows = new Map(zoneTable(metrics, options).rows.map((row) => [row.zone_id as string, row]));
  return {
    type: 'FeatureCollection',
    features: metrics.zones
      .filter((z) => shapes.get(z.zoneId)?.length)
      .map((z) => ({ type: 'Feature', id: z.zoneId, properties: rows.get(z.zoneId)!, geometry: geometryOf(shapes.get(z.zoneId)!) })),
  };
}

/** Areas with their zone and attributes. */
export function areasFeatureCollection(
  areas: readonly Area[],
  geometries: ReadonlyMap<string, AreaGeometry>,
  zoneOf: ReadonlyMap<string, string>,
  zoneNames: ReadonlyMap<string, string>,
  demandHours: ReadonlyMap<string, number>,
  options: TableOptions,
): GeoFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: areas
      .filter((a) => geometries.has(a.code))
      .map((a) => ({
        type: 'Feature',
        id: a.code,
        properties: {
          area_code: a.code,
          name: a.name,
          district: a.district,
          zone_id: zoneOf.get(a.code) ?? null,
          zone_name: zoneNames.get(zoneOf.get(a.code) ?? '') ?? null,
          population: a.population,
          ruc11: a.ruc,
          demand_hours: careful(demandHours.get(a.code) ?? 0, options),
        },
        geometry: geometryOf(polygonsOf(geometries.get(a.code)!)),
      })),
  };
}
