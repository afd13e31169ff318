import { describe, expect, it } from 'vitest';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { comparePlans } from '../../../shared/plan/compare';
import { smallPlan } from '../../fixtures/small-plan';

describe('comparing two plans', () => {
  it('lists every zone by name with its figures in both plans, and moved areas by area and zone names', () => {
    const a = smallPlan();
    const [first] = [...a.assignments.keys()];
    const from = a.assignments.get(first!)!;
    const to = a.zones.find((z) => z.id !== from)!;
    const b = { ...a, zones: a.zones.map((z) => (z.id === to.id ? { ...z, name: `${z.name} (redrawn)` } : z)), assignments: new Map([...a.assignments, [first!, to.id]]) };
    const result = comparePlans({ metrics: computePlanMetrics(a), assignments: a.assignments }, { metrics: computePlanMetrics(b), assignments: b.assignments }, new Map([[first!, 'Melton Egerton']]));
    expect(result.areasMoved).toEqual([
      { areaCode: first, areaName: 'Melton Egerton', fromZone: from, fromZoneName: a.zones.find((z) => z.id === from)!.name, toZone: to.id, toZoneName: `${to.name} (redrawn)` },
    ]);
    const row = result.zones.find((z) => z.zoneId === to.id)!;
    expect(row).toMatchObject({ nameA: to.name, nameB: `${to.name} (redrawn)` });
    expect(row.areasB).toBe(row.areasA! + 1);
    const left = result.zones.find((z) => z.zoneId === from)!;
    expect(left.areasB).toBe(left.areasA! - 1);
    expect(result.zones).toHaveLength(a.zones.length);
  });
});
