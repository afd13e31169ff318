import { describe, expect, it } from 'vitest';
import { groupOutlines } from '../../../shared/geo/borders';
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
