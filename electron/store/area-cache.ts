import { EdgeTopology, type PackedTopology } from '../../shared/geo/borders';
import { packLines } from '../../shared/geo/packed-lines';
import { saveIfPossible, type ProjectDb } from './db';
import { readAreaGeometries } from './model-data';
import { TOPOLOGY_PART_BYTES } from './migrations/012-topology-parts';
import { statement } from './statements';

/**
 * The stored edge topology of a project's areas, kept in parts
 * (area_topology_parts, migration 12) that read in order are: a 4-byte
 * length, a JSON header (codes, counts), then the typed arrays, each
 * starting on an 8-byte boundary, in PackedTopology's order.
 */
const ARRAYS = ['ringArea', 'ringOuter', 'ringStart', 'vertices', 'edges', 'positions'] as const;
type ArrayName = (typeof ARRAYS)[number];
const TYPES = { ringArea: Int32Array, ringOuter: Uint8Array, ringStart: Int32Array, vertices: Int32Array, edges: Int32Array, positions: Float64Array };

export function areaRevision(db: ProjectDb): number {
  return (statement(db, 'SELECT revision FROM area_cache WHERE id = 1').get() as { revision: number }).revision;
}

/**
 * Runs `write`, which writes many area rows (an import, inside its
 * transaction), with the area cache's triggers (migration 12) lifted, and
 * empties the cache once instead: fired once per row, each trigger runs a
 * program of its own, which was 40% of writing England's 32,844 rows (about
 * 300 ms of 750 in a bench of the insert alone). The triggers are made again
 * from their own stored SQL before the transaction ends, so no other
 * connection ever sees them missing, and a failed import rolls back to them.
 */
export function writingAreasInBulk<T>(db: ProjectDb, write: () => T): T {
  if (!db.inTransaction) throw new Error('writingAreasInBulk runs inside the caller\'s transaction');
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'areas'").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name.replaceAll('"', '""')}"`);
  try {
    db.prepare('UPDATE area_cache SET revision = revision + 1, map_layer = NULL, district_outlines = NULL WHERE id = 1').run();
    db.prepare('DELETE FROM area_topology_parts').run();
    db.prepare('DELETE FROM metrics_cache').run(); // the areas' metrics triggers (migration 17), lifted with the rest
    return write();
  } finally {
    // A failure SQLite rolled back by itself (a full disk) has brought the triggers back with the rest.
    if (db.inTransaction) for (const t of triggers) db.exec(t.sql);
  }
}

/** The topology's encoding as pieces (views of its arrays, not copies), which concatenated are the layout above. */
function topologyPieces(p: PackedTopology): Uint8Array[] {
  const header = Buffer.from(JSON.stringify({ codes: p.codes, edgeCount: p.edgeCount, lengths: ARRAYS.map((name) => p[name].length) }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length, 0);
  const pieces: Uint8Array[] = [length, header];
  let size = 4 + header.length;
  const pad = () => {
    const gap = (8 - (size % 8)) % 8;
    if (gap) pieces.push(new Uint8Array(gap));
    size += gap;
  };
  pad();
  for (const name of ARRAYS) {
    const array = p[name];
    pieces.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    size += array.byteLength;
    pad();
  }
  return pieces;
}

interface TopologyHeader {
  codes: string[];
  edgeCount: number;
  lengths: number[];
}

/** The header at the start of a topology's bytes and its length, or null when the bytes stop before its end. */
function topologyHeader(bytes: Uint8Array): { header: TopologyHeader; length: number } | null {
  if (bytes.length < 4) return null;
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  if (bytes.length < 4 + length) return null;
  return { header: JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as TopologyHeader, length };
}

export function decodeTopology(blob: Uint8Array): PackedTopology {
  // Typed arrays must start on a multiple of their element size: copy only a blob that does not.
  const bytes = blob.byteOffset % 8 === 0 ? blob : new Uint8Array(blob);
  const { header, length } = topologyHeader(bytes)!;
  let at = Math.ceil((4 + length) / 8) * 8;
  const arrays = {} as Record<ArrayName, Int32Array | Uint8Array | Float64Array>;
  ARRAYS.forEach((name, i) => {
    const Type = TYPES[name];
    const count = header.lengths[i]!;
    if (at + count * Type.BYTES_PER_ELEMENT > bytes.length) throw new Error(`the stored topology is cut short (${bytes.length} bytes, its ${name} ends past them)`);
    arrays[name] = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, count);
    at = Math.ceil((at + arrays[name].byteLength) / 8) * 8;
  });
  return { codes: header.codes, edgeCount: header.edgeCount, ...(arrays as unknown as Omit<PackedTopology, 'codes' | 'edgeCount'>) };
}

/**
 * Writes the topology's encoding as parts of `partBytes` (the last shorter),
 * so neither this side nor SQLite ever holds it as one value: England's is
 * 30 MB, and one value of it meant three copies at once at an import's peak.
 */
export function writeTopologyParts(db: ProjectDb, p: PackedTopology, partBytes = TOPOLOGY_PART_BYTES): void {
  const insert = db.prepare('INSERT INTO area_topology_parts (part, bytes) VALUES (?, ?)');
  db.prepare('DELETE FROM area_topology_parts').run();
  // SQLite copies a bound value, so one staging buffer serves every part.
  const staging = Buffer.allocUnsafe(partBytes);
  let filled = 0;
  let part = 0;
  const flush = () => {
    insert.run(part++, staging.subarray(0, filled));
    filled = 0;
  };
  for (const piece of topologyPieces(p)) {
    for (let at = 0; at < piece.length; ) {
      const n = Math.min(partBytes - filled, piece.length - at);
      staging.set(piece.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === partBytes) flush();
    }
  }
  if (filled) flush();
}

/** The stored topology's bytes, the parts read in order into one buffer (no larger than the topology), or null when none is stored. */
export function readTopologyBytes(db: ProjectDb): Uint8Array | null {
  const total = db.prepare('SELECT sum(length(bytes)) FROM area_topology_parts').pluck().get() as number | null;
  if (!total) return null;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of db.prepare('SELECT bytes FROM area_topology_parts ORDER BY part').pluck().iterate() as IterableIterator<Uint8Array>) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/**
 * The areas' codes in the stored topology's order (its header), read without
 * the rest of it: the first part holds them for England's 32,844 areas. Null
 * when no topology is stored.
 */
export function readTopologyCodes(db: ProjectDb): string[] | null {
  let bytes = new Uint8Array(0);
  for (const part of statement(db, 'SELECT bytes FROM area_topology_parts ORDER BY part').pluck().iterate() as IterableIterator<Uint8Array>) {
    const joined = new Uint8Array(bytes.length + part.length);
    joined.set(bytes);
    joined.set(part, bytes.length);
    bytes = joined;
    const read = topologyHeader(bytes);
    if (read) return read.header.codes;
  }
  return null;
}

/** Stores the topology and the district outlines from it (inside the caller's transaction: an import's, or loadTopology's). */
export function storeTopology(db: ProjectDb, topology: EdgeTopology): PackedTopology {
  const packed = topology.pack();
  const districtOutlines = JSON.stringify(encodeDistrictOutlines(db, topology));
  writeTopologyParts(db, packed);
  // The map's layer (map_layer) is packed from the new topology when first asked for, and kept then (electron/store/map-cache.ts).
  db.prepare('UPDATE area_cache SET map_layer = NULL, district_outlines = ? WHERE id = 1').run(districtOutlines);
  return packed;
}

/** The stored topology (and its packed form), or one built from the areas now and stored, so the next open is quick. */
export function loadTopology(db: ProjectDb): { topology: EdgeTopology; packed: PackedTopology } {
  const bytes = readTopologyBytes(db);
  if (bytes) {
    const packed = decodeTopology(bytes);
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

/** District outlines (plan-independent) as packed lines, read back or worked out and stored for the next open. */
export function loadDistrictOutlines(db: ProjectDb, topology: () => EdgeTopology): Map<string, Float32Array> {
  const stored = db.prepare('SELECT district_outlines FROM area_cache WHERE id = 1').pluck().get() as string | null;
  let outlines: Record<string, string>;
  if (stored) outlines = JSON.parse(stored) as Record<string, string>;
  else {
    outlines = encodeDistrictOutlines(db, topology());
    saveIfPossible(db, () => db.prepare('UPDATE area_cache SET district_outlines = ? WHERE id = 1').run(JSON.stringify(outlines)));
  }
  // Copied into buffers of their own: a Buffer from base64 may start anywhere in Node's pool, and a Float32Array must start on a multiple of 4.
  return new Map(Object.entries(outlines).map(([code, lines]) => [code, new Float32Array(Uint8Array.from(Buffer.from(lines, 'base64')).buffer)]));
}
