import { LOT_FILTERS, type LotFilter } from '../../shared/coverage/supply';
import { csvField } from '../../shared/export/tables';
import { createServices, type Services } from '../services';
import { userDataDir } from '../services/user-data';
import type { CliIo } from './command';
import { UsageError } from './errors';

/** Opens the project a command names with --project, without touching the recent-projects list's order beyond recording it. */
export async function withProject<T>(io: CliIo, projectPath: string | boolean | undefined, work: (services: Services) => Promise<T> | T): Promise<T> {
  if (typeof projectPath !== 'string' || !projectPath) throw new UsageError('--project FILE is required.');
  const services = createServices({ host: 'web', userData: userDataDir(io.env), keepsForNextOpen: false });
  try {
    await services.session.open(projectPath);
    return await work(services);
  } finally {
    services.close();
  }
}

/** A CSV line through the tables' one cell writer: quoted when needed, formulas defused. */
export function csvLine(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(',');
}

/** --service: which lot the figures are for. */
export function parseLot(value: string | boolean | undefined): LotFilter {
  if (value === undefined) return 'all';
  if (typeof value === 'string' && (LOT_FILTERS as readonly string[]).includes(value)) return value as LotFilter;
  throw new UsageError(`--service must be one of ${LOT_FILTERS.join(', ')}, not "${String(value)}".`);
}

export function parseFormat<T extends string>(value: string | boolean | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${String(value)}".`);
}

export const round = (x: number | null, places = 1): number | null => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);
