/**
 * A map from pairs of 32-bit integers to ids 0, 1, 2… in order of first
 * insertion, in typed arrays. Matching the vertices and edges of every English
 * LSOA means millions of lookups; a Map keyed by doubles spends most of that
 * time hashing heap numbers and most of the memory on entries.
 *
 * The open-addressed table holds only ids (4 bytes a slot); each pair is kept
 * once, by id, in insertion order. Against keeping the pair in every slot
 * that is a third of the memory for England's million vertices (≈ 17 MB a
 * map, not 25), and a lookup touches two places in memory instead of three.
 */
export class PairMap {
  /** id + 1 of the pair in each slot; 0 for an empty slot (so a new table is all zeros, which costs nothing until touched). */
  private slots: Int32Array;
  /** The pairs by id: keys[2 id], keys[2 id + 1]. */
  private keys: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.keys = new Int32Array(2 * Math.max(16, Math.ceil(expected)));
    this.mask = capacity - 1;
  }

  /** The id of (a, b), given the next id (the current size) when the pair is new. */
  idOf(a: number, b: number): number {
    const { slots, keys } = this;
    a |= 0;
    b |= 0;
    let slot = hash(a, b) & this.mask;
    for (;;) {
      const held = slots[slot]!;
      if (held === 0) break;
      if (keys[2 * held - 2] === a && keys[2 * held - 1] === b) return held - 1;
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    if (2 * id + 2 > keys.length) {
      this.keys = new Int32Array(keys.length * 2);
      this.keys.set(keys);
    }
    this.keys[2 * id] = a;
    this.keys[2 * id + 1] = b;
    slots[slot] = id + 1;
    if (this.size > slots.length * MAX_LOAD) this.grow();
    return id;
  }

  private grow(): void {
    const capacity = this.slots.length * 2;
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    const keys = this.keys;
    for (let id = 0; id < this.size; id++) {
      let slot = hash(keys[2 * id]!, keys[2 * id + 1]!) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Filled up to three quarters before it doubles: linear probing stays short with a well-mixed hash, and England's million vertices fit in 2^21 slots rather than 2^22. */
const MAX_LOAD = 0.75;

/** Mixes both halves so that neighbouring grid cells land far apart. */
function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca77);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
