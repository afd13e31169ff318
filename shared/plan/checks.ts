import type { PlanInputs } from '../domain/types';
import type { PlanMetrics } from '../coverage/schemas';

export interface PlanChecks {
  /** Zones in several disconnected pieces, with each piece's areas. */
  disconnected: { zoneId: string; pieces: string[][] }[];
  emptyZones: string[];
  /** Zones whose demand is below the minimum a zone should carry. */
  belowMinimumDemand: { zoneId: string; demandHours: number }[];
  unassignedAreas: string[];
}

/** Splits each zone's areas into connected pieces over the area adjacency graph. */
export function zonePieces(assignments: ReadonlyMap<string, string>, areaNeighbours: readonly (readonly [string, string])[]): Map<string, string[][]> {
  const adjacent = new Map<string, string[]>();
  for (const [a, b] of areaNeighbours) {
    if (assignments.get(a) === undefined || assignments.get(a) !== assignments.get(b)) continue;
    (adjacent.get(a) ?? adjacent.set(a, []).get(a)!).push(b);
    (adjacent.get(b) ?? adjacent.set(b, []).get(b)!).push(a);
  }
  const seen = new Set<string>();
  const pieces = new Map<string, string[][]>();
  for (const [area, zone] of [...assignments].sort(([x], [y]) => x.localeCompare(y))) {
    if (seen.has(area)) continue;
    const piece: string[] = [];
    const stack = [area];
    seen.add(area);
    while (stack.length) {
      const at = stack.pop()!;
      piece.push(at);
      for (const next of adjacent.get(at) ?? []) if (!seen.has(next)) seen.add(next), stack.push(next);
    }
    (pieces.get(zone) ?? pieces.set(zone, []).get(zone)!).push(piece.sort());
  }
  return pieces;
}

/** What the planner should fix before a plan goes to committee. */
export function checkPlan(inputs: PlanInputs, metrics: PlanMetrics, areaNeighbours: readonly (readonly [string, string])[], minimumDemandHours: number): PlanChecks {
  const pieces = zonePieces(inputs.assignments, areaNeighbours);
  return {
    disconnected: inputs.zones.filter((z) => (pieces.get(z.id)?.length ?? 0) > 1).map((z) => ({ zoneId: z.id, pieces: pieces.get(z.id)! })),
    emptyZones: metrics.zones.filter((z) => z.areaCount === 0).map((z) => z.zoneId),
    belowMinimumDemand: metrics.zones.filter((z) => z.areaCount > 0 && z.demandHours < minimumDemandHours).map((z) => ({ zoneId: z.zoneId, demandHours: z.demandHours })),
    unassignedAreas: inputs.areas.filter((a) => !inputs.assignments.has(a.code)).map((a) => a.code),
  };
}
