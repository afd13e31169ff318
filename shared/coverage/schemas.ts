import { z } from 'zod';
import { ProviderStatusSchema, ServiceTypeSchema } from '../domain/schemas';

/**
 * Runtime schemas of what the coverage model produces. The model's TypeScript
 * types are inferred from these, so the API contract and the model cannot drift.
 */
export const CoverageClassSchema = z.enum(['no-demand', 'covered', 'amber', 'red']);
export const ZoneFlagSchema = z.enum(['no-provider', 'low-coverage', 'fragile']);

export const SupplyClassSchema = z.enum(['secure', 'at-risk', 'spot', 'inactive']);
export const LotFilterSchema = z.enum(['all', 'home-care', 'chc', 'live-in']);
export const LotUnitSchema = z.enum(['hour', 'week']);
/** What a zone's supply figures rest on: spread from zone contracts, delivery records, both, or nothing. */
export const ZoneBasisSchema = z.enum(['estimated', 'recorded', 'mixed', 'none']);

export const ZoneProviderSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  status: ProviderStatusSchema,
  supplyClass: SupplyClassSchema,
  committedHours: z.number(),
  deliveredHours: z.number(),
  additionalHours: z.number(),
  /** Share of the zone's cover (0–1); 0 for supply that does not count as cover. */
  share: z.number(),
  /** Committed hours not yet delivered. */
  spareHours: z.number(),
});

/** One lot's figures in a zone, in the lot's own unit (hours, or weeks of care for live-in). */
/** Demand and supply figures a zone and the plan's totals both carry, in the lot's unit. */
const supplyFigures = {
  demandHours: z.number(),
  /** People behind the demand. */
  people: z.number(),
  /** Committed hours of every active provider: secure + at risk + spot. */
  committedHours: z.number(),
  secureHours: z.number(),
  atRiskHours: z.number(),
  spotHours: z.number(),
  /** The committed hours that count as cover (secure, and at-risk or spot where the settings say). */
  coverHours: z.number(),
  deliveredHours: z.number(),
  /** Demand not yet placed with any provider. */
  unsourcedHours: z.number(),
  additionalHours: z.number(),
};

export const ZoneLotSchema = z.object({
  service: ServiceTypeSchema,
  unit: LotUnitSchema,
  demand: z.number(),
  people: z.number(),
  committed: z.number(),
  cover: z.number(),
  delivered: z.number(),
  unsourced: z.number(),
  coverage: z.number().nullable(),
  coverageClass: CoverageClassSchema,
  rate: z.number(),
  weeklyCost: z.number(),
  councilWeeklyCost: z.number(),
});

export const ZoneMetricsSchema = z.object({
  zoneId: z.string(),
  name: z.string(),
  colour: z.string(),
  /** The lot these figures are for, and their unit. */
  lot: LotFilterSchema,
  unit: LotUnitSchema,
  areaCount: z.number(),
  population: z.number(),
  ruralShare: z.number(),
  districts: z.array(z.string()),
  ...supplyFigures,
  /** Committed less delivered. */
  spareHours: z.number(),
  shortfallHours: z.number(),
  /** Cover ÷ demand; null when the zone has no demand. */
  coverage: z.number().nullable(),
  /** Delivered ÷ demand. */
  deliveredCoverage: z.number().nullable(),
  coverageClass: CoverageClassSchema,
  basis: ZoneBasisSchema,
  providerCount: z.number(),
  largestProviderId: z.string().nullable(),
  largestShare: z.number().nullable(),
  /** Coverage if the largest provider withdrew. */
  n1Coverage: z.number().nullable(),
  bandId: z.string(),
  bandName: z.string(),
  /** The band's home-care hourly rate. */
  hourlyRate: z.number(),
  /** The rate of the lot shown (per week for live-in); the home-care rate for "all". */
  rate: z.number(),
  bandOverridden: z.boolean(),
  /** The zone keeps its areas until unlocked. */
  locked: z.boolean(),
  /** Cost of meeting the lot's demand at the band's rates (every lot for "all", live-in by the week). */
  weeklyCost: z.number(),
  annualCost: z.number(),
  /** The council-funded part of the annual cost (CHC is NHS-funded; joint lots by their share). */
  councilAnnualCost: z.number(),
  flags: z.array(ZoneFlagSchema),
  /** Why the zone is flagged, in plain words. */
  reasons: z.array(z.string()),
  providers: z.array(ZoneProviderSchema),
  /** Every lot's own figures. */
  lots: z.array(ZoneLotSchema),
});

export const PlanTotalsSchema = z.object({
  lot: LotFilterSchema,
  unit: LotUnitSchema,
  zones: z.number(),
  areas: z.number(),
  population: z.number(),
  ...supplyFigures,
  shortfallHours: z.number(),
  weeklyCost: z.number(),
  annualCost: z.number(),
  councilAnnualCost: z.number(),
  budgetPerYear: z.number(),
  /** Budget less the council-funded annual cost; negative when over budget. */
  budgetHeadroom: z.number(),
  flaggedZones: z.number(),
  redZones: z.number(),
  amberZones: z.number(),
  fragileZones: z.number(),
  noProviderZones: z.number(),
});

export const PlanMetricsSchema = z.object({ zones: z.array(ZoneMetricsSchema), totals: PlanTotalsSchema });

export const GapKindSchema = z.enum(['shortfall', 'largest-provider', 'none']);

export const ContingencyCandidateSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  status: ProviderStatusSchema,
  supplyClass: SupplyClassSchema,
  /** Already serves the zone. */
  inZone: z.boolean(),
  /** Holds supply in a neighbouring zone. */
  neighbour: z.boolean(),
  /** The zones its spare hours are held in. */
  fromZones: z.array(z.object({ zoneId: z.string(), name: z.string() })),
  distanceKm: z.number(),
  /** Committed hours not yet delivered, plus hours offered beyond its contracts, in reach. */
  spareHours: z.number(),
  /** Hours of the gap this candidate alone could close. */
  closesHours: z.number(),
  /** closesHours as a share of the gap (0–1). */
  gapShare: z.number(),
  /** Gap closed by this and every candidate ranked above it together. */
  cumulativeHours: z.number(),
  /** One of the smallest set of candidates (on-framework first) that closes the gap. */
  inClosingSet: z.boolean(),
});

export const ContingencySchema = z.object({
  zoneId: z.string(),
  zoneName: z.string(),
  lot: LotFilterSchema,
  unit: LotUnitSchema,
  /** Today's shortfall, or (when there is none) the hours at risk if the largest provider left. */
  gapKind: GapKindSchema,
  gapHours: z.number(),
  candidates: z.array(ContingencyCandidateSchema),
  availableHours: z.number(),
  /** Spare hours of on-framework providers alone. */
  secureAvailableHours: z.number(),
  closesGap: z.boolean(),
  needsNewBids: z.boolean(),
  summary: z.string(),
});

/** Where handed-back care went: to a provider's spare hours in the same area, a neighbour, or a branch within reach. */
export const ReachSchema = z.enum(['same-area', 'neighbour', 'distance']);

export const TransferSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  supplyClass: SupplyClassSchema,
  areaCode: z.string(),
  zoneId: z.string(),
  service: ServiceTypeSchema,
  hours: z.number(),
  people: z.number(),
  reach: ReachSchema,
  distanceKm: z.number(),
});

export const ZoneStateSchema = z.object({ coverage: z.number().nullable(), coverageClass: CoverageClassSchema, flags: z.array(ZoneFlagSchema) });

export const WithdrawalZoneSchema = z.object({
  zoneId: z.string(),
  name: z.string(),
  before: ZoneStateSchema,
  after: ZoneStateSchema,
  /** Committed hours the provider no longer holds here. */
  lostHours: z.number(),
  /** Delivered hours handed back here, and the people behind them. */
  hoursToRehome: z.number(),
  peopleAffected: z.number(),
  rehomedHours: z.number(),
  unmetHours: z.number(),
  transfers: z.array(TransferSchema),
  changed: z.boolean(),
  newlyFlagged: z.boolean(),
});

export const WithdrawalResultSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  cutPercent: z.number(),
  lostHours: z.number(),
  /** Always rehomedHours + unmetHours. */
  hoursToRehome: z.number(),
  rehomedHours: z.number(),
  unmetHours: z.number(),
  peopleAffected: z.number(),
  /** Unmet hours bought at the spot rate instead of the band rate, a year. */
  costChangePerYear: z.number(),
  zones: z.array(WithdrawalZoneSchema),
  transfers: z.array(TransferSchema),
  absorbed: z.array(z.object({ providerId: z.string(), providerName: z.string(), supplyClass: SupplyClassSchema, hours: z.number() })),
  newlyFlaggedZones: z.array(z.string()),
  /** The summary as a sentence whose figures add up. */
  summary: z.string(),
  before: PlanMetricsSchema,
  after: PlanMetricsSchema,
  method: z.string(),
});

export type CoverageClass = z.infer<typeof CoverageClassSchema>;
export type ZoneFlag = z.infer<typeof ZoneFlagSchema>;
export type ZoneProvider = z.infer<typeof ZoneProviderSchema>;
export type ZoneLot = z.infer<typeof ZoneLotSchema>;
export type ZoneBasis = z.infer<typeof ZoneBasisSchema>;
export type ZoneMetrics = z.infer<typeof ZoneMetricsSchema>;
export type PlanTotals = z.infer<typeof PlanTotalsSchema>;
export type PlanMetrics = z.infer<typeof PlanMetricsSchema>;
export type GapKind = z.infer<typeof GapKindSchema>;
export type ContingencyCandidate = z.infer<typeof ContingencyCandidateSchema>;
export type Contingency = z.infer<typeof ContingencySchema>;
export type Reach = z.infer<typeof ReachSchema>;
export type Transfer = z.infer<typeof TransferSchema>;
export type ZoneState = z.infer<typeof ZoneStateSchema>;
export type WithdrawalZone = z.infer<typeof WithdrawalZoneSchema>;
export type WithdrawalResult = z.infer<typeof WithdrawalResultSchema>;
