import { describe, expect, it } from 'vitest';
import { annualCostByZone, costsReport } from '../../../shared/costs/costs-report';
import type { CostInputs, PricingScenario } from '../../../shared/costs/schemas';
import type { PlanMetrics } from '../../../shared/coverage/schemas';
import { DEFAULT_LOTS, type Lot, type RateBand } from '../../../shared/domain/types';

/**
 * Round numbers so every figure below can be worked by hand. The cost model
 * pays the NLW for a 60-minute visit with no travel, no on-costs and no
 * surplus, plus £10 an hour of running costs: at an NLW of £10 the modelled
 * rate is £20, half of it pay. Live-in pays 50 hours a week and £500 of running
 * costs: £1,000 a week at £10, half of it pay.
 */
const simple: CostInputs = { payPremium: 0, visitMinutes: 60, travelMinutesPerVisit: 0, niPension: 0, otherOnCosts: 0, milesPerVisit: 0, poundsPerMile: 0, runningCosts: 10, surplus: 0, paidHoursPerWeek: 0 };
const liveIn: CostInputs = { ...simple, runningCosts: 500, paidHoursPerWeek: 50 };

const bands: RateBand[] = [
  { id: 'urban', name: 'Urban', hourlyRate: 24.6, floor: 23.5, ceiling: 26, minRuralShare: 0, chcHourlyRate: 26.1, liveInWeeklyRate: 1150 },
  { id: 'rural', name: 'Rural', hourlyRate: 27.9, floor: null, ceiling: null, minRuralShare: 0.5, chcHourlyRate: 29.4, liveInWeeklyRate: 1250 },
];
// CHC is NHS-funded (the council pays none of it); live-in is joint, the council paying 60%.
const lots: Lot[] = DEFAULT_LOTS.map((l) => (l.service === 'live-in' ? { ...l, funder: 'joint', councilShare: 0.6 } : l));

const lot = (service: 'home-care' | 'chc' | 'live-in', demand: number, cover: number, rate: number) => ({ service, demand, cover, rate });
// Only what the costs read of the metrics: each zone's band and its lots' demand, cover and rate.
const metrics = {
  zones: [
    { zoneId: 'Z1', bandId: 'urban', lots: [lot('home-care', 100, 80, 24.6), lot('chc', 0, 0, 26.1), lot('live-in', 2, 2, 1150)] },
    { zoneId: 'Z2', bandId: 'rural', lots: [lot('home-care', 50, 60, 27.9), lot('chc', 10, 0, 29.4), lot('live-in', 0, 0, 1250)] },
  ],
} as unknown as PlanMetrics;

// From April 2026 the NLW is £12 (20% up on £10) and CPI 10% applies at each review; demand grows 10% a year.
const scenario: PricingScenario = {
  name: 'Rise',
  nlw: 12,
  nlwFrom: '2026-04-01',
  nlwRise: 0,
  cpi: 0.1,
  growth: 0.1,
  spotRates: { 'home-care': 25, chc: 25, 'live-in': 1500 },
  bids: { low: 0, mid: 0.5, high: 1 },
};

const report = costsReport({
  plan: { id: 1, name: 'Plan' },
  metrics,
  bands,
  lots,
  costInputs: (_band, service) => (service === 'live-in' ? liveIn : simple),
  scenario,
  edited: false,
  term: { start: '2026-04-01', end: '2028-03-31', envelope: 300_000, envelopeRise: 0, baseNlw: 10 },
  weeksPerYear: 52,
  scenarios: ['Base', 'Rise'],
});

describe('costs of a plan under a pricing scenario', () => {
  it('passes the NLW through the pay share of each rate, CPI on the rest', () => {
    const urban = report.bands.find((b) => b.bandId === 'urban' && b.lot === 'home-care')!;
    // Pay share ½: £24.60 × (½ × 12/10 + ½ × 1.10) = £24.60 × 1.15 = £28.29.
    expect(urban.payShare).toBeCloseTo(0.5, 12);
    expect(urban.contractedRate).toBeCloseTo(28.29, 10);
    // The model at £12: £12 of pay + £10 running = £22; the framework pays 28.59% above it.
    expect(urban.modelledRate).toBeCloseTo(22, 10);
    expect(urban.gap).toBeCloseTo(28.29 / 22 - 1, 10);
    expect(urban).toMatchObject({ coveredPerWeek: 80, shortPerWeek: 20 });
    const urbanLiveIn = report.bands.find((b) => b.bandId === 'urban' && b.lot === 'live-in')!;
    // £1,150 × 1.15 = £1,322.50 a week; the model: 50 h × £12 + £500 = £1,100.
    expect(urbanLiveIn.contractedRate).toBeCloseTo(1322.5, 9);
    expect(urbanLiveIn.modelledRate).toBeCloseTo(1100, 9);
  });

  it('prices each year: covered hours at the year\'s rates, the rest at spot, the council\'s share only', () => {
    const [y0, y1] = report.years;
    // 2026/27, one review: urban home care 80 h × £28.29 × 52 = £117,686.40; rural 50 h × £27.90 × 1.15 × 52 = £83,421;
    // live-in 2 weeks × £1,322.50 × 60% × 52 = £82,524; CHC is the NHS's. Spot: 20 h × £25 × 1.1 × 52 = £28,600.
    expect(y0!.frameworkCost).toBeCloseTo(117_686.4 + 83_421 + 82_524, 6);
    expect(y0!.spotCost).toBeCloseTo(28_600, 6);
    expect(y0!.headroom).toBeCloseTo(300_000 - 312_231.4, 6);
    // Demand hours: 150 h home care + 10 h CHC + 2 weeks × 168 h of live-in = 496 h a week.
    expect(y0!.demandHours).toBeCloseTo(496 * 52, 6);
    // 2027/28, two reviews (factor ½ × 1.2 + ½ × 1.21 = 1.205), demand up 10%:
    // urban 110 h, 80 covered at £29.643 (£123,314.88), 30 spot at £30.25 (£47,190);
    // rural 55 h, all inside its 60 h of cover, at £33.6195 (£96,151.77);
    // live-in 2.2 weeks, 2 covered at £1,385.75 × 60% (£86,470.80), 0.2 spot at £1,815 × 60% (£11,325.60).
    expect(y1!.frameworkCost).toBeCloseTo(123_314.88 + 96_151.77 + 86_470.8, 6);
    expect(y1!.spotCost).toBeCloseTo(47_190 + 11_325.6, 6);
    expect(report.termTotal).toBeCloseTo(312_231.4 + 305_937.45 + 58_515.6, 6);
    expect(report.envelopeTotal).toBe(600_000);
  });

  it('sets floor-and-ceiling bids against the home-care hours a band buys today', () => {
    // Urban: 80 h a week at £24.60; bids at the floor £23.50 save £4,576 a year, at the ceiling £26 cost £5,824, midway £24.75 cost £624.
    expect(report.savings.byBand).toHaveLength(1);
    expect(report.savings.low).toBeCloseTo(4576, 9);
    expect(report.savings.high).toBeCloseTo(-5824, 9);
    expect(report.savings.mid).toBeCloseTo(-624, 9);
  });

  it('prices a plan a year at today\'s rates, zone by zone, for the cost of a redraw', () => {
    const byZone = annualCostByZone(metrics, scenario.spotRates, 52);
    // Z1: 80 h × £24.60 + 2 weeks × £1,150 = £4,268 a week framework; 20 h × £25 = £500 spot.
    expect(byZone.get('Z1')).toEqual({ framework: 4268 * 52, spot: 500 * 52, total: 4768 * 52 });
    // Z2: 50 h × £27.90 = £1,395; CHC 10 h short at £25 = £250.
    expect(byZone.get('Z2')!.total).toBeCloseTo((1395 + 250) * 52, 9);
  });
});
