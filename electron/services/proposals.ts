import { ApiError } from '../../shared/api/errors';
import { computePlanMetrics } from '../../shared/coverage/metrics';
import type { PlanInputs } from '../../shared/domain/types';
import { buildInstance } from '../../shared/optimise/instance';
import { DEFAULT_WEIGHTS, evaluate, objectiveOf, scalesOf, WEIGHT_PRESETS, type Weights } from '../../shared/optimise/objective';
import { proposalReport, proposedPlan } from '../../shared/optimise/report';
import { EFFORTS, type ProposalJob, type ProposalReport, type ProposalRequest } from '../../shared/optimise/schemas';
import { proposeInWorker } from '../optimise/run-in-worker';
import { readAreaNeighbours } from '../store/model-data';
import { bridgeIslands } from '../../shared/optimise/islands';
import { assertPlanNameFree, insertPlanWithZones, lockedZoneIds } from '../store/plans';
import type { CoverageService } from './coverage';
import { JobTable } from './jobs';
import type { ProjectSession } from './project-session';

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?(step: string, fraction: number | null, best?: number): void;
  /** The starting plan's objective, before the search begins. */
  onStart?(objective: number): void;
}

/**
 * Zone proposals: the search runs in a worker on the starting plan's inputs;
 * the proposal is written as a new plan (a scenario) in one transaction, so
 * nothing is undone to go back: the starting plan is untouched.
 */
export class ProposalService {
  private readonly jobs = new JobTable<ProposalJob>('proposal');

  constructor(
    private readonly session: ProjectSession,
    private readonly coverage: CoverageService,
  ) {}

  /** Runs one proposal to the end (the CLI's way; the UI's goes through start and job). */
  async run(request: ProposalRequest, options: RunOptions = {}): Promise<ProposalReport> {
    const db = this.session.db();
    const file = this.session.file;
    assertPlanNameFree(db, request.name);
    // The plan's row and the coverage model's figures for it, once: the report's "before" reads them.
    const { plan, metrics } = this.coverage.metrics(request.from);
    const inputs = this.coverage.inputs(request.from);
    if (!inputs.zones.length) throw new ApiError('invalid-input', `Plan "${plan.name}" has no zones to start from.`);
    const locks = [...new Set([...lockedZoneIds(db, plan.id), ...(request.lock ?? [])])];
    const pairs = readAreaNeighbours(db);
    const codes = inputs.areas.map((a) => a.code);
    const instance = buildInstance(inputs, [...pairs, ...bridgeIslands(codes, pairs, () => this.coverage.areaCentres())], locks);
    const weights = weightsOf(request);
    const seed = request.seed ?? 1;
    const began = Date.now();
    options.onStart?.(objectiveOf(evaluate(instance, instance.start, instance.zoneIds.length), weights, scalesOf(instance)));
    const proposal = await proposeInWorker(
      instance,
      {
        zones: request.zones,
        weights,
        ...EFFORTS[request.effort ?? 'normal'],
        seed,
        timeLimitMs: request.timeLimitSeconds === undefined ? undefined : request.timeLimitSeconds * 1000,
        minDemand: request.minDemandHours,
        maxDemand: request.maxDemandHours,
      },
      options,
    );
    const seconds = (Date.now() - began) / 1000;
    if (this.session.file !== file) throw new ApiError('invalid-input', 'The project was closed while the proposal ran; nothing was written.');
    const proposed = proposedPlan(instance, proposal, inputs.zones);
    const after: PlanInputs = { ...inputs, zones: proposed.zones.map(({ id, name, colour, bandOverride }) => ({ id, name, colour, bandOverride })), assignments: new Map(proposed.assignments) };
    const model = { before: figuresOf(metrics.totals), after: figuresOf(computePlanMetrics(after).totals) };
    const report = proposalReport({ instance, proposal, zones: inputs.zones, plan: proposed, from: plan.name, name: request.name, seed, weights, seconds, model });
    this.session.write((writer) => insertPlanWithZones(writer, request.name, proposed.zones, proposed.assignments));
    return report;
  }

  start(request: ProposalRequest): { jobId: string } {
    if (!this.session.file) throw new ApiError('no-project', 'No project is open. Open or create a project first.');
    assertPlanNameFree(this.session.db(), request.name);
    const initial: ProposalJob = { state: 'running', step: 'Starting', fraction: 0, bestObjective: null, startObjective: null, result: null, error: null };
    return this.jobs.start(initial, async (job, signal) => {
      const result = await this.run(request, {
        signal,
        onStart: (startObjective) => Object.assign(job, { startObjective, step: 'Searching' }),
        onProgress: (step, fraction, best) => Object.assign(job, { step, fraction, bestObjective: best ?? job.bestObjective }),
      });
      return { step: 'Done', fraction: 1, result, bestObjective: result.after.objective, startObjective: result.before.objective };
    });
  }

  job(jobId: string): ProposalJob {
    return this.jobs.get(jobId);
  }

  cancel(jobId: string): { cancelled: boolean } {
    return this.jobs.cancel(jobId);
  }
}

/** The preset (balanced by default), with any weight given on its own put over it. */
export function weightsOf(request: Pick<ProposalRequest, 'preset' | 'weights'>): Weights {
  return { ...(request.preset ? WEIGHT_PRESETS[request.preset] : DEFAULT_WEIGHTS), ...request.weights };
}

const figuresOf = (totals: { shortfallHours: number; fragileZones: number }) => ({ shortfallHours: totals.shortfallHours, fragileZones: totals.fragileZones });
