import { rateFor } from '../coverage/bands';
import type { PlanMetrics } from '../coverage/schemas';
import { LIVE_IN_HOURS_PER_WEEK, SERVICE_TYPES, type Lot, type RateBand, type ServiceType } from '../domain/types';
import { hourlyCost, rateGap, weeklyLiveInCost, type CostBuildUp } from './cost-model';
import { bidSavings, reviewedRate, termBudget, termYears, type TermLine } from './pricing';
import type { BandCost, CostInputs, CostsReport, FrameworkTerm, PricingScenario } from './schemas';

/** The cost model's build-up for a band's lot at an NLW. */
export function buildUpFor(service: ServiceType, inputs: CostInputs, nlw: number): CostBuildUp {
  const hourly = {
    nlw,
    payPremium: inputs.payPremium,
    visitMinutes: inputs.visitMinutes,
    travelMinutesPerVisit: inputs.travelMinutesPerVisit,
    niPension: inputs.niPension,
    otherOnCosts: inputs.otherOnCosts,
    milesPerVisit: inputs.milesPerVisit,
    poundsPerMile: inputs.poundsPerMile,
    runningCostsPerHour: inputs.runningCosts,
    surplus: inputs.surplus,
  };
  return service === 'live-in' ? weeklyLiveInCost(hourly, { paidHoursPerWeek: inputs.paidHoursPerWeek, runningCostsPerWeek: inputs.runningCosts }) : hourlyCost(hourly);
}

/**
 * Units a week (hours; weeks for live-in) of each band's lots that the
 * framework covers and that are short, zone by zone: a zone's demand beyond
 * its counted cover is bought spot. Keyed `bandId|service`.
 */
export function coveredAndShort(metrics: PlanMetrics): Map<string, { covered: number; short: number }> {
  const out = new Map<string, { covered: number; short: number }>();
  for (const zone of metrics.zones) {
    for (const lot of zone.lots) {
      const key = `${zone.bandId}|${lot.service}`;
      const entry = out.get(key) ?? { covered: 0, short: 0 };
      const covered = Math.min(lot.demand, lot.cover);
      entry.covered += covered;
      entry.short += Math.max(0, lot.demand - covered);
      out.set(key, entry);
    }
  }
  return out;
}

export interface CostsInputs {
  plan: { id: number; name: string };
  metrics: PlanMetrics;
  bands: readonly RateBand[];
  /** The lots' funders: the term budget is the council-funded part, as the envelope is the council's. */
  lots: readonly Lot[];
  /** The cost inputs of a band's lot. */
  costInputs(bandId: string, service: ServiceType): CostInputs;
  scenario: PricingScenario;
  edited: boolean;
  term: FrameworkTerm;
  weeksPerYear: number;
  scenarios: string[];
}

/** A plan's costs under a pricing scenario: the rate build-up per band and lot, the term budget and the bidding savings. */
export function costsReport(input: CostsInputs): CostsReport {
  const { scenario, term } = input;
  const years = termYears(term.start, term.end, term.baseNlw, scenario);
  const first = years[0] ?? { year: Number(term.start.slice(0, 4)), nlw: term.baseNlw, reviews: 0 };
  const volumes = coveredAndShort(input.metrics);
  const councilShare = new Map(input.lots.map((l) => [l.service, l.councilShare]));
  const bands: BandCost[] = [];
  const byBandLot = new Map<string, { rate: number; payShare: number }>();
  for (const band of input.bands) {
    for (const service of SERVICE_TYPES) {
      const inputs = input.costInputs(band.id, service);
      const today = buildUpFor(service, inputs, term.baseNlw);
      const modelled = buildUpFor(service, inputs, first.nlw);
      const currentRate = rateFor(band, service);
      const contractedRate = reviewedRate(currentRate, today.payShare, term.baseNlw, first.nlw, scenario.cpi, first.reviews);
      const volume = volumes.get(`${band.id}|${service}`) ?? { covered: 0, short: 0 };
      bands.push({
        bandId: band.id,
        band: band.name,
        lot: service,
        unit: service === 'live-in' ? 'week' : 'hour',
        currentRate,
        contractedRate,
        modelledRate: modelled.rate,
        components: modelled.components,
        gap: rateGap(contractedRate, modelled.rate),
        payShare: today.payShare,
        inputs,
        coveredPerWeek: volume.covered,
        shortPerWeek: volume.short,
      });
      byBandLot.set(`${band.id}|${service}`, { rate: currentRate, payShare: today.payShare });
    }
  }
  // Zone by zone, so that demand growth fills each zone's own spare cover before it is bought spot.
  // Costs are linear in the rates, so the council's share is taken off the rates themselves.
  const lines: TermLine[] = input.metrics.zones.flatMap((zone) =>
    zone.lots.flatMap((lot) => {
      const priced = byBandLot.get(`${zone.bandId}|${lot.service}`);
      if (!priced || lot.demand <= 0) return [];
      const share = councilShare.get(lot.service) ?? 1;
      return [{
        demandPerWeek: lot.demand,
        coverPerWeek: lot.cover,
        rate: priced.rate * share,
        payShare: priced.payShare,
        spotRate: scenario.spotRates[lot.service] * share,
        hoursPerUnit: lot.service === 'live-in' ? LIVE_IN_HOURS_PER_WEEK : 1,
      }];
    }),
  );
  const budget = termBudget({ lines, years, baseNlw: term.baseNlw, cpi: scenario.cpi, growth: scenario.growth, weeksPerYear: input.weeksPerYear, envelope: term.envelope, envelopeRise: term.envelopeRise });
  // Floor and ceiling are home-care hourly rates: bids are set against the home-care hours each band buys.
  const bidding = input.bands.flatMap((band) => {
    if (band.floor === null || band.ceiling === null) return [];
    const hours = volumes.get(`${band.id}|home-care`)?.covered ?? 0;
    return [{ band: band.name, rate: band.hourlyRate, hoursPerWeek: hours, floor: band.floor, ceiling: band.ceiling }];
  });
  return {
    plan: input.plan,
    scenario,
    edited: input.edited,
    term,
    bands,
    years: budget.years,
    termTotal: budget.termTotal,
    envelopeTotal: budget.envelopeTotal,
    savings: bidSavings(bidding, input.weeksPerYear, scenario.bids),
    scenarios: input.scenarios,
    weeksPerYear: input.weeksPerYear,
  };
}

/**
 * What a plan costs a year at today's rates: zone by zone, the framework's
 * covered hours at the band's rate and the shortfall at spot. How a redraw's
 * moves are priced, including a zone that changes band.
 */
export function annualCostByZone(metrics: PlanMetrics, spotRates: Record<ServiceType, number>, weeksPerYear: number): Map<string, { framework: number; spot: number; total: number }> {
  const out = new Map<string, { framework: number; spot: number; total: number }>();
  for (const zone of metrics.zones) {
    let framework = 0;
    let spot = 0;
    for (const lot of zone.lots) {
      const covered = Math.min(lot.demand, lot.cover);
      framework += covered * lot.rate * weeksPerYear;
      spot += Math.max(0, lot.demand - covered) * spotRates[lot.service] * weeksPerYear;
    }
    out.set(zone.zoneId, { framework, spot, total: framework + spot });
  }
  return out;
}
