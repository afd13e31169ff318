import { useEffect, useId, useState } from 'react';
import type { ModelSettings } from '../../../shared/api/contract';
import type { RateBand, Settings } from '../../../shared/domain/types';

interface Props {
  model: ModelSettings;
  onSave(change: { settings: Partial<Settings>; bands: RateBand[] }): Promise<unknown>;
}

type Fields = Record<string, string>;

const percentFields: [keyof Settings, string][] = [
  ['redBelow', 'Red below (% coverage)'],
  ['amberBelow', 'Amber below (% coverage)'],
  ['fragileN1Below', 'Fragile if cover without the largest provider is below (%)'],
  ['fragileMaxShare', 'Fragile if one provider holds more than (% of hours)'],
];

function toFields(model: ModelSettings): Fields {
  const fields: Fields = {};
  for (const [key] of percentFields) fields[key] = String(Math.round(model.settings[key] * 1000) / 10);
  fields.distanceLimitKm = String(model.settings.distanceLimitKm);
  fields.budgetPerYear = String(model.settings.budgetPerYear);
  fields.minZoneDemandHours = String(model.settings.minZoneDemandHours);
  for (const band of model.bands) {
    fields[`${band.id}.hourlyRate`] = band.hourlyRate.toFixed(2);
    fields[`${band.id}.floor`] = band.floor === null ? '' : band.floor.toFixed(2);
    fields[`${band.id}.ceiling`] = band.ceiling === null ? '' : band.ceiling.toFixed(2);
    fields[`${band.id}.minRuralShare`] = String(Math.round(band.minRuralShare * 1000) / 10);
  }
  return fields;
}

/** Thresholds, fragility rule, distance limit, rural cut-off, band rates and budget; saved to the project. */
export function SettingsPanel({ model, onSave }: Props) {
  const id = useId();
  const [fields, setFields] = useState<Fields>(() => toFields(model));
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => setFields(toFields(model)), [model]);

  const set = (key: string) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setSaved(false);
    setFields((f) => ({ ...f, [key]: e.target.value }));
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const found: string[] = [];
    const number = (key: string, label: string, { optional = false } = {}) => {
      const text = (fields[key] ?? '').replace(/[£,\s]/g, '');
      if (optional && text === '') return null;
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) found.push(`${label}: enter a number.`);
      return value;
    };
    const settings: Partial<Settings> = {};
    for (const [key, label] of percentFields) settings[key] = (number(key, label) ?? 0) / 100;
    settings.distanceLimitKm = number('distanceLimitKm', 'Distance limit') ?? 0;
    settings.budgetPerYear = number('budgetPerYear', 'Budget') ?? 0;
    settings.minZoneDemandHours = number('minZoneDemandHours', 'Minimum zone demand') ?? 0;
    const bands = model.bands.map((band) => ({
      ...band,
      hourlyRate: number(`${band.id}.hourlyRate`, `${band.name} rate`) ?? 0,
      floor: number(`${band.id}.floor`, `${band.name} floor`, { optional: true }),
      ceiling: number(`${band.id}.ceiling`, `${band.name} ceiling`, { optional: true }),
      minRuralShare: (number(`${band.id}.minRuralShare`, `${band.name} rural share`) ?? 0) / 100,
    }));
    if (found.length) return setProblems(found);
    try {
      await onSave({ settings, bands });
      setProblems([]);
      setSaved(true);
    } catch (error) {
      const details = (error as { details?: string[] }).details;
      setProblems(details?.length ? details : [(error as Error).message]);
    }
  }

  const input = (key: string, label: string, unit?: string) => (
    <div className="field" key={key}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <div className="field__input">
        {unit === '£' && <span className="unit">£</span>}
        <input id={`${id}-${key}`} inputMode="decimal" value={fields[key] ?? ''} onChange={set(key)} />
        {unit && unit !== '£' && <span className="unit">{unit}</span>}
      </div>
    </div>
  );

  return (
    <section className="settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Settings</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>Coverage and fragility</legend>
          {percentFields.map(([key, label]) => input(key, label, '%'))}
          {input('distanceLimitKm', 'Distance limit for contingency', 'km')}
          {input('minZoneDemandHours', 'Redraw checks: flag zones with demand below', 'h/wk')}
        </fieldset>
        <fieldset>
          <legend>Rates and budget</legend>
          {model.bands.map((band) => (
            <div className="band" key={band.id}>
              <h3>{band.name} band</h3>
              {input(`${band.id}.hourlyRate`, 'Hourly rate', '£')}
              {input(`${band.id}.floor`, 'Floor (optional)', '£')}
              {input(`${band.id}.ceiling`, 'Ceiling (optional)', '£')}
              {band.minRuralShare > 0 && input(`${band.id}.minRuralShare`, 'Rural cut-off: zones with at least this share of people in rural areas', '%')}
            </div>
          ))}
          {input('budgetPerYear', 'Budget envelope a year', '£')}
        </fieldset>
        {problems.length > 0 && (
          <ul className="form__problems" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Save settings
          </button>
          {saved && (
            <span role="status" className="saved">
              Saved. The map and table are up to date.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
