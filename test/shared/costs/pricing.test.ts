import { describe, expect, it } from 'vitest';
import { bidSavings, spotCost, termBudget, upliftedRate } from '../../../shared/costs/pricing';

describe('pricing scenarios', () => {
  it('passes an NLW rise through the pay share of a rate, with CPI on the rest', () => {
    // April 2026: £12.21 → £12.71 (+4.095%). A £24.60 rate, 70% pay, CPI 3%:
    // 24.60 × (0.7 × 12.71/12.21 + 0.3 × 1.03) = 24.60 × (0.728665 + 0.309) = 25.5266.
    expect(upliftedRate(24.6, 0.7, 12.21, 12.71, 0.03)).toBeCloseTo(25.5266, 3);
    expect(upliftedRate(24.6, 0.7, 12.21, 12.21, 0)).toBeCloseTo(24.6, 10);
  });

  it('gives floor-and-ceiling savings low, mid and high against today\'s rates', () => {
    // Urban: today £24.60, 1,000 h a week, bids £23 to £25. Rural: £27.90, 200 h, bids £26 to £29. 52 weeks.
    const savings = bidSavings(
      [
        { band: 'urban', rate: 24.6, hoursPerWeek: 1000, floor: 23, ceiling: 25 },
        { band: 'rural', rate: 27.9, hoursPerWeek: 200, floor: 26, ceiling: 29 },
      ],
      52,
    );
    // Low (at the floors): 1.60 × 1000 × 52 + 1.90 × 200 × 52 = 83,200 + 19,760 = 102,960.
    expect(savings.low).toBeCloseTo(102_960, 6);
    // Mid (£24, £27.50): 0.60 × 52,000 + 0.40 × 10,400 = 31,200 + 4,160 = 35,360.
    expect(savings.mid).toBeCloseTo(35_360, 6);
    // High (at the ceilings): −0.40 × 52,000 − 1.10 × 10,400 = −20,800 − 11,440 = −32,240.
    expect(savings.high).toBeCloseTo(-32_240, 6);
    expect(savings.byBand.map((b) => b.band)).toEqual(['urban', 'rural']);
  });

  it('prices a shortfall bought spot: 93 h a week at £25 for 52 weeks is £120,900', () => {
    expect(spotCost(93, 25, 52)).toBe(120_900);
    expect(spotCost(-5, 25, 52)).toBe(0);
  });

  it('runs the budget over the term with growth, the NLW each April and CPI', () => {
    const budget = termBudget({
      firstYear: 2026,
      lastYear: 2028,
      coveredHoursPerWeek: 1000,
      shortHoursPerWeek: 0,
      frameworkRate: 25,
      payShare: 0.5,
      spotRate: 30,
      weeksPerYear: 52,
      growth: 0.1,
      nlw: 12,
      nlwRise: 0.05,
      cpi: 0.02,
      envelope: 1_400_000,
      envelopeRise: 0,
    });
    const [y0, y1, y2] = budget.years;
    // 2026: 1,000 h × £25 × 52 = £1,300,000; no shortfall; headroom £100,000.
    expect(y0).toMatchObject({ year: 2026, demandHours: 52_000, spotCost: 0, headroom: 100_000 });
    expect(y0!.frameworkCost).toBeCloseTo(1_300_000, 6);
    // 2027: rate 25 × (0.5 × 1.05 + 0.5 × 1.02) = 25.875; demand 1,100 h, 100 h short at £30.60.
    // Framework 1,000 × 25.875 × 52 = 1,345,500; spot 100 × 30.60 × 52 = 159,120; total 1,504,620; headroom −104,620.
    expect(y1!.frameworkCost).toBeCloseTo(1_345_500, 4);
    expect(y1!.spotCost).toBeCloseTo(159_120, 4);
    expect(y1!.headroom).toBeCloseTo(-104_620, 4);
    // 2028: rate 25.875 × 1.035 = 26.780625; demand 1,210 h, 210 short at £31.212.
    // Framework 1,392,592.5; spot 210 × 31.212 × 52 = 340,835.04; total 1,733,427.54.
    expect(y2!.totalCost).toBeCloseTo(1_733_427.54, 2);
    expect(budget.termTotal).toBeCloseTo(1_300_000 + 1_504_620 + 1_733_427.54, 2);
    expect(budget.envelopeTotal).toBe(4_200_000);
  });
});
