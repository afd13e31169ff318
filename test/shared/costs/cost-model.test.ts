import { describe, expect, it } from 'vitest';
import { hourlyCost, rateGap, travelMinutesPerContactHour, weeklyLiveInCost, type HourlyCostInputs } from '../../../shared/costs/cost-model';

/**
 * The Homecare Association's minimum price for 2020-21: £20.69 an hour
 * (contact time £8.72, travel time £1.70, NI and pension £1.14, other on-costs
 * £1.97, mileage £1.36, running costs £5.20, surplus £0.60). The inputs below
 * are derived from those published lines:
 * - contact time is the April 2020 NLW, £8.72, with no premium;
 * - travel £1.70 ÷ £8.72 = 0.195 of an hour per contact hour, 11.7 minutes: 30-minute visits with 5.85 minutes between them;
 * - NI and pension £1.14 ÷ paid pay £10.42 ≈ 10.94%; other on-costs £1.97 ÷ £10.42 ≈ 18.9%;
 * - mileage £1.36 = 2 visits an hour × 1.7 miles × 40p;
 * - surplus £0.60 ÷ £20.09 of costs ≈ 3%.
 */
const hca2020: HourlyCostInputs = {
  nlw: 8.72,
  payPremium: 0,
  visitMinutes: 30,
  travelMinutesPerVisit: 5.85,
  niPension: 0.1094,
  otherOnCosts: 0.189,
  milesPerVisit: 1.7,
  poundsPerMile: 0.4,
  runningCostsPerHour: 5.2,
  surplus: 0.03,
};
const pence = (x: number) => Math.round(x * 100) / 100;

describe('the cost of an hour of care', () => {
  it('reproduces the Homecare Association 2020-21 minimum price of £20.69 to the penny, line by line', () => {
    const cost = hourlyCost(hca2020);
    expect(cost.components.map((c) => [c.id, pence(c.amount)])).toEqual([
      ['contact', 8.72],
      ['travel', 1.7],
      ['ni-pension', 1.14],
      ['other-on-costs', 1.97],
      ['mileage', 1.36],
      ['running', 5.2],
      ['surplus', 0.6],
    ]);
    expect(pence(cost.rate)).toBe(20.69);
  });

  it('works travel from the visit length: 60 ÷ 30 × 5.85 = 11.7 minutes a contact hour', () => {
    expect(travelMinutesPerContactHour(hca2020)).toBeCloseTo(11.7, 10);
  });

  it('prices rural care higher through its travel and mileage, not a flat uplift', () => {
    const rural = hourlyCost({ ...hca2020, travelMinutesPerVisit: 12, milesPerVisit: 5 });
    // Travel 8.72 × (2 × 12 / 60) = 3.488; paid 12.208; on-costs 12.208 × 0.2984 = 3.6429; mileage 2 × 5 × 0.4 = 4;
    // before surplus 12.208 + 3.6429 + 4 + 5.2 = 25.0509; × 1.03 = 25.8025.
    expect(rural.rate).toBeCloseTo(25.8025, 3);
    expect(rural.rate).toBeGreaterThan(hourlyCost(hca2020).rate);
  });

  it('gives the pay share an NLW rise moves: pay and its on-costs, with their surplus', () => {
    // Pay-driven 10.4204 × 1.2984 = 13.5299, × 1.03 = 13.9358 of 20.6924.
    expect(hourlyCost(hca2020).payShare).toBeCloseTo(13.9358 / 20.6924, 4);
  });

  it('costs live-in care by the week', () => {
    // 8.72 × 1.1 × 70 = 671.44; on-costs 671.44 × 0.2984 = 200.3577; + running 250 = 1121.7977; × 1.03 = 1155.4516.
    const week = weeklyLiveInCost({ ...hca2020, payPremium: 0.1 }, { paidHoursPerWeek: 70, runningCostsPerWeek: 250 });
    expect(week.rate).toBeCloseTo(1155.4516, 3);
    expect(week.components.find((c) => c.id === 'travel')!.amount).toBe(0);
  });

  it('says how far the contracted rate sits from the modelled one', () => {
    expect(rateGap(23.5, 25)).toBeCloseTo(-0.06, 10);
    expect(rateGap(26.25, 25)).toBeCloseTo(0.05, 10);
  });
});
