import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client';
import type { ApiHandlers } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/errors';
import { API_METHODS } from '../../../shared/api/methods';

const project = { path: '/p/a.carecover', name: 'A', isSample: false, schemaVersion: 1, createdAt: '2026-01-01T00:00:00Z', attributions: [], hasPlan: true };

const unused = () => {
  throw new Error('not used by these tests');
};

function handlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  return {
    listPlans: unused,
    startImport: unused,
    getImportJob: unused,
    cancelImport: unused,
    listImports: unused,
    getProjectCounts: unused,
    getOutsideChanges: unused,
    getCosts: unused,
    setCostInputs: unused,
    setFrameworkTerm: unused,
    savePricingScenario: unused,
    deletePricingScenario: unused,
    comparePricingScenarios: unused,
    listSnapshots: unused,
    saveSnapshot: unused,
    deleteSnapshot: unused,
    getTrend: unused,
    getTimeline: unused,
    setReopenings: unused,
    getTransition: unused,
    getReopeningBrief: unused,
    startProposal: unused,
    setContract: unused,
    getProposalJob: unused,
    cancelProposal: unused,
    getMapData: unused,
    getAreaLayer: unused,
    getPlanMetrics: unused,
    listProviders: unused,
    getContingency: unused,
    simulateWithdrawal: unused,
    getSettings: unused,
    updateSettings: unused,
    previewMap: unused,
    exportDocument: unused,
    getExportChoices: unused,
    chooseExportFile: unused,
    assignAreas: unused,
    createZone: unused,
    mergeZones: unused,
    splitZone: unused,
    updateZone: unused,
    undo: unused,
    redo: unused,
    getHistory: unused,
    copyPlan: unused,
    renamePlan: unused,
    switchPlan: unused,
    deletePlan: unused,
    comparePlans: unused,
    getPlanChecks: unused,
    exportPlanCsv: unused,
    assignPlanCsv: unused,
    getAppInfo: () => ({ name: 'CareCover', version: '0.1.0', host: 'web', nativeDialogs: false, platform: 'linux' }),
    getProject: () => project,
    openProject: ({ path }) => ({ ...project, path }),
    createProject: ({ path }) => ({ ...project, path }),
    saveProjectAs: ({ path }) => ({ ...project, path }),
    listRecentProjects: () => [],
    chooseProjectFile: () => ({ path: null }),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('answers a valid request with its value', async () => {
    expect(await dispatch(handlers(), 'openProject', { path: '/x/y.carecover' })).toEqual({ ok: true, value: { ...project, path: '/x/y.carecover' } });
  });

  it.each([
    ['a missing field', 'openProject', {}],
    ['a wrong type', 'openProject', { path: 42 }],
    ['an unknown field', 'getProject', { sneaky: true }],
    ['an empty path', 'openProject', { path: '   ' }],
    ['a bad enum value', 'createProject', { path: '/a', template: 'everything' }],
    ['a non-object payload', 'openProject', 'path'],
  ])('answers %s with a typed bad-request error', async (_label, method, payload) => {
    const result = await dispatch(handlers(), method, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad-request');
      expect(result.error.message).toContain(method);
      expect(result.error.details?.length).toBeGreaterThan(0);
    }
  });

  it('names the field that is wrong', async () => {
    const result = await dispatch(handlers(), 'openProject', { path: 42 });
    expect(!result.ok && result.error.details?.[0]).toMatch(/^path: /);
  });

  it('answers an unknown method with unknown-method', async () => {
    const result = await dispatch(handlers(), 'dropAllTables', {});
    expect(!result.ok && result.error.code).toBe('unknown-method');
  });

  it('passes an ApiError through with its code', async () => {
    const result = await dispatch(handlers({ openProject: () => { throw new ApiError('not-a-project', 'nope'); } }), 'openProject', { path: '/a' });
    expect(result).toEqual({ ok: false, error: { code: 'not-a-project', message: 'nope' } });
  });

  it('turns an unexpected exception into an internal error and reports it', async () => {
    const seen: unknown[] = [];
    const result = await dispatch(handlers({ getProject: () => { throw new TypeError('boom'); } }), 'getProject', {}, (e) => seen.push(e));
    expect(!result.ok && result.error.code).toBe('internal');
    expect(seen).toHaveLength(1);
  });

  it('refuses to send an answer that breaks the contract', async () => {
    const bad = handlers({ getProject: () => ({ name: 3 }) as never });
    const result = await dispatch(bad, 'getProject', {});
    expect(!result.ok && result.error.code).toBe('internal');
  });
});

describe('createClient', () => {
  it('has one method per contract method and throws ApiError for error envelopes', async () => {
    const calls: string[] = [];
    const client = createClient(async (method, request) => {
      calls.push(method);
      return dispatch(handlers(), method, request);
    });
    expect(Object.keys(client).sort()).toEqual([...API_METHODS].sort());
    await expect(client.getProject({})).resolves.toEqual(project);
    await expect(client.openProject({ path: '' })).rejects.toMatchObject({ name: 'ApiError', code: 'bad-request' });
    expect(calls).toEqual(['getProject', 'openProject']);
  });
});
