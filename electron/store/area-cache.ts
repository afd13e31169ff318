import { EdgeTopology, type PackedTopology } from '../../shared/geo/borders';
import type { ProjectDb } from './db';
import { readAreaGeometries } from './model-data';

/**
 * The stored edge topology of a project's areas. Binary layout: a 4-byte
 * length, a JSON header (codes, counts), then the typed arrays, each
 * starting on an 8-byte boundary, in PackedTopology's order.
 */
const ARRAYS = ['ringArea', 'ringOuter', 'ringStart', 'vertices', 'edges', 'positions'] as const;
type ArrayName = (typeof ARRAYS)[number];
const TYPES = { ringArea: Int32Array, ringOuter: Uint8Array, ringStart: Int32Array, vertices: Int32Array, edges: Int32Array, positions: Float64Array };

export function areaRevision(db: ProjectDb): number {
  return (db.prepare('SELECT revision FROM area_cache WHERE id = 1').get() as { revision: number }).revision;
}

export function encodeTopology(p: PackedTopology): Buffer {
  const header = Buffer.from(JSON.stringify({ codes: p.codes, edgeCount: p.edgeCount, lengths: ARRAYS.map((name) => p[name].length) }));
  const align = (n: number) => Math.ceil(n / 8) * 8;
  let size = align(4 + header.length);
  const offsets = ARRAYS.map((name) => {
    const at = size;
    size = align(size + p[name].byteLength);
    return at;
  });
  const out = Buffer.alloc(size);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  ARRAYS.forEach((name, i) => Buffer.from(p[name].buffer, p[name].byteOffset, p[name].byteLength).copy(out, offsets[i]));
  return out;
}

export function decodeTopology(blob: Uint8Array): PackedTopology {
  // A fresh, aligned copy: typed arrays must start on a multiple of their element size.
  const bytes = new Uint8Array(blob.length);
  bytes.set(blob);
  const length = new DataView(bytes.buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as { codes: string[]; edgeCount: number; lengths: number[] };
  let at = Math.ceil((4 + length) / 8) * 8;
  const arrays = {} as Record<ArrayName, Int32Array | Uint8Array | Float64Array>;
  ARRAYS.forEach((name, i) => {
    const Type = TYPES[name];
    arrays[name] = new Type(bytes.buffer, at, header.lengths[i]!);
    at = Math.ceil((at + arrays[name].byteLength) / 8) * 8;
  });
  return { codes: header.codes, edgeCount: header.edgeCount, ...(arrays as unknown as Omit<PackedTopology, 'codes' | 'edgeCount'>) };
}

/** Stores a topology built from the project's current areas (an import builds one anyway, for the neighbours). */
export function storeTopology(db: ProjectDb, topology: EdgeTopology): void {
  db.prepare('UPDATE area_cache SET topology = ? WHERE id = 1').run(encodeTopology(topology.pack()));
}

/** The stored topology (and its packed form), or one built from the areas now and stored, so the next open is quick. */
export function loadTopology(db: ProjectDb): { topology: EdgeTopology; packed: PackedTopology } {
  const row = db.prepare('SELECT topology FROM area_cache WHERE id = 1').get() as { topology: Uint8Array | null };
  if (row.topology) {
    const packed = decodeTopology(row.topology);
    return { topology: EdgeTopology.unpack(packed), packed };
  }
  const topology = new EdgeTopology(readAreaGeometries(db));
  db.transaction(() => storeTopology(db, topology))();
  return { topology, packed: topology.pack() };
}
