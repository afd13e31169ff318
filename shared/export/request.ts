import { z } from 'zod';
import { LotFilterSchema } from '../coverage/schemas';
import { EXPORT_FORMATS } from './formats';

export const ExportRequestSchema = z
  .strictObject({
    kind: z.enum(['map', 'table', 'zones', 'areas', 'update-report']),
    format: z.enum(['pdf', 'svg', 'png', 'csv', 'xlsx', 'geojson', 'gpkg']),
    paper: z.enum(['a4', 'a3']).default('a4'),
    orientation: z.enum(['landscape', 'portrait']).default('landscape'),
    dpi: z.union([z.literal(150), z.literal(300), z.literal(600)]).default(300),
    title: z.string().max(200).optional(),
    subtitle: z.string().max(300).optional(),
    includeFlaggedTable: z.boolean().default(true),
    /** Small-number care: on by default for exports. */
    suppressSmallNumbers: z.boolean().default(true),
    /** People below this are suppressed; by default the project's disclosure threshold. */
    smallNumberThreshold: z.number().int().min(1).max(100).optional(),
    /** Which table: the zone table, a zone's contingency candidates, or a withdrawal result. */
    table: z.enum(['zones', 'contingency', 'withdrawal', 'transition']).default('zones'),
    zoneId: z.string().min(1).optional(),
    providerId: z.string().min(1).optional(),
    cutPercent: z.number().gt(0).max(100).optional(),
    /** For the map: show the state after this provider's withdrawal. */
    withdrawal: z.boolean().default(false),
    plan: z.string().min(1).optional(),
    /** The lot the figures are for: all (hourly lots added; every lot priced), or one. */
    lot: LotFilterSchema.default('all'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** For the map as PDF: add the costs page, priced under this pricing scenario (the base by default). */
    costs: z.boolean().default(false),
    costScenario: z.string().trim().min(1).max(80).optional(),
    /** The update report: since the month of the last report, up to this one (YYYY-MM). */
    from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM').optional(),
    to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM').optional(),
  })
  .refine((r) => (EXPORT_FORMATS[r.kind] as readonly string[]).includes(r.format), {
    message: 'this kind of export does not come in that format (map: pdf, svg, png; table: csv, xlsx; zones and areas: geojson, gpkg; update-report: pdf, xlsx)',
    path: ['format'],
  })
  .refine((r) => r.kind !== 'update-report' || (r.from && r.to), { message: 'the update report needs the months it runs from and to (--from YYYY-MM --to YYYY-MM)', path: ['from'] })
  .refine((r) => !r.costs || (r.kind === 'map' && r.format === 'pdf'), { message: 'the costs page is a second page of the map as PDF', path: ['costs'] })
  .refine((r) => !(r.kind === 'table' && r.table === 'contingency') || r.zoneId, { message: 'a contingency table needs a zone', path: ['zoneId'] })
  .refine((r) => !((r.kind === 'table' && (r.table === 'withdrawal' || r.table === 'transition')) || r.withdrawal) || r.providerId, { message: 'a withdrawal or a transition needs a provider', path: ['providerId'] });

export type ExportRequestInput = z.input<typeof ExportRequestSchema>;
export type ExportRequest = z.output<typeof ExportRequestSchema>;

export const MIME_TYPES: Record<ExportRequest['format'], string> = {
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  gpkg: 'application/geopackage+sqlite3',
};
