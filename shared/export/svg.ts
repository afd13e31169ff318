/** Small, deterministic SVG writing helpers: same input, same bytes. */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Millimetres to two decimals: plenty for print, and stable text. */
export const mm = (x: number) => (Math.round(x * 100) / 100).toString();

export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? mm(v) : v!)}"`)
    .join('');
}

export function text(x: number, y: number, content: string, style: Record<string, string | number | undefined> = {}): string {
  return `<text${attrs({ x, y, ...style })}>${escapeXml(content)}</text>`;
}

export function rect(x: number, y: number, width: number, height: number, style: Record<string, string | number | undefined> = {}): string {
  return `<rect${attrs({ x, y, width, height, ...style })}/>`;
}

/** Average glyph advance of DejaVu Sans (and its bold) as a share of the font size: enough to lay labels out. */
export const CHAR_WIDTH = 0.56;
export const BOLD_CHAR_WIDTH = 0.64;

export function textWidth(content: string, fontSize: number, bold = false): number {
  return content.length * fontSize * (bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH);
}

/** Greedy word wrap to a width in millimetres. */
export function wrap(content: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** The page fonts: DejaVu ships with the app, so a page looks the same in every host and in the PDF. */
export const PAGE_FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';

/** A page of a committee paper: W × H millimetres, white, titled, its body in order. */
export function page(W: number, H: number, title: string, body: readonly string[]): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${mm(W)}mm" height="${mm(H)}mm" viewBox="0 0 ${mm(W)} ${mm(H)}" font-family="${escapeXml(PAGE_FONT)}">`,
    `<title>${escapeXml(title)}</title>`,
    rect(0, 0, W, H, { fill: '#ffffff' }),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** Another SVG document (a chart) placed in a box of the page, its aspect kept: its own pixel size goes, its viewBox stays. */
export function embedSvg(svg: string, x: number, y: number, w: number, h: number): string {
  const body = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/^(<svg\b[^>]*?)\swidth="[\d.]+" height="[\d.]+"/, '$1');
  return body.replace(/^<svg\b/, `<svg x="${mm(x)}" y="${mm(y)}" width="${mm(w)}" height="${mm(h)}" preserveAspectRatio="xMinYMin meet"`);
}
