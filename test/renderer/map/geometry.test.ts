import { describe, expect, it } from 'vitest';
import { placeLabels, thinLabels, zoneLabelPoints } from '../../../renderer/src/map/geometry';
import type { AreaLayer } from '../../../shared/geo/area-layer';

describe('zoneLabelPoints', () => {
  // Boxes (west, south, east, north): zone A has a big square at the origin and a small one far east; zone B one square.
  const layer = {
    zoneIds: ['A', 'A', 'B', null],
    boxes: new Float64Array([0, 0, 2, 2, 10, 0, 10.5, 0.5, 3, 3, 4, 4, 7, 7, 8, 8]),
  } as unknown as AreaLayer;

  it('hangs each zone\'s label on the middle of its most central sizeable area, and none on unzoned areas', () => {
    // Zone A: weights 4 and 0.25; weighted middle lon (1×4 + 10.25×0.25)/4.25 = 1.544, lat (1×4 + 0.25×0.25)/4.25 = 0.956.
    // The big square scores 2 / (0.01 + 0.77) ≈ 2.6, the small one 0.5 / (0.01 + 8.76) ≈ 0.06: the big one's middle.
    expect(zoneLabelPoints(layer)).toEqual(new Map([['A', [1, 1]], ['B', [3.5, 3.5]]]));
  });
});

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

describe('placeLabels', () => {
  const box = (id: string, x: number, y: number, rank: number) => ({ id, x, y, width: 100, height: 20, rank });
  const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < 100 && Math.abs(a.y - b.y) < 20;

  it('leaves the highest-ranked label on its point and moves the one it would cover', () => {
    const placed = placeLabels([box('small', 0, 0, 1), box('big', 10, 5, 2)]);
    expect(placed.find((p) => p.id === 'big')).toEqual({ id: 'big', dx: 0, dy: 0 });
    const small = placed.find((p) => p.id === 'small')!;
    expect(overlaps({ x: small.dx, y: small.dy }, { x: 10, y: 5 })).toBe(false);
  });

  it('places a dozen crowded labels with none covering another when there is room around them', () => {
    const labels = Array.from({ length: 12 }, (_, i) => box(`Z${i}`, (i % 4) * 60, Math.floor(i / 4) * 15, 12 - i));
    const placed = placeLabels(labels);
    const at = placed.map((p) => {
      const l = labels.find((x) => x.id === p.id)!;
      return { x: l.x + p.dx, y: l.y + p.dy };
    });
    for (let i = 0; i < at.length; i++) for (let j = i + 1; j < at.length; j++) expect(overlaps(at[i]!, at[j]!), `${placed[i]!.id} and ${placed[j]!.id}`).toBe(false);
  });
});
