import type { Position } from './types';

/**
 * Polylines as one Float32Array of longitude, latitude pairs, a NaN pair
 * between lines: how the map's outlines travel (as base64), a quarter of the
 * size of JSON arrays and no parsing of numbers. Float32 keeps English
 * longitudes and latitudes to within half a metre: for drawing, not for storing.
 */
export function packLines(lines: readonly Position[][]): Float32Array {
  const count = lines.reduce((n, line) => n + line.length + 1, 0);
  const out = new Float32Array(Math.max(0, count - 1) * 2);
  let at = 0;
  lines.forEach((line, i) => {
    if (i > 0) {
      out[at++] = Number.NaN;
      out[at++] = Number.NaN;
    }
    for (const p of line) {
      out[at++] = p[0]!;
      out[at++] = p[1]!;
    }
  });
  return out;
}

export function unpackLines(packed: ArrayLike<number>): number[][][] {
  const lines: number[][][] = [];
  let line: number[][] = [];
  for (let i = 0; i < packed.length; i += 2) {
    if (Number.isNaN(packed[i]!)) {
      lines.push(line);
      line = [];
    } else line.push([packed[i]!, packed[i + 1]!]);
  }
  if (line.length) lines.push(line);
  return lines;
}
