import { ApiError } from '../../shared/api/errors';
import { supplyClass, unitOf, type LotFilter } from '../../shared/coverage/supply';
import { simulateWithdrawal } from '../../shared/coverage/withdrawal';
import { SERVICE_TYPES, type Provider, type ServiceType } from '../../shared/domain/types';
import { addYears } from '../../shared/time/months';
import { reopeningNeeds } from '../../shared/time/reopening';
import type { ReopeningBrief, Timeline, TimelineEvent, Transition, TrendResponse } from '../../shared/time/schemas';
import { computeTrends, coverByProvider, packSnapshot, VALUES_PER_ROW, type PackedSnapshot, type SnapshotRow } from '../../shared/time/trends';
import { buildUpdateReport, type UpdateReport, type ZoneDriver } from '../../shared/time/update-report';
import { recordEdit } from '../store/edits';
import { readDemand, readSupply } from '../store/model-data';
import { deleteSnapshot, listSnapshots, readReopenings, readSnapshotRows, snapshotsRevision, writeReopenings, writeSnapshot, type SnapshotInfo } from '../store/snapshots';
import type { CostService } from './costs';
import type { CoverageService } from './coverage';
import type { ProjectSession } from './project-session';

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The project over time: monthly snapshots and their trends under any plan,
 * the framework's timeline (term, re-openings, joins, exits, hand-backs),
 * the transition off an exiting provider and the brief for the next
 * re-opening. The arithmetic is shared/time's and shared/coverage's.
 */
export class OverTimeService {
  /** The months packed against the project's areas and providers, kept until a month or those change (not on every edit). */
  private packed: { key: string; snapshots: PackedSnapshot[] } | null = null;

  constructor(
    private readonly session: ProjectSession,
    private readonly coverage: CoverageService,
    private readonly costs: CostService,
  ) {}

  snapshots(): SnapshotInfo[] {
    return listSnapshots(this.session.db());
  }

  /** Saves the model as it stands as a month's snapshot: supply as held, and each area's demand not in place as unsourced. */
  saveModelSnapshot(month: string): SnapshotInfo[] {
    this.session.write((db) => {
      const supply = readSupply(db);
      const rows: SnapshotRow[] = supply.map((r) => ({ providerId: r.providerId, areaCode: r.areaCode, service: r.service, committed: r.committedHours, delivered: r.deliveredHours, unsourced: 0, waiting: 0, handbacks: 0 }));
      const placed = new Map<string, { hours: number; people: number }>();
      for (const r of supply) {
        const k = `${r.areaCode}|${r.service}`;
        const p = placed.get(k) ?? { hours: 0, people: 0 };
        p.hours += r.deliveredHours;
        p.people += r.people;
        placed.set(k, p);
      }
      for (const d of readDemand(db)) {
        const p = placed.get(`${d.areaCode}|${d.service}`) ?? { hours: 0, people: 0 };
        const unsourced = Math.max(0, d.hours - p.hours);
        if (unsourced > 0) rows.push({ providerId: '', areaCode: d.areaCode, service: d.service, committed: 0, delivered: 0, unsourced, waiting: Math.max(0, d.people - p.people), handbacks: 0 });
      }
      writeSnapshot(db, month, 'model', null, rows);
    });
    return this.snapshots();
  }

  removeSnapshot(month: string): SnapshotInfo[] {
    this.session.write((db) => {
      if (!deleteSnapshot(db, month)) throw new ApiError('not-found', `There is no snapshot for ${month}.`);
    });
    return this.snapshots();
  }

  /** Every month's rows packed against the project's areas and providers, read once per revision. */
  private packedSnapshots(areaCodes: readonly string[], providers: readonly Provider[]): PackedSnapshot[] {
    const key = `${snapshotsRevision(this.session.db())}|${areaCodes.join(',')}|${providers.map((p) => p.id).join(',')}`;
    if (this.packed?.key === key) return this.packed.snapshots;
    const areaIndex = new Map(areaCodes.map((c, i) => [c, i]));
    const providerIndex = new Map(providers.map((p, i) => [p.id, i]));
    const snapshots = readSnapshotRows(this.session.db()).map((s) => packSnapshot(s.month, s.rows, areaIndex, providerIndex));
    this.packed = { key, snapshots };
    return snapshots;
  }

  trend(planName?: string, lot: LotFilter = 'all'): TrendResponse {
    const { plan } = this.coverage.metrics(planName, lot);
    const inputs = this.coverage.inputs(planName);
    const codes = inputs.areas.map((a) => a.code);
    const zoneIndex = new Map(inputs.zones.map((z, i) => [z.id, i]));
    const zoneOfArea = Int32Array.from(codes, (c) => zoneIndex.get(inputs.assignments.get(c) ?? '') ?? -1);
    const trend = computeTrends({ snapshots: this.packedSnapshots(codes, inputs.providers), zoneOfArea, zones: inputs.zones, providers: inputs.providers, lot, settings: inputs.settings });
    return { plan: plan.name, lot, months: trend.months, zones: trend.zones, total: trend.plan };
  }

  /** The re-opening dates: as stored, or the end of year one and of year five of the term. */
  reopenings(): string[] {
    const term = this.costs.term();
    return (readReopenings(this.session.db()) ?? [addYears(term.start, 1), addYears(term.start, 5)]).filter((d) => d > term.start && d <= term.end).sort();
  }

  setReopenings(dates: string[] | null): void {
    this.session.write((db) => recordEdit(db, null, 'Change the re-opening dates', ['framework_term'], () => writeReopenings(db, dates)));
  }

  /** Joins and exits from the providers' dates, hand-backs and changes of committed hours from the snapshots. */
  events(): TimelineEvent[] {
    const inputs = this.coverage.inputs();
    const events: TimelineEvent[] = [];
    for (const p of inputs.providers) {
      if (p.startDate && (p.status === 'new-bidder' || p.status === 'on-framework')) events.push({ date: p.startDate, kind: 'join', providerId: p.id, providerName: p.name, text: `${p.name} joins the framework` });
      if (p.endDate) events.push({ date: p.endDate, kind: 'exit', providerId: p.id, providerName: p.name, text: `${p.name} leaves the framework (last day)` });
    }
    // From the months already packed for the trends: no second read of every row.
    let previous = new Map<number, number>();
    for (const snap of this.packedSnapshots(inputs.areas.map((a) => a.code), inputs.providers)) {
      const committed = new Map<number, number>();
      const handbacks = new Map<number, number>();
      for (let r = 0; r < snap.area.length; r++) {
        const p = snap.provider[r]!;
        if (p < 0) continue;
        committed.set(p, (committed.get(p) ?? 0) + snap.values[r * VALUES_PER_ROW]!);
        const n = snap.values[r * VALUES_PER_ROW + 4]!;
        if (n > 0) handbacks.set(p, (handbacks.get(p) ?? 0) + n);
      }
      const date = `${snap.month}-01`;
      const named = (p: number) => ({ providerId: inputs.providers[p]!.id, providerName: inputs.providers[p]!.name });
      for (const [p, n] of handbacks) events.push({ date, kind: 'handback', ...named(p), text: `${named(p).providerName} hands back ${round1(n)} package${round1(n) === 1 ? '' : 's'}` });
      for (const [p, hours] of committed) {
        const before = previous.get(p);
        if (before !== undefined && before > 0 && Math.abs(hours - before) / before >= 0.1) {
          events.push({ date, kind: 'capacity', ...named(p), text: `${named(p).providerName} ${hours > before ? 'raises' : 'cuts'} its committed hours from ${Math.round(before)} to ${Math.round(hours)} a week` });
        }
      }
      previous = committed;
    }
    return events.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || (a.providerName ?? '').localeCompare(b.providerName ?? ''));
  }

  private eventsWithReopenings(): TimelineEvent[] {
    const reopenings = this.reopenings().map((d): TimelineEvent => ({ date: d, kind: 'reopening', providerId: null, providerName: null, text: 'The framework re-opens to new bidders' }));
    return [...this.events(), ...reopenings].sort((a, b) => a.date.localeCompare(b.date));
  }

  timeline(at?: string): Timeline {
    const term = this.costs.term();
    const date = at ?? this.coverage.settings().asAt;
    const reopenings = this.reopenings();
    const events = this.eventsWithReopenings();
    const inputs = this.coverage.inputs();
    // On the framework that day: secure, or exiting but not yet gone.
    const onFramework = inputs.providers.filter((p) => ['secure', 'at-risk'].includes(supplyClass(p, date))).map((p) => ({ providerId: p.id, name: p.name, status: p.status }));
    return { start: term.start, end: term.end, reopenings, at: date, events, onFramework };
  }

  /**
   * The move off an exiting provider: what it holds by zone and lot, what its
   * neighbours' spare hours can take (the withdrawal's re-homing), and what is
   * left for a contract extension or a spot purchase until the next re-opening.
   */
  transition(providerId: string, planName?: string): Transition {
    const inputs = this.coverage.inputs(planName);
    const provider = inputs.providers.find((p) => p.id === providerId);
    if (!provider) throw new ApiError('not-found', `There is no provider "${providerId}".`);
    const rows: Transition['rows'] = [];
    const totals: Transition['totals'] = [];
    const lots = [...new Set(inputs.supply.filter((r) => r.providerId === providerId && r.deliveredHours > 0).map((r) => r.service))] as ServiceType[];
    for (const lot of lots) {
      const result = this.coverage.withdrawal(providerId, 100, planName, lot);
      const unit = unitOf(lot);
      for (const z of result.zones) {
        if (z.hoursToRehome <= 1e-9) continue;
        const takers = new Map<string, { providerId: string; providerName: string; hours: number }>();
        for (const t of z.transfers) {
          const entry = takers.get(t.providerId) ?? { providerId: t.providerId, providerName: t.providerName, hours: 0 };
          entry.hours += t.hours;
          takers.set(t.providerId, entry);
        }
        rows.push({ zoneId: z.zoneId, zoneName: z.name, lot, unit, withProvider: z.hoursToRehome, people: z.peopleAffected, moved: z.rehomedHours, extensionOrSpot: z.unmetHours, takers: [...takers.values()].sort((a, b) => b.hours - a.hours) });
      }
      totals.push({ lot, unit, withProvider: result.hoursToRehome, people: result.peopleAffected, moved: result.rehomedHours, extensionOrSpot: result.unmetHours });
    }
    const by = provider.endDate;
    const nextReopening = this.reopenings().find((d) => d > (by ?? this.coverage.settings().asAt)) ?? null;
    const hours = totals.filter((t) => t.unit === 'hour');
    const sum = (f: (t: (typeof totals)[number]) => number) => hours.reduce((n, t) => n + f(t), 0);
    const summary =
      sum((t) => t.withProvider) <= 0
        ? `${provider.name} has no care in place to move.`
        : `${provider.name} holds ${Math.round(sum((t) => t.withProvider)).toLocaleString('en-GB')} hours of care a week${by ? ` to move by ${by}` : ''}: ${Math.round(sum((t) => t.moved)).toLocaleString('en-GB')} can move onto other providers' spare hours and ${Math.round(sum((t) => t.extensionOrSpot)).toLocaleString('en-GB')} need a contract extension or a spot purchase${nextReopening ? ` until the re-opening on ${nextReopening}` : ''}.`;
    return { providerId, providerName: provider.name, by, nextReopening, rows, totals, summary };
  }

  /** The committee's update between two months held (YYYY-MM): see shared/time/update-report.ts. */
  updateReport(from: string, to: string, planName?: string): UpdateReport {
    const trend = this.trend(planName, 'all');
    const f = trend.months.indexOf(from);
    const t = trend.months.indexOf(to);
    const held = trend.months.length ? `${trend.months[0]} to ${trend.months.at(-1)}` : 'none yet';
    if (f < 0 || t < 0) throw new ApiError('invalid-input', `The project holds no returns for ${f < 0 ? from : to} (months held: ${held}).`);
    if (f >= t) throw new ApiError('invalid-input', `The report runs from an earlier month to a later one, not ${from} to ${to}.`);
    const inputs = this.coverage.inputs(planName);
    const codes = inputs.areas.map((a) => a.code);
    const zoneIndex = new Map(inputs.zones.map((z, i) => [z.id, i]));
    const zoneOfArea = Int32Array.from(codes, (c) => zoneIndex.get(inputs.assignments.get(c) ?? '') ?? -1);
    const snapshots = this.packedSnapshots(codes, inputs.providers);
    const args = { zoneOfArea, providers: inputs.providers, lot: 'all' as const, settings: inputs.settings };
    const [before, after] = [coverByProvider(snapshots[f]!, args), coverByProvider(snapshots[t]!, args)];
    const drivers = new Map<string, ZoneDriver>();
    inputs.zones.forEach((zone, z) => {
      const ids = new Set([...(before.get(z)?.keys() ?? []), ...(after.get(z)?.keys() ?? [])]);
      let best: { p: number; change: number } | null = null;
      for (const p of ids) {
        const change = (after.get(z)?.get(p) ?? 0) - (before.get(z)?.get(p) ?? 0);
        if (!best || Math.abs(change) > Math.abs(best.change)) best = { p, change };
      }
      const handbacks = trend.zones[z]!.handbacks.slice(f + 1, t + 1).reduce((n, x) => n + x, 0);
      drivers.set(zone.id, { providerName: best ? inputs.providers[best.p]!.name : null, providerChange: best?.change ?? 0, handbacks });
    });
    const delivered = (providerIndex: number, m: number) => {
      const snap = snapshots[m]!;
      let total = 0;
      for (let r = 0; r < snap.area.length; r++) if (snap.provider[r] === providerIndex && SERVICE_TYPES[snap.service[r]!] !== 'live-in') total += snap.values[r * VALUES_PER_ROW + 1]!;
      return total;
    };
    const transitions = inputs.providers.flatMap((p, i) => (p.endDate && p.endDate >= `${from}-01` ? [{ ...this.transition(p.id, planName), deliveredFrom: delivered(i, f), deliveredTo: delivered(i, t) }] : []));
    const events = this.eventsWithReopenings();
    return buildUpdateReport({ trend, from, to, drivers, events, transitions, brief: this.reopeningBrief(planName) });
  }

  /** For the next re-opening (or `date`): zones and lots below the amber line then, given known exits and joins, and the hours to invite bids for. */
  reopeningBrief(planName?: string, date?: string): ReopeningBrief {
    const inputs = this.coverage.inputs(planName);
    const { plan } = this.coverage.metrics(planName);
    const when = date ?? this.reopenings().find((d) => d > inputs.asAt) ?? null;
    if (!when) return { date: null, plan: plan.name, zones: [], changes: [], totals: [] };
    const { zones, totals } = reopeningNeeds(inputs, when);
    const changes = this.events().filter((e) => (e.kind === 'join' || e.kind === 'exit') && e.date > inputs.asAt && e.date <= when);
    return { date: when, plan: plan.name, zones, changes, totals };
  }
}
