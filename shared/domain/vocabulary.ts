/**
 * The domain's fixed words, as plain values with no validator attached: the
 * schemas (shared/domain/schemas.ts) are built from them, and the renderer
 * uses them without bundling the validator, which runs at the API's boundary.
 */
export const SERVICE_TYPES = ['home-care', 'chc', 'live-in'] as const;
export const PROVIDER_STATUSES = ['on-framework', 'exiting-framework', 'non-framework', 'new-bidder'] as const;
export const FUNDERS = ['council', 'nhs', 'joint'] as const;
export const SUPPLY_BASES = ['estimated', 'recorded'] as const;
