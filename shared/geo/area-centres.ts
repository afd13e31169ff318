import { polygonsOf, type AreaGeometry } from './types';

/**
 * A point standing for an area when distances to it are measured: the centre of
 * its outer rings' bounding box. LSOAs are small (a few hundred metres in
 * towns, a few kilometres in the country), so this is as good as a centroid
 * for a reach of kilometres, and far cheaper.
 */
export function areaCentre(geometry: AreaGeometry): [number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x! < minX) minX = x!;
      if (x! > maxX) maxX = x!;
      if (y! < minY) minY = y!;
      if (y! > maxY) maxY = y!;
    }
  }
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

export function areaCentres(geometries: ReadonlyMap<string, AreaGeometry>): Map<string, [number, number]> {
  return new Map([...geometries].map(([code, g]) => [code, areaCentre(g)]));
}
