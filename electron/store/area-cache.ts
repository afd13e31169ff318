import { EdgeTopology, type PackedTopology } from '../../shared/geo/borders';
import { packLines } from '../../shared/geo/packed-lines';
import { saveIfPossible, type ProjectDb } from './db';
import { readAreaGeometries } from './model-data';
import { statement } from './statements';

/**
 * The stored edge topology of a project's areas. Binary layout: a 4-byte
 * length, a JSON header (codes, counts), then the typed arrays, each
 * starting on an 8-byte boundary, in PackedTopology's order.
 */
const ARRAYS = ['ringArea', 'ringOuter', 'ringStart', 'vertices', 'edges', 'positions'] as const;
type ArrayName = (typeof ARRAYS)[number];
const TYPES = { ringArea: Int32Array, ringOuter: Uint8Array, ringStart: Int32Array, vertices: Int32Array, edges: Int32Array, positions: Float64Array };

export function areaRevision(db: ProjectDb): number {
  return (statement(db, 'SELECT revision FROM area_cache WHERE id = 1').get() as { revision: number }).revision;
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
  // Typed arrays must start on a multiple of their element size: copy only a blob that does not.
  const bytes = blob.byteOffset % 8 === 0 ? blob : new Uint8Array(blob);
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as { codes: string[]; edgeCount: number; lengths: number[] };
  let at = Math.ceil((4 + length) / 8) * 8;
  const arrays = {} as Record<ArrayName, Int32Array | Uint8Array | Float64Array>;
  ARRAYS.forEach((name, i) => {
    const Type = TYPES[name];
    arrays[name] = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, header.lengths[i]!);
    at = Math.ceil((at + arrays[name].byteLength) / 8) * 8;
  });
  return { codes: header.codes, edgeCount: header.edgeCount, ...(arrays as unknown as Omit<PackedTopology, 'codes' | 'edgeCount'>) };
}

/**
 * Stores a topology built from the project's current areas (an import builds
 * one anyway, for the neighbours), with the map layer and district outlines
 * drawn from it, so the first open after an import is as quick as any other.
 */
export function storeTopology(db: ProjectDb, topology: EdgeTopology): PackedTopology {
  const packed = topology.pack();
  // map_layer (migration 6) is no longer written: the map's layer is packed from the topology when first asked for (shared/geo/layer-bundle.ts).
  db.prepare('UPDATE area_cache SET topology = ?, map_layer = NULL, district_outlines = ? WHERE id = 1').run(encodeTopology(packed), JSON.stringify(encodeDistrictOutlines(db, topology)));
  return packed;
}

/** The stored topology (and its packed form), or one built from the areas now and stored, so the next open is quick. */
export function loadTopology(db: ProjectDb): { topology: EdgeTopology; packed: PackedTopology } {
  const row = db.prepare('SELECT topology FROM area_cache WHERE id = 1').get() as { topology: Uint8Array | null };
  if (row.topology) {
    const packed = decodeTopology(row.topology);
    return { topology: EdgeTopology.unpack(packed), packed };
  }
  const topology = new EdgeTopology(readAreaGeometries(db));
  const packed = saveIfPossible(db, () => storeTopology(db, topology)) ?? topology.pack();
  return { topology, packed };
}

/** A typed array's bytes as base64: how binary travels inside the JSON API. */
export const base64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** Outlines of every district, as base64 packed lines (plan-independent, so kept with the project). */
export function encodeDistrictOutlines(db: ProjectDb, topology: EdgeTopology): Record<string, string> {
  const district = new Map((db.prepare('SELECT code, district FROM areas').all() as { code: string; district: string }[]).map((a) => [a.code, a.district]));
  return Object.fromEntries([...topology.outlines((code) => district.get(code))].map(([code, lines]) => [code, base64(packLines(lines))]));
}

/** District outlines (plan-independent), read back or worked out and stored for the next open. */
export function loadDistrictOutlines(db: ProjectDb, topology: EdgeTopology): Record<string, string> {
  const stored = db.prepare('SELECT district_outlines FROM area_cache WHERE id = 1').pluck().get() as string | null;
  if (stored) return JSON.parse(stored) as Record<string, string>;
  const outlines = encodeDistrictOutlines(db, topology);
  saveIfPossible(db, () => db.prepare('UPDATE area_cache SET district_outlines = ? WHERE id = 1').run(JSON.stringify(outlines)));
  return outlines;
}
