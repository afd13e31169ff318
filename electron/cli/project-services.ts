import { createServices, type Services } from '../services';
import { userDataDir } from '../services/user-data';
import type { CliIo } from './command';
import { UsageError } from './errors';

/** Opens the project a command names with --project, without touching the recent-projects list's order beyond recording it. */
export async function withProject<T>(io: CliIo, projectPath: string | boolean | undefined, work: (services: Services) => Promise<T> | T): Promise<T> {
  if (typeof projectPath !== 'string' || !projectPath) throw new UsageError('--project FILE is required.');
  const services = createServices({ host: 'web', userData: userDataDir(io.env) });
  try {
    await services.session.open(projectPath);
    return await work(services);
  } finally {
    services.close();
  }
}

/** CSV text: quotes a field only when it needs it. */
export function csvLine(values: readonly (string | number | null)[]): string {
  return values
    .map((v) => {
      const text = v === null ? '' : String(v);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

export function parseFormat<T extends string>(value: string | boolean | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${String(value)}".`);
}

export const round = (x: number | null, places = 1): number | null => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);
