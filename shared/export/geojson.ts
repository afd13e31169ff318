import type { PlanMetrics } from '../coverage/schemas';
import type { Area } from '../domain/types';
import { signedArea } from '../geo/borders';
import { polygonsOf, type AreaGeometry, type Position } from '../geo/types';
import { suppressRows, zoneTable, type Cell, type TableOptions } from './tables';
import { groupBy } from '../group';

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

/** What an area's row publishes about the care in it. */
export interface AreaFigures {
  demandHours: number;
  people: number;
}

/**
 * Areas with their zone and attributes. Counts of people are suppressed as in
 * the zone table, and secondary suppression runs within each zone, whose
 * total the zone table publishes.
 */
export function areasFeatureCollection(
  areas: readonly Area[],
  geometries: ReadonlyMap<string, AreaGeometry>,
  zoneOf: ReadonlyMap<string, string>,
  zoneNames: ReadonlyMap<string, string>,
  figures: ReadonlyMap<string, AreaFigures>,
  options: TableOptions,
): GeoFeatureCollection {
  const shown = areas.filter((a) => geometries.has(a.code));
  const rows: Record<string, Cell>[] = shown.map((a) => ({
    area_code: a.code,
    name: a.name,
    district: a.district,
    zone_id: zoneOf.get(a.code) ?? null,
    zone_name: zoneNames.get(zoneOf.get(a.code) ?? '') ?? null,
    population: a.population,
    ruc: a.ruc,
    demand_hours: Math.round((figures.get(a.code)?.demandHours ?? 0) * 10) / 10,
    people: Math.round(figures.get(a.code)?.people ?? 0),
  }));
  const groups = groupBy(shown.keys(), (i) => zoneOf.get(shown[i]!.code) ?? '');
  suppressRows(rows, shown.map((a) => figures.get(a.code)?.people ?? 0), [...groups.values()], ['demand_hours', 'people'], options);
  return {
    type: 'FeatureCollection',
    features: shown.map((a, i) => ({ type: 'Feature', id: a.code, properties: rows[i]!, geometry: geometryOf(polygonsOf(geometries.get(a.code)!)) })),
  };
}
