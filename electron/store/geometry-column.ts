import { packGeometry, unpackGeometry } from '../../shared/geo/geometry-blob';
import type { AreaGeometry } from '../../shared/geo/types';

/** The areas table's geometry column: a blob of doubles (shared/geo/geometry-blob.ts). */

/** The blob of a geometry, or of doubles already packed (an import packs them on its reading thread). */
export function geometryBlob(geometry: AreaGeometry | Float64Array): Buffer {
  const values = geometry instanceof Float64Array ? geometry : packGeometry(geometry);
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** The doubles of a stored blob, copied when SQLite's bytes do not start on an 8-byte boundary. */
function blobDoubles(blob: Buffer, code: string): Float64Array {
  if (blob.byteLength % 8 !== 0) throw damaged(code, `${blob.byteLength} bytes`);
  if (blob.byteOffset % 8 === 0) return new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8);
  const copy = new Float64Array(blob.byteLength / 8);
  new Uint8Array(copy.buffer).set(blob);
  return copy;
}

const damaged = (code: string, why: string) => new Error(`Area ${code}: its stored boundary is damaged (${why}).`);

export function geometryOfBlob(blob: Buffer, code: string): AreaGeometry {
  try {
    return unpackGeometry(blobDoubles(blob, code));
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Area ')) throw error;
    throw damaged(code, (error as Error).message);
  }
}
