import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { pageSize, renderMapDocument, type MapDocumentInput } from '../../../shared/export/map-document';
import { assignments, geometries, smallPlan } from '../../fixtures/small-plan';

const inputs = smallPlan();
const metrics = computePlanMetrics(inputs);
const zoneShapes = new Map<string, number[][][][]>();
for (const [area, zone] of assignments) {
  const g = geometries.get(area)!;
  zoneShapes.set(zone, [...(zoneShapes.get(zone) ?? []), ...(g.type === 'Polygon' ? [g.coordinates] : g.coordinates)]);
}
const base: MapDocumentInput = {
  title: 'Coverage <draft> & notes',
  subtitle: 'All lots',
  paper: 'a4',
  orientation: 'landscape',
  metrics,
  settings: inputs.settings,
  zoneShapes,
  districtLines: [],
  places: [{ name: 'Melton', lat: 52.62, lon: -0.68 }],
  attributions: ['Contains OS data © Crown copyright.'],
  dataAsOf: '2026-10-01',
  isSample: false,
  includeFlaggedTable: true,
  smallNumberThreshold: null,
};

const boxes = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<rect[^>]*class="${cls}"[^>]*>`, 'g'))].map(([tag]) => {
    const n = (k: string) => Number(new RegExp(` ${k}="([-\\d.]+)"`).exec(tag)![1]);
    return { x: n('x'), y: n('y'), w: n('width'), h: n('height') };
  });

describe('renderMapDocument', () => {
  const svg = renderMapDocument(base);

  it('is one well-formed SVG the size of the paper, with the title escaped as text', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('width="297mm" height="210mm"');
    expect(svg).toContain('<title>Coverage &lt;draft&gt; &amp; notes</title>');
    expect(pageSize('a3', 'portrait')).toEqual({ width: 297, height: 420 });
    expect(renderMapDocument({ ...base, paper: 'a3', orientation: 'portrait' })).toContain('width="297mm" height="420mm"');
  });

  it('draws every zone with a shape, flagged zones hatched so they read in greyscale', () => {
    const zonePaths = [...svg.matchAll(/<path[^>]*class="zone"[^>]*data-zone="(\w+)"[^>]*fill="([^"]+)"/g)].map(([, id, fill]) => [id, fill]);
    expect(zonePaths.map(([id]) => id).sort()).toEqual(['ZA', 'ZB', 'ZC', 'ZD', 'ZE']);
    for (const zone of metrics.zones) {
      const fill = zonePaths.find(([id]) => id === zone.zoneId)![1]!;
      expect(fill.startsWith('url(#hatch-')).toBe(zone.flags.length > 0);
    }
  });

  it('gives the legend its thresholds from the settings, and the footer the date and every attribution', () => {
    expect(svg).toContain('Red: coverage below 90%');
    expect(renderMapDocument({ ...base, settings: { ...inputs.settings, redBelow: 0.8 } })).toContain('Red: coverage below 80%');
    expect(svg).toContain('Data as of 2026-10-01.');
    expect(svg).toContain('Contains OS data © Crown copyright.');
    expect(svg).not.toContain('SAMPLE DATA');
    expect(renderMapDocument({ ...base, isSample: true })).toContain('SAMPLE DATA');
  });

  it('places zone names so that none covers another, all inside the map frame', () => {
    const labels = boxes(svg, 'zone-label-bg');
    expect(labels.length).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i]!, labels[j]!];
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
      }
  });

  it('lists flagged zones in the table, hiding small counts of people when asked', () => {
    const flagged = metrics.zones.filter((z) => z.flags.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    const table = /<g class="flagged-table">([\s\S]*?)<\/g>/.exec(svg)![1]!;
    for (const zone of flagged) expect(table).toContain(zone.name);
    // Every zone here has fewer than 100 people behind its demand, so each figure is hidden.
    const hidden = /<g class="flagged-table">([\s\S]*?)<\/g>/.exec(renderMapDocument({ ...base, smallNumberThreshold: 100 }))![1]!;
    expect(hidden).toContain('&lt;100');
    expect(hidden).not.toMatch(/\d+%/);
  });

  it('gives the same bytes for the same input', () => {
    expect(renderMapDocument(base)).toBe(svg);
  });
});
