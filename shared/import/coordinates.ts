import type { Bounds } from '../geo/bounds';

/**
 * What a file's coordinates look like, judged from their extent, for a county
 * in England: longitude/latitude, latitude/longitude (swapped), or metres on
 * the British National Grid.
 */
export type CoordinateGuess = 'lonlat' | 'latlon' | 'bng' | 'unknown';

export function guessCoordinates(b: Bounds): CoordinateGuess {
  const inside = (lo: number, hi: number, min: number, max: number) => lo >= min && hi <= max;
  if (inside(b.minX, b.maxX, -9, 2.5) && inside(b.minY, b.maxY, 49, 61)) return 'lonlat';
  if (inside(b.minX, b.maxX, 49, 61) && inside(b.minY, b.maxY, -9, 2.5)) return 'latlon';
  if (inside(b.minX, b.maxX, 0, 700_000) && inside(b.minY, b.maxY, 0, 1_300_000) && b.maxX - b.minX > 10) return 'bng';
  if (inside(b.minX, b.maxX, -180, 180) && inside(b.minY, b.maxY, -90, 90)) return 'lonlat';
  return 'unknown';
}
