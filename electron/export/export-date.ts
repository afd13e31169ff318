/**
 * The date an export says it was made: now, or SOURCE_DATE_EPOCH (seconds)
 * when it is set, the convention for reproducible outputs, so a test or an
 * archive can ask for the same bytes twice.
 */
export function exportDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}
