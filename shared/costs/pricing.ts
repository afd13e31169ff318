/**
 * What the committee's pricing questions cost: an NLW rise passed through the
 * pay share of each rate (inflation on the rest), bids between a floor and a
 * ceiling, hours bought off the framework at spot rates, and the framework's
 * budget year by year over its term. Pure arithmetic on plain numbers, so
 * every figure can be worked by hand (test/shared/costs/pricing.test.ts).
 */

/** A rate after an NLW change: the pay share moves with the NLW, the rest with CPI. */
export function upliftedRate(rate: number, payShare: number, nlwFrom: number, nlwTo: number, cpi: number): number {
  return reviewedRate(rate, payShare, nlwFrom, nlwTo, cpi, 1);
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

/** One zone's lot over the term: this year's units a week (hours, or weeks of live-in) needed and covered, and their rates. */
export interface TermLine {
  demandPerWeek: number;
  /** What the framework counts as cover: demand beyond it is bought spot, and growth fills it first. */
  coverPerWeek: number;
  /** Today's framework rate per unit (an hour, or a week of live-in care) and the share of it that is pay. */
  rate: number;
  payShare: number;
  spotRate: number;
  /** Hours in one unit: 1, or 168 for a week of live-in care. */
  hoursPerUnit: number;
}

/** A year of the term: its label (the year it begins), the NLW in force when it begins, and the fee reviews before it. */
export interface TermYearRates {
  year: number;
  nlw: number;
  /** Fee reviews since today's rates were set: each moves the non-pay share of rates, and spot rates, by CPI. */
  reviews: number;
}

export interface TermInputs {
  lines: readonly TermLine[];
  years: readonly TermYearRates[];
  /** The NLW today's rates were set at. */
  baseNlw: number;
  cpi: number;
  /** Demand growth a year, as a fraction. */
  growth: number;
  weeksPerYear: number;
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

function parseDate(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}
const dayOf = ({ y, m, d }: { y: number; m: number; d: number }) => y * 10_000 + m * 100 + d;

/**
 * The years of a framework from `start` to `end` (YYYY-MM-DD), each beginning on
 * an anniversary of the start. A scenario's NLW applies from `nlwFrom` and rises
 * by `nlwRise` each April after; a year's rates are set when it begins (the fee
 * review for April), so a year that begins before `nlwFrom` keeps today's NLW.
 */
export function termYears(start: string, end: string, baseNlw: number, scenario: { nlw: number; nlwFrom: string; nlwRise: number }): TermYearRates[] {
  const s = parseDate(start);
  const last = dayOf(parseDate(end));
  const from = parseDate(scenario.nlwFrom);
  const years: TermYearRates[] = [];
  for (let i = 0; dayOf({ ...s, y: s.y + i }) <= last && i < 100; i++) {
    const begins = { ...s, y: s.y + i };
    let reviews = 0;
    if (dayOf(begins) >= dayOf(from)) {
      reviews = 1;
      // Each 1 April after the first review and on or before the year begins.
      for (let y = from.y; y <= begins.y; y++) if (dayOf({ y, m: 4, d: 1 }) > dayOf(from) && dayOf({ y, m: 4, d: 1 }) <= dayOf(begins)) reviews++;
    }
    years.push({ year: begins.y, nlw: reviews === 0 ? baseNlw : scenario.nlw * (1 + scenario.nlwRise) ** (reviews - 1), reviews });
  }
  return years;
}

/** A rate after some fee reviews: its pay share moves with the NLW, the rest with CPI compounded over the reviews. */
export function reviewedRate(rate: number, payShare: number, baseNlw: number, nlw: number, cpi: number, reviews: number): number {
  return rate * (payShare * (nlw / baseNlw) + (1 - payShare) * (1 + cpi) ** reviews);
}

/**
 * The budget over the term: each year demand grows, each fee review passes the
 * NLW through the pay share of each rate (CPI on the rest and on spot rates),
 * and the year's cost is set against its envelope. The framework's cover does
 * not grow: growth fills a zone's spare cover first, then is bought spot.
 */
export function termBudget(inputs: TermInputs): TermBudget {
  const years = inputs.years.map((y, i): TermYear => {
    let frameworkCost = 0;
    let spot = 0;
    let demandHours = 0;
    for (const line of inputs.lines) {
      const demand = line.demandPerWeek * (1 + inputs.growth) ** i;
      const covered = Math.min(line.coverPerWeek, demand);
      frameworkCost += covered * reviewedRate(line.rate, line.payShare, inputs.baseNlw, y.nlw, inputs.cpi, y.reviews) * inputs.weeksPerYear;
      spot += spotCost(demand - covered, line.spotRate * (1 + inputs.cpi) ** y.reviews, inputs.weeksPerYear);
      demandHours += demand * line.hoursPerUnit * inputs.weeksPerYear;
    }
    const envelope = inputs.envelope * (1 + inputs.envelopeRise) ** i;
    const totalCost = frameworkCost + spot;
    return { year: y.year, demandHours, frameworkCost, spotCost: spot, totalCost, envelope, headroom: envelope - totalCost };
  });
  return { years, termTotal: years.reduce((t, y) => t + y.totalCost, 0), envelopeTotal: years.reduce((t, y) => t + y.envelope, 0) };
}
