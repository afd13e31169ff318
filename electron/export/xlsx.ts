import { exportDate } from './export-date';
import ExcelJS from 'exceljs';
import { neutralise, type ColumnKind, type Table } from '../../shared/export/tables';

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  hours: '#,##0.0',
  count: '#,##0',
  percent: '0.0%',
  money: '"£"#,##0.00',
  km: '0.0',
};

export interface WorkbookNotes {
  title: string;
  lines: string[];
}

/** A workbook with the table, or tables, (headers, number formats, frozen header row) and a Notes sheet. */
export async function tableToXlsx(tables: Table | readonly Table[], notes: WorkbookNotes): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CareCover';
  workbook.created = exportDate();
  workbook.modified = workbook.created;
  for (const table of (Array.isArray(tables) ? tables : [tables]) as readonly Table[]) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.label, key: c.key, width: Math.max(10, Math.min(40, c.label.length + 2)), style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {} }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      // Strings always go in as text, neutralised like the CSV: never as formulas.
      sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, typeof row[c.key] === 'string' ? neutralise(row[c.key] as string) : row[c.key] ?? null])));
    }
  }
  const notesSheet = workbook.addWorksheet('Notes');
  notesSheet.getColumn(1).width = 120;
  notesSheet.addRow([notes.title]).font = { bold: true };
  for (const line of notes.lines) notesSheet.addRow([neutralise(line)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
