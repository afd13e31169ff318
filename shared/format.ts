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


/** A quantity of care in its lot's unit: hours, or weeks of live-in care (one decimal, as they are few). */
export function quantity(x: number, unit: 'hour' | 'week'): string {
  return unit === 'week' ? `${(Math.round(x * 10) / 10).toLocaleString('en-GB')} wk` : `${hours(x)} h`;
}

export const LOT_LABELS: Record<'all' | 'home-care' | 'chc' | 'live-in', string> = {
  all: 'All lots',
  'home-care': 'Home care',
  chc: 'CHC',
  'live-in': 'Live-in',
};

export const SUPPLY_LABELS: Record<'secure' | 'at-risk' | 'spot' | 'inactive', string> = {
  secure: 'on framework',
  'at-risk': 'exiting (at risk)',
  spot: 'spot (off framework)',
  inactive: 'not active',
};

/** A quantity of care in words: "1,234 hours a week" or "12.5 weeks of care a week". */
export function quantityText(x: number, unit: 'hour' | 'week'): string {
  return unit === 'week' ? `${(Math.round(x * 10) / 10).toLocaleString('en-GB')} weeks of care a week` : `${hours(x)} hours a week`;
}
