/** Number formats shared by the screen and every export (en-GB, so identical on any machine). */
const hoursFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const moneyFormat = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const rateFormat = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const hours = (x: number) => hoursFormat.format(x);
export const money = (x: number) => moneyFormat.format(x);
export const rate = (x: number) => rateFormat.format(x);
export const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
export const km = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} km` : '—');

/** £1.2m style, for totals. */
export function millions(x: number): string {
  const sign = x < 0 ? '−' : '';
  const abs = Math.abs(x);
  return abs >= 1e6 ? `${sign}£${(abs / 1e6).toFixed(2)}m` : `${sign}${moneyFormat.format(abs)}`;
}

export const FLAG_LABELS: Record<string, string> = {
  'no-provider': 'No provider',
  'low-coverage': 'Low coverage',
  fragile: 'Fragile',
};

/** Small-number care: counts below the threshold are published as "<threshold", so nobody can be identified. */
export function suppressed(value: number, threshold: number | null, format: (x: number) => string = hours): string {
  return threshold !== null && value > 0 && value < threshold ? `<${threshold}` : format(value);
}
