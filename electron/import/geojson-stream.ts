import fs from 'node:fs';
import { utf8OrWindows1252 } from './decode-text';
import { ImportFileError } from './errors';

/**
 * A GeoJSON FeatureCollection read a chunk at a time, its features handed on
 * one by one as they are parsed, so an 88 MB file of every English LSOA never
 * sits in memory as one string and one tree of arrays (JSON.parse of the whole
 * file peaks at five times its size). A byte scanner finds where each feature
 * starts and ends — tracking strings, escapes and nesting — and each feature's
 * text goes to JSON.parse on its own. Everything outside the features array
 * (type, name, crs) is kept and parsed as the collection's members.
 */

/** What the collection says besides its features, once its features array has begun. */
export type CollectionMembers = Record<string, unknown>;

export interface FeatureCollectionReader {
  /** Told the members written before the features, as the features array opens; may throw to stop. */
  begin(members: CollectionMembers): void;
  /** Each element of the features array, parsed, with its 0-based index. */
  feature(value: unknown, index: number): void;
  /** Every chunk of the file's bytes in order (for its digest), and how far through it is. */
  bytes(chunk: Uint8Array, fraction: number): void;
}

/** Why a file is better read whole: it is not a FeatureCollection the scanner can stream. */
export class NotStreamable extends Error {}

const CHUNK = 1 << 20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
/** The members before the features array are small (type, name, crs, bbox); more than this is not a file to stream. */
const MAX_MEMBERS_BYTES = 1 << 20;

/** A feature's text, read as decode-text.ts reads a whole file: UTF-8, else Windows-1252. */
const decode = (bytes: Uint8Array) => utf8OrWindows1252(bytes).text;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Streams the features of the FeatureCollection in `file` (`size` bytes) to
 * `reader`, returning the collection's members (with "features" left out).
 * Throws NotStreamable, before any feature is handed on, when the file is not
 * an object with a "features" array (a Topology, a lone Feature, UTF-16 text):
 * the caller reads those whole. Throws ImportFileError for broken JSON, naming
 * the feature.
 */
export function streamFeatureCollection(file: string, size: number, reader: FeatureCollectionReader, chunkBytes = CHUNK): CollectionMembers {
  const fd = fs.openSync(file, 'r');
  try {
    return scan(fd, size, reader, chunkBytes);
  } finally {
    fs.closeSync(fd);
  }
}

function scan(fd: number, size: number, reader: FeatureCollectionReader, chunkBytes: number): CollectionMembers {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let started = false;
  // The collection's own bytes (outside the features array), and the last key read at depth 1.
  const members: Uint8Array[] = [];
  let membersBytes = 0;
  let keyStart = -1;
  let keyParts: Uint8Array[] = [];
  let lastKey: string | null = null;
  let pendingKey: string | null = null;
  // 0: before the features array; 1: inside it; 2: after it.
  let phase = 0;
  let index = 0;
  let elementStart = -1;
  let elementParts: Uint8Array[] = [];
  let elementHasText = false;
  let read = 0;
  let firstChunk = true;

  const emit = (chunk: Uint8Array, end: number) => {
    const tail = chunk.subarray(elementStart, end);
    const bytes = elementParts.length ? Buffer.concat([...elementParts, tail]) : tail;
    elementParts = [];
    const text = decode(bytes);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ImportFileError(`feature ${index + 1} is not valid JSON: ${(error as Error).message}`);
    }
    reader.feature(value, index++);
  };
  const keepMembers = (bytes: Uint8Array) => {
    membersBytes += bytes.length;
    if (membersBytes > MAX_MEMBERS_BYTES) {
      if (phase === 0) throw new NotStreamable('more than features');
      throw new ImportFileError('the file holds more than a megabyte of other members after its features list, which is not GeoJSON boundaries');
    }
    members.push(bytes);
  };
  const parseMembers = (closing: string): CollectionMembers => {
    const text = decode(Buffer.concat(members)) + closing;
    try {
      return JSON.parse(text) as CollectionMembers;
    } catch (error) {
      throw new ImportFileError(`the file is not valid JSON: ${(error as Error).message}`);
    }
  };

  // Inside a feature's object only its braces and strings matter: jump between them with indexOf instead of reading every digit.
  let objectBraces = 0;
  let objectInString = false;
  let objectEscaped = false;
  /** From `i` inside a feature object: the index of its closing brace, or -1 when the chunk ends first (the state carries over). */
  const skipObject = (chunk: Buffer, i: number): number => {
    const n = chunk.length;
    const at = (found: number) => (found === -1 ? n : found);
    let nextQuote = -1;
    let nextOpen = -1;
    let nextClose = -1;
    for (;;) {
      if (objectInString) {
        if (objectEscaped) {
          objectEscaped = false;
          i++;
        }
        const j = i < n ? chunk.indexOf(QUOTE, i) : -1;
        const end = j === -1 ? n : j;
        // A quote after an odd run of backslashes is part of the string; so is the next chunk's first byte after one.
        let run = 0;
        for (let k = end - 1; k >= i && chunk[k] === BACKSLASH; k--) run++;
        if (j === -1) {
          objectEscaped = run % 2 === 1;
          return -1;
        }
        i = j + 1;
        if (run % 2 === 0) objectInString = false;
        continue;
      }
      if (nextQuote < i) nextQuote = at(chunk.indexOf(QUOTE, i));
      if (nextOpen < i) nextOpen = at(chunk.indexOf(OPEN_OBJECT, i));
      if (nextClose < i) nextClose = at(chunk.indexOf(CLOSE_OBJECT, i));
      const next = Math.min(nextQuote, nextOpen, nextClose);
      if (next >= n) return -1;
      i = next + 1;
      if (next === nextQuote) objectInString = true;
      else if (next === nextOpen) objectBraces++;
      else if (--objectBraces === 0) return next;
    }
  };

  const buffer = Buffer.allocUnsafe(chunkBytes);
  for (;;) {
    const length = fs.readSync(fd, buffer, 0, chunkBytes, read);
    if (length === 0) break;
    read += length;
    const chunk = buffer.subarray(0, length);
    reader.bytes(chunk, size ? read / size : 1);
    let from = 0;
    if (firstChunk) {
      firstChunk = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) from = 3;
      else if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff) || chunk[1] === 0) throw new NotStreamable('UTF-16 text');
    }
    // Where this chunk's bytes start counting towards the collection's members.
    let membersFrom = phase === 1 ? -1 : from;
    for (let i = from; i < length; i++) {
      if (objectBraces > 0) {
        const end = skipObject(chunk, i);
        if (end === -1) break;
        i = end;
        continue;
      }
      const c = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (keyStart !== -1) {
            lastKey = decode(Buffer.concat([...keyParts, chunk.subarray(keyStart, i)]));
            keyStart = -1;
            keyParts = [];
          }
        }
        continue;
      }
      if (!started) {
        if (isSpace(c)) continue;
        if (c !== OPEN_OBJECT) throw new NotStreamable('not an object');
        started = true;
      }
      if (phase === 1 && depth === 2) {
        // Between the features' elements: each runs from after '[' or ',' to the next ',' or ']' at this depth.
        if (c === COMMA || c === CLOSE_ARRAY) {
          if (elementHasText) emit(chunk, i);
          else if (c === COMMA || index > 0) throw new ImportFileError(`the features list has an empty place after feature ${index} (two commas, or a comma before "]")`);
          elementStart = i + 1;
          elementHasText = false;
          if (c === CLOSE_ARRAY) {
            depth = 1;
            phase = 2;
            membersFrom = i + 1;
          }
          continue;
        }
        if (c === OPEN_OBJECT && !elementHasText) {
          elementHasText = true;
          objectBraces = 1;
          continue;
        }
        if (!isSpace(c)) elementHasText = true;
      }
      if (c === QUOTE) {
        inString = true;
        if (depth === 1 && phase !== 1) keyStart = i + 1;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        depth++;
        if (depth === 2 && c === OPEN_ARRAY && phase === 0 && pendingKey === 'features') {
          keepMembers(Buffer.from(chunk.subarray(membersFrom, i)));
          membersFrom = -1;
          phase = 1;
          elementStart = i + 1;
          elementHasText = false;
          // The members so far, closed as if the features were an empty list, say what the file is.
          reader.begin(parseMembers('[]}'));
          members.push(Buffer.from('[]'));
        }
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
      } else if (depth === 1 && c === COLON) {
        pendingKey = lastKey;
      } else if (depth === 1 && c === COMMA) {
        pendingKey = null;
      }
    }
    if (inString && keyStart !== -1) {
      keyParts.push(Buffer.from(chunk.subarray(keyStart)));
      keyStart = 0;
    }
    if (phase === 1 && elementStart !== -1 && elementHasText) {
      elementParts.push(Buffer.from(chunk.subarray(elementStart)));
    }
    elementStart = 0;
    if (membersFrom !== -1) keepMembers(Buffer.from(chunk.subarray(membersFrom)));
  }
  if (!started) throw new NotStreamable('no JSON');
  if (phase === 0) throw new NotStreamable('no features array');
  if (phase === 1 || depth !== 0 || inString) throw new ImportFileError(`the file ends part-way through (${read.toLocaleString('en-GB')} bytes read, in the middle of feature ${index + 1}); it may have been cut short when it was copied or downloaded`);
  return parseMembers('');
}
