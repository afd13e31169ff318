import type { RateBand, ServiceType } from '../domain/types';

/**
 * The band a zone's rural population share puts it in: the band with the
 * highest threshold the share reaches. An override (if it names a band) wins.
 */
export function bandFor(ruralShare: number, bands: readonly RateBand[], override: string | null = null): { band: RateBand; overridden: boolean } {
  if (bands.length === 0) throw new Error('A project needs at least one rate band.');
  if (override) {
    const chosen = bands.find((b) => b.id === override);
    if (chosen) return { band: chosen, overridden: true };
  }
  let best: RateBand | undefined;
  for (const band of bands) {
    if (band.minRuralShare <= ruralShare + 1e-12 && (!best || band.minRuralShare > best.minRuralShare)) best = band;
  }
  // No band starts at 0: fall back to the lowest threshold.
  return { band: best ?? [...bands].sort((a, b) => a.minRuralShare - b.minRuralShare)[0]!, overridden: false };
}

/** A band's rate for a lot: per hour for home care and CHC (CHC falls back to the home-care rate), per week for live-in. */
export function rateFor(band: RateBand, service: ServiceType): number {
  if (service === 'live-in') return band.liveInWeeklyRate;
  if (service === 'chc') return band.chcHourlyRate ?? band.hourlyRate;
  return band.hourlyRate;
}
