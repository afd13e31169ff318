import { describe, expect, it } from 'vitest';
import { carecover, initProjectForBlock } from '../../helpers/cli';

describe('carecover settings, bands and a zone\'s band', () => {
  const { file } = initProjectForBlock('settings');

  it('prints the settings, and sets them as typed (percentages, pounds with commas, a date)', () => {
    expect(carecover(['settings', 'get', '--project', file]).stdout).toContain('redBelow=0.9\n');
    const set = carecover(['settings', 'set', '--project', file, 'redBelow=85%', 'budgetPerYear=£30,000,000', 'asAt=2026-11-01']);
    expect(set.code, set.stderr).toBe(0);
    const json = JSON.parse(carecover(['settings', 'get', '--project', file, '--format', 'json']).stdout) as { settings: { redBelow: number; budgetPerYear: number }; asAt: string };
    expect(json.settings.redBelow).toBeCloseTo(0.85, 9);
    expect(json.settings.budgetPerYear).toBe(30_000_000);
    expect(json.asAt).toBe('2026-11-01');
  });

  it('refuses what the model would refuse, saying why, and changes nothing', () => {
    expect(carecover(['settings', 'set', '--project', file, 'redBelow=120%'])).toMatchObject({ code: 2, stderr: expect.stringContaining('the red line must not be above the amber line') });
    expect(carecover(['settings', 'set', '--project', file, 'speed=1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no setting "speed"') });
    expect(carecover(['settings', 'set', '--project', file, 'redBelow=lots'])).toMatchObject({ code: 2, stderr: expect.stringContaining('redBelow must be a number, not "lots"') });
    expect(carecover(['settings', 'get', '--project', file]).stdout).toContain('redBelow=0.85\n');
  });

  it('puts a zone in a band whatever its rural share, and back (plan band)', () => {
    const zoneBand = () => (JSON.parse(carecover(['report', '--project', file, '--format', 'json']).stdout) as { zones: { zone_id: string; band: string }[] }).zones.find((z) => z.zone_id === 'Z01')!.band;
    const before = zoneBand();
    const other = before === 'Urban' ? 'rural' : 'urban';
    const set = carecover(['plan', 'band', '--project', file, '--zone', 'Z01', '--band', other]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/^Loughborough is priced in the (Urban|Rural) band whatever its rural share/);
    expect(zoneBand()).not.toBe(before);
    expect(carecover(['plan', 'band', '--project', file, '--zone', 'Z01', '--band', 'auto']).stdout).toContain('from its rural share');
    expect(zoneBand()).toBe(before);
    expect(carecover(['plan', 'band', '--project', file, '--zone', 'Z01', '--band', 'coastal'])).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no rate band "coastal"') });
  });

  it('lists the bands and changes one, refusing a floor above the rate', () => {
    expect(carecover(['bands', 'list', '--project', file]).stdout).toMatch(/^urban \(Urban\): £\d+\.\d\d an hour/);
    expect(carecover(['bands', 'set', '--project', file, '--band', 'urban', '--floor', '40'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Urban band, floor: the floor must not be above the hourly rate') });
    expect(carecover(['bands', 'set', '--project', file, '--band', 'rural', '--hourly-rate', '£27.50', '--ceiling', 'none']).code).toBe(0);
    const bands = JSON.parse(carecover(['bands', 'list', '--project', file, '--format', 'json']).stdout) as { id: string; hourlyRate: number; ceiling: number | null }[];
    expect(bands.find((b) => b.id === 'rural')).toMatchObject({ hourlyRate: 27.5, ceiling: null });
    expect(carecover(['bands', 'set', '--project', file, '--band', 'suburban', '--floor', '1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no band "suburban"') });
  });
});
