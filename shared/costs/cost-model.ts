/**
 * The cost of an hour of care, built up the way the sector argues about it:
 * the Homecare Association's minimum-price breakdown and the 2022 Fair Cost of
 * Care returns. Every input is a number a commissioner can see and change;
 * urban and rural bands differ in their travel and mileage, not by a flat
 * uplift. Live-in care is costed per week.
 */
export interface HourlyCostInputs {
  /** National Living Wage, £ an hour. */
  nlw: number;
  /** Careworker pay above the NLW, as a fraction (0.05 = 5% above). */
  payPremium: number;
  /** Average length of a visit, minutes. */
  visitMinutes: number;
  /** Unpaid-by-the-client travel between visits, minutes per visit. */
  travelMinutesPerVisit: number;
  /** Employer's National Insurance and pension, as a fraction of paid pay. */
  niPension: number;
  /** Holiday, sick pay, training time and the other on-costs, as a fraction of paid pay. */
  otherOnCosts: number;
  /** Miles driven per visit. */
  milesPerVisit: number;
  /** £ paid per mile. */
  poundsPerMile: number;
  /** Office, management, registration, insurance and the other running costs, £ per contact hour. */
  runningCostsPerHour: number;
  /** Surplus (profit and contingency), as a fraction of the costs before it. */
  surplus: number;
}

export interface LiveInCostInputs {
  /** Hours a week the live-in carer is paid for. */
  paidHoursPerWeek: number;
  /** Running costs, £ a week. */
  runningCostsPerWeek: number;
}

/** One line of the build-up, £ per contact hour (or per week for live-in). */
export interface CostComponent {
  id: 'contact' | 'travel' | 'ni-pension' | 'other-on-costs' | 'mileage' | 'running' | 'surplus';
  label: string;
  amount: number;
}

export const COMPONENT_LABELS: Record<CostComponent['id'], string> = {
  contact: 'Careworker contact time',
  travel: 'Travel time',
  'ni-pension': 'National Insurance and pension',
  'other-on-costs': 'Holiday, sick pay, training and other on-costs',
  mileage: 'Mileage',
  running: 'Running costs',
  surplus: 'Surplus',
};

export interface CostBuildUp {
  components: CostComponent[];
  /** The modelled rate: the sum of the components, unrounded. */
  rate: number;
  /** The share of the rate that moves with pay (pay and its on-costs): what an NLW rise passes through. */
  payShare: number;
}

const line = (id: CostComponent['id'], amount: number): CostComponent => ({ id, label: COMPONENT_LABELS[id], amount });

function buildUp(contactPay: number, travelPay: number, inputs: Pick<HourlyCostInputs, 'niPension' | 'otherOnCosts' | 'surplus'>, mileage: number, running: number): CostBuildUp {
  const paid = contactPay + travelPay;
  const niPension = paid * inputs.niPension;
  const otherOnCosts = paid * inputs.otherOnCosts;
  const beforeSurplus = paid + niPension + otherOnCosts + mileage + running;
  const surplus = beforeSurplus * inputs.surplus;
  const rate = beforeSurplus + surplus;
  const components = [line('contact', contactPay), line('travel', travelPay), line('ni-pension', niPension), line('other-on-costs', otherOnCosts), line('mileage', mileage), line('running', running), line('surplus', surplus)];
  // Surplus is a share of everything, so the pay-driven part of it moves with pay too.
  return { components, rate, payShare: rate > 0 ? ((paid + niPension + otherOnCosts) * (1 + inputs.surplus)) / rate : 0 };
}

/** Visits in one contact hour, and the travel minutes that come with them. */
export function travelMinutesPerContactHour(inputs: Pick<HourlyCostInputs, 'visitMinutes' | 'travelMinutesPerVisit'>): number {
  return (60 / inputs.visitMinutes) * inputs.travelMinutesPerVisit;
}

/** The cost of one contact hour of home care (or CHC) from its inputs. */
export function hourlyCost(inputs: HourlyCostInputs): CostBuildUp {
  const pay = inputs.nlw * (1 + inputs.payPremium);
  const visitsPerHour = 60 / inputs.visitMinutes;
  const travelPay = pay * (travelMinutesPerContactHour(inputs) / 60);
  return buildUp(pay, travelPay, inputs, inputs.milesPerVisit * visitsPerHour * inputs.poundsPerMile, inputs.runningCostsPerHour);
}

/** The cost of a week of live-in care: the carer's paid hours with the same pay, on-costs and surplus; no travel between visits. */
export function weeklyLiveInCost(inputs: HourlyCostInputs, liveIn: LiveInCostInputs): CostBuildUp {
  const pay = inputs.nlw * (1 + inputs.payPremium) * liveIn.paidHoursPerWeek;
  return buildUp(pay, 0, inputs, 0, liveIn.runningCostsPerWeek);
}

/** The contracted rate against the modelled one, as a fraction: −0.06 is "pays 6% below the modelled cost of care". */
export function rateGap(contracted: number, modelled: number): number {
  return modelled > 0 ? contracted / modelled - 1 : 0;
}
