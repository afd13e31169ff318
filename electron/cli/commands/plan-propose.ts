import { WEIGHT_PRESETS, type Weights } from '../../../shared/optimise/objective';
import { ProposalRequestSchema, type ProposalReport, type ProposalTerms } from '../../../shared/optimise/schemas';
import type { CliIo } from '../command';
import { UsageError } from '../errors';
import { csvLine, parseFormat, round, withProject } from '../project-services';

export const PROPOSE_USAGE =
  'carecover plan propose --project FILE [--from NAME|current] [--zones K] [--lock ID,…] [--seed N] [--time-limit SECONDS] [--effort quick|normal|thorough] [--preset ' +
  Object.keys(WEIGHT_PRESETS).join('|') +
  '] [--weights shortfall=1,fragility=1,compactness=0.2,coherence=0.5,disruption=0.1] [--min-demand HOURS] [--max-demand HOURS] --name NEW [--format text|json]';

const WEIGHT_NAMES: readonly (keyof Weights)[] = ['shortfall', 'fragility', 'compactness', 'coherence', 'disruption'];

/** --weights shortfall=1,fragility=2: each weight named once, a number of at least 0. */
export function parseWeights(text: string): Partial<Weights> {
  const out: Partial<Weights> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, value, extra] = part.split('=').map((p) => p.trim());
    if (!WEIGHT_NAMES.includes(name as keyof Weights) || value === undefined || extra !== undefined) throw new UsageError(`--weights takes name=value pairs from ${WEIGHT_NAMES.join(', ')}; "${part}" is not one.`);
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0) throw new UsageError(`--weights: ${name} must be a number of at least 0, not "${value}".`);
    if (name! in out) throw new UsageError(`--weights names ${name} twice.`);
    out[name as keyof Weights] = number;
  }
  return out;
}

const number = (flag: string, value: string | undefined) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${flag} must be a number, not "${value}".`);
  return n;
};

export async function proposeCommand(io: CliIo, v: Record<string, string | undefined>): Promise<number> {
  if (!v.name) throw new UsageError(`plan propose needs --name NEW for the new scenario. Usage: ${PROPOSE_USAGE}`);
  const format = parseFormat(v.format, ['text', 'json'] as const, 'text');
  const parsed = ProposalRequestSchema.safeParse({
    from: v.from,
    name: v.name,
    zones: number('zones', v.zones),
    lock: v.lock?.split(',').map((id) => id.trim()).filter(Boolean),
    seed: number('seed', v.seed),
    timeLimitSeconds: number('time-limit', v['time-limit']),
    preset: v.preset,
    effort: v.effort,
    weights: v.weights === undefined ? undefined : parseWeights(v.weights),
    minDemandHours: number('min-demand', v['min-demand']),
    maxDemandHours: number('max-demand', v['max-demand']),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = { zones: 'zones', seed: 'seed', timeLimitSeconds: 'time-limit', preset: 'preset', effort: 'effort', minDemandHours: 'min-demand', maxDemandHours: 'max-demand', lock: 'lock', name: 'name', from: 'from' }[String(issue.path[0])] ?? String(issue.path[0]);
    throw new UsageError(`--${flag}: ${issue.message}.`);
  }
  return withProject(io, v.project, async (s) => {
    let shown = -1;
    const report = await s.proposals.run(parsed.data, {
      onProgress: (step, fraction, best) => {
        const tenth = Math.floor((fraction ?? 0) * 10);
        if (tenth > shown && format === 'text') {
          shown = tenth;
          io.err(`${step}: ${Math.round((fraction ?? 0) * 100)}% · best objective ${best?.toFixed(3) ?? '—'}`);
        }
      },
    });
    if (format === 'json') io.out(JSON.stringify(report, null, 2));
    else printReport(io, report);
    return 0;
  });
}

const TERMS: [keyof ProposalTerms, string][] = [
  ['shortfallHours', 'Hours short a week (home care and CHC, per lot)'],
  ['liveInWeeksShort', 'Live-in weeks short'],
  ['fragileZones', 'Fragile zones'],
  ['compactness', 'Borders cut between zones (compactness)'],
  ['mixedZones', 'Zones mixing rural and urban people'],
  ['areasMoved', 'Areas moved'],
  ['peopleMoved', 'People in areas moved'],
  ['objective', 'Objective (lower is better)'],
];

function printReport(io: CliIo, report: ProposalReport): void {
  io.out(`Proposed plan "${report.plan}" from "${report.from}": ${report.zones} zones, seed ${report.seed}, ${report.seconds.toFixed(1)} s${report.stoppedBy === 'time' ? ' (stopped at the time limit)' : ''}.`);
  io.out(report.summary);
  io.out(csvLine(['term', 'before', 'after']));
  for (const [key, label] of TERMS) io.out(csvLine([label, round(report.before[key], 3), round(report.after[key], 3)]));
  io.out(csvLine(['Coverage model: hours short', round(report.model.before.shortfallHours), round(report.model.after.shortfallHours)]));
  io.out(csvLine(['Coverage model: fragile zones', report.model.before.fragileZones, report.model.after.fragileZones]));
  if (!report.bounds.kept) io.out(`Warning: some zones are outside the demand bounds (${round(report.bounds.minDemandHours)}–${round(report.bounds.maxDemandHours)} hours a week).`);
  io.out('Zones:');
  for (const z of report.zoneChanges) io.out(`  ${z.zoneId} ${z.name}: ${z.status}, ${z.areasBefore} → ${z.areasAfter} areas`);
  io.out(`Areas that change zone: ${report.areasMoved.length}`);
  for (const m of report.areasMoved) io.out(`  ${m.areaCode}: ${m.fromZone ?? '—'} → ${m.toZone}`);
}
