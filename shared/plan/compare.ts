import type { PlanMetrics } from '../coverage/schemas';

export interface PlanComparison {
  rows: { measure: string; a: number; b: number; difference: number }[];
  areasMoved: { areaCode: string; fromZone: string | null; toZone: string | null }[];
}

/** The differences between two plans a committee asks about, and the areas that changed zone. */
export function comparePlans(a: { metrics: PlanMetrics; assignments: ReadonlyMap<string, string> }, b: { metrics: PlanMetrics; assignments: ReadonlyMap<string, string> }): PlanComparison {
  const measures: [string, (m: PlanMetrics) => number][] = [
    ['Zones', (m) => m.totals.zones],
    ['Flagged zones', (m) => m.totals.flaggedZones],
    ['Red zones', (m) => m.totals.redZones],
    ['Amber zones', (m) => m.totals.amberZones],
    ['Covered zones', (m) => m.zones.filter((z) => z.coverageClass === 'covered').length],
    ['Fragile zones', (m) => m.totals.fragileZones],
    ['Hours short a week', (m) => m.totals.shortfallHours],
    ['Annual cost (£)', (m) => m.totals.annualCost],
    ['Budget headroom (£)', (m) => m.totals.budgetHeadroom],
  ];
  const codes = [...new Set([...a.assignments.keys(), ...b.assignments.keys()])].sort();
  return {
    rows: measures.map(([measure, pick]) => ({ measure, a: pick(a.metrics), b: pick(b.metrics), difference: pick(b.metrics) - pick(a.metrics) })),
    areasMoved: codes
      .filter((code) => a.assignments.get(code) !== b.assignments.get(code))
      .map((code) => ({ areaCode: code, fromZone: a.assignments.get(code) ?? null, toZone: b.assignments.get(code) ?? null })),
  };
}
