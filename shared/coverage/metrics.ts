import { SERVICE_TYPES, type PlanInputs, type Settings } from '../domain/types';
import { areaTable, rowIndex, SERVICE_INDEX, type AreaTable } from './row-index';
import { bandFor, rateFor } from './bands';
import type { CoverageClass, PlanMetrics, PlanTotals, ZoneBasis, ZoneFlag, ZoneLot, ZoneMetrics, ZoneProvider } from './schemas';
import { countsAsCover, inLotUnit, servicesIn, supplyClass, unitOf, unitOfFilter, type LotFilter, type LotUnit, type SupplyClass } from './supply';
import type { ServiceType } from '../domain/types';
import { quantityText } from '../format';

export type { CoverageClass, PlanMetrics, PlanTotals, ZoneFlag, ZoneLot, ZoneMetrics, ZoneProvider };

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function classify(coverage: number | null, settings: Pick<Settings, 'redBelow' | 'amberBelow'>): CoverageClass {
  if (coverage === null) return 'no-demand';
  if (coverage < settings.redBelow) return 'red';
  if (coverage < settings.amberBelow) return 'amber';
  return 'covered';
}

const S = SERVICE_TYPES.length;
/** Figures per area (and zone) and service, in one flat array: the hot loops allocate nothing per row. */
const FIELDS = ['demand', 'people', 'committed', 'cover', 'delivered', 'unsourced', 'secure', 'atRisk', 'spot', 'additional'] as const;
type Field = (typeof FIELDS)[number];
const F = FIELDS.length;
/** A field's place in a cell of F numbers: cells are laid out (area or zone) × S + service, F numbers each. */
const FI = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;

interface Held {
  committed: number;
  cover: number;
  delivered: number;
  additional: number;
  cls: SupplyClass;
  /** Supply rows adding to it: it goes when the last leaves the zone (sums of floats never quite reach 0). */
  rows: number;
}

/**
 * Every zone's demand, supply, coverage, fragility, band and cost, and the
 * plan's totals, for one lot or for all of them. Supply is held per area, so a
 * zone's figures are sums over the areas the plan gives it, and moving an area
 * moves its demand and its supply together. Pure: reads `inputs`, never changes them.
 */
export function computePlanMetrics(inputs: PlanInputs, lot: LotFilter = 'all'): PlanMetrics {
  return new PlanModel(inputs, lot).metrics();
}

/**
 * The model behind computePlanMetrics, kept between edits: each area's own
 * figures are worked out once, each zone's are the sums of its areas', and
 * moving an area subtracts its figures from one zone and adds them to another,
 * so after a one-area edit only the two zones it touched are rebuilt. The
 * zones of the plan are fixed for a model; a new or merged zone needs a new one.
 */
export class PlanModel {
  private readonly areas: AreaTable;
  private readonly zoneIndex: Map<string, number>;
  private readonly areaZone: Int32Array;
  private readonly D: number;
  /** Each area's own figures, area × S + service. */
  private readonly area: Float64Array;
  /** Supply rows of the lot's services, grouped by area (CSR: rows of area a are byArea[start[a] .. start[a+1])). */
  private readonly start: Int32Array;
  private readonly byArea: Int32Array;
  private readonly rowProvider: Int32Array;
  /** Each supply row's hours, read once from the rows into arrays that moves then walk in order. */
  private readonly rowCommitted: Float64Array;
  private readonly rowCover: Float64Array;
  private readonly rowDelivered: Float64Array;
  private readonly rowAdditional: Float64Array;
  /** 0 no hours, 1 estimated, 2 recorded. */
  private readonly rowBasis: Uint8Array;
  private readonly classes: SupplyClass[];
  private readonly zone: Float64Array;
  private readonly areaCount: Float64Array;
  private readonly population: Float64Array;
  private readonly ruralPopulation: Float64Array;
  private readonly inDistrict: Int32Array;
  /** Per zone: rows with hours on each basis, [estimated, recorded]. */
  private readonly basis: Int32Array;
  private readonly held: Map<number, Held>[];
  private readonly built: (ZoneMetrics | null)[];
  private readonly unit: LotUnit;
  private readonly wanted: Set<ServiceType>;
  private readonly councilShare: Map<ServiceType, number>;

  constructor(
    private readonly inputs: PlanInputs,
    private readonly lot: LotFilter = 'all',
  ) {
    const { settings } = inputs;
    this.unit = unitOfFilter(lot);
    this.wanted = new Set(servicesIn(lot));
    this.councilShare = new Map(inputs.lots.map((l) => [l.service, l.councilShare]));
    const Z = inputs.zones.length;
    const A = inputs.areas.length;
    this.areas = areaTable(inputs.areas);
    this.D = this.areas.districts.length;
    this.zoneIndex = new Map(inputs.zones.map((z, i) => [z.id, i]));

    const area = (this.area = new Float64Array(A * S * F));
    const demandIndex = rowIndex(inputs.demand, this.areas);
    for (let i = 0; i < inputs.demand.length; i++) {
      const ai = demandIndex.area[i]!;
      if (ai < 0) continue;
      const k = ai * S + demandIndex.service[i]!;
      area[k * F + FI.demand]! += inputs.demand[i]!.hours;
      area[k * F + FI.people]! += inputs.demand[i]!.people;
    }

    // Per provider: its class on the "as at" date and whether that counts as cover.
    this.classes = inputs.providers.map((p) => supplyClass(p, inputs.asAt));
    const covers = this.classes.map((c) => countsAsCover(c, settings));
    const wantedIndex = new Uint8Array(S);
    for (const service of this.wanted) wantedIndex[SERVICE_INDEX.get(service)!] = 1;
    const supplyIndex = rowIndex(inputs.supply, this.areas, inputs.providers);
    const counts = new Int32Array(A + 1);
    const n = inputs.supply.length;
    this.rowProvider = supplyIndex.provider;
    this.rowCommitted = new Float64Array(n);
    this.rowCover = new Float64Array(n);
    this.rowDelivered = new Float64Array(n);
    this.rowAdditional = new Float64Array(n);
    this.rowBasis = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const pi = supplyIndex.provider[i]!;
      const ai = supplyIndex.area[i]!;
      if (pi < 0 || ai < 0 || this.classes[pi] === 'inactive') continue;
      const row = inputs.supply[i]!;
      const si = supplyIndex.service[i]!;
      const k = ai * S + si;
      const cover = covers[pi] ? row.committedHours : 0;
      this.rowCommitted[i] = row.committedHours;
      this.rowCover[i] = cover;
      this.rowDelivered[i] = row.deliveredHours;
      this.rowAdditional[i] = row.additionalHours;
      this.rowBasis[i] = row.committedHours > 0 || row.deliveredHours > 0 ? (row.basis === 'recorded' ? 2 : 1) : 0;
      area[k * F + FI.committed]! += row.committedHours;
      area[k * F + FI.cover]! += cover;
      area[k * F + FI.delivered]! += row.deliveredHours;
      area[k * F + FI.additional]! += row.additionalHours;
      const cls = this.classes[pi];
      if (cls === 'secure') area[k * F + FI.secure]! += row.committedHours;
      else if (cls === 'at-risk') area[k * F + FI.atRisk]! += row.committedHours;
      else area[k * F + FI.spot]! += row.committedHours;
      if (wantedIndex[si]) counts[ai + 1]! += 1;
    }
    for (let k = 0; k < A * S; k++) area[k * F + FI.unsourced] = Math.max(0, area[k * F + FI.demand]! - area[k * F + FI.delivered]!);
    this.start = new Int32Array(A + 1);
    for (let ai = 0; ai < A; ai++) this.start[ai + 1] = this.start[ai]! + counts[ai + 1]!;
    this.byArea = new Int32Array(this.start[A]!);
    const fill = this.start.slice(0, A);
    for (let i = 0; i < n; i++) {
      const pi = supplyIndex.provider[i]!;
      const ai = supplyIndex.area[i]!;
      if (pi < 0 || ai < 0 || this.classes[pi] === 'inactive' || !wantedIndex[supplyIndex.service[i]!]) continue;
      this.byArea[fill[ai]!++] = i;
    }

    this.zone = new Float64Array(Z * S * F);
    this.areaCount = new Float64Array(Z);
    this.population = new Float64Array(Z);
    this.ruralPopulation = new Float64Array(Z);
    this.inDistrict = new Int32Array(Z * this.D);
    this.basis = new Int32Array(Z * 2);
    this.held = inputs.zones.map(() => new Map());
    this.built = inputs.zones.map(() => null);
    this.areaZone = new Int32Array(A).fill(-1);
    for (let ai = 0; ai < A; ai++) {
      const zoneId = inputs.assignments.get(inputs.areas[ai]!.code);
      const zi = zoneId === undefined ? undefined : this.zoneIndex.get(zoneId);
      if (zi === undefined) continue; // unassigned areas are reported by plan checks, not counted
      this.areaZone[ai] = zi;
      this.add(ai, zi, 1);
    }
  }

  /** Adds (sign 1) or takes away (sign -1) one area's figures to or from a zone. */
  private add(ai: number, zi: number, sign: 1 | -1): void {
    const area = this.inputs.areas[ai]!;
    this.areaCount[zi]! += sign;
    this.population[zi]! += sign * area.population;
    if (this.areas.rural[ai]) this.ruralPopulation[zi]! += sign * area.population;
    this.inDistrict[zi * this.D + this.areas.district[ai]!]! += sign;
    const from = ai * S * F;
    const to = zi * S * F;
    for (let j = 0; j < S * F; j++) this.zone[to + j]! += sign * this.area[from + j]!;
    const held = this.held[zi]!;
    for (let j = this.start[ai]!; j < this.start[ai + 1]!; j++) {
      const i = this.byArea[j]!;
      const pi = this.rowProvider[i]!;
      const basis = this.rowBasis[i]!;
      if (basis > 0) this.basis[zi * 2 + basis - 1]! += sign;
      let h = held.get(pi);
      if (!h) held.set(pi, (h = { committed: 0, cover: 0, delivered: 0, additional: 0, cls: this.classes[pi]!, rows: 0 }));
      h.committed += sign * this.rowCommitted[i]!;
      h.cover += sign * this.rowCover[i]!;
      h.delivered += sign * this.rowDelivered[i]!;
      h.additional += sign * this.rowAdditional[i]!;
      h.rows += sign;
      if (h.rows === 0) held.delete(pi);
    }
    this.built[zi] = null;
  }

  /** Moves an area to another zone of the plan (or out of every zone, with null). */
  move(areaCode: string, zoneId: string | null): void {
    const ai = this.areas.index.get(areaCode);
    if (ai === undefined) throw new Error(`There is no area "${areaCode}".`);
    const to = zoneId === null ? -1 : (this.zoneIndex.get(zoneId) ?? -2);
    if (to === -2) throw new Error(`There is no zone "${zoneId}" in this plan.`);
    const from = this.areaZone[ai]!;
    if (from === to) return;
    if (from >= 0) this.add(ai, from, -1);
    if (to >= 0) this.add(ai, to, 1);
    this.areaZone[ai] = to;
  }

  metrics(): PlanMetrics {
    const zones = this.inputs.zones.map((_, zi) => (this.built[zi] ??= this.zoneMetrics(zi)));
    return { zones, totals: totalsOf(zones, this.inputs.settings, this.lot) };
  }

  private largestName(zi: number, providerId: string): string {
    for (const pi of this.held[zi]!.keys()) if (this.inputs.providers[pi]!.id === providerId) return this.inputs.providers[pi]!.name;
    return providerId;
  }

  private zoneMetrics(zi: number): ZoneMetrics {
    const { inputs, lot, unit, wanted } = this;
    const { settings } = inputs;
    const zone = inputs.zones[zi]!;
    const ruralShare = this.population[zi]! > 0 ? this.ruralPopulation[zi]! / this.population[zi]! : 0;
    const { band, overridden } = bandFor(ruralShare, inputs.bands, zone.bandOverride);
    const lots: ZoneLot[] = SERVICE_TYPES.map((service, si) => {
      const k = zi * S + si;
      const u = (f: Exclude<Field, 'people'>) => inLotUnit(service, this.zone[k * F + FI[f]]!);
      const demand = u('demand');
      const cover = u('cover');
      const coverage = demand > 0 ? cover / demand : null;
      const rate = rateFor(band, service);
      const weeklyCost = demand * rate;
      return {
        service,
        unit: unitOf(service),
        demand,
        people: this.zone[k * F + FI.people]!,
        committed: u('committed'),
        cover,
        delivered: u('delivered'),
        unsourced: u('unsourced'),
        coverage,
        coverageClass: classify(coverage, settings),
        rate,
        weeklyCost,
        councilWeeklyCost: weeklyCost * (this.councilShare.get(service) ?? 1),
      };
    });
    const sum = (f: Field) => {
      let total = 0;
      for (const service of wanted) {
        const value = this.zone[(zi * S + SERVICE_INDEX.get(service)!) * F + FI[f]]!;
        total += f === 'people' ? value : inLotUnit(service, value); // people are counted, not converted
      }
      return total;
    };
    // "All" prices every lot, live-in by the week, but adds only hours to hours.
    const priced = lot === 'all' ? lots : lots.filter((l) => l.service === lot);
    const weeklyCost = priced.reduce((t, l) => t + l.weeklyCost, 0);
    const councilWeeklyCost = priced.reduce((t, l) => t + l.councilWeeklyCost, 0);
    const toUnit = (hours: number) => (unit === 'week' ? inLotUnit('live-in', hours) : hours);

    const demandHours = sum('demand');
    const coverHours = sum('cover');
    const committedHours = sum('committed');
    const deliveredHours = sum('delivered');
    let largestProviderId: string | null = null;
    let largest = 0;
    let providerCount = 0;
    let spare = 0;
    const held = [...this.held[zi]!];
    for (const [pi, h] of held) {
      const providerId = inputs.providers[pi]!.id;
      spare += Math.max(0, h.committed - h.delivered);
      if (h.cover > 0) providerCount += 1;
      // Ties go to the lower id, so the result does not depend on row order.
      if (h.cover > largest || (h.cover === largest && h.cover > 0 && providerId < largestProviderId!)) {
        largest = h.cover;
        largestProviderId = providerId;
      }
    }
    largest = toUnit(largest);
    const providers: ZoneProvider[] = held
      .map(([pi, h]) => ({
        providerId: inputs.providers[pi]!.id,
        providerName: inputs.providers[pi]!.name,
        status: inputs.providers[pi]!.status,
        supplyClass: h.cls,
        committedHours: toUnit(h.committed),
        deliveredHours: toUnit(h.delivered),
        additionalHours: toUnit(h.additional),
        share: coverHours > 0 ? toUnit(h.cover) / coverHours : 0,
        spareHours: toUnit(Math.max(0, h.committed - h.delivered)),
      }))
      .sort((a, b) => b.committedHours - a.committedHours || a.providerId.localeCompare(b.providerId));

    const coverage = demandHours > 0 ? coverHours / demandHours : null;
    const n1Coverage = demandHours > 0 ? (coverHours - largest) / demandHours : null;
    const largestShare = coverHours > 0 ? largest / coverHours : null;
    const coverageClass = classify(coverage, settings);
    const basis: ZoneBasis = this.basis[zi * 2]! > 0 && this.basis[zi * 2 + 1]! > 0 ? 'mixed' : this.basis[zi * 2 + 1]! > 0 ? 'recorded' : this.basis[zi * 2]! > 0 ? 'estimated' : 'none';

    const flags: ZoneFlag[] = [];
    const reasons: string[] = [];
    const largestName = largestProviderId ? this.largestName(zi, largestProviderId) : '';
    if (demandHours > 0 && providerCount === 0) {
      flags.push('no-provider');
      reasons.push('No on-framework provider holds committed hours in this zone.');
    }
    if (coverageClass === 'red' || coverageClass === 'amber') {
      flags.push('low-coverage');
      const limit = coverageClass === 'red' ? `red below ${pct(settings.redBelow)}` : `amber below ${pct(settings.amberBelow)}`;
      reasons.push(`Secure committed hours cover ${pct(coverage!)} of demand (${limit}): ${quantityText(demandHours - coverHours, unit)} short.`);
    }
    if (demandHours > 0 && providerCount > 0) {
      const n1Low = n1Coverage! < settings.fragileN1Below;
      const concentrated = largestShare! > settings.fragileMaxShare;
      if (n1Low || concentrated) flags.push('fragile');
      if (n1Low) reasons.push(`Without its largest provider (${largestName}) cover would fall to ${pct(n1Coverage!)}, below ${pct(settings.fragileN1Below)}.`);
      if (concentrated) reasons.push(`One provider (${largestName}) holds ${pct(largestShare!)} of the zone's cover, more than ${pct(settings.fragileMaxShare)}.`);
    }
    const atRiskHours = sum('atRisk');
    const spotHours = sum('spot');
    const uncounted = [
      atRiskHours > 0 && settings.countAtRisk !== 1 ? `${quantityText(atRiskHours, unit)} from exiting providers (at risk)` : '',
      spotHours > 0 && settings.countSpot !== 1 ? `${quantityText(spotHours, unit)} bought off the framework (spot)` : '',
    ].filter(Boolean);
    if (flags.length > 0 && uncounted.length > 0) reasons.push(`Not counted as cover: ${uncounted.join(' and ')}.`);

    return {
      zoneId: zone.id,
      name: zone.name,
      colour: zone.colour,
      lot,
      unit,
      areaCount: this.areaCount[zi]!,
      population: this.population[zi]!,
      ruralShare,
      districts: this.areas.districts.filter((_, di) => this.inDistrict[zi * this.D + di]! > 0).sort(),
      demandHours,
      people: sum('people'),
      committedHours,
      secureHours: sum('secure'),
      atRiskHours,
      spotHours,
      coverHours,
      deliveredHours,
      unsourcedHours: sum('unsourced'),
      additionalHours: sum('additional'),
      spareHours: toUnit(spare),
      shortfallHours: Math.max(0, demandHours - coverHours),
      coverage,
      deliveredCoverage: demandHours > 0 ? deliveredHours / demandHours : null,
      coverageClass,
      basis,
      providerCount,
      largestProviderId,
      largestShare,
      n1Coverage,
      bandId: band.id,
      bandName: band.name,
      hourlyRate: band.hourlyRate,
      rate: lot === 'all' ? band.hourlyRate : rateFor(band, lot),
      bandOverridden: overridden,
      locked: zone.locked ?? false,
      weeklyCost,
      annualCost: weeklyCost * settings.weeksPerYear,
      councilAnnualCost: councilWeeklyCost * settings.weeksPerYear,
      flags,
      reasons,
      providers,
      lots,
    };
  }
}

export function totalsOf(zones: readonly ZoneMetrics[], settings: Settings, lot: LotFilter = zones[0]?.lot ?? 'all'): PlanTotals {
  const sum = (pick: (z: ZoneMetrics) => number) => zones.reduce((total, z) => total + pick(z), 0);
  const count = (test: (z: ZoneMetrics) => boolean) => zones.filter(test).length;
  const councilAnnualCost = sum((z) => z.councilAnnualCost);
  return {
    lot,
    unit: unitOfFilter(lot),
    zones: zones.length,
    areas: sum((z) => z.areaCount),
    population: sum((z) => z.population),
    demandHours: sum((z) => z.demandHours),
    people: sum((z) => z.people),
    committedHours: sum((z) => z.committedHours),
    secureHours: sum((z) => z.secureHours),
    atRiskHours: sum((z) => z.atRiskHours),
    spotHours: sum((z) => z.spotHours),
    coverHours: sum((z) => z.coverHours),
    deliveredHours: sum((z) => z.deliveredHours),
    unsourcedHours: sum((z) => z.unsourcedHours),
    additionalHours: sum((z) => z.additionalHours),
    shortfallHours: sum((z) => z.shortfallHours),
    weeklyCost: sum((z) => z.weeklyCost),
    annualCost: sum((z) => z.annualCost),
    councilAnnualCost,
    budgetPerYear: settings.budgetPerYear,
    budgetHeadroom: settings.budgetPerYear - councilAnnualCost,
    flaggedZones: count((z) => z.flags.length > 0),
    redZones: count((z) => z.coverageClass === 'red'),
    amberZones: count((z) => z.coverageClass === 'amber'),
    fragileZones: count((z) => z.flags.includes('fragile')),
    noProviderZones: count((z) => z.flags.includes('no-provider')),
  };
}
