/**
 * Integer sequences that mostly step by small amounts (a ring's vertex ids:
 * +1 along a new border, -1 back along a neighbour's) as zigzag-encoded
 * deltas in LEB128 varints: one byte for most values instead of four.
 */
export function encodeDeltas(values: Int32Array): Uint8Array {
  const out = new Uint8Array(values.length * 5);
  let at = 0;
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    const delta = values[i]! - previous;
    previous = values[i]!;
    let z = ((delta << 1) ^ (delta >> 31)) >>> 0;
    while (z >= 0x80) {
      out[at++] = (z & 0x7f) | 0x80;
      z >>>= 7;
    }
    out[at++] = z;
  }
  return out.slice(0, at);
}

export function decodeDeltas(bytes: Uint8Array, count: number): Int32Array {
  const out = new Int32Array(count);
  let at = 0;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    let z = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++]!;
      z |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    z >>>= 0;
    const delta = (z >>> 1) ^ -(z & 1);
    previous += delta;
    out[i] = previous;
  }
  return out;
}
