import { exportFileName } from '../../shared/export/file-name';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inLotUnit, servicesIn } from '../../shared/coverage/supply';
import { areasFeatureCollection, zonesFeatureCollection, type AreaFigures } from '../../shared/export/geojson';
import { renderMapDocument } from '../../shared/export/map-document';
import { renderCostsPage } from '../../shared/export/costs-page';
import { renderUpdatePages, updateReportTables } from '../../shared/export/update-report-page';
import { coverageChartSpec } from '../../shared/time/charts';
import { chartSvg } from '../../shared/costs/chart-svg';
import { rateChartSpec, termChartSpec } from '../../shared/costs/charts';
import { MIME_TYPES, type ExportRequest } from '../../shared/export/request';
import { contingencyTable, toCsv, transitionTable, withdrawalTable, zoneTable, type Table, type TableOptions } from '../../shared/export/tables';
import { classLabel } from '../../shared/style/coverage-style';
import type { CostService } from '../services/costs';
import type { CoverageService } from '../services/coverage';
import type { OverTimeService } from '../services/over-time';
import type { ProjectSession } from '../services/project-session';
import { readAreaGeometries, readAreas, readAssignments, readDemand, readZones } from '../store/model-data';
import { resolvePlan } from '../store/plans';
import { writeGeoPackage } from './geopackage';
import { mapDocumentInput } from './map-inputs';
import { svgToPdf } from './pdf';
import { svgToPng } from './png';
import { tableToXlsx } from './xlsx';

/** What an export reads: the open project and the services that compute its figures (never the handlers or the hosts). */
export interface ExportSources {
  session: ProjectSession;
  coverage: CoverageService;
  costs: CostService;
  overTime: OverTimeService;
}

export interface ExportedFile {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
}


/** Counts of people below this are suppressed: the request's threshold, else the project's; null when turned off. */
function threshold(services: ExportSources, request: ExportRequest): number | null {
  if (!request.suppressSmallNumbers) return null;
  return request.smallNumberThreshold ?? services.coverage.settings().settings.disclosureThreshold;
}

/** The committee map as SVG, for export and for the preview. */
export function mapSvg(services: ExportSources, request: ExportRequest): string {
  return renderMapDocument(
    mapDocumentInput(services.session, services.coverage, {
      paper: request.paper,
      orientation: request.orientation,
      title: request.title,
      subtitle: request.subtitle,
      includeFlaggedTable: request.includeFlaggedTable,
      smallNumberThreshold: threshold(services, request),
      plan: request.plan,
      lot: request.lot,
      withdrawal: request.withdrawal && request.providerId ? { providerId: request.providerId, cutPercent: request.cutPercent } : undefined,
      date: request.date,
    }),
  );
}

/** The committee paper's costs page: the Costs tab's charts and the term's years, under the request's pricing scenario. */
export async function costsPageSvg(services: ExportSources, request: Pick<ExportRequest, 'plan' | 'costScenario' | 'paper' | 'orientation' | 'title'>): Promise<string> {
  const info = services.session.info()!;
  const report = services.costs.report({ plan: request.plan, scenario: request.costScenario });
  return renderCostsPage({
    title: `${request.title || info.name}: costs`,
    paper: request.paper,
    orientation: request.orientation,
    report,
    termChart: await chartSvg(termChartSpec(report, { width: 620, height: 300 })),
    rateChart: await chartSvg(rateChartSpec(report, { width: 560 })),
    attributions: info.attributions,
    isSample: info.isSample,
  });
}

function notes(services: ExportSources, request: ExportRequest, threshold: number | null): { title: string; lines: string[] } {
  const info = services.session.info()!;
  const { settings } = services.coverage.settings();
  return {
    title: `${info.name}: exported by CareCover`,
    lines: [
      ...(info.isSample ? ['Sample data: providers are fictional and demand is modelled.'] : []),
      `Thresholds: ${classLabel('red', settings)}; ${classLabel('amber', settings)}; ${classLabel('covered', settings)}.`,
      `Fragile when cover without the largest provider is below ${Math.round(settings.fragileN1Below * 100)}%, or one provider holds more than ${Math.round(settings.fragileMaxShare * 100)}% of a zone's hours.`,
      threshold !== null
        ? `Counts of people below ${threshold} are shown as "<${threshold}", with the hours, coverage and cost of that row; "*" marks a further row hidden so that a suppressed figure cannot be worked back from a total.`
        : 'Small-number suppression was turned off for this export.',
      'Coverage counts secure supply: on-framework providers active at the project\'s date. At-risk (exiting) and spot (off-framework) hours are shown beside it.',
      'Data sources:',
      ...info.attributions,
    ],
  };
}

function tableFor(services: ExportSources, request: ExportRequest, options: TableOptions): Table {
  if (request.table === 'contingency') return contingencyTable(services.coverage.contingency(request.zoneId!, request.plan, request.lot));
  if (request.table === 'transition') return transitionTable(services.overTime.transition(request.providerId!, request.plan), options);
  if (request.table === 'withdrawal') return withdrawalTable(services.coverage.withdrawal(request.providerId!, request.cutPercent, request.plan, request.lot === 'all' ? undefined : request.lot), options);
  return zoneTable(services.coverage.metrics(request.plan, request.lot).metrics, options);
}

/** Produces one export of the open project (map, table or GIS layer) as bytes. */
export async function produceExport(services: ExportSources, request: ExportRequest): Promise<ExportedFile> {
  const info = services.session.info()!;
  const options: TableOptions = { smallNumberThreshold: threshold(services, request) };
  const fileName = exportFileName(info.name, request);
  const file = (bytes: Buffer): ExportedFile => ({ bytes, fileName, mimeType: MIME_TYPES[request.format] });

  if (request.kind === 'map') {
    const svg = mapSvg(services, request);
    if (request.format === 'svg') return file(Buffer.from(svg, 'utf8'));
    if (request.format === 'png') return file(svgToPng(svg, request.paper, request.orientation, request.dpi));
    const pages = request.costs ? [svg, await costsPageSvg(services, request)] : [svg];
    return file(await svgToPdf(pages, request.paper, request.orientation, request.title || info.name));
  }
  if (request.kind === 'update-report') {
    const report = services.overTime.updateReport(request.from!, request.to!, request.plan);
    const title = request.title || `${info.name}: update report`;
    if (request.format === 'xlsx') return file(await tableToXlsx(updateReportTables(report, options.smallNumberThreshold), notes(services, request, options.smallNumberThreshold)));
    const { settings } = services.coverage.settings();
    const chart = await chartSvg(coverageChartSpec([{ name: 'Plan', months: report.months, coverage: report.coverage }], settings, { width: 520, height: 300 }));
    const pages = renderUpdatePages({ title, paper: request.paper, orientation: request.orientation, report, chart, attributions: info.attributions, isSample: info.isSample, smallNumberThreshold: options.smallNumberThreshold });
    return file(await svgToPdf(pages, request.paper, request.orientation, title));
  }
  if (request.kind === 'table') {
    const table = tableFor(services, request, options);
    return file(request.format === 'csv' ? Buffer.from(toCsv(table), 'utf8') : await tableToXlsx(table, notes(services, request, options.smallNumberThreshold)));
  }

  const db = services.session.db();
  const plan = resolvePlan(db, request.plan);
  const collection =
    request.kind === 'zones'
      ? zonesFeatureCollection(services.coverage.metrics(request.plan, request.lot).metrics, services.coverage.zoneShapes(request.plan).zones, options)
      : (() => {
          const lot = new Set(servicesIn(request.lot));
          const figures = new Map<string, AreaFigures>();
          for (const row of readDemand(db)) {
            if (!lot.has(row.service)) continue;
            const f = figures.get(row.areaCode) ?? { demandHours: 0, people: 0 };
            f.demandHours += inLotUnit(row.service, row.hours);
            f.people += row.people;
            figures.set(row.areaCode, f);
          }
          const zoneNames = new Map(readZones(db, plan.id).map((z) => [z.id, z.name]));
          return areasFeatureCollection(readAreas(db), readAreaGeometries(db), readAssignments(db, plan.id), zoneNames, figures, options);
        })();
  if (request.format === 'geojson') return file(Buffer.from(JSON.stringify(collection), 'utf8'));
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-gpkg-'));
  try {
    const gpkg = path.join(temp, 'export.gpkg');
    writeGeoPackage(gpkg, request.kind, collection, `${info.name}: ${request.kind} of ${plan.name}. ${info.attributions.join(' ')}`);
    return file(fs.readFileSync(gpkg));
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
