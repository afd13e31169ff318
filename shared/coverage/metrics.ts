import { SERVICE_TYPES, type PlanInputs, type Settings } from '../domain/types';
import { areaTable, rowIndex, SERVICE_INDEX } from './row-index';
import { bandFor, rateFor } from './bands';
import type { CoverageClass, PlanMetrics, PlanTotals, ZoneBasis, ZoneFlag, ZoneLot, ZoneMetrics, ZoneProvider } from './schemas';
import { countsAsCover, inLotUnit, servicesIn, supplyClass, unitOf, unitOfFilter, type LotFilter, type LotUnit, type SupplyClass } from './supply';

export type { CoverageClass, PlanMetrics, PlanTotals, ZoneFlag, ZoneLot, ZoneMetrics, ZoneProvider };

const pct = (x: number) => `${Math.round(x * 100)}%`;
const quantity = (x: number, unit: LotUnit) =>
  unit === 'week' ? `${(Math.round(x * 10) / 10).toLocaleString('en-GB')} weeks of care a week` : `${Math.round(x).toLocaleString('en-GB')} hours a week`;

export function classify(coverage: number | null, settings: Settings): CoverageClass {
  if (coverage === null) return 'no-demand';
  if (coverage < settings.redBelow) return 'red';
  if (coverage < settings.amberBelow) return 'amber';
  return 'covered';
}

const S = SERVICE_TYPES.length;
/** Per zone and service, in flat arrays indexed zone × S + service: the hot loop allocates nothing per row. */
const FIELDS = ['demand', 'people', 'committed', 'cover', 'delivered', 'unsourced', 'secure', 'atRisk', 'spot', 'additional'] as const;
type Field = (typeof FIELDS)[number];

interface Held {
  committed: number;
  cover: number;
  delivered: number;
  additional: number;
  cls: SupplyClass;
}

/**
 * Every zone's demand, supply, coverage, fragility, band and cost, and the
 * plan's totals, for one lot or for all of them. Supply is held per area, so a
 * zone's figures are sums over the areas the plan gives it, and moving an area
 * moves its demand and its supply together. Pure: reads `inputs`, never changes them.
 */
export function computePlanMetrics(inputs: PlanInputs, lot: LotFilter = 'all'): PlanMetrics {
  const { settings } = inputs;
  const unit = unitOfFilter(lot);
  const wanted = new Set(servicesIn(lot));
  const Z = inputs.zones.length;
  const A = inputs.areas.length;
  const zoneIndex = new Map(inputs.zones.map((z, i) => [z.id, i]));
  const areas = areaTable(inputs.areas);
  const D = areas.districts.length;
  const areaZone = new Int32Array(A).fill(-1);
  const areaCount = new Float64Array(Z);
  const population = new Float64Array(Z);
  const ruralPopulation = new Float64Array(Z);
  const inDistrict = new Uint8Array(Z * D);
  for (let ai = 0; ai < A; ai++) {
    const area = inputs.areas[ai]!;
    const zoneId = inputs.assignments.get(area.code);
    const zi = zoneId === undefined ? undefined : zoneIndex.get(zoneId);
    if (zi === undefined) continue; // unassigned areas are reported by plan checks, not counted
    areaZone[ai] = zi;
    areaCount[zi]! += 1;
    population[zi]! += area.population;
    if (areas.rural[ai]) ruralPopulation[zi]! += area.population;
    inDistrict[zi * D + areas.district[ai]!] = 1;
  }

  const acc = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(Z * S)])) as Record<Field, Float64Array>;
  const areaDemand = new Float64Array(A * S);
  const areaDelivered = new Float64Array(A * S);
  const demandIndex = rowIndex(inputs.demand, areas);
  for (let i = 0; i < inputs.demand.length; i++) {
    const ai = demandIndex.area[i]!;
    if (ai < 0) continue;
    const row = inputs.demand[i]!;
    const si = demandIndex.service[i]!;
    areaDemand[ai * S + si]! += row.hours;
    const zi = areaZone[ai]!;
    if (zi < 0) continue;
    acc.demand[zi * S + si]! += row.hours;
    acc.people[zi * S + si]! += row.people;
  }

  // Per provider: its class on the "as at" date and whether that counts as cover.
  const P = inputs.providers.length;
  const classes = inputs.providers.map((p) => supplyClass(p, inputs.asAt));
  const covers = new Uint8Array(P);
  classes.forEach((c, i) => (covers[i] = countsAsCover(c, settings) ? 1 : 0));
  const wantedIndex = new Uint8Array(S);
  for (const service of wanted) wantedIndex[SERVICE_INDEX.get(service)!] = 1;
  /** Each provider's holding in each zone, keyed zone × P + provider. */
  const held = new Map<number, Held>();
  const estimated = new Uint8Array(Z);
  const recorded = new Uint8Array(Z);
  const supplyIndex = rowIndex(inputs.supply, areas, inputs.providers);
  for (let i = 0; i < inputs.supply.length; i++) {
    const pi = supplyIndex.provider[i]!;
    const ai = supplyIndex.area[i]!;
    if (pi < 0 || ai < 0) continue;
    const cls = classes[pi]!;
    if (cls === 'inactive') continue;
    const row = inputs.supply[i]!;
    const si = supplyIndex.service[i]!;
    areaDelivered[ai * S + si]! += row.deliveredHours;
    const zi = areaZone[ai]!;
    if (zi < 0) continue;
    const k = zi * S + si;
    const cover = covers[pi] ? row.committedHours : 0;
    acc.committed[k]! += row.committedHours;
    acc.cover[k]! += cover;
    acc.delivered[k]! += row.deliveredHours;
    acc.additional[k]! += row.additionalHours;
    if (cls === 'secure') acc.secure[k]! += row.committedHours;
    else if (cls === 'at-risk') acc.atRisk[k]! += row.committedHours;
    else acc.spot[k]! += row.committedHours;
    if (!wantedIndex[si]) continue;
    if (row.committedHours > 0 || row.deliveredHours > 0) (row.basis === 'recorded' ? recorded : estimated)[zi] = 1;
    const hk = zi * P + pi;
    let h = held.get(hk);
    if (!h) held.set(hk, (h = { committed: 0, cover: 0, delivered: 0, additional: 0, cls }));
    h.committed += row.committedHours;
    h.cover += cover;
    h.delivered += row.deliveredHours;
    h.additional += row.additionalHours;
  }
  for (let ai = 0; ai < A; ai++) {
    const zi = areaZone[ai]!;
    if (zi < 0) continue;
    for (let si = 0; si < S; si++) acc.unsourced[zi * S + si]! += Math.max(0, areaDemand[ai * S + si]! - areaDelivered[ai * S + si]!);
  }
  const heldByZone: [number, Held][][] = inputs.zones.map(() => []);
  for (const [hk, h] of held) heldByZone[Math.floor(hk / P)]!.push([hk % P, h]);

  const councilShare = new Map(inputs.lots.map((l) => [l.service, l.councilShare]));
  const zones: ZoneMetrics[] = inputs.zones.map((zone, zi) => {
    const ruralShare = population[zi]! > 0 ? ruralPopulation[zi]! / population[zi]! : 0;
    const { band, overridden } = bandFor(ruralShare, inputs.bands, zone.bandOverride);
    const lots: ZoneLot[] = SERVICE_TYPES.map((service, si) => {
      const k = zi * S + si;
      const u = (f: Exclude<Field, 'people'>) => inLotUnit(service, acc[f][k]!);
      const demand = u('demand');
      const cover = u('cover');
      const coverage = demand > 0 ? cover / demand : null;
      const rate = rateFor(band, service);
      const weeklyCost = demand * rate;
      return {
        service,
        unit: unitOf(service),
        demand,
        people: acc.people[k]!,
        committed: u('committed'),
        cover,
        delivered: u('delivered'),
        unsourced: u('unsourced'),
        coverage,
        coverageClass: classify(coverage, settings),
        rate,
        weeklyCost,
        councilWeeklyCost: weeklyCost * (councilShare.get(service) ?? 1),
      };
    });
    const sum = (f: Field) => {
      let total = 0;
      for (const service of wanted) {
        const value = acc[f][zi * S + SERVICE_INDEX.get(service)!]!;
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
    for (const [pi, h] of heldByZone[zi]!) {
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
    const providers: ZoneProvider[] = heldByZone[zi]!
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
    const basis: ZoneBasis = estimated[zi] && recorded[zi] ? 'mixed' : recorded[zi] ? 'recorded' : estimated[zi] ? 'estimated' : 'none';

    const flags: ZoneFlag[] = [];
    const reasons: string[] = [];
    const largestName = largestProviderId ? (inputs.providers.find((p) => p.id === largestProviderId)?.name ?? largestProviderId) : '';
    if (demandHours > 0 && providerCount === 0) {
      flags.push('no-provider');
      reasons.push('No on-framework provider holds committed hours in this zone.');
    }
    if (coverageClass === 'red' || coverageClass === 'amber') {
      flags.push('low-coverage');
      const limit = coverageClass === 'red' ? `red below ${pct(settings.redBelow)}` : `amber below ${pct(settings.amberBelow)}`;
      reasons.push(`Secure committed hours cover ${pct(coverage!)} of demand (${limit}): ${quantity(demandHours - coverHours, unit)} short.`);
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
      atRiskHours > 0 && settings.countAtRisk !== 1 ? `${quantity(atRiskHours, unit)} from exiting providers (at risk)` : '',
      spotHours > 0 && settings.countSpot !== 1 ? `${quantity(spotHours, unit)} bought off the framework (spot)` : '',
    ].filter(Boolean);
    if (flags.length > 0 && uncounted.length > 0) reasons.push(`Not counted as cover: ${uncounted.join(' and ')}.`);

    return {
      zoneId: zone.id,
      name: zone.name,
      colour: zone.colour,
      lot,
      unit,
      areaCount: areaCount[zi]!,
      population: population[zi]!,
      ruralShare,
      districts: areas.districts.filter((_, di) => inDistrict[zi * D + di]).sort(),
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
      weeklyCost,
      annualCost: weeklyCost * settings.weeksPerYear,
      councilAnnualCost: councilWeeklyCost * settings.weeksPerYear,
      flags,
      reasons,
      providers,
      lots,
    };
  });
  return { zones, totals: totalsOf(zones, settings, lot) };
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
