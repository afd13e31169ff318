import path from 'node:path';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { decodeText } from './decode-text';
import { ImportFileError } from './errors';

/** A table as strings, whatever it was saved as. */
export interface TableSource {
  format: 'csv' | 'xlsx';
  /** How the text was encoded and separated, to show in the preview ("windows-1252, semicolons"). */
  detail: string;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  rows: string[][];
  /** Files separated by semicolons come from places where the comma is the decimal mark. */
  decimalComma: boolean;
}

const SEPARATOR_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'bars' };

export async function readTableFile(fileName: string, bytes: Uint8Array, sheet?: string): Promise<TableSource> {
  if (bytes.length === 0) throw new ImportFileError('the file is empty (0 bytes)');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(fileName)) return readXlsx(bytes, sheet);
  if (/\.xls$/i.test(fileName) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) throw new ImportFileError('this is an old-style Excel .xls file; in Excel choose File → Save As → "Excel Workbook (.xlsx)" or "CSV", then import that');
  return readCsv(bytes, path.extname(fileName).toLowerCase() === '.tsv');
}

/**
 * CSV text as a header and rows of cells, the separator guessed (or taken
 * from Excel's "sep=;" first line). Blank lines stay as rows, so row numbers
 * are the file's own; the callers skip them.
 */
export function parseCsvText(text: string, tabs = false): { header: string[]; rows: string[][]; separator: string } {
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  const body = sepLine ? text.slice(sepLine[0].length) : text;
  // Blank lines would upset Papa's guess of the separator, so guess it on the first lines without them.
  const delimiter = sepLine?.[1] ?? (tabs ? '\t' : Papa.parse<string[]>(body, { preview: 50, delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: 'greedy' }).meta.delimiter);
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const serious = parsed.errors.find((e) => e.type === 'Quotes');
  if (serious) throw new ImportFileError(`row ${(serious.row ?? 0) + 1}: ${serious.message.toLowerCase()} (a quoted value is never closed)`);
  const [header, ...rows] = parsed.data;
  if (!header || header.every((h) => h.trim() === '')) throw new ImportFileError('the file has no header row');
  return { header, rows, separator: parsed.meta.delimiter };
}

function readCsv(bytes: Uint8Array, tabs: boolean): TableSource {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new ImportFileError('the file is empty');
  const { header, rows, separator } = parseCsvText(text, tabs);
  return { format: 'csv', detail: `${encoding}, separated by ${SEPARATOR_NAMES[separator] ?? `"${separator}"`}`, sheets: [], sheet: null, headers: uniqueHeaders(header), rows, decimalComma: separator === ';' };
}

/** The sheet asked for, else the one with the most rows (a notes sheet often comes first). */
async function readXlsx(bytes: Uint8Array, wanted?: string): Promise<TableSource> {
  // Loaded only for a spreadsheet: ExcelJS adds about 20 MB and 0.2 s to every import thread's start, and most imports are CSV or boundaries.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFileError(`the workbook cannot be opened: ${(error as Error).message}`);
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const worksheet = wanted ? workbook.getWorksheet(wanted) : [...workbook.worksheets].sort((a, b) => b.actualRowCount - a.actualRowCount)[0];
  if (!worksheet) throw new ImportFileError(wanted ? `the workbook has no sheet "${wanted}"; it has ${sheets.join(', ')}` : 'the workbook has no sheets');
  const grid: string[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  const rows = Array.from(grid, (r) => r ?? []);
  const [headerRow, ...data] = rows;
  if (!headerRow || headerRow.every((h) => h.trim() === '')) throw new ImportFileError(`the sheet "${worksheet.name}" has no header row`);
  return { format: 'xlsx', detail: `sheet "${worksheet.name}"`, sheets, sheet: worksheet.name, headers: uniqueHeaders(headerRow), rows: data, decimalComma: false };
}

/** A cell's value as the text a person sees (numbers unformatted, so 1200 not "1,200"). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** Headers trimmed, blanks named after their column, repeats numbered, so a mapping can name each one. */
function uniqueHeaders(row: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return row.map((raw, i) => {
    const base = (raw ?? '').trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
