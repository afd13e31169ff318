import { SettingsFieldsSchema } from '../../../shared/domain/schemas';
import type { RateBand, Settings } from '../../../shared/domain/types';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseFormat, withProject } from '../project-services';

const SETTING_KEYS = Object.keys(SettingsFieldsSchema.shape) as (keyof Settings)[];

/** A number as typed: "90%" is 0.9; "£24.50" and "36,500,000" read as the numbers they say. */
function numberOf(flag: string, text: string): number {
  const trimmed = text.trim().replace(/^£/, '').replace(/,/g, '');
  const percent = trimmed.endsWith('%');
  const value = Number(percent ? trimmed.slice(0, -1) : trimmed);
  if (trimmed === '' || !Number.isFinite(value)) throw new UsageError(`${flag} must be a number, not "${text}".`);
  return percent ? value / 100 : value;
}

export const settingsCommand: Command = {
  name: 'settings',
  summary: "Print or change a project's settings (thresholds, fragility rule, spot rates, budget, as-at date).",
  usage: ['carecover settings get --project FILE [--format text|json]', 'carecover settings set --project FILE KEY=VALUE… (shares as 0.9 or 90%; asAt=YYYY-MM-DD)'].join('\n       '),
  options: { project: { type: 'string' }, format: { type: 'string' } },
  async run(args, io) {
    const [action, ...pairs] = args.positionals;
    if (action === 'get') {
      const format = parseFormat(args.values.format, ['text', 'json'] as const, 'text');
      return withProject(io, args.values.project, (s) => {
        const { settings, asAt, lots } = s.coverage.settings();
        if (format === 'json') io.out(JSON.stringify({ settings, asAt, lots }, null, 2));
        else {
          for (const key of SETTING_KEYS) io.out(`${key}=${settings[key]}`);
          io.out(`asAt=${asAt}`);
        }
        return 0;
      });
    }
    if (action === 'set') {
      if (!pairs.length) throw new UsageError(`settings set needs KEY=VALUE pairs; keys: ${[...SETTING_KEYS, 'asAt'].join(', ')}.`);
      const change: Partial<Settings> = {};
      let asAt: string | undefined;
      for (const pair of pairs) {
        const [key, value] = pair.split('=');
        if (!key || value === undefined) throw new UsageError(`"${pair}" is not KEY=VALUE.`);
        if (key === 'asAt') {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`asAt must be a date (YYYY-MM-DD), not "${value}".`);
          asAt = value;
        } else if ((SETTING_KEYS as string[]).includes(key)) change[key as keyof Settings] = numberOf(key, value);
        else throw new UsageError(`There is no setting "${key}". Settings: ${[...SETTING_KEYS, 'asAt'].join(', ')}.`);
      }
      return withProject(io, args.values.project, (s) => {
        s.coverage.updateSettings({ settings: change, ...(asAt ? { asAt } : {}) });
        io.out(`Saved ${pairs.length} setting${pairs.length === 1 ? '' : 's'} (one undoable edit).`);
        return 0;
      });
    }
    throw new UsageError(`settings takes get or set. Usage: ${settingsCommand.usage}`);
  },
};

const BAND_FLAGS: Record<string, keyof RateBand> = {
  'hourly-rate': 'hourlyRate',
  floor: 'floor',
  ceiling: 'ceiling',
  'chc-rate': 'chcHourlyRate',
  'live-in-rate': 'liveInWeeklyRate',
  'min-rural-share': 'minRuralShare',
};
const OPTIONAL_BAND_FIELDS: (keyof RateBand)[] = ['floor', 'ceiling', 'chcHourlyRate'];

export const bandsCommand: Command = {
  name: 'bands',
  summary: "List or change a project's rate bands (hourly, CHC and live-in rates, floor and ceiling, rural cut-off).",
  usage: [
    'carecover bands list --project FILE [--format text|json]',
    'carecover bands set --project FILE --band ID [--hourly-rate £] [--floor £|none] [--ceiling £|none] [--chc-rate £|none] [--live-in-rate £] [--min-rural-share 50%]',
  ].join('\n       '),
  options: { project: { type: 'string' }, format: { type: 'string' }, band: { type: 'string' }, ...Object.fromEntries(Object.keys(BAND_FLAGS).map((f) => [f, { type: 'string' as const }])) },
  async run(args, io) {
    const [action] = args.positionals;
    const v = args.values as Record<string, string | undefined>;
    if (action === 'list') {
      const format = parseFormat(v.format, ['text', 'json'] as const, 'text');
      return withProject(io, v.project, (s) => {
        const { bands } = s.coverage.settings();
        if (format === 'json') io.out(JSON.stringify(bands, null, 2));
        else for (const b of bands) io.out(`${b.id} (${b.name}): £${b.hourlyRate.toFixed(2)} an hour, floor ${b.floor === null ? 'none' : `£${b.floor.toFixed(2)}`}, ceiling ${b.ceiling === null ? 'none' : `£${b.ceiling.toFixed(2)}`}, CHC ${b.chcHourlyRate === null ? 'the hourly rate' : `£${b.chcHourlyRate.toFixed(2)}`}, live-in £${b.liveInWeeklyRate.toFixed(2)} a week, from ${Math.round(b.minRuralShare * 100)}% rural`);
        return 0;
      });
    }
    if (action === 'set') {
      if (!v.band) throw new UsageError('bands set needs --band ID (see bands list).');
      const given = Object.keys(BAND_FLAGS).filter((f) => v[f] !== undefined);
      if (!given.length) throw new UsageError(`bands set needs at least one of ${Object.keys(BAND_FLAGS).map((f) => `--${f}`).join(', ')}.`);
      return withProject(io, v.project, (s) => {
        const { bands } = s.coverage.settings();
        const band = bands.find((b) => b.id === v.band);
        if (!band) throw new UsageError(`There is no band "${v.band}". Bands: ${bands.map((b) => b.id).join(', ')}.`);
        const changed: RateBand = { ...band };
        for (const flag of given) {
          const field = BAND_FLAGS[flag]!;
          const text = v[flag]!;
          if (text === 'none') {
            if (!OPTIONAL_BAND_FIELDS.includes(field)) throw new UsageError(`--${flag} cannot be none.`);
            (changed as Record<string, unknown>)[field] = null;
          } else (changed as Record<string, unknown>)[field] = numberOf(`--${flag}`, text);
        }
        s.coverage.updateSettings({ bands: bands.map((b) => (b.id === band.id ? changed : b)) });
        io.out(`Saved the ${band.name} band (one undoable edit).`);
        return 0;
      });
    }
    throw new UsageError(`bands takes list or set. Usage: ${bandsCommand.usage}`);
  },
};
