import { describe, expect, it } from 'vitest';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { screenSuppression } from '../../../renderer/src/panels/screen-suppression';
import { smallPlan } from '../../fixtures/small-plan';

describe('screenSuppression', () => {
  const metrics = computePlanMetrics(smallPlan());
  it('hides nothing on screen unless the settings say so', () => {
    expect(screenSuppression(metrics.zones, { ...smallPlan().settings, disclosureThreshold: 6 }).size).toBe(0);
  });
  it('hides as the zone table export does: ZD (5 people) and ZE (8, the next fewest) with a threshold of 6', () => {
    const hidden = screenSuppression(metrics.zones, { ...smallPlan().settings, disclosureThreshold: 6, suppressOnScreen: 1 });
    expect([...hidden]).toEqual([
      ['ZD', '<6'],
      ['ZE', '*'],
    ]);
  });
});
