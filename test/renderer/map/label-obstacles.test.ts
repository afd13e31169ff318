import type L from 'leaflet';
import { describe, expect, it } from 'vitest';
import { boxTouchesCircle, circleBoxes, drawnCircles, placeTowns, radiusFor } from '../../../renderer/src/map/label-obstacles';
import type { Provider } from '../../../shared/domain/types';

// One degree is 100 pixels at any zoom: enough of a map for placing boxes by hand.
const map = { project: ([lat, lon]: [number, number]) => ({ x: lon * 100, y: -lat * 100 }) } as unknown as L.Map;
const provider = (id: string, lat: number, lon: number) => ({ id, name: id, lat, lon }) as Provider;

describe('boxTouchesCircle', () => {
  const circle = { x: 0, y: 0, width: 20, height: 20 };
  it('is true when the box covers part of the circle and false when only their bounding boxes meet', () => {
    expect(boxTouchesCircle({ x: 12, y: 0, width: 6, height: 6 }, circle)).toBe(true);
    // The box's nearest corner is at (8, 8), 11.3 px from the centre: outside a 10 px radius, inside its square.
    expect(boxTouchesCircle({ x: 11, y: 11, width: 6, height: 6 }, circle)).toBe(false);
    expect(boxTouchesCircle({ x: 9, y: 9, width: 6, height: 6 }, circle)).toBe(true);
  });
});

describe('drawnCircles', () => {
  it('merges branches in one 34 px cell, sized by hours over the root of their number, and draws a picked provider alone', () => {
    const providers = [provider('a', 0.01, 0.01), provider('b', 0.02, 0.02), provider('c', 0.01, 3), provider('d', 0.015, 0.015)];
    const hours = new Map([['a', 100], ['b', 300], ['c', 50], ['d', 40]]);
    const circles = drawnCircles(map, 0, providers, hours, new Map([['d', 0]]), null);
    const ab = circles.find((c) => c.members.length === 2)!;
    expect(ab.members.map((m) => m.id).sort()).toEqual(['a', 'b']);
    expect(ab.radius).toBeCloseTo(radiusFor(400 / Math.SQRT2));
    expect(ab.lat).toBeCloseTo(0.015);
    expect(circles.find((c) => c.kind === 'picked')!.members[0]!.id).toBe('d');
    expect(circles).toHaveLength(3);
    const [box] = circleBoxes(map, 0, [ab]);
    expect(box!.width).toBeCloseTo(2 * ab.radius + 2);
  });
});

describe('placeTowns', () => {
  const town = { name: 'Anstey', lat: 0, lon: 0 };
  it('puts the name on the right when nothing is there, and on another side when a circle is', () => {
    expect(placeTowns(map, 0, [town], [], []).placed[0]).toMatchObject({ dx: 0, dy: 0, hidden: false });
    const onRight = { x: 25, y: 0, width: 16, height: 16 };
    const moved = placeTowns(map, 0, [town], [], [onRight]).placed[0]!;
    expect(moved.hidden).toBe(false);
    expect(moved.dx).toBeLessThan(0);
  });

  it('leaves the name off when every side covers a circle or the legend', () => {
    const circles = [{ x: 25, y: 0, width: 16, height: 16 }, { x: -25, y: 0, width: 16, height: 16 }, { x: 0, y: -16, width: 16, height: 16 }];
    const legend = { x: 0, y: 30, width: 200, height: 30 };
    expect(placeTowns(map, 0, [town], [], circles, legend).placed[0]!.hidden).toBe(true);
    expect(placeTowns(map, 0, [town], [], circles, null).placed[0]!.hidden).toBe(false);
  });
});
