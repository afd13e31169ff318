import { z } from 'zod';
import { FileRefSchema } from '../api/file-ref';
import { IMPORT_KINDS } from './kinds';

const ImportKindSchema = z.enum(IMPORT_KINDS);

const fieldName = z.string().min(1).max(200);

/** One import as the UI, the CLI and the worker describe it. */
export const ImportRequestSchema = z.strictObject({
  kind: ImportKindSchema,
  /** The file: a path on this machine (the browser host stages uploads to a path first), or in Electron a handle the services resolve to one. */
  file: FileRefSchema,
  /** The name to show and record, when `file` is a staged copy. */
  fileName: z.string().min(1).max(255).optional(),
  idField: fieldName.optional(),
  nameField: fieldName.optional(),
  layer: fieldName.optional(),
  sheet: fieldName.optional(),
  crs: z.string().regex(/^EPSG:\d{4,6}$/, 'must look like EPSG:27700').optional(),
  repair: z.boolean().optional(),
  /** Import the good rows or features and leave out the bad ones (otherwise any error rejects the file). */
  skipBad: z.boolean().optional(),
  mapping: z.record(z.string(), z.string().nullable()).optional(),
  /** The plan capacity or zone demand goes to; for zones, the name of the new plan. */
  plan: z.string().min(1).max(100).optional(),
  /** Monthly returns: the month (YYYY-MM) of a file without a month column. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM').optional(),
  /** The SHA-256 the preview saw: the import is refused if the file has changed since. */
  expectSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

export const ImportProblemSchema = z.object({ severity: z.enum(['error', 'repaired', 'warning']), where: z.string(), problem: z.string() });

export const ImportPreviewSchema = z.object({
  kind: ImportKindSchema,
  fileName: z.string(),
  format: z.enum(['geojson', 'topojson', 'shapefile', 'geopackage', 'csv', 'xlsx']),
  /** How it was read: encoding and separator, layer, coordinate system. */
  detail: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  layers: z.array(z.string()),
  layer: z.string().nullable(),
  /** Property names (boundaries) or column headers (tables). */
  columns: z.array(z.string()),
  idField: z.string().nullable(),
  nameField: z.string().nullable(),
  mapping: z.record(z.string(), z.string().nullable()).nullable(),
  crs: z.object({ declared: z.string().nullable(), used: z.string().nullable() }),
  total: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  added: z.number(),
  updated: z.number(),
  sample: z.object({ headers: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  problems: z.array(ImportProblemSchema),
  /** All problems, when `problems` is cut short. */
  problemCount: z.number(),
  /** Accepted outlines drawn small, for the preview map (SVG path in a 0 0 320 240 box). */
  outline: z.string().nullable(),
  plan: z.string().nullable(),
  /** Why the import cannot go ahead as asked, or null when it can. */
  blocked: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResultSchema = z.object({
  importId: z.number(),
  fileName: z.string(),
  accepted: z.number(),
  rejected: z.number(),
  added: z.number(),
  updated: z.number(),
  notes: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ImportJobSchema = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  step: z.string(),
  /** Share of the work done, when it can be told. */
  fraction: z.number().min(0).max(1).nullable(),
  preview: ImportPreviewSchema.nullable(),
  result: ImportResultSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const ImportRecordSchema = z.object({
  id: z.number(),
  kind: ImportKindSchema,
  fileName: z.string(),
  sha256: z.string(),
  importedAt: z.string(),
  rowsAccepted: z.number(),
  rowsRejected: z.number(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

export const ProjectCountsSchema = z.object({
  areas: z.number(),
  zones: z.number(),
  plans: z.number(),
  providers: z.number(),
  /** Supply rows (provider × area × service) with committed hours. */
  capacityRows: z.number(),
  /** Supply rows with delivered hours from delivery records. */
  deliveryRows: z.number(),
  demandRows: z.number(),
  /** Lookup files (population, rural-urban class) imported. */
  lookupImports: z.number(),
  rateBands: z.number(),
  imports: z.number(),
});
export type ProjectCounts = z.infer<typeof ProjectCountsSchema>;
