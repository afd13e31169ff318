import type { CapacityRow, PlanInputs } from '../domain/types';
import type { ZoneGeography } from '../geo/zone-geography';
import { computePlanMetrics, type PlanMetrics } from './metrics';
import { minCostMaxFlow, type FlowEdge } from './min-cost-flow';
import type { Transfer, WithdrawalResult, WithdrawalZone, ZoneState } from './schemas';

export type { Transfer, WithdrawalResult, WithdrawalZone, ZoneState };

export const WITHDRAWAL_METHOD =
  'The provider\'s hours (or the cut share of them) are removed. Each zone\'s new shortfall is then met from other providers\' spare hours ' +
  '(hours offered beyond their contracts, and contracted hours beyond their zone\'s demand) by a minimum-cost maximum flow: ' +
  'it first covers as many hours as possible, and among the ways of doing so picks the one with least travel, where a provider ' +
  'already in the zone costs nothing and one from another zone costs a fixed penalty plus the distance from its branch to the zone. ' +
  'Providers may help a zone they already serve, a neighbouring zone, or any zone within the distance limit of their branch.';

/** Moving hours across a zone border always costs more than any move within a zone. */
const CROSS_ZONE_PENALTY_KM = 10_000;
const EPSILON = 1e-9;

function stateOf(metrics: PlanMetrics, zoneId: string): ZoneState {
  const z = metrics.zones.find((m) => m.zoneId === zoneId)!;
  return { coverage: z.coverage, coverageClass: z.coverageClass, flags: [...z.flags] };
}

/**
 * Removes a provider (or cuts its hours by a percentage) and reallocates the
 * hours it leaves uncovered optimally (see WITHDRAWAL_METHOD). Never changes `inputs`.
 */
export function simulateWithdrawal(inputs: PlanInputs, geography: ZoneGeography, options: { providerId: string; cutPercent?: number }): WithdrawalResult {
  const provider = inputs.providers.find((p) => p.id === options.providerId);
  if (!provider) throw new Error(`There is no provider "${options.providerId}".`);
  const cutPercent = options.cutPercent ?? 100;
  if (!(cutPercent > 0 && cutPercent <= 100)) throw new Error(`The cut must be more than 0% and at most 100%, not ${cutPercent}%.`);
  const keep = 1 - cutPercent / 100;

  const before = computePlanMetrics(inputs);
  const lost = new Map<string, number>();
  const reduced: CapacityRow[] = inputs.capacity.map((row) => {
    if (row.providerId !== provider.id) return { ...row };
    lost.set(row.zoneId, (lost.get(row.zoneId) ?? 0) + row.contractedHours * (1 - keep));
    return { ...row, contractedHours: row.contractedHours * keep, additionalHours: row.additionalHours * keep };
  });
  const mid = computePlanMetrics({ ...inputs, capacity: reduced });

  // Flow network: source → (provider, zone it holds hours in) → zone in need → sink.
  const needs = mid.zones
    .map((z, i) => ({ zoneId: z.zoneId, need: Math.max(0, z.shortfallHours - before.zones[i]!.shortfallHours) }))
    .filter((n) => n.need > EPSILON);
  const suppliers: { providerId: string; providerName: string; zoneId: string; spare: number; additional: number }[] = [];
  for (const z of mid.zones) {
    for (const held of z.providers) {
      if (held.providerId === provider.id || held.spareHours <= EPSILON) continue;
      suppliers.push({ providerId: held.providerId, providerName: held.providerName, zoneId: z.zoneId, spare: held.spareHours, additional: held.additionalHours });
    }
  }
  const source = 0;
  const sink = 1;
  const supplierNode = (i: number) => 2 + i;
  const needNode = (j: number) => 2 + suppliers.length + j;
  const edges: FlowEdge[] = [];
  const links: { supplier: number; need: number; distanceKm: number; edge: number }[] = [];
  suppliers.forEach((s, i) => edges.push({ from: source, to: supplierNode(i), capacity: s.spare, cost: 0 }));
  needs.forEach((n, j) => edges.push({ from: needNode(j), to: sink, capacity: n.need, cost: 0 }));
  suppliers.forEach((s, i) => {
    needs.forEach((n, j) => {
      const sameZone = s.zoneId === n.zoneId;
      const distanceKm = geography.distanceKm(s.providerId, n.zoneId);
      const reachable = sameZone || geography.areNeighbours(s.zoneId, n.zoneId) || distanceKm <= inputs.settings.distanceLimitKm;
      if (!reachable) return;
      const cost = sameZone ? 0 : CROSS_ZONE_PENALTY_KM + (Number.isFinite(distanceKm) ? distanceKm : CROSS_ZONE_PENALTY_KM);
      links.push({ supplier: i, need: j, distanceKm, edge: edges.length });
      edges.push({ from: supplierNode(i), to: needNode(j), capacity: Infinity, cost });
    });
  });
  const { edgeFlows } = minCostMaxFlow(2 + suppliers.length + needs.length, edges, source, sink);

  // Apply the transfers: a supplier gives its offered extra hours first, then contracted surplus.
  const capacity = reduced.map((row) => ({ ...row }));
  const rowFor = (providerId: string, zoneId: string) => {
    let row = capacity.find((r) => r.providerId === providerId && r.zoneId === zoneId);
    if (!row) capacity.push((row = { providerId, zoneId, contractedHours: 0, additionalHours: 0 }));
    return row;
  };
  const remainingAdditional = suppliers.map((s) => s.additional);
  const transfers: Transfer[] = [];
  for (const link of links) {
    const hours = edgeFlows[link.edge]!;
    if (hours <= EPSILON) continue;
    const s = suppliers[link.supplier]!;
    const toZoneId = needs[link.need]!.zoneId;
    const fromAdditional = Math.min(hours, remainingAdditional[link.supplier]!);
    remainingAdditional[link.supplier]! -= fromAdditional;
    const origin = rowFor(s.providerId, s.zoneId);
    origin.additionalHours -= fromAdditional;
    origin.contractedHours -= hours - fromAdditional;
    rowFor(s.providerId, toZoneId).contractedHours += hours;
    transfers.push({ providerId: s.providerId, providerName: s.providerName, fromZoneId: s.zoneId, toZoneId, hours, distanceKm: s.zoneId === toZoneId ? 0 : link.distanceKm });
  }
  const after = computePlanMetrics({ ...inputs, capacity });

  const needOf = new Map(needs.map((n) => [n.zoneId, n.need]));
  const zones: WithdrawalZone[] = inputs.zones.map((zone) => {
    const zoneTransfers = transfers.filter((t) => t.toZoneId === zone.id).sort((a, b) => b.hours - a.hours);
    const receivedHours = zoneTransfers.reduce((sum, t) => sum + t.hours, 0);
    const needHours = needOf.get(zone.id) ?? 0;
    const b = stateOf(before, zone.id);
    const a = stateOf(after, zone.id);
    const coverageMoved = Math.abs((a.coverage ?? 0) - (b.coverage ?? 0)) > 1e-9;
    return {
      zoneId: zone.id,
      name: zone.name,
      before: b,
      after: a,
      lostHours: lost.get(zone.id) ?? 0,
      needHours,
      receivedHours,
      unmetHours: Math.max(0, needHours - receivedHours),
      transfers: zoneTransfers,
      changed: coverageMoved || a.coverageClass !== b.coverageClass || a.flags.join() !== b.flags.join(),
      newlyFlagged: a.flags.some((f) => !b.flags.includes(f)),
    };
  });

  const absorbedBy = new Map<string, { providerId: string; providerName: string; hours: number }>();
  for (const t of transfers) {
    const entry = absorbedBy.get(t.providerId) ?? { providerId: t.providerId, providerName: t.providerName, hours: 0 };
    entry.hours += t.hours;
    absorbedBy.set(t.providerId, entry);
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    providerId: provider.id,
    providerName: provider.name,
    cutPercent,
    lostHours: sum([...lost.values()]),
    needHours: sum(needs.map((n) => n.need)),
    reallocatedHours: sum(transfers.map((t) => t.hours)),
    unmetHours: sum(zones.map((z) => z.unmetHours)),
    zones,
    absorbed: [...absorbedBy.values()].sort((a, b) => b.hours - a.hours),
    newlyFlaggedZones: zones.filter((z) => z.newlyFlagged).map((z) => z.zoneId),
    before,
    after,
    method: WITHDRAWAL_METHOD,
  };
}
