import { isRural, SERVICE_TYPES, type PlanInputs, type ServiceType, type Settings } from '../domain/types';
import { bandFor } from './bands';
import type { CoverageClass, PlanMetrics, PlanTotals, ZoneFlag, ZoneMetrics, ZoneProvider } from './schemas';

export type { CoverageClass, PlanMetrics, PlanTotals, ZoneFlag, ZoneMetrics, ZoneProvider };


const pct = (x: number) => `${Math.round(x * 100)}%`;
const hours = (x: number) => `${Math.round(x).toLocaleString('en-GB')} hours a week`;

export function classify(coverage: number | null, settings: Settings): CoverageClass {
  if (coverage === null) return 'no-demand';
  if (coverage < settings.redBelow) return 'red';
  if (coverage < settings.amberBelow) return 'amber';
  return 'covered';
}

interface ZoneAccumulator {
  areaCount: number;
  population: number;
  ruralPopulation: number;
  districts: Set<string>;
  demandByService: Record<ServiceType, number>;
  packages: number;
  providers: Map<string, { contracted: number; additional: number }>;
}

function emptyAccumulator(): ZoneAccumulator {
  return {
    areaCount: 0,
    population: 0,
    ruralPopulation: 0,
    districts: new Set(),
    demandByService: Object.fromEntries(SERVICE_TYPES.map((s) => [s, 0])) as Record<ServiceType, number>,
    packages: 0,
    providers: new Map(),
  };
}

/**
 * Every zone's demand, capacity, coverage, fragility, band and cost, and the
 * plan's totals. Pure: reads `inputs`, never changes them.
 */
export function computePlanMetrics(inputs: PlanInputs): PlanMetrics {
  const { settings } = inputs;
  const acc = new Map<string, ZoneAccumulator>();
  for (const zone of inputs.zones) acc.set(zone.id, emptyAccumulator());

  const areaZone = new Map<string, ZoneAccumulator>();
  for (const area of inputs.areas) {
    const zoneId = inputs.assignments.get(area.code);
    const z = zoneId === undefined ? undefined : acc.get(zoneId);
    if (!z) continue; // unassigned areas are reported by plan checks, not counted
    areaZone.set(area.code, z);
    z.areaCount += 1;
    z.population += area.population;
    if (isRural(area.ruc)) z.ruralPopulation += area.population;
    z.districts.add(area.district);
  }
  for (const row of inputs.demand) {
    const z = areaZone.get(row.areaCode);
    if (!z) continue;
    z.demandByService[row.service] += row.hours;
    z.packages += row.packages;
  }
  for (const row of inputs.capacity) {
    const z = acc.get(row.zoneId);
    if (!z) continue;
    const held = z.providers.get(row.providerId) ?? { contracted: 0, additional: 0 };
    held.contracted += row.contractedHours;
    held.additional += row.additionalHours;
    z.providers.set(row.providerId, held);
  }

  const providerNames = new Map(inputs.providers.map((p) => [p.id, p.name]));
  const zones: ZoneMetrics[] = [];
  for (const zone of inputs.zones) {
    const z = acc.get(zone.id)!;
    const demandHours = SERVICE_TYPES.reduce((sum, s) => sum + z.demandByService[s], 0);
    let contractedHours = 0;
    let additionalHours = 0;
    let largestProviderId: string | null = null;
    let largest = 0;
    let providerCount = 0;
    for (const [providerId, held] of z.providers) {
      contractedHours += held.contracted;
      additionalHours += held.additional;
      if (held.contracted > 0) providerCount += 1;
      // Ties go to the lower id, so the result does not depend on row order.
      const larger = held.contracted > largest || (held.contracted === largest && held.contracted > 0 && providerId < largestProviderId!);
      if (larger) {
        largest = held.contracted;
        largestProviderId = providerId;
      }
    }
    const surplus = Math.max(0, contractedHours - demandHours);
    const providers: ZoneProvider[] = [...z.providers]
      .map(([providerId, held]) => {
        const share = contractedHours > 0 ? held.contracted / contractedHours : 0;
        return {
          providerId,
          providerName: providerNames.get(providerId) ?? providerId,
          contractedHours: held.contracted,
          additionalHours: held.additional,
          share,
          spareHours: held.additional + surplus * share,
        };
      })
      .sort((a, b) => b.contractedHours - a.contractedHours || a.providerId.localeCompare(b.providerId));

    const coverage = demandHours > 0 ? contractedHours / demandHours : null;
    const n1Coverage = demandHours > 0 ? (contractedHours - largest) / demandHours : null;
    const largestShare = contractedHours > 0 ? largest / contractedHours : null;
    const coverageClass = classify(coverage, settings);
    const ruralShare = z.population > 0 ? z.ruralPopulation / z.population : 0;
    const { band, overridden } = bandFor(ruralShare, inputs.bands, zone.bandOverride);
    const weeklyCost = demandHours * band.hourlyRate;

    const flags: ZoneFlag[] = [];
    const reasons: string[] = [];
    const largestName = largestProviderId ? providerNames.get(largestProviderId) ?? largestProviderId : '';
    if (demandHours > 0 && providerCount === 0) {
      flags.push('no-provider');
      reasons.push('No provider holds contracted hours in this zone.');
    }
    if (coverageClass === 'red' || coverageClass === 'amber') {
      flags.push('low-coverage');
      const limit = coverageClass === 'red' ? `red below ${pct(settings.redBelow)}` : `amber below ${pct(settings.amberBelow)}`;
      reasons.push(`Contracted hours cover ${pct(coverage!)} of demand (${limit}): ${hours(demandHours - contractedHours)} short.`);
    }
    if (demandHours > 0 && providerCount > 0) {
      const n1Low = n1Coverage! < settings.fragileN1Below;
      const concentrated = largestShare! > settings.fragileMaxShare;
      if (n1Low || concentrated) flags.push('fragile');
      if (n1Low) reasons.push(`Without its largest provider (${largestName}) cover would fall to ${pct(n1Coverage!)}, below ${pct(settings.fragileN1Below)}.`);
      if (concentrated) reasons.push(`One provider (${largestName}) holds ${pct(largestShare!)} of the zone's hours, more than ${pct(settings.fragileMaxShare)}.`);
    }

    zones.push({
      zoneId: zone.id,
      name: zone.name,
      colour: zone.colour,
      areaCount: z.areaCount,
      population: z.population,
      ruralShare,
      districts: [...z.districts].sort(),
      demandHours,
      demandByService: z.demandByService,
      packages: z.packages,
      contractedHours,
      additionalHours,
      spareHours: additionalHours + surplus,
      shortfallHours: Math.max(0, demandHours - contractedHours),
      coverage,
      coverageClass,
      providerCount,
      largestProviderId,
      largestShare,
      n1Coverage,
      bandId: band.id,
      bandName: band.name,
      hourlyRate: band.hourlyRate,
      bandOverridden: overridden,
      weeklyCost,
      annualCost: weeklyCost * settings.weeksPerYear,
      flags,
      reasons,
      providers,
    });
  }
  return { zones, totals: totalsOf(zones, settings) };
}

export function totalsOf(zones: readonly ZoneMetrics[], settings: Settings): PlanTotals {
  const sum = (pick: (z: ZoneMetrics) => number) => zones.reduce((total, z) => total + pick(z), 0);
  const count = (test: (z: ZoneMetrics) => boolean) => zones.filter(test).length;
  const annualCost = sum((z) => z.annualCost);
  return {
    zones: zones.length,
    areas: sum((z) => z.areaCount),
    population: sum((z) => z.population),
    demandHours: sum((z) => z.demandHours),
    contractedHours: sum((z) => z.contractedHours),
    additionalHours: sum((z) => z.additionalHours),
    shortfallHours: sum((z) => z.shortfallHours),
    weeklyCost: sum((z) => z.weeklyCost),
    annualCost,
    budgetPerYear: settings.budgetPerYear,
    budgetHeadroom: settings.budgetPerYear - annualCost,
    flaggedZones: count((z) => z.flags.length > 0),
    redZones: count((z) => z.coverageClass === 'red'),
    amberZones: count((z) => z.coverageClass === 'amber'),
    fragileZones: count((z) => z.flags.includes('fragile')),
    noProviderZones: count((z) => z.flags.includes('no-provider')),
  };
}
