import { Resvg } from '@resvg/resvg-js';
import { pageSize, type Orientation, type Paper } from '../../shared/export/map-document';
import { fontPath } from './fonts';

export const DPI_CHOICES = [150, 300, 600] as const;

/** The page's size in pixels at a resolution: A4 landscape at 300 dpi is 3508 × 2480. */
export function pixelSize(paper: Paper, orientation: Orientation, dpi: number): { width: number; height: number } {
  const { width, height } = pageSize(paper, orientation);
  return { width: Math.round((width / 25.4) * dpi), height: Math.round((height / 25.4) * dpi) };
}

/** Rasterises the SVG layout with resvg, using the bundled fonts only (the same pixels on any machine). */
export function svgToPng(svg: string, paper: Paper, orientation: Orientation, dpi: number): Buffer {
  const { width } = pixelSize(paper, orientation, dpi);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [fontPath('regular'), fontPath('bold'), fontPath('oblique')], defaultFontFamily: 'DejaVu Sans' },
  });
  return Buffer.from(resvg.render().asPng());
}
