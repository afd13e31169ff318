// Kept apart from the request's schema, so the renderer can offer the formats without bundling the validator.

/** What can be exported, in which formats. */
export const EXPORT_FORMATS = {
  map: ['pdf', 'svg', 'png'],
  table: ['csv', 'xlsx'],
  zones: ['geojson', 'gpkg'],
  areas: ['geojson', 'gpkg'],
  'update-report': ['pdf', 'xlsx'],
} as const;
