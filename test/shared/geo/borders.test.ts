import { describe, expect, it } from 'vitest';
import { EdgeTopology, groupOutlines } from '../../../shared/geo/borders';
import { packLines } from '../../../shared/geo/packed-lines';
import { assignments, geometries } from '../../fixtures/small-plan';

describe('groupOutlines', () => {
  const outlines = groupOutlines(geometries, (code) => assignments.get(code));

  it('drops the border between two areas of the same zone', () => {
    // Zone A is two squares side by side: its outline has no edge on lon -1.25 between them.
    const lines = outlines.get('ZA')!;
    const onInternalBorder = lines.flat().filter((p) => p[0] === -1.25 && p[1]! > 52.6 && p[1]! < 52.65);
    expect(onInternalBorder).toEqual([]);
    const length = lines.reduce((sum, line) => sum + line.length - 1, 0);
    expect(length).toBe(6); // 8 edges of the two squares, less the shared one counted on each side
  });

  it('draws a border between two zones once', () => {
    const shared = (zone: string) => outlines.get(zone)!.flat().filter((p) => p[0] === -1.2).length;
    expect(shared('ZA') + shared('ZB')).toBeGreaterThan(0);
    // ZA < ZB: the ZA|ZB border belongs to ZA's outline only.
    const zbEdges = outlines.get('ZB')!.filter((line) => line.every((p) => p[0] === -1.2));
    expect(zbEdges).toEqual([]);
  });

  it('keeps a lone zone\'s whole ring', () => {
    expect(outlines.get('ZE')!.flat()).toHaveLength(5);
  });
});

describe('EdgeTopology.outlines, whole', () => {
  const topology = new EdgeTopology(geometries);
  const zoneOf = (code: string) => assignments.get(code);
  const edges = (lines: number[][][]) => lines.reduce((sum, line) => sum + line.length - 1, 0);

  it('draws a border between two zones on both sides', () => {
    const whole = topology.outlines(zoneOf, { whole: true });
    const onBorder = (zone: string) => whole.get(zone)!.flat().filter((p) => p[0] === -1.2).length;
    expect(onBorder('ZA')).toBeGreaterThan(0);
    expect(onBorder('ZB')).toBeGreaterThan(0);
    // Each zone's whole outline is at least its drawn-once share.
    const once = topology.outlines(zoneOf);
    for (const [zone, lines] of once) expect(edges(whole.get(zone)!)).toBeGreaterThanOrEqual(edges(lines));
    expect(edges(whole.get('ZB')!)).toBeGreaterThan(edges(once.get('ZB')!));
  });

  it('packs the same outlines straight from the vertices as packLines packs the position arrays', () => {
    for (const options of [{}, { whole: true }, { whole: true, only: new Set(['ZB', 'ZA']) }]) {
      const lines = topology.outlines(zoneOf, options);
      const packed = topology.packedOutlines(zoneOf, options);
      expect([...packed.keys()]).toEqual([...lines.keys()]);
      for (const [zone, outline] of lines) expect([...packed.get(zone)!]).toEqual([...packLines(outline)]);
    }
  });

  it('rebuilds only the zones asked for, the same as the whole map draws them', () => {
    const whole = topology.outlines(zoneOf, { whole: true });
    const some = topology.outlines(zoneOf, { whole: true, only: new Set(['ZB']) });
    expect([...some.keys()]).toEqual(['ZB']);
    expect(edges(some.get('ZB')!)).toBe(edges(whole.get('ZB')!));
  });

  it('given each zone\'s areas, reads only those areas\' rings and answers exactly as the scan of the map does', () => {
    const members = new Map<string, string[]>();
    for (const [code, zone] of assignments) (members.get(zone) ?? members.set(zone, []).get(zone)!).push(code);
    const asked: string[] = [];
    const membersOf = (zone: string) => (asked.push(zone), members.get(zone) ?? []);
    const only = new Set(['ZB', 'ZA', 'nowhere']);
    expect(topology.outlines(zoneOf, { whole: true, only, membersOf })).toEqual(topology.outlines(zoneOf, { whole: true, only }));
    expect(topology.dissolve(zoneOf, only, membersOf)).toEqual(topology.dissolve(zoneOf, only));
    expect(topology.dissolve(zoneOf, only)).toEqual(new Map([...topology.dissolve(zoneOf)].filter(([zone]) => only.has(zone))));
    expect(new Set(asked)).toEqual(only);
  });

  it('rebuilds some groups the same however many there are (over a thousand groups count edges another way)', () => {
    // A 33 × 33 grid of squares: every square its own group (1,089 groups), then every row a group.
    const grid = new Map<string, { type: 'Polygon'; coordinates: number[][][] }>();
    for (let x = 0; x < 33; x++) {
      for (let y = 0; y < 33; y++) {
        const [w, s, e, n] = [-1 + x * 0.01, 52 + y * 0.01, -1 + (x + 1) * 0.01, 52 + (y + 1) * 0.01];
        grid.set(`${x}:${y}`, { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
      }
    }
    const squares = new EdgeTopology(grid);
    for (const groupOf of [(code: string) => code, (code: string) => `row ${code.split(':')[1]}`]) {
      const all = new Set([...grid.keys()].map(groupOf));
      const whole = squares.outlines(groupOf, { whole: true });
      expect(squares.outlines(groupOf, { whole: true, only: all })).toEqual(whole);
      const some = new Set([...all].slice(0, 3));
      expect(squares.outlines(groupOf, { whole: true, only: some })).toEqual(new Map([...whole].filter(([g]) => some.has(g))));
    }
  });

  it('refuses to rebuild some zones drawn once, since a shared border belongs to either side', () => {
    expect(() => topology.outlines(zoneOf, { only: new Set(['ZB']) })).toThrow(/whole/);
  });
});
