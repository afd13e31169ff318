import { describe, expect, it } from 'vitest';
import { bidSavings, spotCost, termBudget, termYears, upliftedRate } from '../../../shared/costs/pricing';

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

  it('counts the years of a term and the fee reviews before each', () => {
    // April 2026 to March 2034: eight years; the NLW of £12.71 from April 2026 rising 4% each April after.
    const years = termYears('2026-04-01', '2034-03-31', 12.21, { nlw: 12.71, nlwFrom: '2026-04-01', nlwRise: 0.04 });
    expect(years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033]);
    expect(years[0]).toEqual({ year: 2026, nlw: 12.71, reviews: 1 });
    expect(years[2]!.nlw).toBeCloseTo(12.71 * 1.04 * 1.04, 10);
    expect(years[2]!.reviews).toBe(3);
    // September 2026 to August 2034, a new NLW only from April 2027: the first year keeps today's £12.21.
    const sept = termYears('2026-09-01', '2034-08-31', 12.21, { nlw: 12.71, nlwFrom: '2027-04-01', nlwRise: 0 });
    expect(sept).toHaveLength(8);
    expect(sept.slice(0, 3)).toEqual([
      { year: 2026, nlw: 12.21, reviews: 0 },
      { year: 2027, nlw: 12.71, reviews: 1 },
      { year: 2028, nlw: 12.71, reviews: 2 },
    ]);
  });

  it('runs the budget over the term with growth, the NLW at each review and CPI', () => {
    const budget = termBudget({
      lines: [{ demandPerWeek: 1000, coverPerWeek: 1000, rate: 25, payShare: 0.5, spotRate: 30, hoursPerUnit: 1 }],
      years: [
        { year: 2026, nlw: 12, reviews: 0 },
        { year: 2027, nlw: 12.6, reviews: 1 },
        { year: 2028, nlw: 13.23, reviews: 2 },
      ],
      baseNlw: 12,
      weeksPerYear: 52,
      growth: 0.1,
      cpi: 0.02,
      envelope: 1_400_000,
      envelopeRise: 0,
    });
    const [y0, y1, y2] = budget.years;
    // 2026: 1,000 h × £25 × 52 = £1,300,000; no shortfall; headroom £100,000.
    expect(y0).toMatchObject({ year: 2026, demandHours: 52_000, spotCost: 0, headroom: 100_000 });
    expect(y0!.frameworkCost).toBeCloseTo(1_300_000, 6);
    // 2027: rate 25 × (0.5 × 12.6/12 + 0.5 × 1.02) = 25.875; demand 1,100 h, 100 h short at £30 × 1.02 = £30.60.
    // Framework 1,000 × 25.875 × 52 = 1,345,500; spot 100 × 30.60 × 52 = 159,120; total 1,504,620; headroom −104,620.
    expect(y1!.frameworkCost).toBeCloseTo(1_345_500, 4);
    expect(y1!.spotCost).toBeCloseTo(159_120, 4);
    expect(y1!.headroom).toBeCloseTo(-104_620, 4);
    // 2028: rate 25 × (0.5 × 13.23/12 + 0.5 × 1.02²) = 25 × (0.55125 + 0.5202) = 26.78625; demand 1,210 h, 210 short at £30 × 1.0404 = £31.212.
    // Framework 1,000 × 26.78625 × 52 = 1,392,885; spot 210 × 31.212 × 52 = 340,835.04; total 1,733,720.04.
    expect(y2!.totalCost).toBeCloseTo(1_733_720.04, 2);
    expect(y2!.demandHours).toBeCloseTo(1210 * 52, 6);
    expect(budget.termTotal).toBeCloseTo(1_300_000 + 1_504_620 + 1_733_720.04, 2);
    expect(budget.envelopeTotal).toBe(4_200_000);
  });

  it('adds live-in weeks to the demand hours at 168 hours a week, and a rising envelope', () => {
    const budget = termBudget({
      lines: [
        { demandPerWeek: 12, coverPerWeek: 10, rate: 1150, payShare: 0.6, spotRate: 1500, hoursPerUnit: 168 },
        { demandPerWeek: 100, coverPerWeek: 120, rate: 25, payShare: 0.7, spotRate: 25, hoursPerUnit: 1 },
      ],
      years: [
        { year: 2026, nlw: 12.21, reviews: 0 },
        { year: 2027, nlw: 12.21, reviews: 0 },
      ],
      baseNlw: 12.21,
      weeksPerYear: 52,
      growth: 0,
      cpi: 0,
      envelope: 1_000_000,
      envelopeRise: 0.05,
    });
    // 12 weeks of live-in a week = 2,016 h; 100 h of home care: 2,116 h × 52 = 110,032 h a year.
    expect(budget.years[0]!.demandHours).toBeCloseTo(110_032, 6);
    // Framework 10 × 1,150 × 52 + 100 × 25 × 52 = 598,000 + 130,000; spot 2 × 1,500 × 52 = 156,000.
    expect(budget.years[0]).toMatchObject({ frameworkCost: 728_000, spotCost: 156_000, totalCost: 884_000, envelope: 1_000_000, headroom: 116_000 });
    expect(budget.years[1]!.envelope).toBeCloseTo(1_050_000, 6);
  });

  it('fills spare cover with growth before buying spot', () => {
    // 100 h needed, 110 covered, 20% growth: 120 h next year, 110 on the framework at £20, 10 spot at £30.
    const budget = termBudget({
      lines: [{ demandPerWeek: 100, coverPerWeek: 110, rate: 20, payShare: 0.5, spotRate: 30, hoursPerUnit: 1 }],
      years: [
        { year: 2026, nlw: 12, reviews: 0 },
        { year: 2027, nlw: 12, reviews: 0 },
      ],
      baseNlw: 12,
      weeksPerYear: 52,
      growth: 0.2,
      cpi: 0,
      envelope: 0,
      envelopeRise: 0,
    });
    expect(budget.years[0]).toMatchObject({ frameworkCost: 100 * 20 * 52, spotCost: 0 });
    expect(budget.years[1]!.frameworkCost).toBeCloseTo(110 * 20 * 52, 6);
    expect(budget.years[1]!.spotCost).toBeCloseTo(10 * 30 * 52, 6);
  });
});
