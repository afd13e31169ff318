import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { pageSize, type Orientation, type Paper } from '../../shared/export/map-document';
import { exportDate } from './export-date';
import { fontPath } from './fonts';

const POINTS_PER_MM = 72 / 25.4;

/** A vector PDF of SVG pages, one after another, text kept as text (searchable, and readable by tools). */
export function svgToPdf(pages: string | readonly string[], paper: Paper, orientation: Orientation, title: string): Promise<Buffer> {
  const { width, height } = pageSize(paper, orientation);
  const doc = new PDFDocument({
    size: [width * POINTS_PER_MM, height * POINTS_PER_MM],
    margin: 0,
    autoFirstPage: true,
    info: { Title: title, Creator: 'CareCover', Producer: 'CareCover', CreationDate: exportDate() },
  });
  doc.registerFont('DejaVu', fontPath('regular'));
  doc.registerFont('DejaVu-Bold', fontPath('bold'));
  doc.registerFont('DejaVu-Oblique', fontPath('oblique'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  (typeof pages === 'string' ? [pages] : pages).forEach((svg, i) => {
    if (i > 0) doc.addPage({ size: [width * POINTS_PER_MM, height * POINTS_PER_MM], margin: 0 });
    SVGtoPDF(doc, svg, 0, 0, {
      width: width * POINTS_PER_MM,
      height: height * POINTS_PER_MM,
      assumePt: false,
      fontCallback: (_family: string, bold: boolean, italic: boolean) => (bold ? 'DejaVu-Bold' : italic ? 'DejaVu-Oblique' : 'DejaVu'),
    });
  });
  doc.end();
  return done;
}
