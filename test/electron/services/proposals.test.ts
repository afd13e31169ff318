import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/services';
import type { ProposalJob } from '../../../shared/optimise/schemas';
import { apiCaller } from '../../helpers/api';
import { dataFingerprint } from '../../helpers/project-fingerprint';
import { tempDir } from '../../helpers/temp';

async function settle(read: () => Promise<ProposalJob>): Promise<ProposalJob> {
  for (;;) {
    const job = await read();
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function sampleServices(): Services {
  const userData = tempDir();
  const services = createServices({ host: 'web', userData });
  services.session.create(path.join(userData, 'sample.carecover'), 'default');
  return services;
}

describe('zone proposals on the sample project', () => {
  it('from the current plan with the same number of zones and default weights: fewer hours short, no more fragile zones, and the report says so', async () => {
    const services = sampleServices();
    const { value } = apiCaller(() => services);
    try {
      const current = services.coverage.metrics().metrics.totals;
      const { jobId } = await value<{ jobId: string }>('startProposal', { request: { name: 'Proposed' } });
      const job = await settle(() => value<ProposalJob>('getProposalJob', { jobId }));
      expect(job.state, JSON.stringify(job.error)).toBe('done');
      const report = job.result!;
      expect(report.zones).toBe(14);
      expect(report.after.shortfallHours).toBeLessThan(report.before.shortfallHours);
      expect(report.after.fragileZones).toBeLessThanOrEqual(report.before.fragileZones);
      expect(report.after.objective).toBeLessThan(report.before.objective);
      // The coverage model agrees on the new plan as written.
      const proposed = services.coverage.metrics('Proposed').metrics.totals;
      expect(report.model.before).toEqual({ shortfallHours: current.shortfallHours, fragileZones: current.fragileZones });
      expect(report.model.after.shortfallHours).toBeCloseTo(proposed.shortfallHours, 6);
      expect(report.model.after.fragileZones).toBe(proposed.fragileZones);
      expect(proposed.shortfallHours).toBeLessThan(current.shortfallHours);
      expect(proposed.fragileZones).toBeLessThanOrEqual(current.fragileZones);
      expect(report.summary).toMatch(/^Fewer hours short: [\d,.]+ hours a week now, [\d,.]+ hours a week proposed; (fewer fragile zones|fragile zones stay)/);
      // Every move is listed, and the new plan holds exactly those moves.
      const comparison = services.editor.compare('current', 'Proposed');
      expect(comparison.areasMoved.length).toBe(report.areasMoved.length);
      expect(report.after.areasMoved).toBe(report.areasMoved.length);
      // A new scenario: the current plan is untouched and still current.
      expect(services.coverage.plans().find((p) => p.isCurrent)!.name).toBe('Sample framework zones');
      expect(services.coverage.metrics().metrics.totals).toEqual(current);
      // Every zone is in one piece.
      expect(services.editor.checks('Proposed').disconnected).toEqual([]);
    } finally {
      services.close();
    }
  });

  it('keeps locked zones, reaches another number of zones, and reproduces a plan from its seed', async () => {
    const services = sampleServices();
    try {
      const a = await services.proposals.run({ name: 'A', zones: 12, lock: ['Z01', 'Z13'], seed: 7 });
      const b = await services.proposals.run({ name: 'B', zones: 12, lock: ['Z01', 'Z13'], seed: 7 });
      expect(a.zones).toBe(12);
      expect(b.areasMoved).toEqual(a.areasMoved);
      expect(b.after).toEqual(a.after);
      // Two fewer zones: at least two starting zones are no longer continued by any proposed zone.
      const merged = a.zoneChanges.filter((z) => z.status === 'merged').length;
      expect(merged).toBeGreaterThanOrEqual(2);
      expect(a.zoneChanges.filter((z) => z.status === 'new').length).toBe(merged - 2);
      const start = services.coverage.inputs().assignments;
      const proposed = services.coverage.inputs('A').assignments;
      for (const [area, zone] of start) if (zone === 'Z01' || zone === 'Z13') expect(proposed.get(area)).toBe(zone);
      for (const [area, zone] of proposed) if (zone === 'Z01' || zone === 'Z13') expect(start.get(area)).toBe(zone);
      expect(services.coverage.inputs('A').zones).toHaveLength(12);
      const more = await services.proposals.run({ name: 'C', zones: 16, seed: 1, timeLimitSeconds: 5 });
      const fresh = more.zoneChanges.filter((z) => z.status === 'new');
      expect(fresh.length).toBeGreaterThanOrEqual(2);
      expect(fresh.every((z) => Number(z.zoneId.slice(1)) > 14)).toBe(true);
      expect(services.coverage.inputs('C').zones).toHaveLength(16);
      expect(services.editor.checks('C').disconnected).toEqual([]);
    } finally {
      services.close();
    }
  });

  it('refuses bad requests with a clear message and writes nothing', async () => {
    const services = sampleServices();
    const { call } = apiCaller(() => services);
    try {
      const file = services.session.file!;
      const before = dataFingerprint(file);
      expect(await call('startProposal', { request: { name: 'Sample framework zones' } })).toMatchObject({ ok: false, error: { message: 'There is already a plan called "Sample framework zones".' } });
      expect(await call('startProposal', { request: { name: 'X', zones: 0 } })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      await expect(services.proposals.run({ name: 'X', lock: ['Z99'] })).rejects.toThrow('There is no zone "Z99" to lock in this plan.');
      const locked = Array.from({ length: 14 }, (_, i) => `Z${String(i + 1).padStart(2, '0')}`);
      await expect(services.proposals.run({ name: 'X', zones: 3, lock: locked.slice(0, 5) })).rejects.toThrow('5 zones are locked, so the proposal needs more than 5 zones.');
      expect(dataFingerprint(file)).toBe(before);
      expect(services.coverage.plans()).toHaveLength(1);
    } finally {
      services.close();
    }
  });

  it('reports progress with the best objective, and a cancelled run writes nothing', async () => {
    const services = sampleServices();
    try {
      const { jobId } = services.proposals.start({ name: 'Slow', weights: { shortfall: 1 }, seed: 3 });
      let seen: ProposalJob = services.proposals.job(jobId);
      for (let i = 0; i < 500 && seen.bestObjective === null; i++) {
        await new Promise((r) => setTimeout(r, 5));
        seen = services.proposals.job(jobId);
      }
      expect(seen.state).toBe('running');
      expect(seen.bestObjective).not.toBeNull();
      expect(seen.startObjective).toBeGreaterThan(0);
      expect(services.proposals.cancel(jobId)).toEqual({ cancelled: true });
      const done = await settle(async () => services.proposals.job(jobId));
      expect(done.state).toBe('cancelled');
      expect(services.coverage.plans().map((p) => p.name)).toEqual(['Sample framework zones']);
    } finally {
      services.close();
    }
  });
});
