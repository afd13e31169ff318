import { describe, expect, it } from 'vitest';
import { parseWeights } from '../../../electron/cli/commands/plan-propose';

import { carecover, initProjectForBlock } from '../../helpers/cli';

describe('carecover plan propose', () => {
  const { file } = initProjectForBlock('propose');

  it('writes a new plan and prints before and after in JSON, every term named', () => {
    const run = carecover(['plan', 'propose', '--project', file, '--from', 'current', '--seed', '4', '--weights', 'shortfall=1,fragility=1,compactness=0.2,coherence=0.5,disruption=0.1', '--name', 'Proposal', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, Record<string, number>> & { plan: string; areasMoved: unknown[] };
    for (const side of ['before', 'after']) for (const key of ['shortfallHours', 'fragileZones', 'compactness', 'mixedZones', 'areasMoved', 'objective']) expect(typeof report[side]![key], `${side}.${key}`).toBe('number');
    expect(report.plan).toBe('Proposal');
    expect(report.after!.shortfallHours).toBeLessThan(report.before!.shortfallHours!);
    expect(report.after!.areasMoved).toBe(report.areasMoved.length);
    expect(carecover(['plan', 'list', '--project', file]).stdout).toContain('  Proposal');
  });

  it('prints a table with progress on stderr, and takes locks and a zone count', () => {
    const run = carecover(['plan', 'propose', '--project', file, '--zones', '13', '--lock', 'Z01,Z02', '--preset', 'least-disruption', '--time-limit', '20', '--name', 'Fewer zones']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Proposed plan "Fewer zones" from "Sample framework zones": 13 zones, seed 1/);
    expect(run.stdout).toContain('term,before,after');
    expect(run.stdout).toMatch(/Z01 Loughborough: locked, 48 → 48 areas/);
    expect(run.stdout).toMatch(/: merged, \d+ → 0 areas/);
    expect(run.stderr).toMatch(/Search 1 of 4: 0% · best objective/);
  });

  it('refuses bad options with exit code 2 and a message naming the option', () => {
    expect(carecover(['plan', 'propose', '--project', file])).toMatchObject({ code: 2, stderr: expect.stringContaining('--name NEW') });
    expect(carecover(['plan', 'propose', '--project', file, '--name', 'X', '--zones', 'many'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--zones must be a number, not "many"') });
    expect(carecover(['plan', 'propose', '--project', file, '--name', 'X', '--preset', 'fast'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--preset') });
    expect(carecover(['plan', 'propose', '--project', file, '--name', 'X', '--lock', 'Z77']).stderr).toContain('There is no zone "Z77" to lock in this plan.');
    expect(carecover(['plan', 'propose', '--project', file, '--name', 'Proposal']).stderr).toContain('There is already a plan called "Proposal".');
  });

  it('reads --weights strictly', () => {
    expect(parseWeights('shortfall=2, disruption=0')).toEqual({ shortfall: 2, disruption: 0 });
    expect(() => parseWeights('speed=1')).toThrow('"speed=1" is not one');
    expect(() => parseWeights('shortfall=-1')).toThrow('at least 0');
    expect(() => parseWeights('shortfall=1,shortfall=2')).toThrow('twice');
  });
});
