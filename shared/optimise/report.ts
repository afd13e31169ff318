import type { Zone } from '../domain/types';
import { ZONE_COLOURS } from '../style/zone-colours';
import type { Instance } from './instance';
import { zoneDemand, type Weights } from './objective';
import type { ProposalReport, ProposalTerms } from './schemas';
import type { Judged, Proposal } from './search';

export interface ProposedZone {
  id: string;
  name: string;
  colour: string;
  bandOverride: string | null;
  locked: boolean;
}

/** The proposal as a plan: zones that continue a starting zone keep its id, name, colour, band and lock; zones split off get fresh ids and a name saying where they came from. */
export function proposedPlan(instance: Instance, proposal: Proposal, zones: readonly Zone[]): { zones: ProposedZone[]; assignments: [string, string][] } {
  const { seed } = proposal;
  const used = new Set(zones.map((z) => z.id));
  let next = Math.max(0, ...zones.map((z) => Number(/^Z(\d+)$/.exec(z.id)?.[1] ?? 0)));
  const fresh = () => {
    let id: string;
    do id = `Z${String(++next).padStart(2, '0')}`;
    while (used.has(id));
    used.add(id);
    return id;
  };
  const parts = new Map<number, number>();
  const out: ProposedZone[] = seed.origin.map((origin, z) => {
    if (origin >= 0) {
      const zone = zones[origin]!;
      return { id: zone.id, name: zone.name, colour: zone.colour, bandOverride: zone.bandOverride, locked: seed.locked[z] === 1 };
    }
    const parent = zones[seed.splitFrom[z]!];
    const n = (parts.get(seed.splitFrom[z]!) ?? 1) + 1;
    parts.set(seed.splitFrom[z]!, n);
    return { id: fresh(), name: parent ? `${parent.name} ${n}` : `New zone ${z + 1}`, colour: ZONE_COLOURS[z % ZONE_COLOURS.length]!, bandOverride: null, locked: false };
  });
  return { zones: out, assignments: instance.areaCodes.map((code, a) => [code, out[proposal.zoneOf[a]!]!.id] as [string, string]) };
}

export const termsOf = (judged: Judged): ProposalTerms => ({
  shortfallHours: judged.shortfallHours,
  liveInWeeksShort: judged.liveInWeeksShort,
  fragileZones: judged.fragileZones,
  compactness: judged.cutEdges,
  mixedZones: judged.mixedZones,
  areasMoved: judged.areasMoved,
  peopleMoved: judged.peopleMoved,
  objective: judged.objective,
});

export interface ReportContext {
  instance: Instance;
  proposal: Proposal;
  zones: readonly Zone[];
  plan: ReturnType<typeof proposedPlan>;
  from: string;
  name: string;
  seed: number;
  weights: Weights;
  seconds: number;
  model: ProposalReport['model'];
}

export function proposalReport(context: ReportContext): ProposalReport {
  const { instance, proposal, zones, plan } = context;
  const { seed } = proposal;
  const areasBefore = new Int32Array(zones.length);
  for (const z of instance.start) if (z >= 0) areasBefore[z]! += 1;
  const areasAfter = new Int32Array(seed.zoneCount);
  for (const z of proposal.zoneOf) areasAfter[z]! += 1;
  const demand = zoneDemand(instance, proposal.zoneOf, seed.zoneCount);
  const zoneChanges: ProposalReport['zoneChanges'] = plan.zones.map((zone, z) => ({
    zoneId: zone.id,
    name: zone.name,
    status: zone.locked ? 'locked' : seed.origin[z]! < 0 ? 'new' : proposal.changed[z] ? 'changed' : 'kept',
    areasBefore: seed.origin[z]! >= 0 ? areasBefore[seed.origin[z]!]! : 0,
    areasAfter: areasAfter[z]!,
    demandHours: demand[z]!,
  }));
  for (const z of seed.merged) zoneChanges.push({ zoneId: zones[z]!.id, name: zones[z]!.name, status: 'merged', areasBefore: areasBefore[z]!, areasAfter: 0, demandHours: 0 });
  const areasMoved: ProposalReport['areasMoved'] = [];
  instance.areaCodes.forEach((areaCode, a) => {
    const before = instance.start[a]! >= 0 ? zones[instance.start[a]!]!.id : null;
    const after = plan.zones[proposal.zoneOf[a]!]!.id;
    if (before !== after) areasMoved.push({ areaCode, fromZone: before, toZone: after });
  });
  const before = termsOf(proposal.before);
  const after = termsOf(proposal.after);
  return {
    plan: context.name,
    from: context.from,
    zones: seed.zoneCount,
    seed: context.seed,
    weights: context.weights,
    before,
    after,
    model: context.model,
    summary: summaryOf(before, after, context.model),
    zoneChanges,
    areasMoved,
    bounds: { minDemandHours: proposal.bounds.minDemand, maxDemandHours: Number.isFinite(proposal.bounds.maxDemand) ? proposal.bounds.maxDemand : null, kept: proposal.withinBounds },
    stoppedBy: proposal.stoppedBy,
    iterations: proposal.iterations,
    starts: proposal.starts,
    seconds: context.seconds,
  };
}

const hours = (h: number) => `${h.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} hours a week`;

/** In words: the hours short and the fragile zones first (what the committee asks), then what the new map costs in moves. */
export function summaryOf(before: ProposalTerms, after: ProposalTerms, model: ProposalReport['model']): string {
  const parts: string[] = [];
  const short = model.after.shortfallHours - model.before.shortfallHours;
  parts.push(
    Math.abs(short) < 0.05
      ? `Hours short stay at ${hours(model.after.shortfallHours)}`
      : `${short < 0 ? 'Fewer' : 'More'} hours short: ${hours(model.before.shortfallHours)} now, ${hours(model.after.shortfallHours)} proposed`,
  );
  const fragile = model.after.fragileZones - model.before.fragileZones;
  parts.push(fragile === 0 ? `fragile zones stay at ${model.after.fragileZones}` : `${fragile < 0 ? 'fewer' : 'more'} fragile zones: ${model.before.fragileZones} now, ${model.after.fragileZones} proposed`);
  const moved = `${after.areasMoved.toLocaleString('en-GB')} area${after.areasMoved === 1 ? '' : 's'} (${Math.round(after.peopleMoved).toLocaleString('en-GB')} people) change zone`;
  const mixed = after.mixedZones === before.mixedZones ? '' : `; zones mixing rural and urban people: ${before.mixedZones} now, ${after.mixedZones} proposed`;
  return `${parts.join('; ')}; ${moved}${mixed}.`;
}
