import { LIVE_IN_HOURS_PER_WEEK, SERVICE_TYPES, type Provider, type ServiceType, type Settings } from '../domain/types';

/**
 * Where supply stands on the project's "as at" date. Secure: an on-framework
 * provider (or a new bidder from its start date) that is active then. At risk:
 * a provider that is leaving the framework but has not yet gone. Spot: a
 * non-framework provider. Inactive: not yet started, or already gone.
 */
export type SupplyClass = 'secure' | 'at-risk' | 'spot' | 'inactive';

export function supplyClass(provider: Pick<Provider, 'status' | 'startDate' | 'endDate'>, asAt: string): SupplyClass {
  const started = provider.startDate === null || provider.startDate <= asAt;
  const ended = provider.endDate !== null && provider.endDate < asAt;
  if (ended) return 'inactive';
  switch (provider.status) {
    case 'on-framework':
      return started ? 'secure' : 'inactive';
    case 'new-bidder':
      return provider.startDate !== null && started ? 'secure' : 'inactive';
    case 'exiting-framework':
      return started ? 'at-risk' : 'inactive';
    case 'non-framework':
      return started ? 'spot' : 'inactive';
  }
}

/** Whether a class of supply counts towards coverage under the settings (secure always does). */
export function countsAsCover(cls: SupplyClass, settings: Pick<Settings, 'countAtRisk' | 'countSpot'>): boolean {
  return cls === 'secure' || (cls === 'at-risk' && settings.countAtRisk === 1) || (cls === 'spot' && settings.countSpot === 1);
}

/** The lot selector: one lot, or "all", which adds the hourly lots and never live-in weeks to them. */
export type LotFilter = ServiceType | 'all';
export const LOT_FILTERS: readonly LotFilter[] = ['all', ...SERVICE_TYPES];

export type LotUnit = 'hour' | 'week';
export const unitOf = (service: ServiceType): LotUnit => (service === 'live-in' ? 'week' : 'hour');
export const unitOfFilter = (lot: LotFilter): LotUnit => (lot === 'all' ? 'hour' : unitOf(lot));

/** Which services a filter's quantities add up: "all" means the hourly lots. */
export function servicesIn(lot: LotFilter): ServiceType[] {
  return lot === 'all' ? SERVICE_TYPES.filter((s) => unitOf(s) === 'hour') : [lot];
}

/** Stored hours in the lot's own unit: weeks of care for live-in, hours otherwise. */
export function inLotUnit(service: ServiceType, hours: number): number {
  return unitOf(service) === 'week' ? hours / LIVE_IN_HOURS_PER_WEEK : hours;
}
