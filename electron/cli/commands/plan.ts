import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { decodeText } from '../../import/decode-text';
import { csvLine, parseFormat, withProject } from '../project-services';
import { proposeCommand, PROPOSE_USAGE } from './plan-propose';

const USAGE = [
  'carecover plan list --project FILE',
  'carecover plan copy --project FILE --from NAME|current --name NEW',
  'carecover plan export --project FILE [--plan NAME] --out PLAN.csv',
  'carecover plan assign --project FILE [--plan NAME] PLAN.csv',
  'carecover plan compare --project FILE PLAN_A PLAN_B [--format text|json]',
  'carecover plan band --project FILE [--plan NAME] --zone ID --band ID|auto   # price a zone in a band whatever its rural share, or from the share again',
  PROPOSE_USAGE,
].join('\n       ');

export const planCommand: Command = {
  name: 'plan',
  summary: 'List, copy, export, apply, compare and propose zone plans (scenarios).',
  usage: USAGE,
  options: { project: { type: 'string' }, plan: { type: 'string' }, from: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' },
    zone: { type: 'string' }, band: { type: 'string' },
    zones: { type: 'string' }, lock: { type: 'string' }, seed: { type: 'string' }, 'time-limit': { type: 'string' }, preset: { type: 'string' }, effort: { type: 'string' }, weights: { type: 'string' }, 'min-demand': { type: 'string' }, 'max-demand': { type: 'string' } },
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    const v = args.values as Record<string, string | undefined>;
    switch (action) {
      case 'list':
        return withProject(io, v.project, (s) => {
          for (const plan of s.coverage.plans()) io.out(`${plan.isCurrent ? '*' : ' '} ${plan.name}`);
          return 0;
        });
      case 'copy':
        if (!v.from || !v.name) throw new UsageError('plan copy needs --from NAME|current and --name NEW.');
        return withProject(io, v.project, (s) => {
          io.out(`Copied to plan "${s.editor.copyPlan(v.from!, v.name!).name}".`);
          return 0;
        });
      case 'export':
        if (!v.out) throw new UsageError('plan export needs --out PLAN.csv.');
        return withProject(io, v.project, (s) => {
          fs.writeFileSync(path.resolve(v.out!), s.editor.exportCsv(v.plan));
          io.out(`Wrote ${path.resolve(v.out!)}.`);
          return 0;
        });
      case 'assign': {
        const [file] = rest;
        if (!file) throw new UsageError('plan assign needs the PLAN.csv to apply.');
        let csv: string;
        try {
          csv = decodeText(fs.readFileSync(file)).text;
        } catch (error) {
          throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
        }
        return withProject(io, v.project, (s) => {
          const { moved } = s.editor.assignCsv(v.plan, csv, path.basename(file));
          io.out(`Applied ${path.basename(file)}: ${moved} area${moved === 1 ? '' : 's'} changed zone (one undoable edit).`);
          return 0;
        });
      }
      case 'compare': {
        const [a, b] = rest;
        if (!a || !b) throw new UsageError('plan compare needs two plans: PLAN_A PLAN_B (a name, or current).');
        const format = parseFormat(v.format, ['text', 'json'] as const, 'text');
        return withProject(io, v.project, (s) => {
          const comparison = s.editor.compare(a, b);
          if (format === 'json') {
            io.out(JSON.stringify(comparison, null, 2));
            return 0;
          }
          io.out(csvLine(['measure', comparison.a, comparison.b, 'difference']));
          for (const row of comparison.rows) io.out(csvLine([row.measure, round(row.a), round(row.b), round(row.difference)]));
          io.out(csvLine(['Areas that changed zone', '', '', comparison.areasMoved.length]));
          for (const moved of comparison.areasMoved) io.out(`  ${moved.areaCode} ${moved.areaName}: ${moved.fromZoneName ?? '—'} → ${moved.toZoneName ?? '—'}`);
          return 0;
        });
      }
      case 'propose':
        return proposeCommand(io, v);
      case 'band':
        if (!v.zone || !v.band) throw new UsageError('plan band needs --zone ID and --band ID (or --band auto to go back to the rural share).');
        return withProject(io, v.project, (s) => {
          s.editor.updateZone(v.plan, v.zone!, { bandOverride: v.band === 'auto' ? null : v.band! });
          const zone = s.coverage.metrics(v.plan).metrics.zones.find((z) => z.zoneId === v.zone)!;
          io.out(`${zone.name} is priced in the ${zone.bandName} band${zone.bandOverridden ? ' whatever its rural share' : ', from its rural share'} (one undoable edit).`);
          return 0;
        });
      default:
        throw new UsageError(`plan takes one of: list, copy, export, assign, compare, band, propose. Usage: ${USAGE}`);
    }
  },
};

const round = (x: number) => Math.round(x * 100) / 100;
