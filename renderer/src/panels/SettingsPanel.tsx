import { useEffect, useId, useState } from 'react';
import type { ModelSettings } from '../../../shared/api/contract';
import { FUNDERS, type Funder, type Lot, type RateBand, type Settings } from '../../../shared/domain/types';
import { placeProblems } from './settings-problems';

interface Props {
  model: ModelSettings;
  onSave(change: { settings: Partial<Settings>; bands: RateBand[]; lots: Lot[]; asAt: string }): Promise<unknown>;
}

const FUNDER_LABELS: Record<Funder, string> = { council: 'Council', nhs: 'NHS (ICB)', joint: 'Joint (council and NHS)' };

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
  fields.budgetPerYear = Math.round(model.settings.budgetPerYear).toLocaleString('en-GB');
  fields.minZoneDemandHours = String(model.settings.minZoneDemandHours);
  fields.spotHourlyRate = model.settings.spotHourlyRate.toFixed(2);
  fields.spotWeeklyRate = model.settings.spotWeeklyRate.toFixed(2);
  fields.countAtRisk = String(model.settings.countAtRisk);
  fields.countSpot = String(model.settings.countSpot);
  fields.disclosureThreshold = String(model.settings.disclosureThreshold);
  fields.suppressOnScreen = String(model.settings.suppressOnScreen);
  fields.asAt = model.asAt;
  for (const lot of model.lots) {
    fields[`lot.${lot.service}.funder`] = lot.funder;
    fields[`lot.${lot.service}.councilShare`] = String(Math.round(lot.councilShare * 1000) / 10);
  }
  for (const band of model.bands) {
    fields[`${band.id}.chcHourlyRate`] = band.chcHourlyRate === null ? '' : band.chcHourlyRate.toFixed(2);
    fields[`${band.id}.liveInWeeklyRate`] = band.liveInWeeklyRate.toFixed(2);
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
  /** Problems by field (shown beside it), and any that belong to no field. */
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [saved, setSaved] = useState(false);
  // New settings (saved here, or put back by Undo): the form shows them, and problems with what it held are gone.
  useEffect(() => {
    setFields(toFields(model));
    setProblems(new Map());
  }, [model]);

  const set = (key: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setSaved(false);
    const value = e.target instanceof HTMLInputElement && e.target.type === 'checkbox' ? (e.target.checked ? '1' : '0') : e.target.value;
    setFields((f) => ({ ...f, [key]: value }));
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const found = new Map<string, string>();
    const number = (key: string, label: string, { optional = false } = {}) => {
      const text = (fields[key] ?? '').replace(/[£,\s]/g, '');
      if (optional && text === '') return null;
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) found.set(key, `${label}: enter a number.`);
      return value;
    };
    const settings: Partial<Settings> = {};
    for (const [key, label] of percentFields) settings[key] = (number(key, label) ?? 0) / 100;
    settings.distanceLimitKm = number('distanceLimitKm', 'Distance limit') ?? 0;
    settings.budgetPerYear = number('budgetPerYear', 'Budget') ?? 0;
    settings.minZoneDemandHours = number('minZoneDemandHours', 'Minimum zone demand') ?? 0;
    settings.spotHourlyRate = number('spotHourlyRate', 'Spot hourly rate') ?? 0;
    settings.spotWeeklyRate = number('spotWeeklyRate', 'Spot weekly rate for live-in care') ?? 0;
    settings.countAtRisk = fields.countAtRisk === '1' ? 1 : 0;
    settings.countSpot = fields.countSpot === '1' ? 1 : 0;
    settings.disclosureThreshold = number('disclosureThreshold', 'Small-number threshold') ?? 0;
    settings.suppressOnScreen = fields.suppressOnScreen === '1' ? 1 : 0;
    const asAt = fields.asAt ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asAt)) found.set('asAt', 'As at: enter a date.');
    const lots = model.lots.map((lot) => ({
      ...lot,
      funder: (fields[`lot.${lot.service}.funder`] ?? lot.funder) as Funder,
      councilShare: (number(`lot.${lot.service}.councilShare`, `${lot.name}: council's share`) ?? 0) / 100,
    }));
    const bands = model.bands.map((band) => ({
      ...band,
      chcHourlyRate: number(`${band.id}.chcHourlyRate`, `${band.name} CHC rate`, { optional: true }),
      liveInWeeklyRate: number(`${band.id}.liveInWeeklyRate`, `${band.name} live-in weekly rate`) ?? 0,
      hourlyRate: number(`${band.id}.hourlyRate`, `${band.name} rate`) ?? 0,
      floor: number(`${band.id}.floor`, `${band.name} floor`, { optional: true }),
      ceiling: number(`${band.id}.ceiling`, `${band.name} ceiling`, { optional: true }),
      minRuralShare: (number(`${band.id}.minRuralShare`, `${band.name} rural share`) ?? 0) / 100,
    }));
    if (found.size) return setProblems(found);
    try {
      await onSave({ settings, bands, lots, asAt });
      setProblems(new Map());
      setSaved(true);
    } catch (error) {
      const details = (error as { details?: string[] }).details;
      setProblems(placeProblems(details?.length ? details : [(error as Error).message], model, labels));
    }
  }

  const labels = new Map<string, string>();
  const label = (key: string, text: string) => (labels.set(key, text), text);

  const input = (key: string, text: string, unit?: string) => {
    const problem = problems.get(key);
    return (
      <div className="field" key={key}>
        <label htmlFor={`${id}-${key}`}>{label(key, text)}</label>
        <div className="field__input">
          {unit === '£' && <span className="unit">£</span>}
          <input id={`${id}-${key}`} inputMode="decimal" value={fields[key] ?? ''} onChange={set(key)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-${key}-problem` : undefined} />
          {unit && unit !== '£' && <span className="unit">{unit}</span>}
        </div>
        {problem && (
          <p className="field__problem" id={`${id}-${key}-problem`}>
            {problem}
          </p>
        )}
      </div>
    );
  };
  const loose = [...problems].filter(([key]) => key.startsWith('(')).map(([, p]) => p);

  const check = (key: string, label: string) => (
    <label className="check" key={key}>
      <input type="checkbox" checked={fields[key] === '1'} onChange={set(key)} /> {label}
    </label>
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
          <legend>Framework</legend>
          <div className="field">
            <label htmlFor={`${id}-asAt`}>As at (who is on the framework)</label>
            <div className="field__input">
              <input id={`${id}-asAt`} type="date" value={fields.asAt ?? ''} onChange={set('asAt')} />
            </div>
          </div>
          {check('countAtRisk', 'Count exiting providers\' hours as cover')}
          {check('countSpot', 'Count off-framework (spot) hours as cover')}
          {input('spotHourlyRate', 'Spot rate for care bought off the framework', '£')}
          {input('spotWeeklyRate', 'Spot rate for a week of live-in care', '£')}
        </fieldset>
        <fieldset>
          <legend>Lots and funders</legend>
          {model.lots.map((lot) => (
            <div className="band" key={lot.service}>
              <h3>{lot.name}</h3>
              <div className="field">
                <label htmlFor={`${id}-lot-${lot.service}`}>Funded by</label>
                <div className="field__input">
                  <select id={`${id}-lot-${lot.service}`} value={fields[`lot.${lot.service}.funder`] ?? lot.funder} onChange={set(`lot.${lot.service}.funder`)}>
                    {FUNDERS.map((f) => (
                      <option key={f} value={f}>
                        {FUNDER_LABELS[f]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              {fields[`lot.${lot.service}.funder`] === 'joint' && input(`lot.${lot.service}.councilShare`, "Council's share of the cost", '%')}
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>Small numbers</legend>
          {input('disclosureThreshold', 'Suppress counts of people below', 'people')}
          {check('suppressOnScreen', 'Suppress them on screen too (for a screen shown in public)')}
        </fieldset>
        <fieldset>
          <legend>Rates and budget</legend>
          {model.bands.map((band) => (
            <div className="band" key={band.id}>
              <h3>{band.name} band</h3>
              {input(`${band.id}.hourlyRate`, 'Hourly rate', '£')}
              {input(`${band.id}.floor`, 'Floor (optional)', '£')}
              {input(`${band.id}.ceiling`, 'Ceiling (optional)', '£')}
              {input(`${band.id}.chcHourlyRate`, 'CHC hourly rate (optional; else the hourly rate)', '£')}
              {input(`${band.id}.liveInWeeklyRate`, 'Live-in weekly rate', '£')}
              {band.minRuralShare > 0 && input(`${band.id}.minRuralShare`, 'Rural cut-off: zones with at least this share of people in rural areas', '%')}
            </div>
          ))}
          {input('budgetPerYear', 'Budget envelope a year', '£')}
        </fieldset>
        {problems.size > 0 && (
          <div className="form__problems" role="alert">
            <p>
              Not saved: {problems.size === 1 ? 'one setting needs' : `${problems.size} settings need`} changing{problems.size > loose.length ? ' (marked beside the field)' : ''}.
            </p>
            {loose.length > 0 && (
              <ul>
                {loose.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
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

