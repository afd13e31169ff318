import { describe, expect, it } from 'vitest';
import { brokenZones } from '../../../shared/optimise/contiguity';
import { seedPlan } from '../../../shared/optimise/seed-plan';
import { gridInstance } from './grid';

describe('the seed plan the search starts from', () => {
  it('is the starting plan itself when that is already valid and has K zones', () => {
    const instance = gridInstance(4, 6, 3, 1);
    const seed = seedPlan(instance);
    expect([...seed.zoneOf]).toEqual([...instance.start]);
    expect(seed.origin).toEqual([0, 1, 2]);
    expect(seed.merged).toEqual([]);
  });

  it('gives stray pieces and unplaced areas to a neighbouring zone, leaving locked zones alone', () => {
    const instance = gridInstance(4, 6, 3, 2, [2]);
    // Zone 0 is columns 0–1; put a stray bit of it in column 4 (zone 2, locked) and one in column 3 (zone 1), and leave one area unplaced.
    instance.start[3] = 0; // row 0, column 3: inside zone 1
    instance.start[6 + 1] = -1; // row 1, column 1: no zone
    const seed = seedPlan(instance);
    expect(seed.zoneOf[3]).toBe(1);
    expect(seed.zoneOf[7]).toBe(0);
    expect(brokenZones(instance, seed.zoneOf, 3)).toEqual([]);
    instance.start.forEach((z, a) => z === 2 && expect(seed.zoneOf[a]).toBe(2));
  });

  it('merges the two smallest neighbouring zones to go down, and cuts the largest in two to go up', () => {
    const instance = gridInstance(6, 6, 3, 3);
    const fewer = seedPlan(instance, 2);
    expect(fewer.zoneCount).toBe(2);
    expect(fewer.merged).toHaveLength(1);
    expect(brokenZones(instance, fewer.zoneOf, 2)).toEqual([]);
    const more = seedPlan(instance, 5);
    expect(more.zoneCount).toBe(5);
    expect(more.origin.slice(0, 3)).toEqual([0, 1, 2]);
    expect(more.origin.slice(3)).toEqual([-1, -1]);
    expect(more.splitFrom.slice(3).every((z) => z >= 0)).toBe(true);
    expect(brokenZones(instance, more.zoneOf, 5)).toEqual([]);
  });

  it('refuses what cannot be made, saying why', () => {
    const instance = gridInstance(3, 3, 3, 4, [0, 1]);
    expect(() => seedPlan(instance, 2)).toThrow(/2 zones are locked/);
    expect(() => seedPlan(instance, 0)).toThrow(/at least one zone/);
    const single = gridInstance(1, 3, 3, 5);
    expect(() => seedPlan(single, 4)).toThrow(/single area/);
  });
});
