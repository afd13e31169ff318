import type { ModelSettings } from '../../../shared/api/contract';

/**
 * The services name a problem by its field's path ("redBelow: …",
 * "bands.1.floor: …"): each goes beside its field, under the field's label;
 * one with no field of this form is listed on its own (its key starts "(").
 */
export function placeProblems(details: readonly string[], model: Pick<ModelSettings, 'bands' | 'lots'>, labels: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  details.forEach((detail, i) => {
    const m = /^(?:settings\.)?([\w.]+): (.*)$/.exec(detail);
    let key = m?.[1] ?? '';
    let prefix = '';
    const band = /^bands\.(\d+)\.(\w+)$/.exec(key);
    if (band) {
      const b = model.bands[Number(band[1])];
      key = `${b?.id}.${band[2]}`;
      prefix = b ? `${b.name} band, ` : '';
    }
    const lot = /^lots\.(\d+)\.(\w+)$/.exec(key);
    if (lot) key = `lot.${model.lots[Number(lot[1])]?.service}.${lot[2]}`;
    const label = labels.get(key);
    if (m && label) out.set(key, `${prefix}${prefix ? label.charAt(0).toLowerCase() + label.slice(1) : label}: ${m[2]}`);
    else out.set(`(${i})`, detail);
  });
  return out;
}
