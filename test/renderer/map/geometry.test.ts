import { describe, expect, it } from 'vitest';
import { thinLabels } from '../../../renderer/src/map/geometry';

describe('thinLabels', () => {
  it('keeps the higher-ranked of two overlapping labels and every label that overlaps none', () => {
    const kept = thinLabels([
      { id: 'small', x: 100, y: 100, width: 80, height: 20, rank: 1 },
      { id: 'big', x: 130, y: 105, width: 80, height: 20, rank: 5 },
      { id: 'apart', x: 400, y: 100, width: 80, height: 20, rank: 0 },
      { id: 'below', x: 100, y: 130, width: 80, height: 20, rank: 0 },
    ]);
    expect(kept).toEqual(['big', 'apart', 'below']);
  });

  it('keeps everything when nothing overlaps, and nothing twice', () => {
    const labels = Array.from({ length: 50 }, (_, i) => ({ id: `z${i}`, x: (i % 10) * 100, y: Math.floor(i / 10) * 40, width: 90, height: 30, rank: i }));
    expect(thinLabels(labels).sort()).toEqual(labels.map((l) => l.id).sort());
  });
});
