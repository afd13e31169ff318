import { decodeDeltas, encodeDeltas } from './varint';
import type { LayerArrays } from './area-layer';
import { flatBounds, type Bounds } from './bounds';

/**
 * The map's area layer as one binary message: what crosses from the services
 * to the page once per revision of the areas, as bytes (not base64 in JSON).
 *
 * Layout (little-endian): "CCL1"; five uint32 counts — revision bytes, rings,
 * vertex-delta bytes, vertices, positions; then the revision (ASCII) and each
 * array (ringArea Int32, ringOuter Uint8, ringStart Int32 of rings + 1,
 * vertices as delta varints, positions Float32 pairs), each starting on a
 * 4-byte boundary.
 */
export interface LayerBundle extends LayerArrays {
  /** The areas' revision this layer draws (MapData's layerRevision). */
  revision: string;
}

const MAGIC = 0x314c4343; // "CCL1"
const HEADER = 24;
const align = (n: number) => (n + 3) & ~3;

export function packLayerBundle(layer: LayerBundle): Uint8Array {
  const revision = asciiBytes(layer.revision);
  const deltas = encodeDeltas(layer.vertices);
  const rings = layer.ringArea.length;
  const parts: Uint8Array[] = [revision, bytesOf(layer.ringArea), layer.ringOuter, bytesOf(layer.ringStart), deltas, bytesOf(layer.positions)];
  const out = new Uint8Array(parts.reduce((size, part) => align(size + part.length), HEADER));
  const header = new DataView(out.buffer);
  [MAGIC, revision.length, rings, deltas.length, layer.vertices.length, layer.positions.length].forEach((value, i) => header.setUint32(4 * i, value, true));
  let at = HEADER;
  for (const part of parts) {
    out.set(part, at);
    at = align(at + part.length);
  }
  return out;
}

/** Reads a bundle back; anything that is not one (or is cut short) is refused with a message, never half-read. */
export function unpackLayerBundle(bytes: Uint8Array): LayerBundle {
  const { sizes } = partSizes(bytes);
  const vertices = new DataView(bytes.buffer, bytes.byteOffset, HEADER).getUint32(16, true);
  let at = HEADER;
  // Typed arrays need starts aligned to their element size: a bundle starting on a 4-byte boundary (as one
  // received whole does) is read in place, each array a view of it; one starting anywhere else, copied out.
  // Copying England's 10 MB cost the page about 27 ms, much of it the new memory's first touch.
  const inPlace = bytes.byteOffset % 4 === 0;
  const take = <T>(View: new (buffer: ArrayBuffer, offset: number, length: number) => T, width: number): T => {
    const size = sizes.shift()!;
    const part = inPlace ? bytes : copyOf(bytes, at, at + size);
    const view = new View(part.buffer as ArrayBuffer, inPlace ? part.byteOffset + at : 0, size / width);
    at = align(at + size);
    return view;
  };
  const revision = String.fromCharCode(...take(Uint8Array, 1));
  const ringArea = take(Int32Array, 4);
  const ringOuter = take(Uint8Array, 1);
  const ringStart = take(Int32Array, 4);
  const vertexDeltas = take(Uint8Array, 1);
  return { revision, ringArea, ringOuter, ringStart, vertices: decodeDeltas(vertexDeltas, vertices), positions: take(Float32Array, 4) };
}

/** The sizes of a bundle's parts, from its header, checked against its length. */
function partSizes(bytes: Uint8Array): { revisionBytes: number; sizes: number[] } {
  if (bytes.length < HEADER) throw new Error(`the area layer is ${bytes.length} bytes, too short to be one`);
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER);
  const [magic, revisionBytes, rings, deltaBytes, , positions] = [0, 1, 2, 3, 4, 5].map((i) => header.getUint32(4 * i, true)) as [number, number, number, number, number, number];
  if (magic !== MAGIC) throw new Error('the area layer does not start as one (wrong first bytes)');
  const sizes = [revisionBytes, rings * 4, rings, (rings + 1) * 4, deltaBytes, positions * 4];
  const needed = sizes.reduce((size, part) => align(size + part), HEADER);
  if (bytes.length < needed) throw new Error(`the area layer is cut short: ${bytes.length} bytes of ${needed}`);
  return { revisionBytes, sizes };
}

/**
 * The same layer under another revision (a stored layer, sent for the file it
 * is now in): the arrays are copied across as they are, not unpacked.
 */
export function relabelLayerBundle(bytes: Uint8Array, revision: string): Uint8Array {
  const { revisionBytes } = partSizes(bytes);
  const label = asciiBytes(revision);
  const rest = bytes.subarray(align(HEADER + revisionBytes));
  const out = new Uint8Array(align(HEADER + label.length) + rest.length);
  out.set(bytes.subarray(0, HEADER));
  new DataView(out.buffer).setUint32(4, label.length, true);
  out.set(label, HEADER);
  out.set(rest, align(HEADER + label.length));
  return out;
}

/** A bundle's revision, read without unpacking the rest. */
export function layerBundleRevision(bytes: Uint8Array): string {
  const { revisionBytes } = partSizes(bytes);
  return String.fromCharCode(...bytes.subarray(HEADER, HEADER + revisionBytes));
}

/** The bounds of a bundle's positions (longitude, latitude pairs), read without unpacking the rest. */
export function layerBundleBounds(bytes: Uint8Array): Bounds {
  const { sizes } = partSizes(bytes);
  const at = sizes.slice(0, -1).reduce((size, part) => align(size + part), HEADER);
  return flatBounds(new Float32Array(copyOf(bytes, at, at + sizes.at(-1)!).buffer));
}

/** A copy of some bytes, in a buffer of their own: a Node Buffer's slice() is a view into a shared pool. */
function copyOf(bytes: Uint8Array, start: number, end: number): Uint8Array {
  return Uint8Array.prototype.slice.call(bytes, start, end);
}

function bytesOf(array: Int32Array | Float32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A revision's characters as bytes: revisions are ASCII (a base64url digest), and shared/ has no text encoder. */
function asciiBytes(text: string): Uint8Array {
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
  if (bytes.some((b, i) => b !== text.charCodeAt(i) || b > 0x7e)) throw new Error(`a layer revision must be ASCII, not "${text}"`);
  return bytes;
}
