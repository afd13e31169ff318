import type { Envelope } from './errors';
import type { ApiMethod } from './methods';

/**
 * Several reads carried to the host as one request, each answer coming back
 * as soon as it is ready, in a frame of its own: how the browser host takes
 * the first screen's calls (first-screen.ts). Nine requests cost the page a
 * fetch to start and a response to take in each, on the thread that must then
 * evaluate the app (about 0.1 s of the default project's first map on a
 * two-core laptop); one costs one. Answers are framed, not one JSON, so the
 * area layer still travels as bytes and a quick answer is not held back by a
 * slow one.
 *
 * A frame: the call's index (uint32), its kind (uint8: 0 an envelope as JSON
 * text, 1 the bytes of a binary answer), the payload's length (uint32), all
 * little-endian, then the payload.
 */
export type BatchTransport = (calls: readonly (readonly [ApiMethod, unknown])[]) => Promise<Envelope<unknown>>[];

/** The Content-Type of a batch's answer. */
export const BATCH_ANSWER = 'application/x-carecover-batch';
/** More calls than the first screen makes, and few enough that a batch cannot tie the host up. */
export const MAX_BATCH_CALLS = 16;
export const FRAME_JSON = 0;
export const FRAME_BYTES = 1;
const FRAME_HEADER = 9;

/** Reads only (get…, list…): they may be answered in any order, and so may share a batch. */
export const isReadMethod = (method: string): boolean => /^(get|list)[A-Z]/.test(method);

export interface Frame {
  index: number;
  kind: typeof FRAME_JSON | typeof FRAME_BYTES;
  payload: Uint8Array;
}

/** A frame's header: written before its payload (a large payload need not be copied to follow it). */
export function frameHeader(index: number, kind: Frame['kind'], length: number): Uint8Array {
  const out = new Uint8Array(FRAME_HEADER);
  const view = new DataView(out.buffer);
  view.setUint32(0, index, true);
  view.setUint8(4, kind);
  view.setUint32(5, length, true);
  return out;
}

/**
 * Takes a batch's answer in the pieces it arrives in and gives back each frame
 * once it is whole. Pieces are held as they came and copied once, into their
 * frame: England's area layer arrives in some hundreds of them.
 */
export class FrameReader {
  private chunks: Uint8Array[] = [];
  private size = 0;

  push(chunk: Uint8Array): Frame[] {
    if (chunk.length) {
      this.chunks.push(chunk);
      this.size += chunk.length;
    }
    const frames: Frame[] = [];
    while (this.size >= FRAME_HEADER) {
      const header = this.peek(FRAME_HEADER);
      const view = new DataView(header.buffer, header.byteOffset, FRAME_HEADER);
      const kind = view.getUint8(4);
      const length = view.getUint32(5, true);
      if (kind !== FRAME_JSON && kind !== FRAME_BYTES) throw new Error(`a batch answer's frame is of no known kind (${kind})`);
      if (this.size < FRAME_HEADER + length) break;
      this.take(FRAME_HEADER);
      // A buffer of its own, starting at 0, as a binary answer's typed arrays need.
      frames.push({ index: view.getUint32(0, true), kind, payload: this.take(length) });
    }
    return frames;
  }

  /** Bytes of a frame not yet whole: any left when the answer ends mean it was cut short. */
  get pending(): number {
    return this.size;
  }

  /** The first `n` bytes held, left held. */
  private peek(n: number): Uint8Array {
    const first = this.chunks[0]!;
    if (first.length >= n) return first.subarray(0, n);
    const out = new Uint8Array(n);
    let at = 0;
    for (const chunk of this.chunks) {
      const part = chunk.subarray(0, Math.min(chunk.length, n - at));
      out.set(part, at);
      at += part.length;
      if (at === n) break;
    }
    return out;
  }

  /** The first `n` bytes held, copied out and let go. */
  private take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const chunk = this.chunks[0]!;
      const part = chunk.subarray(0, Math.min(chunk.length, n - at));
      out.set(part, at);
      at += part.length;
      if (part.length === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(part.length);
    }
    this.size -= n;
    return out;
  }
}
