import type { PlanInputs, ServiceType, SupplyRow } from '../domain/types';
import { pointDistanceKm } from '../geo/distance';
import { rateFor } from './bands';
import { computePlanMetrics, type PlanMetrics } from './metrics';
import { minCostMaxFlow, type FlowEdge } from './min-cost-flow';
import type { Reach, Transfer, WithdrawalResult, WithdrawalZone, ZoneState } from './schemas';
import { inLotUnit, servicesIn, supplyClass, unitOfFilter, type LotFilter, type SupplyClass } from './supply';

export type { Transfer, WithdrawalResult, WithdrawalZone, ZoneState };

export const WITHDRAWAL_METHOD =
  'The provider\'s committed hours (or the cut share of them) are removed, and it hands back the care it delivers beyond what it keeps, with the people behind it. ' +
  'That care is re-homed onto other providers\' spare hours (committed but not yet delivered, then hours offered beyond their contracts) by a minimum-cost flow: ' +
  'it re-homes as many hours as possible and, among the ways of doing so, prefers on-framework providers to spot providers, a provider already working in the same area, ' +
  'then one in a neighbouring area, then one whose branch is within the distance limit, and shorter distances. Exiting providers take on nothing. ' +
  'Care left unmet, and care re-homed with spot providers, is priced at the spot rate; the cost change is that against the band rate.';

/** Where areas are: each area's neighbours and a point for it (areaCentre). */
export interface AreaReach {
  neighbours: ReadonlyMap<string, readonly string[]>;
  centres: ReadonlyMap<string, readonly [number, number]>;
}

const EPSILON = 1e-9;
const TIER = { status: 1e6, reach: { 'same-area': 0, neighbour: 1e4, distance: 2e4 } satisfies Record<Reach, number>, additional: 1e3 };

function stateOf(metrics: PlanMetrics, zoneId: string): ZoneState {
  const z = metrics.zones.find((m) => m.zoneId === zoneId)!;
  return { coverage: z.coverage, coverageClass: z.coverageClass, flags: [...z.flags] };
}

interface HandBack {
  areaCode: string;
  service: ServiceType;
  hours: number;
  people: number;
}

interface Pool {
  providerId: string;
  service: ServiceType;
  cls: SupplyClass;
  /** Rows of this provider and service in the new supply, to take spare and additional hours from. */
  rows: SupplyRow[];
  spare: number;
  additional: number;
  areas: Set<string>;
  branch: [number, number];
}

const key = (providerId: string, areaCode: string, service: string) => `${providerId}\u0000${areaCode}\u0000${service}`;

/**
 * Removes a provider (or cuts its hours by a percentage) and re-homes the care
 * it hands back (see WITHDRAWAL_METHOD), for the services of one lot filter.
 * `rehomedHours + unmetHours = hoursToRehome` always. Never changes `inputs`.
 */
export function simulateWithdrawal(
  inputs: PlanInputs,
  reach: AreaReach,
  options: { providerId: string; cutPercent?: number; lot?: LotFilter },
): WithdrawalResult {
  const provider = inputs.providers.find((p) => p.id === options.providerId);
  if (!provider) throw new Error(`There is no provider "${options.providerId}".`);
  const cutPercent = options.cutPercent ?? 100;
  if (!(cutPercent > 0 && cutPercent <= 100)) throw new Error(`The cut must be more than 0% and at most 100%, not ${cutPercent}%.`);
  const lot = options.lot ?? 'all';
  const services = new Set(servicesIn(lot));
  const keep = 1 - cutPercent / 100;
  const { settings } = inputs;
  const classOf = new Map(inputs.providers.map((p) => [p.id, supplyClass(p, inputs.asAt)]));
  const withdrawnActive = classOf.get(provider.id) !== 'inactive';
  const u = (service: ServiceType, hours: number) => inLotUnit(service, hours);

  const before = computePlanMetrics(inputs, lot);
  const zoneOfArea = inputs.assignments;
  const lost = new Map<string, number>();
  const handBacks: HandBack[] = [];
  const supply: SupplyRow[] = inputs.supply.map((row) => {
    if (row.providerId !== provider.id || !services.has(row.service) || !withdrawnActive) return { ...row };
    const committed = row.committedHours * keep;
    const back = Math.max(0, row.deliveredHours - committed);
    const people = row.deliveredHours > 0 ? (row.people * back) / row.deliveredHours : 0;
    const zoneId = zoneOfArea.get(row.areaCode);
    if (zoneId !== undefined) lost.set(zoneId, (lost.get(zoneId) ?? 0) + u(row.service, row.committedHours - committed));
    if (back > EPSILON) handBacks.push({ areaCode: row.areaCode, service: row.service, hours: back, people });
    return { ...row, committedHours: committed, additionalHours: row.additionalHours * keep, deliveredHours: row.deliveredHours - back, people: row.people - people };
  });
  const byKey = new Map(supply.map((r) => [key(r.providerId, r.areaCode, r.service), r]));

  // Receivers: every other active provider's spare hours, one pool per provider and service.
  const branches = new Map(inputs.providers.map((p) => [p.id, [p.lon, p.lat] as [number, number]]));
  const pools = new Map<string, Pool>();
  for (const row of supply) {
    const cls = classOf.get(row.providerId) ?? 'inactive';
    if (row.providerId === provider.id || !services.has(row.service) || (cls !== 'secure' && cls !== 'spot')) continue;
    const id = `${row.providerId}\u0000${row.service}`;
    let pool = pools.get(id);
    if (!pool) pools.set(id, (pool = { providerId: row.providerId, service: row.service, cls, rows: [], spare: 0, additional: 0, areas: new Set(), branch: branches.get(row.providerId)! }));
    pool.rows.push(row);
    pool.spare += Math.max(0, row.committedHours - row.deliveredHours);
    pool.additional += row.additionalHours;
    if (row.committedHours > 0 || row.deliveredHours > 0) pool.areas.add(row.areaCode);
  }
  const poolList = [...pools.values()].filter((p) => p.spare + p.additional > EPSILON);

  // Flow network: source → hand-back (area, service) → pool → sink (spare edge, then additional edge).
  const source = 0;
  const sink = 1;
  const handNode = (i: number) => 2 + i;
  const poolNode = (j: number) => 2 + handBacks.length + j;
  const edges: FlowEdge[] = [];
  handBacks.forEach((h, i) => edges.push({ from: source, to: handNode(i), capacity: h.hours, cost: 0 }));
  const spareEdge: number[] = [];
  const additionalEdge: number[] = [];
  poolList.forEach((p, j) => {
    spareEdge.push(edges.length);
    edges.push({ from: poolNode(j), to: sink, capacity: p.spare, cost: 0 });
    additionalEdge.push(edges.length);
    edges.push({ from: poolNode(j), to: sink, capacity: p.additional, cost: TIER.additional });
  });
  const links: { hand: number; pool: number; edge: number; reach: Reach; distanceKm: number }[] = [];
  handBacks.forEach((h, i) => {
    const centre = reach.centres.get(h.areaCode);
    const neighbours = reach.neighbours.get(h.areaCode) ?? [];
    poolList.forEach((p, j) => {
      if (p.service !== h.service) return;
      const distanceKm = centre ? pointDistanceKm(p.branch, centre) : Infinity;
      const how: Reach | null = p.areas.has(h.areaCode)
        ? 'same-area'
        : neighbours.some((n) => p.areas.has(n))
          ? 'neighbour'
          : distanceKm <= settings.distanceLimitKm
            ? 'distance'
            : null;
      if (!how) return;
      const cost = (p.cls === 'secure' ? 0 : TIER.status) + TIER.reach[how] + (Number.isFinite(distanceKm) ? Math.min(distanceKm, 999) : 999);
      links.push({ hand: i, pool: j, edge: edges.length, reach: how, distanceKm });
      edges.push({ from: handNode(i), to: poolNode(j), capacity: Infinity, cost });
    });
  });
  const { edgeFlows } = minCostMaxFlow(2 + handBacks.length + poolList.length, edges, source, sink);

  // Apply: each pool gives spare hours (committed less delivered, where it has them) then additional
  // hours, in proportion to where it holds them; the care lands in the hand-back's area.
  poolList.forEach((p, j) => {
    const spareUsed = edgeFlows[spareEdge[j]!]!;
    const additionalUsed = edgeFlows[additionalEdge[j]!]!;
    const spareRows = p.rows.map((r) => Math.max(0, r.committedHours - r.deliveredHours));
    const additionalRows = p.rows.map((r) => r.additionalHours);
    p.rows.forEach((r, k) => {
      if (p.spare > EPSILON) r.committedHours -= (spareUsed * spareRows[k]!) / p.spare;
      if (p.additional > EPSILON) r.additionalHours -= (additionalUsed * additionalRows[k]!) / p.additional;
    });
  });
  const transfers: Transfer[] = [];
  const received = new Float64Array(handBacks.length);
  const names = new Map(inputs.providers.map((p) => [p.id, p.name]));
  for (const link of links) {
    const hours = edgeFlows[link.edge]!;
    if (hours <= EPSILON) continue;
    const h = handBacks[link.hand]!;
    const p = poolList[link.pool]!;
    received[link.hand]! += hours;
    const people = (h.people * hours) / h.hours;
    const k = key(p.providerId, h.areaCode, h.service);
    let row = byKey.get(k);
    if (!row) {
      row = { providerId: p.providerId, areaCode: h.areaCode, service: h.service, committedHours: 0, additionalHours: 0, deliveredHours: 0, people: 0, basis: 'estimated' };
      byKey.set(k, row);
      supply.push(row);
    }
    row.committedHours += hours;
    row.deliveredHours += hours;
    row.people += people;
    transfers.push({
      providerId: p.providerId,
      providerName: names.get(p.providerId) ?? p.providerId,
      supplyClass: p.cls,
      areaCode: h.areaCode,
      zoneId: zoneOfArea.get(h.areaCode) ?? '',
      service: h.service,
      hours: u(h.service, hours),
      people,
      reach: link.reach,
      distanceKm: link.reach === 'same-area' ? 0 : link.distanceKm,
    });
  }
  transfers.sort((a, b) => b.hours - a.hours || a.providerId.localeCompare(b.providerId) || a.areaCode.localeCompare(b.areaCode));
  const after = computePlanMetrics({ ...inputs, supply }, lot);

  // Cost: care left unmet, or re-homed with a spot provider, is bought at the spot rate instead of the band rate.
  // The band each zone is in, as the metrics already worked it out.
  const zoneBand = new Map(before.zones.map((z) => [z.zoneId, inputs.bands.find((b) => b.id === z.bandId)]));
  const premium = (service: ServiceType, zoneId: string | undefined) => {
    const band = zoneId === undefined ? undefined : zoneBand.get(zoneId);
    const spot = service === 'live-in' ? settings.spotWeeklyRate : settings.spotHourlyRate;
    return band ? spot - rateFor(band, service) : 0;
  };
  let weeklyCostChange = 0;
  const perZone = new Map<string, { toRehome: number; people: number; unmet: number }>();
  handBacks.forEach((h, i) => {
    const zoneId = zoneOfArea.get(h.areaCode);
    const unmet = Math.max(0, h.hours - received[i]!);
    weeklyCostChange += u(h.service, unmet) * premium(h.service, zoneId);
    if (zoneId === undefined) return;
    const z = perZone.get(zoneId) ?? { toRehome: 0, people: 0, unmet: 0 };
    z.toRehome += u(h.service, h.hours);
    z.people += h.people;
    z.unmet += u(h.service, unmet);
    perZone.set(zoneId, z);
  });
  for (const t of transfers) if (t.supplyClass === 'spot') weeklyCostChange += t.hours * premium(t.service, t.zoneId);

  const zones: WithdrawalZone[] = inputs.zones.map((zone) => {
    const zoneTransfers = transfers.filter((t) => t.zoneId === zone.id);
    const z = perZone.get(zone.id) ?? { toRehome: 0, people: 0, unmet: 0 };
    const b = stateOf(before, zone.id);
    const a = stateOf(after, zone.id);
    const coverageMoved = Math.abs((a.coverage ?? 0) - (b.coverage ?? 0)) > 1e-9;
    return {
      zoneId: zone.id,
      name: zone.name,
      before: b,
      after: a,
      lostHours: lost.get(zone.id) ?? 0,
      hoursToRehome: z.toRehome,
      peopleAffected: z.people,
      rehomedHours: z.toRehome - z.unmet,
      unmetHours: z.unmet,
      transfers: zoneTransfers,
      changed: coverageMoved || a.coverageClass !== b.coverageClass || a.flags.join() !== b.flags.join(),
      newlyFlagged: a.flags.some((f) => !b.flags.includes(f)),
    };
  });

  const absorbedBy = new Map<string, { providerId: string; providerName: string; supplyClass: SupplyClass; hours: number }>();
  for (const t of transfers) {
    const entry = absorbedBy.get(t.providerId) ?? { providerId: t.providerId, providerName: t.providerName, supplyClass: t.supplyClass, hours: 0 };
    entry.hours += t.hours;
    absorbedBy.set(t.providerId, entry);
  }
  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
  const hoursToRehome = sum(handBacks.map((h) => u(h.service, h.hours)));
  const unmetHours = sum(zones.map((z) => z.unmetHours)) + sum(handBacks.filter((h) => !zoneOfArea.has(h.areaCode)).map((h) => u(h.service, h.hours)));
  const rehomedHours = hoursToRehome - unmetHours;
  const peopleAffected = sum(handBacks.map((h) => h.people));
  const absorbed = [...absorbedBy.values()].sort((a, b) => b.hours - a.hours || a.providerId.localeCompare(b.providerId));
  const costChangePerYear = weeklyCostChange * settings.weeksPerYear;
  return {
    providerId: provider.id,
    providerName: provider.name,
    cutPercent,
    lostHours: sum(lost.values()),
    hoursToRehome,
    rehomedHours,
    unmetHours,
    peopleAffected,
    costChangePerYear,
    zones,
    transfers,
    absorbed,
    newlyFlaggedZones: zones.filter((z) => z.newlyFlagged).map((z) => z.zoneId),
    summary: withdrawalSummary({ providerName: provider.name, cutPercent, lot, hoursToRehome, rehomedHours, peopleAffected, absorbed, costChangePerYear }),
    before,
    after,
    method: WITHDRAWAL_METHOD,
  };
}

/**
 * The result as a sentence. Figures are rounded so that they still add up:
 * the unmet figure shown is the rounded total less the rounded re-homed figure.
 */
export function withdrawalSummary(r: {
  providerName: string;
  cutPercent: number;
  lot: LotFilter;
  hoursToRehome: number;
  rehomedHours: number;
  peopleAffected: number;
  absorbed: readonly { providerName: string; hours: number }[];
  costChangePerYear: number;
}): string {
  const week = unitOfFilter(r.lot) === 'week';
  const n = (x: number) => (week ? Math.round(x * 10) / 10 : Math.round(x));
  const fmt = (x: number) => x.toLocaleString('en-GB');
  const unit = (x: number) => (week ? `${fmt(x)} ${x === 1 ? 'week' : 'weeks'}` : `${fmt(x)} ${x === 1 ? 'hour' : 'hours'}`);
  const care = (x: number) => (week ? `${unit(x)} of live-in care a week` : `${unit(x)} of care a week`);
  const total = n(r.hoursToRehome);
  const rehomed = Math.min(total, n(r.rehomedHours));
  const unmet = n(total - rehomed);
  const people = Math.round(r.peopleAffected);
  const what = r.cutPercent >= 100 ? `If ${r.providerName} withdraws` : `If ${r.providerName} cuts its hours by ${r.cutPercent}%`;
  if (total <= 0) return `${what}, it hands back no care in place: nobody needs a new provider.`;
  const takers = r.absorbed.length;
  const parts = [`${what}, it hands back ${care(total)} for ${fmt(people)} ${people === 1 ? 'person' : 'people'}`];
  parts.push(`${unit(rehomed)} can be re-homed with ${takers} other provider${takers === 1 ? '' : 's'}`);
  parts.push(unmet > 0 ? `${unit(unmet)} cannot be placed within reach` : 'none is left unmet');
  const cost = Math.round(r.costChangePerYear / 1000) * 1000;
  const costText = cost === 0 ? '' : ` Buying ${unmet > 0 ? 'the unmet care' : 'care'} at spot rates changes the annual cost by ${cost > 0 ? '+' : '−'}£${fmt(Math.abs(cost))}.`;
  return `${parts[0]}: ${parts[1]} and ${parts[2]}.${costText}`;
}
