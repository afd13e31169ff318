import type { ServiceType, Settings } from '../domain/types';
import { BASE_SCENARIO } from './wording';
import type { CostInputs, FrameworkTerm, PricingScenario } from './schemas';

/**
 * Starting inputs of the cost model, close to the 2022 Fair Cost of Care
 * medians for a county: urban and rural differ in travel and miles per visit,
 * CHC in its pay premium (more skilled work), live-in in paid hours a week.
 * Every figure is shown and can be changed in the Costs tab.
 */
export function defaultCostInputs(service: ServiceType, rural: boolean): CostInputs {
  const common = { niPension: 0.11, otherOnCosts: 0.19, poundsPerMile: 0.45, surplus: 0.03, paidHoursPerWeek: 0 };
  if (service === 'live-in') {
    return { ...common, payPremium: 0.05, visitMinutes: 60, travelMinutesPerVisit: 0, milesPerVisit: 0, runningCosts: 250, paidHoursPerWeek: 60 };
  }
  return {
    ...common,
    payPremium: service === 'chc' ? 0.12 : 0.05,
    visitMinutes: 30,
    travelMinutesPerVisit: rural ? 12 : 6,
    milesPerVisit: rural ? 6 : 2,
    runningCosts: 6,
  };
}

/** The National Living Wage from April 2025; April 2026's is £12.71. */
export const DEFAULT_BASE_NLW = 12.21;

/** An open framework of eight financial years, April 2026 to March 2034. */
export function defaultTerm(settings: Pick<Settings, 'budgetPerYear'>): FrameworkTerm {
  return { start: '2026-04-01', end: '2034-03-31', envelope: settings.budgetPerYear, envelopeRise: 0, baseNlw: DEFAULT_BASE_NLW };
}

/** Today's rates held over the term: no new NLW, no inflation, no growth; spot rates from the settings. */
export function baseScenario(settings: Pick<Settings, 'spotHourlyRate' | 'spotWeeklyRate'>, term: FrameworkTerm): PricingScenario {
  return {
    name: BASE_SCENARIO,
    nlw: term.baseNlw,
    nlwFrom: term.start,
    nlwRise: 0,
    cpi: 0,
    growth: 0,
    spotRates: { 'home-care': settings.spotHourlyRate, chc: settings.spotHourlyRate, 'live-in': settings.spotWeeklyRate },
    bids: { low: 0, mid: 0.5, high: 1 },
  };
}
