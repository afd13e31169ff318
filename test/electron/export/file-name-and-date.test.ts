import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../shared/export/file-name';
import { exportDate } from '../../../electron/export/export-date';
import { svgToPdf } from '../../../electron/export/pdf';

describe('what an export is called and when it says it was made', () => {
  it('is named after its title when it has one, else the project and what it holds', () => {
    expect(exportFileName('Leicestershire sample', { kind: 'map', format: 'pdf', title: 'Cabinet — 14 January: coverage' })).toBe('cabinet-14-january-coverage.pdf');
    expect(exportFileName('Leicestershire sample', { kind: 'map', format: 'pdf', title: '  ' })).toBe('leicestershire-sample-map.pdf');
    expect(exportFileName('Leicestershire sample', { kind: 'table', table: 'withdrawal', format: 'xlsx' })).toBe('leicestershire-sample-withdrawal.xlsx');
    expect(exportFileName('Comté', { kind: 'map', format: 'png', title: 'Élan' })).toBe('elan.png');
  });

  it('dates a PDF now (not 1970), or at SOURCE_DATE_EPOCH when asked for the same bytes', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>';
    const text = (await svgToPdf(svg, 'a4', 'landscape', 'T')).toString('latin1');
    const year = new Date().getUTCFullYear();
    // pdfkit writes the date as an object of its own: (D:YYYYMMDD…).
    expect(text).toContain(`(D:${year}`);
    expect(text).not.toContain('(D:1970');
    expect(exportDate({ SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });
});
