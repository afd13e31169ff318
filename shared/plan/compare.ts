import type { PlanMetrics } from '../coverage/schemas';

export interface PlanComparison {
  rows: { measure: string; a: number; b: number; difference: number }[];
  /** Each zone in either plan, by name, with its figures in both (null where the plan has no such zone). */
  zones: { zoneId: string; nameA: string | null; nameB: string | null; areasA: number | null; areasB: number | null; coverageA: number | null; coverageB: number | null; shortA: number | null; shortB: number | null }[];
  areasMoved: { areaCode: string; areaName: string; fromZone: string | null; fromZoneName: string | null; toZone: string | null; toZoneName: string | null }[];
}

interface Side {
  metrics: PlanMetrics;
  assignments: ReadonlyMap<string, string>;
}

/** The differences between two plans a committee asks about, zone by zone, and the areas that changed zone, by name. */
export function comparePlans(a: Side, b: Side, areaNames: ReadonlyMap<string, string> = new Map()): PlanComparison {
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
  const zonesA = new Map(a.metrics.zones.map((z) => [z.zoneId, z]));
  const zonesB = new Map(b.metrics.zones.map((z) => [z.zoneId, z]));
  const ids = [...new Set([...zonesA.keys(), ...zonesB.keys()])].sort();
  const nameIn = (zones: typeof zonesA, id: string | null) => (id === null ? null : (zones.get(id)?.name ?? id));
  const codes = [...new Set([...a.assignments.keys(), ...b.assignments.keys()])].sort();
  return {
    rows: measures.map(([measure, pick]) => ({ measure, a: pick(a.metrics), b: pick(b.metrics), difference: pick(b.metrics) - pick(a.metrics) })),
    zones: ids.map((zoneId) => {
      const x = zonesA.get(zoneId);
      const y = zonesB.get(zoneId);
      return {
        zoneId,
        nameA: x?.name ?? null,
        nameB: y?.name ?? null,
        areasA: x?.areaCount ?? null,
        areasB: y?.areaCount ?? null,
        coverageA: x ? x.coverage : null,
        coverageB: y ? y.coverage : null,
        shortA: x?.shortfallHours ?? null,
        shortB: y?.shortfallHours ?? null,
      };
    }),
    areasMoved: codes
      .filter((code) => a.assignments.get(code) !== b.assignments.get(code))
      .map((code) => {
        const fromZone = a.assignments.get(code) ?? null;
        const toZone = b.assignments.get(code) ?? null;
        return { areaCode: code, areaName: areaNames.get(code) ?? code, fromZone, fromZoneName: nameIn(zonesA, fromZone), toZone, toZoneName: nameIn(zonesB, toZone) };
      }),
  };
}
