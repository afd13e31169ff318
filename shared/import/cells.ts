import type { ServiceType, ProviderStatus } from '../domain/types';

/**
 * Reading spreadsheet cells as people type them: "1,200", "£24.60", " 12 ",
 * "(5)" for minus five, "24,60" from a continental Excel, "40%". With
 * `decimalComma` (files separated by semicolons) the comma is the decimal mark.
 * Returns null for an empty cell and NaN for text that is not a number.
 */
export function parseNumber(cell: string, decimalComma = false): number | null {
  let text = cell.trim().replace(/[\u00a0\u202f ]/g, '');
  if (text === '' || text === '-') return null;
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1);
  }
  text = text.replace(/^(GBP|EUR|USD)/i, '').replace(/^(-?)[£$€]/, '$1');
  if (decimalComma) {
    // "1.200,50" and "52,7712" as written where the comma is the decimal mark (files separated by semicolons).
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, '');
    text = text.replace(/^(-?\d+),(\d+)$/, '$1.$2');
  } else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^-?\d+,\d{1,2}$/.test(text)) text = text.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number.NaN;
  return sign * Number(text);
}

/** A share written as "40%", "40" (read as a percentage) or "0.4". */
export function parseShare(cell: string, decimalComma = false): number | null {
  const percent = cell.trim().endsWith('%');
  const value = parseNumber(cell.replace('%', ''), decimalComma);
  if (value === null || Number.isNaN(value)) return value;
  return percent || value > 1 ? value / 100 : value;
}

const SERVICE_WORDS: [RegExp, ServiceType][] = [
  [/^(home-?care|homecare|home care|domiciliary( care)?|dom ?care|hc)$/i, 'home-care'],
  [/^(chc|continuing (health|healthcare)( care)?|nhs chc)$/i, 'chc'],
  [/^(live-?in( care)?|24[- ]?hours?( care)?|live in( care)?)$/i, 'live-in'],
];

export function parseService(cell: string): ServiceType | null {
  const text = cell.trim();
  return SERVICE_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** Services listed in one cell, separated by ; | / or commas. */
export function parseServices(cell: string): ServiceType[] | null {
  const parts = cell.split(/[;|/,]/).map((s) => s.trim()).filter(Boolean);
  const services = parts.map(parseService);
  return services.every((s): s is ServiceType => s !== null) ? [...new Set(services)] : null;
}

const STATUS_WORDS: [RegExp, ProviderStatus][] = [
  [/^(on[- ]?framework|framework|yes|active|contracted)$/i, 'on-framework'],
  [/^(exiting([- ]?framework)?|leaving|notice|exit)$/i, 'exiting-framework'],
  [/^(non[- ]?framework|off[- ]?framework|spot|no)$/i, 'non-framework'],
  [/^(new[- ]?bidder|new|bidder|applicant)$/i, 'new-bidder'],
];

export function parseStatus(cell: string): ProviderStatus | null {
  const text = cell.trim();
  return STATUS_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/**
 * A date as people type it: 2026-04-01, 01/04/2026 (day first, as in the UK)
 * or 1.4.2026. Returns YYYY-MM-DD, null for an empty cell, or undefined for
 * text that is not a real date.
 */
export function parseDate(cell: string): string | null | undefined {
  const text = cell.trim();
  if (text === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(T.*)?$/.exec(text);
  const uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return date.toISOString().slice(0, 10);
}
