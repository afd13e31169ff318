import { describe, expect, it } from 'vitest';
import { drawOutlines, type OutlineStyle } from '../../../renderer/src/map/outline-drawing';
import { projectedLine, type View } from '../../../renderer/src/map/projection';
import { asContext, RecordingContext } from './recording-context';

const view: View = { worldPx: 36_000, originX: 0, originY: 0, west: -10, south: 40, east: 10, north: 60 };
const DISTRICT: OutlineStyle = { colour: '#5b6670', width: 1.4, opacity: 0.9, dash: [5, 4] };
const ZONE: OutlineStyle = { colour: '#1d2327', width: 1.8, opacity: 0.95 };

/** Longitude/latitude pairs, a NaN pair between the pieces of one zone's or district's outline. */
const line = (...pieces: [number, number][][]) => projectedLine(Float32Array.from(pieces.flatMap((p, i) => [...(i > 0 ? [NaN, NaN] : []), ...p.flat()])));

describe('drawing outlines onto a canvas', () => {
  it('strokes each zone or district as a path of its own, its pieces apart, in its set’s style, and skips lines out of view', () => {
    const districtA = line([[0, 50], [0.1, 50], [0.1, 50.1]]);
    const districtB = line([[1, 50], [1.1, 50]], [[2, 50], [2.1, 50]]);
    const zone = line([[0, 50], [0, 50.1]]);
    const faraway = line([[30, 10], [30.1, 10]]);
    const ctx = new RecordingContext();
    drawOutlines(asContext(ctx), [
      { style: DISTRICT, lines: [districtA, districtB] },
      { style: ZONE, lines: [zone, faraway] },
    ], view);
    expect(ctx.dropped).toBe(0);
    expect(ctx.drawn.map((d) => [d.op, d.rings.length, d.strokeStyle, d.alpha, d.dash.join(' ')])).toEqual([
      ['stroke', 1, DISTRICT.colour, DISTRICT.opacity, '5 4'],
      ['stroke', 2, DISTRICT.colour, DISTRICT.opacity, '5 4'],
      ['stroke', 1, ZONE.colour, ZONE.opacity, ''],
    ]);
    const first = ctx.drawn[0]!.rings[0]!;
    expect(first).toHaveLength(3);
    expect(first[0]![0]).toBeCloseTo(districtA.mercator[0]! * view.worldPx, 6);
    expect(first[2]![1]).toBeCloseTo(districtA.mercator[5]! * view.worldPx, 6);
    // Nothing is left dashed, or faded, for whatever draws next.
    expect([ctx.globalAlpha, (ctx as unknown as { dash: number[] }).dash]).toEqual([1, []]);
  });

  it('drops points within a pixel of the last one drawn, but never a line’s last point', () => {
    // 0.001° of longitude is 0.1 px here.
    const dense = line([[0, 50], [0.001, 50], [0.002, 50], [0.1, 50], [0.101, 50]]);
    const ctx = new RecordingContext();
    drawOutlines(asContext(ctx), [{ style: ZONE, lines: [dense] }], view);
    const drawn = ctx.drawn[0]!.rings[0]!;
    expect(drawn.map(([x]) => Math.round((x / view.worldPx) * 360 * 1000 - 180_000))).toEqual([0, 100, 101]);
  });
});
