/**
 * A map from pairs of 32-bit integers to ids 0, 1, 2… in order of first
 * insertion, in typed arrays. Matching the vertices and edges of every English
 * LSOA means millions of lookups; a Map keyed by doubles spends most of that
 * time hashing heap numbers and most of the memory on entries.
 */
export class PairMap {
  private a: Int32Array;
  private b: Int32Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** The id of (a, b), given the next id (the current size) when the pair is new. */
  idOf(a: number, b: number): number {
    const ids = this.ids;
    let slot = hash(a, b) & this.mask;
    for (;;) {
      const id = ids[slot]!;
      if (id === -1) break;
      if (this.a[slot] === (a | 0) && this.b[slot] === (b | 0)) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    this.a[slot] = a;
    this.b[slot] = b;
    ids[slot] = id;
    if (this.size > ids.length * MAX_LOAD) this.grow();
    return id;
  }

  private grow(): void {
    const { a, b, ids } = this;
    const capacity = ids.length * 2;
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    for (let s = 0; s < ids.length; s++) {
      if (ids[s] === -1) continue;
      let slot = hash(a[s]!, b[s]!) & this.mask;
      while (this.ids[slot] !== -1) slot = (slot + 1) & this.mask;
      this.a[slot] = a[s]!;
      this.b[slot] = b[s]!;
      this.ids[slot] = ids[s]!;
    }
  }
}

/** Filled up to three quarters before it doubles: linear probing stays short with a well-mixed hash, and England's million vertices fit in 2^21 slots (25 MB) rather than 2^22. */
const MAX_LOAD = 0.75;

/** Mixes both halves so that neighbouring grid cells land far apart. */
function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca77);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
