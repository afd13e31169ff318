import { z } from 'zod';
import { IsoDateSchema, ServiceTypeSchema } from '../domain/schemas';

/** Runtime schemas of the commissioning economics: cost inputs, pricing scenarios, the framework's term, and the costs report. */

const fraction = (max: number) => z.number().min(0, 'must be at least 0%').max(max, `must be at most ${max * 100}%`);
const pounds = (max: number) => z.number().min(0, 'must be at least £0').max(max, `must be at most £${max.toLocaleString('en-GB')}`);

/**
 * What an hour of care costs a provider, for one rate band and lot. The NLW is
 * the project's (or a scenario's), not the band's. For live-in, running costs
 * are £ a week and the carer is paid `paidHoursPerWeek`; the visit and travel
 * fields are not used.
 */
export const CostInputsSchema = z.strictObject({
  payPremium: fraction(2),
  visitMinutes: z.number().min(5, 'must be at least 5 minutes').max(600, 'must be at most 600 minutes'),
  travelMinutesPerVisit: z.number().min(0, 'must be at least 0 minutes').max(240, 'must be at most 240 minutes'),
  niPension: fraction(1),
  otherOnCosts: fraction(1),
  milesPerVisit: z.number().min(0, 'must be at least 0 miles').max(200, 'must be at most 200 miles'),
  poundsPerMile: pounds(5),
  runningCosts: pounds(5000),
  surplus: fraction(1),
  paidHoursPerWeek: z.number().min(0, 'must be at least 0 hours').max(168, 'must be at most 168 hours'),
});
export type CostInputs = z.infer<typeof CostInputsSchema>;

export const BandCostInputsSchema = z.strictObject({ bandId: z.string().min(1), service: ServiceTypeSchema, inputs: CostInputsSchema });
export type BandCostInputs = z.infer<typeof BandCostInputsSchema>;

/** A pricing scenario: a new NLW from a date, CPI, demand growth, spot rates per lot and where bids are expected to land. */
export const PricingScenarioSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'a scenario needs a name').max(80, 'must be at most 80 characters'),
    /** The NLW from `nlwFrom`, £ an hour, and its rise each April after. */
    nlw: z.number().positive('must be more than £0').max(100, 'must be at most £100 an hour'),
    nlwFrom: IsoDateSchema,
    nlwRise: fraction(1),
    /** Inflation at each fee review on the non-pay share of rates and on spot rates. */
    cpi: z.number().min(-0.2, 'must be at least −20%').max(1, 'must be at most 100%'),
    /** Demand growth a year. */
    growth: z.number().min(-0.5, 'must be at least −50%').max(1, 'must be at most 100%'),
    spotRates: z.strictObject({ 'home-care': pounds(1000).positive(), chc: pounds(1000).positive(), 'live-in': pounds(20_000).positive() }),
    /** Where bids land between each band's floor (0) and ceiling (1). */
    bids: z.strictObject({ low: fraction(1), mid: fraction(1), high: fraction(1) }),
  })
  .refine((s) => s.bids.low <= s.bids.mid && s.bids.mid <= s.bids.high, { message: 'bids must run low ≤ mid ≤ high', path: ['bids'] });
export type PricingScenario = z.infer<typeof PricingScenarioSchema>;
/** What a request may change of a scenario, before it is checked as a whole. */
export const ScenarioChangeSchema = z.strictObject({
  nlw: z.number().optional(),
  nlwFrom: z.string().optional(),
  nlwRise: z.number().optional(),
  cpi: z.number().optional(),
  growth: z.number().optional(),
  spotRates: z.strictObject({ 'home-care': z.number().optional(), chc: z.number().optional(), 'live-in': z.number().optional() }).optional(),
  bids: z.strictObject({ low: z.number().optional(), mid: z.number().optional(), high: z.number().optional() }).optional(),
});
export type ScenarioChange = z.infer<typeof ScenarioChangeSchema>;

/** The framework's term; its envelope a year is the project's budget setting, rising by `envelopeRise` a year. */
export const FrameworkTermSchema = z
  .strictObject({
    start: IsoDateSchema,
    end: IsoDateSchema,
    envelope: z.number().min(0, 'must be at least £0').max(1e11, 'must be at most £100bn'),
    envelopeRise: z.number().min(-0.5, 'must be at least −50%').max(1, 'must be at most 100%'),
    /** The NLW today's contracted rates were set at. */
    baseNlw: z.number().positive('must be more than £0').max(100, 'must be at most £100 an hour'),
  })
  .refine((t) => t.start < t.end, { message: 'the term must end after it starts', path: ['end'] })
  .refine((t) => Number(t.end.slice(0, 4)) - Number(t.start.slice(0, 4)) <= 20, { message: 'a term runs at most 20 years', path: ['end'] });
export type FrameworkTerm = z.infer<typeof FrameworkTermSchema>;

export const CostComponentSchema = z.object({ id: z.string(), label: z.string(), amount: z.number() });

export const BandCostSchema = z.object({
  bandId: z.string(),
  band: z.string(),
  lot: ServiceTypeSchema,
  unit: z.enum(['hour', 'week']),
  /** Today's contracted rate, and after the scenario's first fee review of the term. */
  currentRate: z.number(),
  contractedRate: z.number(),
  /** The cost model's rate at the scenario's first NLW of the term, and its build-up. */
  modelledRate: z.number(),
  components: z.array(CostComponentSchema),
  /** contracted ÷ modelled − 1: −0.06 pays 6% below the modelled cost of care. */
  gap: z.number(),
  payShare: z.number(),
  inputs: CostInputsSchema,
  /** Units a week (hours, or weeks of live-in) the framework covers in the band's zones, and those short. */
  coveredPerWeek: z.number(),
  shortPerWeek: z.number(),
});
export type BandCost = z.infer<typeof BandCostSchema>;

export const TermYearSchema = z.object({
  year: z.number(),
  demandHours: z.number(),
  frameworkCost: z.number(),
  spotCost: z.number(),
  totalCost: z.number(),
  envelope: z.number(),
  headroom: z.number(),
});

const SavingsSchema = z.object({ low: z.number(), mid: z.number(), high: z.number() });

export const CostsReportSchema = z.object({
  plan: z.object({ id: z.number(), name: z.string() }),
  scenario: PricingScenarioSchema,
  /** True when the scenario differs from the saved one of its name (or from the base). */
  edited: z.boolean(),
  term: FrameworkTermSchema,
  bands: z.array(BandCostSchema),
  years: z.array(TermYearSchema),
  termTotal: z.number(),
  envelopeTotal: z.number(),
  /** Floor-and-ceiling savings a year against today's rates, for bands with both. */
  savings: SavingsSchema.extend({ byBand: z.array(SavingsSchema.extend({ band: z.string() })) }),
  /** The saved scenarios, by name; the base is always first. */
  scenarios: z.array(z.string()),
  weeksPerYear: z.number(),
});
export type CostsReport = z.infer<typeof CostsReportSchema>;

export const ScenarioComparisonSchema = z.object({
  plan: z.string(),
  rows: z.array(
    z.object({
      scenario: z.string(),
      firstYearCost: z.number(),
      termTotal: z.number(),
      envelopeTotal: z.number(),
      headroom: z.number(),
      spotTotal: z.number(),
      /** Against the base, over the term. */
      difference: z.number(),
    }),
  ),
});
export type ScenarioComparison = z.infer<typeof ScenarioComparisonSchema>;
