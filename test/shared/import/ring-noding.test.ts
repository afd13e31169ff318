import { describe, expect, it } from 'vitest';
import { splitLoops } from '../../../shared/import/ring-noding';

describe('splitLoops', () => {
  it('leaves a simple ring as it is', () => {
    const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    expect(splitLoops(square)).toEqual({ loops: [square], crossings: [], overlap: null, spikes: 0 });
  });

  it('cuts a figure of eight at its crossing into two triangles', () => {
    const result = splitLoops([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]);
    expect(result.crossings).toEqual([{ kind: 'cross', point: [1, 1] }]);
    expect(result.loops).toEqual([
      [[1, 1], [2, 2], [2, 0], [1, 1]],
      [[0, 0], [1, 1], [0, 2], [0, 0]],
    ]);
  });

  it('cuts a ring that passes through one of its vertices twice there, as a touch', () => {
    const result = splitLoops([[0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2], [0, 0]]);
    expect(result.crossings.every((c) => c.kind === 'touch')).toBe(true);
    expect(result.crossings.map((c) => c.point)).toContainEqual([1, 1]);
    expect(result.loops).toHaveLength(2);
    expect(result.loops.map((l) => l.length).sort()).toEqual([4, 4]);
  });

  it('drops an out-and-back spike and counts it', () => {
    const result = splitLoops([[0, 0], [2, 0], [2, 2], [3, 3], [2, 2], [0, 2], [0, 0]]);
    expect(result.spikes).toBe(1);
    expect(result.loops).toEqual([[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]);
  });

  it('reports edges that run along each other, which it cannot repair, and gives no loops', () => {
    // (3,0)→(1,0) runs back along (0,0)→(4,0).
    const result = splitLoops([[0, 0], [4, 0], [4, 1], [3, 1], [3, 0], [1, 0], [1, -1], [0, -1], [0, 0]]);
    expect(result.overlap).not.toBeNull();
    expect(result.overlap![1]).toBe(0);
    expect(result.loops).toEqual([]);
  });
});
