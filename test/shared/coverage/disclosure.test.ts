import { describe, expect, it } from 'vitest';
import { hiddenText, suppressionPlan } from '../../../shared/coverage/disclosure';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { zoneTable } from '../../../shared/export/tables';
import { areasFeatureCollection } from '../../../shared/export/geojson';
import { areas, geometries, smallPlan } from '../../fixtures/small-plan';

describe('suppressionPlan', () => {
  it('hides counts above 0 and below the threshold (primary), and none with the threshold off', () => {
    const plan = suppressionPlan([0, 3, 5, 12], 5, []);
    expect([...plan]).toEqual([[1, 'primary']]);
    expect(suppressionPlan([3, 4], null, [[0, 1]]).size).toBe(0);
  });

  it('hides one more row where a single hidden row could be worked back from the total (secondary)', () => {
    // Zones of 3, 8, 12 and 20 people, total 43 published: 3 = 43 − 8 − 12 − 20, so 8 (the next fewest) goes too.
    const plan = suppressionPlan([3, 8, 12, 20], 5, [[0, 1, 2, 3]]);
    expect([...plan]).toEqual([
      [0, 'primary'],
      [1, 'secondary'],
    ]);
  });

  it('needs no secondary suppression where two rows are already hidden', () => {
    expect([...suppressionPlan([3, 2, 12], 5, [[0, 1, 2]])]).toEqual([
      [0, 'primary'],
      [1, 'primary'],
    ]);
  });

  it('protects with a row that has people, not an empty one, when it can', () => {
    expect(suppressionPlan([3, 0, 9, 7], 5, [[0, 1, 2, 3]]).get(3)).toBe('secondary');
  });

  it('works group by group: a zone with one small area hides a second area of that zone only', () => {
    // Zone 1: areas 0 (2 people), 1 (10), 2 (6). Zone 2: areas 3 (11), 4 (9).
    const plan = suppressionPlan([2, 10, 6, 11, 9], 5, [
      [0, 1, 2],
      [3, 4],
    ]);
    expect([...plan]).toEqual([
      [0, 'primary'],
      [2, 'secondary'],
    ]);
  });

  it('writes "<N" for a small count and "*" for a cell hidden to protect it', () => {
    expect(hiddenText('primary', 5)).toBe('<5');
    expect(hiddenText('secondary', 5)).toBe('*');
  });
});

describe('suppression in the exports', () => {
  it('hides the people-derived cells of a small zone and one more zone in the zone table', () => {
    // The small plan's zones have 10, 18, 15, 5 and 8 people: with a threshold of 6, ZD (5) is hidden
    // and ZE (8, the next fewest) with it, so ZD's demand cannot be worked back from the total.
    const table = zoneTable(computePlanMetrics(smallPlan()), { smallNumberThreshold: 6 });
    const row = (id: string) => table.rows.find((r) => r.zone_id === id)!;
    expect(row('ZD')).toMatchObject({ people: '<6', demand_hours: '<6', coverage: '<6', shortfall_hours: '<6', annual_cost: '<6' });
    expect(row('ZE')).toMatchObject({ people: '*', demand_hours: '*', unsourced_hours: '*', coverage: '*' });
    expect(row('ZA')).toMatchObject({ people: 10, demand_hours: 100, coverage: 1.1 });
    // Supply is not a count of people: it stays.
    expect(row('ZE').committed_hours).toBe(76);
    expect(zoneTable(computePlanMetrics(smallPlan()), { smallNumberThreshold: null }).rows.find((r) => r.zone_id === 'ZD')!.people).toBe(5);
  });

  it('suppresses areas within their zone in the areas layer', () => {
    // ZA's areas have 6 and 4 people: A2 (4) is hidden, and A1 (the only other area of ZA) with it.
    const figures = new Map(smallPlan().demand.map((d) => [d.areaCode, { demandHours: d.hours, people: d.people }]));
    const plan = smallPlan();
    const collection = areasFeatureCollection(areas, geometries, plan.assignments, new Map(), figures, { smallNumberThreshold: 5 });
    const props = (code: string) => collection.features.find((f) => f.id === code)!.properties;
    expect(props('A2')).toMatchObject({ people: '<5', demand_hours: '<5' });
    expect(props('A1')).toMatchObject({ people: '*', demand_hours: '*' });
    expect(props('C1')).toMatchObject({ people: 15, demand_hours: 150 });
    // D1 (5 people) is at the threshold, not below: shown.
    expect(props('D1').people).toBe(5);
  });
});
