import type { Zone } from '../domain/types';
import { ZONE_COLOURS } from '../style/zone-colours';
import type { Instance } from './instance';
import { objectiveOf, scalesOf, zoneDemand, type Weights } from './objective';
import type { ProposalReport, ProposalTerms } from './schemas';
import type { Judged, Proposal } from './search';

export interface ProposedZone {
  id: string;
  name: string;
  colour: string;
  bandOverride: string | null;
  locked: boolean;
  /** The starting zone (index) it continues, or -1 for a new zone. */
  origin: number;
}

/**
 * The proposal as a plan. A proposed zone continues a starting zone, keeping
 * its id, name, colour, band and lock, only while it is still that zone: at
 * least half its people were in it, or it holds at least half of that zone's
 * people. Otherwise (a zone the search moved elsewhere, or one split off to
 * reach K) it is new, with a fresh id and the name of the starting zone most
 * of its people come from and a number, so a town's name never labels
 * another town's areas.
 */
export function proposedPlan(instance: Instance, proposal: Proposal, zones: readonly Zone[]): { zones: ProposedZone[]; assignments: [string, string][] } {
  const { seed } = proposal;
  const Z = seed.zoneCount;
  const Z0 = zones.length;
  const people = new Float64Array(Z * Z0);
  const proposedPeople = new Float64Array(Z);
  const startPeople = new Float64Array(Z0);
  instance.areaCodes.forEach((_, a) => {
    const z = proposal.zoneOf[a]!;
    const o = instance.start[a]!;
    const p = instance.population[a]!;
    proposedPeople[z]! += p;
    if (o >= 0) {
      people[z * Z0 + o]! += p;
      startPeople[o]! += p;
    }
  });
  const used = new Set(zones.map((z) => z.id));
  let next = Math.max(0, ...zones.map((z) => Number(/^Z(\d+)$/.exec(z.id)?.[1] ?? 0)));
  const fresh = () => {
    let id: string;
    do id = `Z${String(++next).padStart(2, '0')}`;
    while (used.has(id));
    used.add(id);
    return id;
  };
  const continues = (z: number, o: number) => seed.locked[z] === 1 || people[z * Z0 + o]! * 2 >= proposedPeople[z]! || people[z * Z0 + o]! * 2 >= startPeople[o]!;
  const origin = Array.from({ length: Z }, (_, z) => (seed.origin[z]! >= 0 && continues(z, seed.origin[z]!) ? seed.origin[z]! : -1));
  const numbered = new Map<number, number>();
  const out: ProposedZone[] = origin.map((o, z) => {
    if (o >= 0) {
      const zone = zones[o]!;
      return { id: zone.id, name: zone.name, colour: zone.colour, bandOverride: zone.bandOverride, locked: seed.locked[z] === 1, origin: o };
    }
    let main = -1;
    for (let y = 0; y < Z0; y++) if (main < 0 || people[z * Z0 + y]! > people[z * Z0 + main]!) main = y;
    const parent = main >= 0 && people[z * Z0 + main]! > 0 ? zones[main]! : null;
    const n = (numbered.get(main) ?? 1) + 1;
    numbered.set(main, n);
    const colour = seed.origin[z]! >= 0 ? zones[seed.origin[z]!]!.colour : ZONE_COLOURS[z % ZONE_COLOURS.length]!;
    return { id: fresh(), name: parent ? `${parent.name} ${n}` : `New zone ${z + 1}`, colour, bandOverride: null, locked: false, origin: -1 };
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
    status: zone.locked ? 'locked' : zone.origin < 0 ? 'new' : proposal.changed[z] ? 'changed' : 'kept',
    areasBefore: zone.origin >= 0 ? areasBefore[zone.origin]! : 0,
    areasAfter: areasAfter[z]!,
    demandHours: demand[z]!,
  }));
  // Starting zones no proposed zone continues: their areas went into others.
  const continued = new Set(plan.zones.map((z) => z.origin));
  zones.forEach((zone, o) => {
    if (!continued.has(o) && areasBefore[o]! > 0) zoneChanges.push({ zoneId: zone.id, name: zone.name, status: 'merged', areasBefore: areasBefore[o]!, areasAfter: 0, demandHours: 0 });
  });
  const areasMoved: ProposalReport['areasMoved'] = [];
  instance.areaCodes.forEach((areaCode, a) => {
    const before = instance.start[a]! >= 0 ? zones[instance.start[a]!]!.id : null;
    const after = plan.zones[proposal.zoneOf[a]!]!.id;
    if (before !== after) areasMoved.push({ areaCode, fromZone: before, toZone: after });
  });
  const before = termsOf(proposal.before);
  // Moves are counted on the plan as written: an area in a zone that got a fresh id has moved, whatever the search called it.
  const peopleMoved = areasMovedPeople(instance, areasMoved);
  const after = termsOf({ ...proposal.after, areasMoved: areasMoved.length, peopleMoved, objective: objectiveOf({ ...proposal.after, areasMoved: areasMoved.length, peopleMoved }, context.weights, scalesOf(instance)) });
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

function areasMovedPeople(instance: Instance, moved: ProposalReport['areasMoved']): number {
  const index = new Map(instance.areaCodes.map((code, a) => [code, a]));
  return moved.reduce((sum, m) => sum + instance.population[index.get(m.areaCode)!]!, 0);
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
  const moved = `${after.areasMoved.toLocaleString('en-GB')} area${after.areasMoved === 1 ? '' : 's'} (${Math.round(after.peopleMoved).toLocaleString('en-GB')} people) change${after.areasMoved === 1 ? 's' : ''} zone`;
  const mixed = after.mixedZones === before.mixedZones ? '' : `; zones mixing rural and urban people: ${before.mixedZones} now, ${after.mixedZones} proposed`;
  return `${parts.join('; ')}; ${moved}${mixed}.`;
}
