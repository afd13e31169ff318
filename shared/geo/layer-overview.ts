import { flatBounds } from './bounds';
import type { LayerBundle } from './layer-bundle';

/**
 * The area layer as the map draws it with the whole layer in view: the same
 * areas and rings, with every vertex that falls in a grid cell already taken
 * merged into that cell's first. It is what the first map is drawn from; the
 * full layer follows once that map is on screen (renderer/src/workspace/map-data.ts).
 *
 * At a whole view the map drops vertices under half a pixel apart anyway
 * (renderer/src/map/area-drawing.ts). England's layer (930,000 vertices,
 * 12 MB) has an overview of 137,000 vertices in 3.6 MB: sending, decoding and
 * projecting the rest before the first map cost it about 300 ms on a
 * two-core laptop.
 *
 * The cells are square on the map (Web Mercator), 1/OVERVIEW_CELLS of the
 * layer's longer side: under half a pixel where the whole layer spans up to
 * 512 pixels (England opening on a laptop's screen), under one up to 1,024;
 * the full layer replaces it within a second or so. The merge is by cell, not
 * along each ring, so a border shared by two areas stays shared: both sides
 * take the same kept vertices, and no gap opens between neighbours. A ring
 * may shrink to a vertex or two (an area smaller than a cell), which the map
 * draws as a dot; no ring or area is dropped, so everything indexed by area
 * or ring is the same as in the full layer.
 */
export const OVERVIEW_CELLS = 1024;

/** The overview of `layer`, or null when it would keep most of the vertices (a county's layer: then the full layer is the overview). */
export function layerOverview(layer: LayerBundle, cells = OVERVIEW_CELLS): LayerBundle | null {
  const grid = gridOf(layer.positions, cells);
  const vertexCount = layer.positions.length / 2;
  // Each vertex's kept vertex: the first vertex of its cell, numbered in the order first kept.
  const keptOf = new Int32Array(vertexCount).fill(-1);
  // One slot per cell (a million or so): a typed table, several times faster than a Map here.
  const cellKept = new Int32Array(grid.cells).fill(-1);
  const positions: number[] = [];
  const keep = (v: number): number => {
    let kept = keptOf[v]!;
    if (kept >= 0) return kept;
    const cell = grid.cell(layer.positions[2 * v]!, layer.positions[2 * v + 1]!);
    kept = cellKept[cell]!;
    if (kept < 0) {
      kept = positions.length / 2;
      cellKept[cell] = kept;
      positions.push(layer.positions[2 * v]!, layer.positions[2 * v + 1]!);
    }
    keptOf[v] = kept;
    return kept;
  };
  const rings = layer.ringArea.length;
  const ringStart = new Int32Array(rings + 1);
  const vertices: number[] = [];
  for (let k = 0; k < rings; k++) {
    const start = vertices.length;
    for (let i = layer.ringStart[k]!; i < layer.ringStart[k + 1]!; i++) {
      const kept = keep(layer.vertices[i]!);
      if (vertices.length === start || vertices[vertices.length - 1] !== kept) vertices.push(kept);
    }
    // A ring that came back to its first cell: the closing vertex is implied.
    while (vertices.length - start > 1 && vertices[vertices.length - 1] === vertices[start]) vertices.pop();
    ringStart[k + 1] = vertices.length;
  }
  if (positions.length > layer.positions.length / 2) return null;
  return {
    ...layer,
    ringStart,
    vertices: Int32Array.from(vertices),
    positions: Float32Array.from(positions),
    districtOutlines: layer.districtOutlines.map((d) => ({ ...d, lines: thinLines(d.lines, grid) })),
    overview: true,
  };
}

interface Grid {
  /** How many cells there are. */
  cells: number;
  /** The cell of a longitude and latitude, as one number below `cells`. */
  cell(x: number, y: number): number;
}

/** Square cells over the layer's bounds in Web Mercator, `cells` along its longer side. */
function gridOf(positions: Float32Array, cells: number): Grid {
  const b = flatBounds(positions);
  const west = mercatorX(b.minX);
  const north = mercatorY(b.maxY);
  const size = Math.max(mercatorX(b.maxX) - west, mercatorY(b.minY) - north) / cells || 1;
  const across = cells + 1;
  return { cells: across * across, cell: (x, y) => Math.floor((mercatorY(y) - north) / size) * across + Math.floor((mercatorX(x) - west) / size) };
}

/** Packed lines (NaN pairs between lines) with each point in the cell of the point kept before it dropped; a line's first and last points are always kept. */
function thinLines(lines: Float32Array, grid: Grid): Float32Array {
  const out: number[] = [];
  let lastCell = NaN;
  for (let i = 0; i < lines.length; i += 2) {
    const x = lines[i]!;
    const y = lines[i + 1]!;
    const breakNext = i + 2 >= lines.length || Number.isNaN(lines[i + 2]!);
    if (Number.isNaN(x)) {
      out.push(x, y);
      lastCell = NaN;
      continue;
    }
    const cell = grid.cell(x, y);
    if (cell === lastCell && !breakNext) continue;
    out.push(x, y);
    lastCell = cell;
  }
  return Float32Array.from(out);
}

const mercatorX = (lon: number): number => (lon + 180) / 360;
const mercatorY = (lat: number): number => {
  const phi = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
  return 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
};
