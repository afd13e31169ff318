import { describe, expect, it } from 'vitest';
import { bridgeIslands } from '../../../shared/optimise/islands';

describe('linking islands', () => {
  it('links each cut-off group to the nearest area outside it, and nothing when all are joined', () => {
    const codes = ['A', 'B', 'C', 'D', 'E'];
    const centres = new Map<string, [number, number]>([
      ['A', [0, 50]],
      ['B', [0.1, 50]],
      ['C', [0.2, 50]],
      ['D', [0.25, 50.3]], // an island off C
      ['E', [-0.5, 50]], // an island off A
    ]);
    const pairs: [string, string][] = [
      ['A', 'B'],
      ['B', 'C'],
    ];
    expect(bridgeIslands(codes, pairs, () => centres)).toEqual([
      ['D', 'C'],
      ['E', 'A'],
    ]);
    expect(bridgeIslands(codes, [...pairs, ['C', 'D'], ['E', 'A']], () => { throw new Error('not needed'); })).toEqual([]);
  });
});
