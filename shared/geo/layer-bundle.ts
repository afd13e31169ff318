import { decodeDeltas, encodeDeltas } from './varint';
import type { LayerArrays } from './area-layer';
import { flatBounds, type Bounds } from './bounds';

/**
 * The map's area layer as one binary message: what crosses from the services
 * to the page once per revision of the areas, as bytes (not base64 in JSON).
 * It holds all that a plan does not change: the areas' rings, their codes,
 * names and districts, and the district outlines; a plan's map state (zone
 * of each area, zone outlines) travels apart and is small beside it.
 *
 * Layout (little-endian): "CCL2" (a full layer) or "CCO2" (an overview,
 * shared/geo/layer-overview.ts: the same layout); eight uint32 counts — revision bytes,
 * rings, vertex-delta bytes, vertices, positions, text bytes, districts,
 * outline numbers; then the revision (ASCII) and each array (ringArea Int32,
 * ringOuter Uint8, ringStart Int32 of rings + 1, vertices as delta varints,
 * positions Float32 pairs, the text, outlineStart Int32 of districts + 1,
 * outlines Float32), each starting on a 4-byte boundary. The text is UTF-8
 * JSON (BundleText): the strings, and each area's district as an index.
 */
export interface LayerBundle extends LayerArrays {
  /** The areas' revision this layer draws (MapData's layerRevision). */
  revision: string;
  /** Each area's code, name and district code, in the layer's order (area i has the rings whose ringArea is i). */
  areas: { codes: string[]; names: string[]; districts: string[] };
  /** Each district's outline as packed lines (shared/geo/packed-lines.ts). */
  districtOutlines: { code: string; name: string; lines: Float32Array }[];
  /** An overview (fewer vertices, for the whole layer in view: shared/geo/layer-overview.ts) rather than the full layer. */
  overview?: boolean;
}

interface BundleText {
  codes: string[];
  names: string[];
  /** Each area's district: an index into districtCodes. */
  districtOf: number[];
  districtCodes: string[];
  districtNames: string[];
}

/**
 * The WHATWG Encoding API, which both sides have as globals (Node, every
 * browser); typed here, as shared/ is checked with neither the DOM's types
 * nor Node's.
 */
const encoding = globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array }; TextDecoder: new () => { decode(bytes: Uint8Array): string } };

const MAGIC = 0x324c4343; // "CCL2"; a "CCL1" bundle (rings only) is refused as not one
const OVERVIEW_MAGIC = 0x324f4343; // "CCO2"
const COUNTS = 8;
const HEADER = 4 + 4 * COUNTS;
const align = (n: number) => (n + 3) & ~3;
/** Where the positions are in partSizes' list. */
const POSITIONS_PART = 5;

export function packLayerBundle(layer: LayerBundle): Uint8Array {
  const revision = asciiBytes(layer.revision);
  const deltas = encodeDeltas(layer.vertices);
  const rings = layer.ringArea.length;
  // A district an area names with no outline given (none drawn) is carried with none, so every area's district is in the list.
  const districts = [...layer.districtOutlines];
  const districtIndex = new Map(districts.map((d, i) => [d.code, i]));
  const districtOf = layer.areas.districts.map((code) => {
    if (!districtIndex.has(code)) districtIndex.set(code, districts.push({ code, name: code, lines: new Float32Array(0) }) - 1);
    return districtIndex.get(code)!;
  });
  const text = new encoding.TextEncoder().encode(
    JSON.stringify({ codes: layer.areas.codes, names: layer.areas.names, districtOf, districtCodes: districts.map((d) => d.code), districtNames: districts.map((d) => d.name) } satisfies BundleText),
  );
  const outlineStart = new Int32Array(districts.length + 1);
  districts.forEach((d, i) => (outlineStart[i + 1] = outlineStart[i]! + d.lines.length));
  const outlines = new Float32Array(outlineStart.at(-1)!);
  districts.forEach((d, i) => outlines.set(d.lines, outlineStart[i]!));
  const parts: Uint8Array[] = [revision, bytesOf(layer.ringArea), layer.ringOuter, bytesOf(layer.ringStart), deltas, bytesOf(layer.positions), text, bytesOf(outlineStart), bytesOf(outlines)];
  const out = new Uint8Array(parts.reduce((size, part) => align(size + part.length), HEADER));
  const header = new DataView(out.buffer);
  [layer.overview ? OVERVIEW_MAGIC : MAGIC, revision.length, rings, deltas.length, layer.vertices.length, layer.positions.length, text.length, districts.length, outlines.length].forEach((value, i) => header.setUint32(4 * i, value, true));
  let at = HEADER;
  for (const part of parts) {
    out.set(part, at);
    at = align(at + part.length);
  }
  return out;
}

/** Reads a bundle back; anything that is not one (or is cut short) is refused with a message, never half-read. */
export function unpackLayerBundle(bytes: Uint8Array): LayerBundle {
  const { sizes, counts, overview } = partSizes(bytes);
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
  const vertices = decodeDeltas(take(Uint8Array, 1), counts.vertices);
  const positions = take(Float32Array, 4);
  const text = JSON.parse(new encoding.TextDecoder().decode(take(Uint8Array, 1))) as BundleText;
  const outlineStart = take(Int32Array, 4);
  const outlines = take(Float32Array, 4);
  const areas = { codes: text.codes, names: text.names, districts: text.districtOf.map((i) => text.districtCodes[i]!) };
  const districtOutlines = text.districtCodes.map((code, i) => ({ code, name: text.districtNames[i]!, lines: outlines.subarray(outlineStart[i]!, outlineStart[i + 1]!) }));
  return { revision, ringArea, ringOuter, ringStart, vertices, positions, areas, districtOutlines, ...(overview ? { overview } : {}) };
}

type Counts = [number, number, number, number, number, number, number, number];

/** The sizes of a bundle's parts, from its header, checked against its length. */
function partSizes(bytes: Uint8Array): { revisionBytes: number; sizes: number[]; counts: { vertices: number }; overview: boolean } {
  if (bytes.length < HEADER) throw new Error(`the area layer is ${bytes.length} bytes, too short to be one`);
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER);
  const magic = header.getUint32(0, true);
  if (magic !== MAGIC && magic !== OVERVIEW_MAGIC) throw new Error('the area layer does not start as one (wrong first bytes)');
  const [revisionBytes, rings, deltaBytes, vertices, positions, textBytes, districts, outlineNumbers] = Array.from({ length: COUNTS }, (_, i) => header.getUint32(4 + 4 * i, true)) as Counts;
  const sizes = [revisionBytes, rings * 4, rings, (rings + 1) * 4, deltaBytes, positions * 4, textBytes, (districts + 1) * 4, outlineNumbers * 4];
  const needed = sizes.reduce((size, part) => align(size + part), HEADER);
  if (bytes.length < needed) throw new Error(`the area layer is cut short: ${bytes.length} bytes of ${needed}`);
  return { revisionBytes, sizes, counts: { vertices }, overview: magic === OVERVIEW_MAGIC };
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

/** A kept bundle as sent for `revision`: itself when it already names it, else relabelled. */
export function bundleFor(bytes: Uint8Array, revision: string): Uint8Array {
  return layerBundleRevision(bytes) === revision ? bytes : relabelLayerBundle(bytes, revision);
}

/** A bundle's revision, read without unpacking the rest. */
export function layerBundleRevision(bytes: Uint8Array): string {
  const { revisionBytes } = partSizes(bytes);
  return String.fromCharCode(...bytes.subarray(HEADER, HEADER + revisionBytes));
}

/** The bounds of a bundle's positions (longitude, latitude pairs), read without unpacking the rest. */
export function layerBundleBounds(bytes: Uint8Array): Bounds {
  const { sizes } = partSizes(bytes);
  const at = sizes.slice(0, POSITIONS_PART).reduce((size, part) => align(size + part), HEADER);
  return flatBounds(new Float32Array(copyOf(bytes, at, at + sizes[POSITIONS_PART]!).buffer));
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
