import { hiddenText, suppressionPlan } from '../../../shared/coverage/disclosure';
import type { ZoneMetrics } from '../../../shared/coverage/schemas';
import type { Settings } from '../../../shared/domain/types';

/**
 * Where the settings say a screen is shown in public, the zones whose people
 * figures exports would hide: zone id → "<5" (small) or "*" (hidden to protect
 * another), as in the zone table export. Empty when on-screen suppression is off.
 */
export function screenSuppression(zones: readonly ZoneMetrics[], settings: Settings): Map<string, string> {
  if (settings.suppressOnScreen !== 1) return new Map();
  const plan = suppressionPlan(zones.map((z) => z.people), settings.disclosureThreshold, [zones.map((_, i) => i)]);
  return new Map([...plan].map(([i, kind]) => [zones[i]!.zoneId, hiddenText(kind, settings.disclosureThreshold)]));
}
