import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ApiHandlers } from '../../shared/api/contract';
import { APP_NAME, APP_VERSION } from '../../shared/version';
import { exportInWorker } from '../export/run-in-worker';
import { mapSvg } from '../export/service';
import { exportTarget, writeExportFile } from '../export/write-file';
import { saveIfPossible } from '../store/db';
import { readMeta, writeMeta } from '../store/project-meta';
import { asStorageError } from '../store/storage-errors';
import type { ServiceOptions, Services } from './service-types';

/**
 * One handler per method of the API contract, each a line or two that hands
 * the request to a service: what the hosts (IPC, HTTP) call after validating it.
 */

/** Every handler's stray file system or SQLite error becomes a typed one naming the file (see asStorageError). */
function plainErrors(handlers: ApiHandlers, projectFile: () => string | null): ApiHandlers {
  const wrapped = {} as Record<string, (request: never) => unknown>;
  for (const [method, handler] of Object.entries(handlers) as [string, (request: never) => unknown][]) {
    wrapped[method] = async (request) => {
      try {
        return await handler(request);
      } catch (error) {
        throw asStorageError(error, projectFile()) ?? error;
      }
    };
  }
  return wrapped as unknown as ApiHandlers;
}

export function createHandlers(services: Omit<Services, 'handlers'>, options: ServiceOptions): ApiHandlers {
  const { session, coverage, costs, overTime, editor, imports, proposals, recent, files } = services;
  const handlers: ApiHandlers = {
    getAppInfo: () => ({
      name: APP_NAME,
      version: APP_VERSION,
      host: options.host,
      nativeDialogs: Boolean(options.dialogs),
      platform: process.platform,
    }),
    getProject: () => session.info(),
    openProject: ({ path: file }) => session.open(files.resolve(file, 'project')),
    createProject: ({ path: file, template, overwrite }) => session.create(files.resolve(file, 'project'), template, overwrite),
    saveProjectAs: ({ path: file, overwrite }) => session.saveAs(files.resolve(file, 'project'), overwrite),
    listRecentProjects: () => recent.list().map((entry) => ({ ...entry, file: files.offer(entry.path, 'project') })),
    chooseProjectFile: async ({ purpose }) => {
      if (!options.dialogs) throw new ApiError('unsupported', 'This host has no file dialogs; type the project file path instead.');
      const chosen = await options.dialogs.chooseProjectFile(purpose);
      return { path: chosen && files.offer(chosen, 'project') };
    },
    listPlans: () => coverage.plans(),
    getMapData: ({ plan }) => coverage.mapData(plan),
    getAreaLayer: ({ overview }) => (overview ? coverage.areaOverview() : coverage.areaLayer()),
    getPlanMetrics: ({ plan, lot }) => coverage.metrics(plan, lot),
    listProviders: () => coverage.providers(),
    getContingency: ({ zoneId, plan, lot }) => coverage.contingency(zoneId, plan, lot),
    simulateWithdrawal: ({ providerId, cutPercent, plan, lot }) => coverage.withdrawal(providerId, cutPercent, plan, lot),
    getSettings: () => coverage.settings(),
    updateSettings: (change) => coverage.updateSettings(change),
    previewMap: ({ request }) => ({ svg: mapSvg(services, request) }),
    exportDocument: async ({ request, path: chosen }) => {
      const target = chosen && files.resolve(chosen, 'export');
      if (target) exportTarget(target, request.format, session.file); // refuse a bad target before the work
      // Drawing a 600 dpi page takes a while: never on the main thread.
      const file = await exportInWorker(session.file ?? session.db().name, options.userData, request);
      // The dialog starts from the last choices; a project that cannot be saved still exports.
      saveIfPossible(session.db(), () => writeMeta(session.db(), { export_choices: JSON.stringify(request) }));
      if (!target) return { fileName: file.fileName, mimeType: file.mimeType, bytes: file.bytes.length, path: null, base64: file.bytes.toString('base64') };
      const absolute = writeExportFile(target, file.bytes, request.format, session.file);
      return { fileName: path.basename(absolute), mimeType: file.mimeType, bytes: file.bytes.length, path: absolute, base64: null };
    },
    chooseExportFile: async ({ fileName }) => {
      if (!options.dialogs) throw new ApiError('unsupported', 'This host has no file dialogs; the export is downloaded instead.');
      const chosen = await options.dialogs.chooseExportFile(fileName);
      return { path: chosen && files.offer(chosen, 'export') };
    },
    assignAreas: ({ plan, zoneId, areaCodes, lot }) => editor.assignAreas(plan, zoneId, areaCodes, lot),
    createZone: ({ plan, name, areaCodes, colour, lot }) => editor.createZone(plan, name, areaCodes, colour, lot),
    mergeZones: ({ plan, from, into, lot }) => editor.mergeZones(plan, from, into, lot),
    splitZone: ({ plan, zoneId, name, shape, lot }) => editor.splitZone(plan, zoneId, shape, name, lot),
    updateZone: ({ plan, zoneId, lot, ...change }) => editor.updateZone(plan, zoneId, change, lot),
    setContract: ({ plan, providerId, zoneId, committedHours, additionalHours, lot }) => editor.setContract(plan, providerId, zoneId, committedHours, additionalHours, lot),
    undo: ({ lot }) => {
      const done = editor.undo(lot);
      return { ...editor.history(), switchedTo: done?.switchedTo ?? null, delta: done?.delta ?? null };
    },
    redo: ({ lot }) => {
      const done = editor.redo(lot);
      return { ...editor.history(), switchedTo: done?.switchedTo ?? null, delta: done?.delta ?? null };
    },
    getHistory: () => editor.history(),
    copyPlan: ({ from, name }) => {
      const plan = editor.copyPlan(from, name);
      return coverage.plans().find((p) => p.id === plan.id)!;
    },
    renamePlan: ({ name, newName }) => (editor.renamePlan(name, newName), coverage.plans()),
    switchPlan: ({ name }) => (editor.switchPlan(name), coverage.plans()),
    deletePlan: ({ name }) => (editor.deletePlan(name), coverage.plans()),
    comparePlans: ({ a, b }) => editor.compare(a, b),
    getPlanChecks: ({ plan, minimumDemandHours }) => editor.checks(plan, minimumDemandHours),
    exportPlanCsv: ({ plan }) => ({ csv: editor.exportCsv(plan) }),
    assignPlanCsv: ({ plan, csv, fileName }) => ({ ...editor.assignCsv(plan, csv, fileName), history: editor.history() }),
    startImport: ({ request, mode }) => imports.start({ ...request, file: files.resolve(request.file, 'import') }, mode),
    getImportJob: ({ jobId }) => imports.job(jobId),
    startProposal: ({ request }) => proposals.start(request),
    getProposalJob: ({ jobId }) => proposals.job(jobId),
    cancelProposal: ({ jobId }) => proposals.cancel(jobId),
    cancelImport: ({ jobId }) => imports.cancel(jobId),
    listImports: () => imports.log(),
    getProjectCounts: () => imports.counts(),
    getOutsideChanges: () => ({ key: session.changesElsewhere }),
    getCosts: (view) => costs.report(view),
    setCostInputs: ({ row, view }) => (costs.setInputs(row), costs.report(view)),
    setFrameworkTerm: ({ term, view }) => (costs.setTerm(term), costs.report(view)),
    savePricingScenario: ({ scenario, view }) => (costs.save(scenario), costs.report(view)),
    deletePricingScenario: ({ name, view }) => (costs.remove(name), costs.report(view)),
    comparePricingScenarios: ({ plan }) => costs.compare(plan),
    listSnapshots: () => overTime.snapshots(),
    saveSnapshot: ({ month }) => overTime.saveModelSnapshot(month),
    deleteSnapshot: ({ month }) => overTime.removeSnapshot(month),
    getTrend: ({ plan, lot }) => overTime.trend(plan, lot),
    getTimeline: ({ at }) => overTime.timeline(at),
    setReopenings: ({ dates }) => (overTime.setReopenings(dates), overTime.timeline()),
    getTransition: ({ providerId, plan }) => overTime.transition(providerId, plan),
    getReopeningBrief: ({ plan, date }) => overTime.reopeningBrief(plan, date),
    getExportChoices: () => {
      const saved = readMeta(session.db()).export_choices;
      return { choices: saved ? (JSON.parse(saved) as Record<string, unknown>) : null };
    },
  };
  return plainErrors(handlers, () => session.file);
}
