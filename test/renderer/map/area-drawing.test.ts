import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerGeometry, type AreaLayer } from '../../../shared/geo/area-layer';
import { drawAreas, type AreaPaint } from '../../../renderer/src/map/area-drawing';
import { toMercator, type View } from '../../../renderer/src/map/projection';
import { asContext, RecordingContext } from './recording-context';

// 100 px to a degree of longitude. An area's span is the larger of its width and
// 1.6 × its height, in those pixels: under 1.5 px a dot, under 6 px small (no
// border line), else big.
const WORLD_PX = 36_000;
const view: View = { worldPx: WORLD_PX, originX: 0, originY: 0, west: -10, south: 40, east: 10, north: 60 };

interface Square {
  code: string;
  /** South-west corners and sides in degrees: one ring each. */
  rings: [number, number, number][];
}

function layerOf(squares: Square[]): AreaLayer {
  const positions: number[] = [];
  const ringArea: number[] = [];
  const ringStart = [0];
  squares.forEach((s, a) =>
    s.rings.forEach(([x, y, side]) => {
      positions.push(x, y, x + side, y, x + side, y + side, x, y + side);
      ringArea.push(a);
      ringStart.push(positions.length / 2);
    }),
  );
  const arrays = {
    ringArea: Int32Array.from(ringArea),
    ringOuter: Uint8Array.from(ringArea.map(() => 1)),
    ringStart: Int32Array.from(ringStart),
    vertices: Int32Array.from({ length: positions.length / 2 }, (_, i) => i),
    positions: Float32Array.from(positions),
  };
  const codes = squares.map((s) => s.code);
  return { codes, names: codes, zoneIds: codes.map(() => null), ...arrays, ...layerGeometry(arrays, squares.length) };
}

// 300 small areas in a row (0.03° across: 4.8 px), every 50th a big one (0.1°: 16 px) with two rings,
// every 7th a dot (0.005°: 0.8 px), and one far outside the view. Two colours, alternating.
const squares: Square[] = Array.from({ length: 300 }, (_, i) => {
  const x = -5 + (i % 30) * 0.3;
  const y = 50 + Math.floor(i / 30) * 0.3;
  if (i % 50 === 25)
    return {
      code: `big${i}`,
      rings: [
        [x, y, 0.1],
        [x + 0.15, y, 0.1],
      ],
    };
  if (i % 7 === 3) return { code: `dot${i}`, rings: [[x, y, 0.005]] };
  return { code: `small${i}`, rings: [[x, y, 0.03]] };
});
squares.push({ code: 'outside', rings: [[30, 10, 0.1]] });
const layer = layerOf(squares);
const mercator = toMercator(layer.positions);
const RED: AreaPaint = { fill: '#ff0000', opacity: 0.92 };
const BLUE: AreaPaint = { fill: '#0000ff', opacity: 0.92 };
const paintOf = (a: number) => (a % 2 === 0 ? RED : BLUE);
const kindOf = (a: number) => layer.codes[a]!.replace(/\d+$/, '');

/** Where each ring of an area starts on the canvas, as drawn (its first vertex). */
const ringStarts = (a: number): string[] => {
  const starts: string[] = [];
  for (let k = layer.areaRings[a]!; k < layer.areaRings[a + 1]!; k++) {
    const v = 2 * layer.vertices[layer.ringStart[k]!]!;
    starts.push(`${mercator[v]! * WORLD_PX},${mercator[v + 1]! * WORLD_PX}`);
  }
  return starts;
};

let restore: () => void;
beforeAll(() => (restore = RecordingContext.installPath2D()));
afterAll(() => restore());

function draw(): RecordingContext {
  const ctx = new RecordingContext();
  drawAreas(asContext(ctx), layer, mercator, paintOf, view);
  return ctx;
}

describe('drawing the areas onto a canvas', () => {
  it('fills every area in view once, in its own paint, and drops no path on the way', () => {
    const ctx = draw();
    expect(ctx.dropped).toBe(0);
    const fills = ctx.drawn.filter((d) => d.op === 'fill');
    const fillOf = new Map<string, (typeof fills)[number][]>();
    for (const fill of fills) for (const ring of fill.rings) fillOf.set(`${ring[0]![0]},${ring[0]![1]}`, [...(fillOf.get(`${ring[0]![0]},${ring[0]![1]}`) ?? []), fill]);
    layer.codes.forEach((code, a) => {
      if (code === 'outside') return;
      if (kindOf(a) === 'dot') return; // as a dot, below
      for (const start of ringStarts(a)) {
        const found = fillOf.get(start) ?? [];
        expect(found, `${code}: one fill of its ring at ${start}`).toHaveLength(1);
        expect(found[0]!.fillStyle, code).toBe(paintOf(a).fill);
        expect(found[0]!.alpha, code).toBe(paintOf(a).opacity);
      }
    });
    // Dots: a 1.5 px square centred on the area's first vertex, one per area, in its paint.
    const dots = fills.flatMap((f) => f.rings.filter((r) => r.length === 4 && Math.abs(r[1]![0] - r[0]![0] - 1.5) < 1e-9).map((r) => ({ centre: `${r[0]![0] + 0.75},${r[0]![1] + 0.75}`, fill: f.fillStyle })));
    const dotAreas = layer.codes.map((_, a) => a).filter((a) => kindOf(a) === 'dot');
    expect(dots).toHaveLength(dotAreas.length);
    for (const a of dotAreas) {
      const [x, y] = ringStarts(a)[0]!.split(',').map(Number);
      expect(dots.filter((d) => Math.abs(Number(d.centre.split(',')[0]) - x!) < 1e-6 && Math.abs(Number(d.centre.split(',')[1]) - y!) < 1e-6 && d.fill === paintOf(a).fill)).toHaveLength(1);
    }
    // Nothing of the area outside the view.
    const outside = ringStarts(layer.codes.indexOf('outside'))[0]!;
    expect(fillOf.has(outside)).toBe(false);
  });

  it('gives each big area a path of its own with a border line, and fills small ones many to a path, without one', () => {
    const ctx = draw();
    const strokes = ctx.drawn.filter((d) => d.op === 'stroke');
    const bigAreas = layer.codes.map((_, a) => a).filter((a) => kindOf(a) === 'big');
    expect(strokes).toHaveLength(bigAreas.length);
    for (const a of bigAreas) {
      const stroke = strokes.find((s) => s.rings.some((r) => `${r[0]![0]},${r[0]![1]}` === ringStarts(a)[0]));
      expect(stroke, layer.codes[a]).toBeDefined();
      expect(stroke!.rings.map((r) => `${r[0]![0]},${r[0]![1]}`)).toEqual(ringStarts(a)); // its own rings, nothing else
      expect(stroke!.alpha).toBe(1);
    }
    const smallAreas = layer.codes.map((_, a) => a).filter((a) => kindOf(a) === 'small');
    const smallStarts = new Set(smallAreas.flatMap(ringStarts));
    const smallFills = ctx.drawn.filter((d) => d.op === 'fill' && d.rings.some((r) => smallStarts.has(`${r[0]![0]},${r[0]![1]}`)));
    expect(smallFills.length).toBeLessThan(smallAreas.length / 10);
    for (const fill of smallFills) expect(fill.rings.every((r) => smallStarts.has(`${r[0]![0]},${r[0]![1]}`))).toBe(true);
  });

  it('draws only what is near a part of the view when asked for that part (a redraw after an edit)', () => {
    const ctx = new RecordingContext();
    const a = layer.codes.indexOf('small1');
    const b = a * 4;
    drawAreas(asContext(ctx), layer, mercator, paintOf, { ...view, west: layer.boxes[b]!, south: layer.boxes[b + 1]!, east: layer.boxes[b + 2]!, north: layer.boxes[b + 3]! });
    const drawnStarts = ctx.drawn.flatMap((d) => d.rings.map((r) => `${r[0]![0]},${r[0]![1]}`));
    expect(drawnStarts).toEqual(ringStarts(a));
  });
});
