import type { MapDocumentInput, Orientation, Paper } from '../../shared/export/map-document';
import type { WithdrawalResult } from '../../shared/coverage/schemas';
import type { CoverageService } from '../services/coverage';
import type { LotFilter } from '../../shared/coverage/supply';
import { SERVICE_LABELS } from '../../shared/domain/types';
import type { ProjectSession } from '../services/project-session';

export interface MapOptions {
  paper: Paper;
  orientation: Orientation;
  title?: string;
  subtitle?: string;
  includeFlaggedTable: boolean;
  smallNumberThreshold: number | null;
  plan?: string;
  /** The lot the map shows. */
  lot?: LotFilter;
  /** Show the state after this withdrawal instead of the current one. */
  withdrawal?: { providerId: string; cutPercent?: number };
  /** The date written in the default subtitle (ISO yyyy-mm-dd); today when omitted. */
  date?: string;
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Everything the committee map needs, read from the open project. */
export function mapDocumentInput(session: ProjectSession, coverage: CoverageService, options: MapOptions): MapDocumentInput {
  const info = session.info()!;
  const lot = options.lot ?? 'all';
  const { plan, metrics } = coverage.metrics(options.plan, lot);
  let shown = metrics;
  let withdrawal: WithdrawalResult | undefined;
  if (options.withdrawal) {
    withdrawal = coverage.withdrawal(options.withdrawal.providerId, options.withdrawal.cutPercent, options.plan, lot === 'all' ? undefined : lot);
    shown = withdrawal.after;
  }
  const shapes = coverage.zoneShapes(options.plan);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const model = coverage.settings();
  return {
    title: options.title?.trim() || info.name,
    subtitle: options.subtitle?.trim() || `${plan.name}${lot === 'all' ? '' : ` · ${SERVICE_LABELS[lot]}`} · ${longDate(date)}`,
    note: withdrawal
      ? `After ${withdrawal.providerName} ${withdrawal.cutPercent === 100 ? 'withdraws' : `cuts ${withdrawal.cutPercent}% of its hours`} (simulation); changed zones dashed.`
      : undefined,
    paper: options.paper,
    orientation: options.orientation,
    metrics: shown,
    settings: model.settings,
    zoneShapes: shapes.zones,
    districtLines: shapes.districtLines,
    places: shapes.places,
    attributions: info.attributions.filter((a) => !/fictional|modelled/i.test(a) || !info.isSample),
    dataAsOf: shapes.dataAsOf,
    isSample: info.isSample,
    includeFlaggedTable: options.includeFlaggedTable,
    smallNumberThreshold: options.smallNumberThreshold,
    changedZones: withdrawal ? new Set(withdrawal.zones.filter((z) => z.changed).map((z) => z.zoneId)) : undefined,
  };
}
