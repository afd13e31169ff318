import { z } from 'zod';
import { CoverageClassSchema, LotFilterSchema } from '../coverage/schemas';
import { ServiceTypeSchema } from '../domain/schemas';

/** Runtime schemas of the time axis: snapshots, trends, the framework's timeline, transition and the re-opening brief. */

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM');

export const SnapshotInfoSchema = z.object({
  month: z.string(),
  source: z.enum(['returns', 'model', 'sample']),
  fileName: z.string().nullable(),
  sha256: z.string().nullable(),
  createdAt: z.string(),
  rows: z.number(),
});

const SeriesSchema = z.object({
  coverage: z.array(z.number().nullable()),
  coverageClass: z.array(CoverageClassSchema),
  cover: z.array(z.number()),
  demand: z.array(z.number()),
  delivered: z.array(z.number()),
  unsourced: z.array(z.number()),
  waiting: z.array(z.number()),
  handbacks: z.array(z.number()),
});

export const TrendSchema = z.object({
  plan: z.string(),
  lot: LotFilterSchema,
  months: z.array(z.string()),
  zones: z.array(SeriesSchema.extend({ zoneId: z.string(), name: z.string() })),
  total: SeriesSchema,
});
export type TrendResponse = z.infer<typeof TrendSchema>;

export const TimelineEventSchema = z.object({
  date: z.string(),
  kind: z.enum(['join', 'exit', 'handback', 'capacity', 'reopening']),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  text: z.string(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const TimelineSchema = z.object({
  start: z.string(),
  end: z.string(),
  reopenings: z.array(z.string()),
  /** The project's "as at" date, or the date asked about. */
  at: z.string(),
  events: z.array(TimelineEventSchema),
  /** Providers on the framework (secure) at `at`, by id. */
  onFramework: z.array(z.object({ providerId: z.string(), name: z.string(), status: z.string() })),
});
export type Timeline = z.infer<typeof TimelineSchema>;

export const TransitionRowSchema = z.object({
  zoneId: z.string(),
  zoneName: z.string(),
  lot: ServiceTypeSchema,
  unit: z.enum(['hour', 'week']),
  /** What the exiting provider holds there: care to move, and the people behind it. */
  withProvider: z.number(),
  people: z.number(),
  moved: z.number(),
  /** Care no provider in reach can take: a contract extension or a spot purchase until the next re-opening. */
  extensionOrSpot: z.number(),
  takers: z.array(z.object({ providerId: z.string(), providerName: z.string(), hours: z.number() })),
});

export const TransitionSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  /** The provider's last day on the framework: the care must move by then (null when it has no end date). */
  by: z.string().nullable(),
  nextReopening: z.string().nullable(),
  rows: z.array(TransitionRowSchema),
  totals: z.array(z.object({ lot: ServiceTypeSchema, unit: z.enum(['hour', 'week']), withProvider: z.number(), people: z.number(), moved: z.number(), extensionOrSpot: z.number() })),
  summary: z.string(),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const ReopeningBriefSchema = z.object({
  date: z.string().nullable(),
  plan: z.string(),
  zones: z.array(
    z.object({
      zoneId: z.string(),
      name: z.string(),
      lot: ServiceTypeSchema,
      unit: z.enum(['hour', 'week']),
      coverage: z.number().nullable(),
      coverageClass: CoverageClassSchema,
      demand: z.number(),
      cover: z.number(),
      /** Hours a week (weeks for live-in) to invite bids for: what brings cover up to the amber line. */
      toInvite: z.number(),
    }),
  ),
  /** Exits and joins between now and the re-opening that the brief allows for. */
  changes: z.array(TimelineEventSchema),
  totals: z.array(z.object({ lot: ServiceTypeSchema, unit: z.enum(['hour', 'week']), toInvite: z.number(), zones: z.number() })),
});
export type ReopeningBrief = z.infer<typeof ReopeningBriefSchema>;
