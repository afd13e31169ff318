/**
 * The names of every API method, with no schema attached, so that the Electron
 * preload can expose one function per method without bundling the validator.
 * shared/api/contract.ts must declare exactly these (checked at compile time).
 */
export const API_METHODS = [
  'getAppInfo',
  'getProject',
  'openProject',
  'createProject',
  'saveProjectAs',
  'listRecentProjects',
  'chooseProjectFile',
  'listPlans',
  'getMapData',
  'getPlanMetrics',
  'listProviders',
  'getContingency',
  'simulateWithdrawal',
  'getSettings',
  'updateSettings',
  'previewMap',
  'exportDocument',
  'getExportChoices',
  'chooseExportFile',
  'assignAreas',
  'createZone',
  'mergeZones',
  'splitZone',
  'updateZone',
  'undo',
  'redo',
  'getHistory',
  'copyPlan',
  'renamePlan',
  'switchPlan',
  'deletePlan',
  'comparePlans',
  'getPlanChecks',
  'exportPlanCsv',
  'assignPlanCsv',
  'startImport',
  'getImportJob',
  'cancelImport',
  'listImports',
  'getProjectCounts',
  'getOutsideChanges',
  'getCosts',
  'setCostInputs',
  'setFrameworkTerm',
  'savePricingScenario',
  'deletePricingScenario',
  'comparePricingScenarios',
  'listSnapshots',
  'saveSnapshot',
  'deleteSnapshot',
  'getTrend',
  'getTimeline',
  'setReopenings',
  'getTransition',
  'getReopeningBrief',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}
