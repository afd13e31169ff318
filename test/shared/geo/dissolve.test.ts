import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/temp';
import { beforeAll, describe, expect, it } from 'vitest';
import { booleanValid } from '@turf/turf';
import { EdgeTopology, EdgeTopologyBuilder, signedArea } from '../../../shared/geo/borders';
import { polygonsOf, type AreaGeometry, type Position } from '../../../shared/geo/types';
import { assignments, geometries } from '../../fixtures/small-plan';
import { areaGeometries, loadDefaultProject } from '../../../electron/services/default-project';

const areaOf = (polygons: Position[][][]) => polygons.reduce((sum, rings) => sum + rings.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * Math.abs(signedArea(ring)) / 2, 0), 0);
const areaOfGeometry = (g: AreaGeometry) => areaOf(polygonsOf(g));

describe('EdgeTopology.dissolve on the small fixture', () => {
  const zones = new EdgeTopology(geometries).dissolve((code) => assignments.get(code));

  it('merges two squares into one polygon with no internal border', () => {
    const za = zones.get('ZA')!;
    expect(za).toHaveLength(1);
    expect(za[0]).toHaveLength(1); // no holes
    expect(areaOf(za)).toBeCloseTo(areaOfGeometry(geometries.get('A1')!) + areaOfGeometry(geometries.get('A2')!), 12);
    expect(za[0]![0]!.some((p) => p[0] === -1.25 && p[1]! > 52.6 && p[1]! < 52.65)).toBe(false);
  });

  it('orients outer rings anticlockwise and closes every ring', () => {
    for (const polygons of zones.values()) {
      for (const [outer] of polygons) {
        expect(signedArea(outer!)).toBeGreaterThan(0);
        expect(outer![0]).toEqual(outer!.at(-1));
      }
    }
  });
});

describe('EdgeTopology.dissolve on the real Leicestershire LSOAs', () => {
  let geometriesByArea: Map<string, AreaGeometry>;
  let zoneOf: Map<string, string>;
  let zones: Map<string, Position[][][]>;

  beforeAll(() => {
    const project = loadDefaultProject();
    geometriesByArea = areaGeometries(project);
    zoneOf = new Map(project.plan.assignments);
    zones = new EdgeTopology(geometriesByArea).dissolve((code) => zoneOf.get(code));
  });

  it('keeps the total area of the areas (within 0.01%)', () => {
    const areas = [...geometriesByArea.values()].reduce((sum, g) => sum + areaOfGeometry(g), 0);
    const dissolved = [...zones.values()].reduce((sum, polygons) => sum + areaOf(polygons), 0);
    expect(Math.abs(dissolved - areas) / areas).toBeLessThan(1e-4);
  });

  it('leaves no holes that are not holes in the source', () => {
    const sourceHoles = [...geometriesByArea.values()].reduce((n, g) => n + polygonsOf(g).reduce((m, rings) => m + rings.length - 1, 0), 0);
    const zoneHoles = [...zones.values()].reduce((n, polygons) => n + polygons.reduce((m, rings) => m + rings.length - 1, 0), 0);
    expect(zoneHoles).toBeLessThanOrEqual(sourceHoles);
    expect(zoneHoles).toBe(0); // Leicester city's hole in the county is bordered by several zones, so no zone holds it
  });

  it('makes every zone a valid (Multi)Polygon', () => {
    for (const [zoneId, polygons] of zones) {
      const geometry = polygons.length === 1 ? { type: 'Polygon' as const, coordinates: polygons[0]! } : { type: 'MultiPolygon' as const, coordinates: polygons };
      expect(booleanValid(geometry), zoneId).toBe(true);
    }
  });

  it('gives neighbouring zones identical shared borders', () => {
    // Every vertex on a zone's boundary that lies on another zone's boundary is the very same coordinate pair.
    const key = (p: Position) => `${p[0]},${p[1]}`;
    const seen = new Map<string, Set<string>>();
    for (const [zoneId, polygons] of zones) for (const rings of polygons) for (const ring of rings) for (const p of ring) (seen.get(key(p)) ?? seen.set(key(p), new Set()).get(key(p))!).add(zoneId);
    const sharedVertices = [...seen.values()].filter((s) => s.size > 1).length;
    expect(sharedVertices).toBeGreaterThan(500);
    // And for each pair of neighbouring zones, the shared vertices form the same sequence on both sides.
    const z1 = zones.get('Z13')!.flat(2).map(key).filter((k) => seen.get(k)!.has('Z14'));
    const z2 = zones.get('Z14')!.flat(2).map(key).filter((k) => seen.get(k)!.has('Z13'));
    expect(new Set(z1)).toEqual(new Set(z2));
    expect(z1.length).toBeGreaterThan(10);
  });

  it('gives back byte-identical zones after an area moves and moves back', () => {
    const before = JSON.stringify([...zones]);
    const code = [...zoneOf.entries()].find(([, z]) => z === 'Z14')![0];
    const topology = new EdgeTopology(geometriesByArea);
    const moved = new Map(zoneOf).set(code, 'Z13');
    topology.dissolve((c) => moved.get(c));
    expect(JSON.stringify([...topology.dissolve((c) => zoneOf.get(c))])).toBe(before);
  });
});

describe('EdgeTopology.neighbours', () => {
  it('finds areas that share a border, not those that only meet at a corner or stand apart', () => {
    expect(new EdgeTopology(geometries).neighbours()).toEqual([
      ['A1', 'A2'],
      ['A2', 'B1'],
      ['B1', 'C1'],
    ]);
  });

  it('agrees with the shared-arc neighbours of the embedded project', () => {
    const project = loadDefaultProject();
    const found = new EdgeTopology(areaGeometries(project)).neighbours().map((p) => p.join(' '));
    const expected = project.neighbours.map(([a, b]) => (a < b ? `${a} ${b}` : `${b} ${a}`)).sort();
    expect(found).toEqual(expected);
  });
});

describe('EdgeTopologyBuilder told of neighbours as it adds', () => {
  const told = (source: ReadonlyMap<string, AreaGeometry>) => {
    const pairs: string[] = [];
    const builder = new EdgeTopologyBuilder(undefined, 1 << 10, (a, b) => pairs.push(a < b ? `${a} ${b}` : `${b} ${a}`));
    for (const [code, geometry] of source) builder.add(code, geometry);
    const topology = builder.build();
    return { pairs, topology };
  };

  it('is told each pair once, the same pairs neighbours() finds afterwards (small fixture: not corners, not strangers)', () => {
    const { pairs, topology } = told(geometries);
    expect([...pairs].sort()).toEqual(['A1 A2', 'A2 B1', 'B1 C1']);
    expect([...pairs].sort()).toEqual(topology.neighbours().map((p) => p.join(' ')));
  });

  it('is told exactly the embedded project\'s neighbours, each once, whatever order the areas come in', () => {
    const project = loadDefaultProject();
    const expected = project.neighbours.map(([a, b]) => (a < b ? `${a} ${b}` : `${b} ${a}`)).sort();
    const forward = areaGeometries(project);
    const backward = new Map([...forward].reverse());
    for (const source of [forward, backward]) {
      const { pairs } = told(source);
      expect(new Set(pairs).size).toBe(pairs.length);
      expect([...pairs].sort()).toEqual(expected);
    }
  });
});

describe('EdgeTopology.dissolve on raw published boundaries (borders that do not match vertex for vertex)', () => {
  const raw = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'melton-lsoa11-raw.geojson'), 'utf8')) as {
    features: { properties: { LSOA11CD: string }; geometry: AreaGeometry }[];
  };
  const geometriesRaw = new Map(raw.features.map((f) => [f.properties.LSOA11CD, f.geometry]));

  it('dissolves a whole district into one polygon with no holes: no slivers where neighbours disagree by 1e-9°', () => {
    const dissolved = new EdgeTopology(geometriesRaw).dissolve(() => 'Melton').get('Melton')!;
    expect(dissolved).toHaveLength(1);
    expect(dissolved[0]).toHaveLength(1);
    const areas = [...geometriesRaw.values()].reduce((sum, g) => sum + areaOfGeometry(g), 0);
    expect(Math.abs(areaOf(dissolved) - areas) / areas).toBeLessThan(1e-4);
  });

  it('gives two zones the same border vertices where they meet', () => {
    const codes = [...geometriesRaw.keys()].sort();
    const half = new Set(codes.slice(0, Math.floor(codes.length / 2)));
    const zones = new EdgeTopology(geometriesRaw).dissolve((c) => (half.has(c) ? 'A' : 'B'));
    const key = (p: Position) => `${p[0]},${p[1]}`;
    const a = new Set(zones.get('A')!.flat(2).map(key));
    const shared = zones.get('B')!.flat(2).map(key).filter((k) => a.has(k));
    expect(shared.length).toBeGreaterThan(5);
    for (const polygons of zones.values()) expect(booleanValid((polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons }) as never)).toBe(true);
  });
});
