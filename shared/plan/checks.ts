import type { PlanInputs } from '../domain/types';
import type { PlanMetrics } from '../coverage/schemas';
import { neighbourLists } from '../geo/area-neighbours';

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
  const members = new Map<string, string[]>();
  for (const [area, zone] of [...assignments].sort(([x], [y]) => x.localeCompare(y))) (members.get(zone) ?? members.set(zone, []).get(zone)!).push(area);
  const neighbours = neighbourLists(areaNeighbours);
  const zoneOf = (code: string) => assignments.get(code);
  return new Map([...members].map(([zone, list]) => [zone, piecesOf(list, zoneOf, zone, neighbours)]));
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

/** The connected pieces of one zone's areas (sorted as zonePieces sorts them), walking only its own areas' neighbours. */
function piecesOf(members: string[], zoneOf: (code: string) => string | undefined, zoneId: string, neighbours: ReadonlyMap<string, readonly string[]>): string[][] {
  const seen = new Set<string>();
  const pieces: string[][] = [];
  for (const area of members.sort()) {
    if (seen.has(area)) continue;
    const piece: string[] = [];
    const stack = [area];
    seen.add(area);
    while (stack.length) {
      const at = stack.pop()!;
      piece.push(at);
      for (const next of neighbours.get(at) ?? []) if (!seen.has(next) && zoneOf(next) === zoneId) seen.add(next), stack.push(next);
    }
    pieces.push(piece.sort());
  }
  return pieces;
}

/**
 * The checks after an edit that moved areas between `zoneIds` only: those
 * zones' pieces are found again, every other zone's kept from `previous`, so
 * one brush stroke on a national plan does not walk every zone. The result is
 * what checkPlan would give (tested so).
 */
export function recheckZones(
  previous: PlanChecks,
  inputs: PlanInputs,
  metrics: PlanMetrics,
  neighbours: ReadonlyMap<string, readonly string[]>,
  minimumDemandHours: number,
  zoneIds: ReadonlySet<string>,
  known?: KnownEdit,
): PlanChecks {
  const members = new Map<string, string[]>([...zoneIds].map((z) => [z, known ? [...known.membersOf(z)] : []]));
  if (!known) for (const [area, zone] of inputs.assignments) members.get(zone)?.push(area);
  const zoneOf = (code: string) => inputs.assignments.get(code);
  const kept = new Map(previous.disconnected.filter((d) => !zoneIds.has(d.zoneId)).map((d) => [d.zoneId, d.pieces]));
  for (const [zoneId, list] of members) {
    const pieces = piecesOf(list, zoneOf, zoneId, neighbours);
    if (pieces.length > 1) kept.set(zoneId, pieces);
  }
  return {
    disconnected: inputs.zones.filter((z) => kept.has(z.id)).map((z) => ({ zoneId: z.id, pieces: kept.get(z.id)! })),
    emptyZones: metrics.zones.filter((z) => z.areaCount === 0).map((z) => z.zoneId),
    belowMinimumDemand: metrics.zones.filter((z) => z.areaCount > 0 && z.demandHours < minimumDemandHours).map((z) => ({ zoneId: z.zoneId, demandHours: z.demandHours })),
    unassignedAreas: unassignedAfter(previous.unassignedAreas, inputs, known?.moves),
  };
}

/**
 * What the caller of recheckZones already knows of the edit, which spares it
 * passes over every area: each touched zone's areas now, and the areas moved
 * (to a zone, or to none).
 */
export interface KnownEdit {
  membersOf(zoneId: string): Iterable<string>;
  moves: ReadonlyMap<string, string | null>;
}

/** The unassigned areas stay as they were unless an area left every zone or an unassigned one joined a zone. */
function unassignedAfter(previous: string[], inputs: PlanInputs, moves?: ReadonlyMap<string, string | null>): string[] {
  if (moves) {
    const before = new Set(previous);
    if (![...moves].some(([code, zoneId]) => zoneId === null || before.has(code))) return previous;
  }
  return inputs.areas.filter((a) => !inputs.assignments.has(a.code)).map((a) => a.code);
}
