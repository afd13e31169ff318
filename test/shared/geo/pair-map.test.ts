import { describe, expect, it } from 'vitest';
import { PairMap } from '../../../shared/geo/pair-map';

describe('PairMap', () => {
  it('numbers pairs in the order they are first seen, and finds them again', () => {
    const map = new PairMap();
    expect(map.idOf(3, 4)).toBe(0);
    expect(map.idOf(4, 3)).toBe(1); // order within a pair matters
    expect(map.idOf(3, 4)).toBe(0);
    expect(map.size).toBe(2);
    // An empty slot is marked 0, which is also a cell number: the pair (0, 0) is a pair like any other.
    expect(map.idOf(0, 0)).toBe(2);
    expect(map.idOf(0, 0)).toBe(2);
    expect(map.idOf(3, 4)).toBe(0);
  });

  it('agrees with a Map over many pairs, through growth, for cells up to 2^32 - 1', () => {
    const map = new PairMap(4);
    const reference = new Map<string, number>();
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 3000) * 1431655; // spread over 0 .. 2^32
    for (let i = 0; i < 20000; i++) {
      const a = random();
      const b = i % 5 === 0 ? 2 ** 32 - 1 : random();
      const key = `${a},${b}`;
      const expected = reference.get(key) ?? reference.size;
      reference.set(key, expected);
      expect(map.idOf(a, b)).toBe(expected);
    }
    expect(map.size).toBe(reference.size);
    expect(map.size).toBeGreaterThan(2048); // it grew past its first table
  });
});
