/**
 * What the committee's pricing questions cost: an NLW rise passed through the
 * pay share of each rate (inflation on the rest), bids between a floor and a
 * ceiling, hours bought off the framework at spot rates, and the framework's
 * budget year by year over its term. Pure arithmetic on plain numbers, so
 * every figure can be worked by hand (test/shared/costs/pricing.test.ts).
 */

/** A rate after an NLW change: the pay share moves with the NLW, the rest with CPI. */
export function upliftedRate(rate: number, payShare: number, nlwFrom: number, nlwTo: number, cpi: number): number {
  return rate * (payShare * (nlwTo / nlwFrom) + (1 - payShare) * (1 + cpi));
}

/** Where bids are expected to land between the floor (0) and the ceiling (1). */
export interface BidExpectation {
  low: number;
  mid: number;
  high: number;
}
export const DEFAULT_BID_EXPECTATION: BidExpectation = { low: 0, mid: 0.5, high: 1 };

export interface BandBids {
  band: string;
  /** Today's rate, £ an hour, and the hours a week bought at it. */
  rate: number;
  hoursPerWeek: number;
  floor: number;
  ceiling: number;
}

export interface BidSavings {
  /** A year's saving against today's rates when bids land low, mid and high (negative: a cost). */
  low: number;
  mid: number;
  high: number;
  byBand: { band: string; low: number; mid: number; high: number }[];
}

/** Floor-and-ceiling bidding: the saving a year of each expectation, against today's rates. */
export function bidSavings(bands: readonly BandBids[], weeksPerYear: number, expectation: BidExpectation = DEFAULT_BID_EXPECTATION): BidSavings {
  const saving = (b: BandBids, position: number) => (b.rate - (b.floor + position * (b.ceiling - b.floor))) * b.hoursPerWeek * weeksPerYear;
  const byBand = bands.map((b) => ({ band: b.band, low: saving(b, expectation.low), mid: saving(b, expectation.mid), high: saving(b, expectation.high) }));
  const sum = (key: 'low' | 'mid' | 'high') => byBand.reduce((total, b) => total + b[key], 0);
  return { low: sum('low'), mid: sum('mid'), high: sum('high'), byBand };
}

/** Hours the framework does not cover, bought spot: their cost a year. */
export function spotCost(shortHoursPerWeek: number, spotRate: number, weeksPerYear: number): number {
  return Math.max(0, shortHoursPerWeek) * spotRate * weeksPerYear;
}

export interface TermInputs {
  /** The framework's first and last financial years (2026 is April 2026 to March 2027). */
  firstYear: number;
  lastYear: number;
  /** This year's hours a week: those the framework covers, and the shortfall bought spot. */
  coveredHoursPerWeek: number;
  shortHoursPerWeek: number;
  /** This year's average framework rate (£ an hour) and the share of it that is pay. */
  frameworkRate: number;
  payShare: number;
  spotRate: number;
  weeksPerYear: number;
  /** Demand growth a year, as a fraction. */
  growth: number;
  /** The NLW in the first year and its rise each April after, as a fraction. */
  nlw: number;
  nlwRise: number;
  /** Inflation on the non-pay share of rates and on spot rates, a year. */
  cpi: number;
  /** The financial envelope of the first year, and its rise a year (0 for a flat envelope). */
  envelope: number;
  envelopeRise: number;
}

export interface TermYear {
  year: number;
  demandHours: number;
  frameworkCost: number;
  spotCost: number;
  totalCost: number;
  envelope: number;
  headroom: number;
}

export interface TermBudget {
  years: TermYear[];
  termTotal: number;
  envelopeTotal: number;
}

/**
 * The budget over the term: each year demand grows, each April the NLW rises
 * and passes through the pay share of the framework rate (CPI on the rest and
 * on spot), and the year's cost is set against its envelope. The shortfall
 * grows with demand: the framework's committed hours do not.
 */
export function termBudget(inputs: TermInputs): TermBudget {
  const years: TermYear[] = [];
  let rate = inputs.frameworkRate;
  let spot = inputs.spotRate;
  let nlw = inputs.nlw;
  for (let year = inputs.firstYear, i = 0; year <= inputs.lastYear; year++, i++) {
    if (i > 0) {
      const next = nlw * (1 + inputs.nlwRise);
      rate = upliftedRate(rate, inputs.payShare, nlw, next, inputs.cpi);
      spot *= 1 + inputs.cpi;
      nlw = next;
    }
    const demand = (inputs.coveredHoursPerWeek + inputs.shortHoursPerWeek) * (1 + inputs.growth) ** i;
    const covered = Math.min(inputs.coveredHoursPerWeek, demand);
    const frameworkCost = covered * rate * inputs.weeksPerYear;
    const spotYear = spotCost(demand - covered, spot, inputs.weeksPerYear);
    const envelope = inputs.envelope * (1 + inputs.envelopeRise) ** i;
    const totalCost = frameworkCost + spotYear;
    years.push({ year, demandHours: demand * inputs.weeksPerYear, frameworkCost, spotCost: spotYear, totalCost, envelope, headroom: envelope - totalCost });
  }
  return { years, termTotal: years.reduce((t, y) => t + y.totalCost, 0), envelopeTotal: years.reduce((t, y) => t + y.envelope, 0) };
}
