import type { CoverageClass, ZoneMetrics } from '../coverage/schemas';
import type { Settings } from '../domain/types';

/**
 * How coverage classes look, on screen and in exports. The fills come from
 * ColorBrewer's RdBu scheme (safe for the common colour-vision deficiencies) and
 * differ in lightness as well as hue, so the classes stay apart in greyscale:
 * red is dark, covered is mid-tone, amber is light. Flagged zones are also
 * hatched, which survives any printer.
 */
export const CLASS_FILL: Record<CoverageClass, string> = {
  red: '#b2182b',
  amber: '#f4a582',
  covered: '#4393c3',
  'no-demand': '#e4e4e1',
};

export const HATCH_INK = '#1b1b1b';

export const CLASS_ORDER: readonly CoverageClass[] = ['red', 'amber', 'covered', 'no-demand'];

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function classLabel(cls: CoverageClass, settings: Pick<Settings, 'redBelow' | 'amberBelow'>): string {
  switch (cls) {
    case 'red':
      return `Red: coverage below ${pct(settings.redBelow)}`;
    case 'amber':
      return `Amber: ${pct(settings.redBelow)} to under ${pct(settings.amberBelow)}`;
    case 'covered':
      return `Covered: ${pct(settings.amberBelow)} or more`;
    case 'no-demand':
      return 'No demand recorded';
  }
}

export const HATCH_LABEL = 'Hatched: flagged (fragile, short or without a provider)';

export interface ZoneStyle {
  cls: CoverageClass;
  fill: string;
  hatched: boolean;
}

/** The one rule for drawing a zone, used by the map and by exports. */
export function zoneStyle(zone: Pick<ZoneMetrics, 'coverageClass' | 'flags'>): ZoneStyle {
  return { cls: zone.coverageClass, fill: CLASS_FILL[zone.coverageClass], hatched: zone.flags.length > 0 };
}

export function formatCoverage(coverage: number | null): string {
  return coverage === null ? '—' : pct(coverage);
}
