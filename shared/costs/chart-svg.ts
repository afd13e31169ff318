import type { View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';

/**
 * Vega built for a strict Content-Security-Policy: the spec is parsed to an
 * expression AST and run by vega-interpreter, never compiled with eval or
 * new Function. One place for screen and PDF alike. Vega is loaded on first
 * use: it is ES-module only (with a top-level await on Node), so the Node
 * side's CommonJS bundle imports it rather than requiring it, and the window
 * loads it only when the Costs tab opens.
 */
export async function chartView(spec: TopLevelSpec, renderer: 'svg' | 'none'): Promise<View> {
  const [vega, vegaLite, interpreter] = await Promise.all([import('vega'), import('vega-lite'), import('vega-interpreter')]);
  return new vega.View(vega.parse(vegaLite.compile(spec).spec, undefined, { ast: true }), { renderer, expr: interpreter.expressionInterpreter });
}

/** The chart as a standalone SVG document (for the committee PDF and PNG). */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = await chartView(spec, 'none');
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
