// Builds data/default-project.json, the embedded Leicestershire sample project,
// from the open data in ../shared/data. Run: node data/build-default-project.mjs
//
// Real: LSOA (2011) boundaries, mid-2019 population, 2011 rural-urban class.
// Fictional: every provider, its branch, its hours. Modelled: demand per LSOA
// (formula below). The output says so in its own fields, and the app shows it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile } from 'topojson-simplify';
import { neighbors } from 'topojson-client';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const sharedData = process.env.CARECOVER_SHARED_DATA ?? path.resolve(here, '..', '..', 'shared', 'data');
const out = path.join(here, 'default-project.json');

const DISTRICTS = {
  E07000129: 'Blaby',
  E07000130: 'Charnwood',
  E07000131: 'Harborough',
  E07000132: 'Hinckley and Bosworth',
  E07000133: 'Melton',
  E07000134: 'North West Leicestershire',
  E07000135: 'Oadby and Wigston',
};

// The app's own spreading of zone contracts over areas (shared/coverage/spread.ts),
// bundled for this script so the sample is modelled exactly as an import would be.
const bundled = path.join(here, '..', 'dist', 'data-build', 'model.mjs');
await build({
  stdin: {
    contents:
      "export { spreadZoneContracts } from './shared/coverage/spread'; export { areaCentre } from './shared/geo/area-centres'; export { DEFAULT_LOTS, DEFAULT_SETTINGS } from './shared/domain/types';",
    resolveDir: path.join(here, '..'),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile: bundled,
  logLevel: 'warning',
});
const { spreadZoneContracts, areaCentre, DEFAULT_LOTS, DEFAULT_SETTINGS } = await import(bundled);

// ---- small helpers ---------------------------------------------------------
function parseCsv(text) {
  const rows = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line) continue;
    const cells = [];
    let cell = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += ch;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

/** Deterministic pseudo-random numbers, so the build is reproducible. */
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261122);
const round1 = (x) => Math.round(x * 10) / 10;

function centroid(geometry) {
  // Mean of the outer ring's vertices: enough to seed zones.
  const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
  let x = 0;
  let y = 0;
  for (const [lon, lat] of ring) {
    x += lon;
    y += lat;
  }
  return [x / ring.length, y / ring.length];
}
function km([lon1, lat1], [lon2, lat2]) {
  const kx = 111.32 * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.hypot((lon1 - lon2) * kx, (lat1 - lat2) * 110.574);
}

// ---- areas -----------------------------------------------------------------
const ruc = new Map(parseCsv(fs.readFileSync(path.join(sharedData, 'lookups', 'lsoa11_ruc11.csv'), 'utf8')).map((r) => [r.lsoa, r.RUC11CD]));
const population = new Map(
  parseCsv(fs.readFileSync(path.join(sharedData, 'lookups', 'lsoa11_population_mid2019.csv'), 'utf8')).map((r) => [r.lsoa, Number(r.pop.replace(/,/g, ''))]),
);

const features = [];
for (const [district] of Object.entries(DISTRICTS)) {
  const file = path.join(sharedData, 'boundaries', 'leicestershire', 'lsoa11', `${district}.geojson`);
  for (const feature of JSON.parse(fs.readFileSync(file, 'utf8')).features) {
    const code = feature.properties.LSOA11CD;
    if (!ruc.has(code) || !population.has(code)) throw new Error(`${code}: no RUC class or population`);
    features.push({ type: 'Feature', id: code, properties: { name: feature.properties.LSOA11NM, district }, geometry: feature.geometry });
  }
}
if (features.length !== 396) throw new Error(`expected 396 LSOAs, found ${features.length}`);

// Quantising snaps the ~1e-9° disagreements between neighbours onto one grid,
// so shared borders become shared arcs; simplifying arcs (not polygons) keeps
// every shared border identical on both sides.
let topo = topology({ areas: { type: 'FeatureCollection', features } }, 1e6);
topo = presimplify(topo);
topo = simplify(topo, quantile(topo, 0.35));
const adjacency = neighbors(topo.objects.areas.geometries);
const codes = topo.objects.areas.geometries.map((g) => g.id);

const areas = features.map((f) => ({
  code: f.id,
  name: f.properties.name,
  district: f.properties.district,
  population: population.get(f.id),
  ruc: ruc.get(f.id),
  centre: centroid(f.geometry),
}));
const areaIndex = new Map(areas.map((a, i) => [a.code, i]));
const neighbourPairs = [];
adjacency.forEach((list, i) => {
  for (const j of list) if (codes[i] < codes[j]) neighbourPairs.push([codes[i], codes[j]]);
});

// ---- zones: region growing from market-town seeds over the adjacency graph --
// Dijkstra from every seed at once, edge cost = distance between area centres,
// so each zone is contiguous and made of whole LSOAs.
const ZONES = [
  ['Z01', 'Loughborough', [-1.206, 52.772], '#4e79a7'],
  ['Z02', 'Shepshed & Charnwood Forest', [-1.3, 52.75], '#f28e2b'],
  ['Z03', 'Soar Valley & Syston', [-1.08, 52.7], '#e15759'],
  ['Z04', 'Coalville', [-1.369, 52.722], '#76b7b2'],
  ['Z05', 'Ashby & Castle Donington', [-1.44, 52.8], '#59a14f'],
  ['Z06', 'Hinckley', [-1.373, 52.541], '#edc948'],
  ['Z07', 'Market Bosworth & Ibstock', [-1.41, 52.64], '#b07aa1'],
  ['Z08', 'Blaby & Narborough', [-1.18, 52.59], '#ff9da7'],
  ['Z09', 'Oadby, Wigston & Kibworth', [-1.09, 52.593], '#9c755f'],
  ['Z10', 'Lutterworth & South Harborough', [-1.2, 52.456], '#bab0ac'],
  ['Z11', 'Market Harborough', [-0.92, 52.477], '#86bcb6'],
  ['Z12', 'East Leicestershire Villages', [-0.9, 52.62], '#d37295'],
  ['Z13', 'Melton Mowbray', [-0.886, 52.765], '#8cd17d'],
  ['Z14', 'Vale of Belvoir & North Melton', [-0.84, 52.9], '#499894'],
];
const graph = areas.map(() => []);
for (const [a, b] of neighbourPairs) {
  const i = areaIndex.get(a);
  const j = areaIndex.get(b);
  const d = km(areas[i].centre, areas[j].centre);
  graph[i].push([j, d]);
  graph[j].push([i, d]);
}
const best = areas.map(() => ({ cost: Infinity, zone: null }));
const queue = [];
for (const [id, , seed] of ZONES) {
  let nearest = 0;
  areas.forEach((a, i) => {
    if (km(a.centre, seed) < km(areas[nearest].centre, seed)) nearest = i;
  });
  best[nearest] = { cost: 0, zone: id };
  queue.push([0, nearest, id]);
}
while (queue.length) {
  queue.sort((x, y) => x[0] - y[0]);
  const [cost, i, zone] = queue.shift();
  if (cost > best[i].cost || best[i].zone !== zone) continue;
  for (const [j, d] of graph[i]) {
    if (cost + d < best[j].cost) {
      best[j] = { cost: cost + d, zone };
      queue.push([cost + d, j, zone]);
    }
  }
}
const assignments = areas.map((a, i) => {
  if (!best[i].zone) throw new Error(`${a.code} was reached by no zone`);
  return [a.code, best[i].zone];
});

// ---- modelled demand ---------------------------------------------------------
// Weekly hours per LSOA = population × packages per head × rurality uplift ×
// hours per package, per service type. Packages per head are set so the county
// total is near what a shire county of ~700,000 commissions (about 2,000 home-care
// packages); rural LSOAs get an uplift for their older population and longer
// calls. Illustrative, not measured.
const SERVICES = {
  'home-care': { perHead: 0.0027, hoursPerPackage: 10.5 },
  chc: { perHead: 0.00035, hoursPerPackage: 14 },
  'live-in': { perHead: 0.00004, hoursPerPackage: 168 }, // a week of 24-hour care
};
const RURAL_UPLIFT = { A: 1, B: 1, C: 1, D: 1.2, E: 1.35 };
const demand = [];
for (const a of areas) {
  const uplift = RURAL_UPLIFT[a.ruc[0]];
  for (const [service, { perHead, hoursPerPackage }] of Object.entries(SERVICES)) {
    // Whole people: the expected number rounded up or down at random (in proportion), so small areas keep their share.
    const expected = a.population * perHead * uplift;
    const people = Math.floor(expected + random());
    demand.push([a.code, service, round1(people * hoursPerPackage), people]);
  }
}

// ---- fictional providers ------------------------------------------------------
const TOWNS = {
  Loughborough: [-1.2065, 52.7721], Shepshed: [-1.2942, 52.7638], Syston: [-1.0776, 52.6996], Anstey: [-1.1903, 52.6717],
  Coalville: [-1.3697, 52.7226], Ashby: [-1.4686, 52.7464], 'Castle Donington': [-1.3385, 52.8427], Measham: [-1.5072, 52.7064],
  Ibstock: [-1.3987, 52.6872], Hinckley: [-1.3724, 52.5413], Burbage: [-1.3497, 52.5272], 'Earl Shilton': [-1.3137, 52.5768],
  'Market Bosworth': [-1.4009, 52.6239], Blaby: [-1.1643, 52.5749], Enderby: [-1.2091, 52.5947], Narborough: [-1.2027, 52.5727],
  Oadby: [-1.0803, 52.6003], Wigston: [-1.1049, 52.5856], Leicester: [-1.1332, 52.6366], Lutterworth: [-1.2003, 52.4557],
  'Broughton Astley': [-1.2217, 52.5276], 'Market Harborough': [-0.9205, 52.4775], Kibworth: [-0.9952, 52.5383],
  Billesdon: [-0.9209, 52.6165], 'Melton Mowbray': [-0.8868, 52.7661], Bottesford: [-0.8007, 52.9446], Asfordby: [-0.9486, 52.7637],
  Kegworth: [-1.2766, 52.8339], Glenfield: [-1.2069, 52.6476],
};
// name, town, status, services, [[zone, weight, extra share offered]...], dates (and an id where the
// next number is taken: the import fixtures add providers P48–P50 to the sample)
const PROVIDERS = [
  ['Charnwood Home Support', 'Loughborough', 'on-framework', ['home-care'], [['Z01', 1.6, 0.12], ['Z02', 1, 0.05]]],
  ['Soar Valley Care', 'Syston', 'on-framework', ['home-care'], [['Z03', 1.3, 0.08], ['Z01', 1, 0.1]]],
  ['Beacon Hill Homecare', 'Shepshed', 'on-framework', ['home-care'], [['Z02', 3, 0.04]]],
  ['Outwoods Care at Home', 'Loughborough', 'on-framework', ['home-care'], [['Z01', 1.5, 0.1]]],
  ['Wreake Valley Homecare', 'Syston', 'on-framework', ['home-care'], [['Z03', 1.3, 0.06], ['Z13', 0.6, 0.05]]],
  ['Bradgate Community Care', 'Anstey', 'non-framework', ['home-care'], [['Z03', 1, 0.05], ['Z02', 1, 0.05]]],
  ['Coalfield Care Services', 'Coalville', 'on-framework', ['home-care'], [['Z04', 3, 0.03], ['Z07', 1, 0.02]]],
  ['Whitwick Home Support', 'Coalville', 'on-framework', ['home-care'], [['Z04', 2, 0.02]]],
  ['Ivanhoe Homecare', 'Ashby', 'on-framework', ['home-care'], [['Z05', 3, 0.1], ['Z04', 0.7, 0.05]]],
  ['Donington Care Partnership', 'Castle Donington', 'on-framework', ['home-care'], [['Z05', 2, 0.08]]],
  ['Measham & District Care', 'Measham', 'non-framework', ['home-care'], [['Z05', 1, 0.05], ['Z07', 0.8, 0.03]]],
  ['Hinckley Home Care', 'Hinckley', 'on-framework', ['home-care'], [['Z06', 1.6, 0.12]]],
  ['Burbage Caring Hands', 'Burbage', 'on-framework', ['home-care'], [['Z06', 1.4, 0.1], ['Z10', 1, 0.04]]],
  ['Barwell Support at Home', 'Earl Shilton', 'on-framework', ['home-care'], [['Z06', 1.2, 0.08], ['Z07', 1, 0.03], ['Z08', 0.6, 0.05]]],
  ['Bosworth Field Care', 'Market Bosworth', 'on-framework', ['home-care'], [['Z07', 2.2, 0.02]]],
  ['Ibstock Community Care', 'Ibstock', 'on-framework', ['home-care'], [['Z07', 1.2, 0.02], ['Z04', 0.8, 0.02]]],
  ['Blaby Home Support', 'Blaby', 'on-framework', ['home-care'], [['Z08', 1.5, 0.1], ['Z09', 0.8, 0.06]]],
  ['Enderby Homecare', 'Enderby', 'on-framework', ['home-care'], [['Z08', 1.5, 0.08]]],
  ['Narborough Care Services', 'Narborough', 'on-framework', ['home-care'], [['Z08', 1.3, 0.08], ['Z10', 0.8, 0.03]]],
  ['Oadby Care at Home', 'Oadby', 'on-framework', ['home-care'], [['Z09', 1.5, 0.12], ['Z12', 1, 0.04]]],
  ['Wigston Community Support', 'Wigston', 'on-framework', ['home-care'], [['Z09', 1.5, 0.1], ['Z08', 0.6, 0.06]]],
  ['Leicester Home Care Agency', 'Leicester', 'non-framework', ['home-care'], [['Z09', 1, 0.15], ['Z03', 1, 0.1], ['Z08', 0.8, 0.1]]],
  ['Midshires Care (Leicester)', 'Leicester', 'on-framework', ['home-care', 'chc'], [['Z03', 1, 0.08], ['Z09', 1, 0.1], ['Z12', 0.7, 0.02]]],
  ['Lutterworth Home Support', 'Lutterworth', 'on-framework', ['home-care'], [['Z10', 3, 0.02]]],
  ['Broughton Astley Care', 'Broughton Astley', 'on-framework', ['home-care'], [['Z10', 1.5, 0.03], ['Z08', 0.7, 0.05]]],
  ['Welland Care Services', 'Market Harborough', 'on-framework', ['home-care'], [['Z11', 4, 0.06], ['Z12', 1, 0.03]]],
  ['Harborough Homecare', 'Market Harborough', 'on-framework', ['home-care'], [['Z11', 1.2, 0.05]]],
  ['Kibworth Caring Services', 'Kibworth', 'on-framework', ['home-care'], [['Z09', 1, 0.05], ['Z11', 0.8, 0.04], ['Z12', 1, 0.02]]],
  ['Billesdon & High Leicestershire Care', 'Billesdon', 'on-framework', ['home-care'], [['Z12', 2.5, 0.01]]],
  ['Melton Home Support', 'Melton Mowbray', 'on-framework', ['home-care'], [['Z13', 3, 0.08], ['Z14', 0.8, 0.02]]],
  ['Wolds Care at Home', 'Melton Mowbray', 'on-framework', ['home-care'], [['Z13', 2, 0.06]]],
  ['Belvoir Care at Home', 'Bottesford', 'on-framework', ['home-care', 'chc'], [['Z14', 4, 0.02]]],
  ['Asfordby Community Care', 'Asfordby', 'non-framework', ['home-care'], [['Z13', 1, 0.05], ['Z14', 0.7, 0.02]]],
  ['County Live-in Care', 'Leicester', 'on-framework', ['live-in'], ['Z01', 'Z02', 'Z03', 'Z04', 'Z05', 'Z06', 'Z08', 'Z09', 'Z10', 'Z11', 'Z13'].map((z) => [z, 1, 0.05])],
  ['Shires Continuing Care', 'Loughborough', 'on-framework', ['chc'], ['Z01', 'Z02', 'Z04', 'Z05', 'Z07'].map((z) => [z, 1, 0.05])],
  ['Swift Homecare', 'Hinckley', 'on-framework', ['home-care'], [['Z06', 1.5, 0.1], ['Z07', 0.6, 0.03]]],
  ['Forest Edge Care', 'Coalville', 'on-framework', ['home-care'], [['Z04', 1, 0.03], ['Z02', 1, 0.04]]],
  ['Trent Valley Home Care', 'Kegworth', 'on-framework', ['home-care'], [['Z05', 1, 0.08], ['Z01', 1.2, 0.1]]],
  ['Vale Homecare', 'Melton Mowbray', 'on-framework', ['home-care'], [['Z13', 1.2, 0.04]]],
  ['Harborough Live-in Services', 'Market Harborough', 'on-framework', ['live-in'], [['Z11', 0.6, 0.1], ['Z12', 1, 0.1], ['Z07', 1, 0.1]], { startDate: '2026-04-01' }],
  ['Meridian Care Partners', 'Leicester', 'new-bidder', ['home-care'], [['Z12', 0, 90], ['Z09', 0, 60]], { startDate: '2027-04-01' }],
  ['Castle Care Group', 'Hinckley', 'exiting-framework', ['home-care'], [['Z06', 1.2, 0], ['Z10', 1, 0]], { endDate: '2027-03-31' }],
  ['Gateway Care Ltd', 'Leicester', 'exiting-framework', ['home-care', 'chc'], [['Z03', 0.8, 0], ['Z09', 0.7, 0]], { endDate: '2027-06-30' }],
  ['Loughborough Carers Co-operative', 'Loughborough', 'on-framework', ['home-care'], [['Z01', 1.4, 0.06]]],
  ['Hathern Home Support', 'Kegworth', 'non-framework', ['home-care'], [['Z01', 1, 0.05]]],
  ['Sketchley Care', 'Burbage', 'on-framework', ['home-care'], [['Z06', 1, 0.06]]],
  ['Glenfield Home Care', 'Glenfield', 'on-framework', ['home-care'], [['Z08', 1, 0.07]]],
  ['Leicestershire Nursing at Home', 'Leicester', 'on-framework', ['chc'], ['Z03', 'Z06', 'Z08', 'Z09', 'Z10', 'Z11', 'Z12', 'Z13'].map((z) => [z, 1, 0.04]), { id: 'P60' }],
];
// How much of each zone's demand its on-framework providers' committed hours
// cover (secure cover): some rural zones short or fragile, towns in surplus.
// Exiting and spot providers hold hours on top, in proportion to their weight
// against the on-framework providers'. CHC and live-in are commissioned a little tighter.
const TARGET_COVERAGE = {
  Z01: 1.3, Z02: 1.03, Z03: 1.28, Z04: 0.97, Z05: 1.09, Z06: 1.28, Z07: 0.93,
  Z08: 1.25, Z09: 1.3, Z10: 0.86, Z11: 1.04, Z12: 0.8, Z13: 1.05, Z14: 0.74,
};
const LOT_TARGET = { 'home-care': 1, chc: 0.95, 'live-in': 0.9 };
const AS_AT = '2026-10-01';

const zoneOf = new Map(assignments);
const zoneDemand = {}; // zone → service → hours
for (const [code, service, hours] of demand) {
  const z = (zoneDemand[zoneOf.get(code)] ??= {});
  z[service] = (z[service] ?? 0) + hours;
}
const zoneWeights = {}; // zone → service → Σ weights of the on-framework providers offering it there
for (const [, , status, services, zones] of PROVIDERS) {
  if (status !== 'on-framework') continue;
  for (const [zone, weight] of zones) for (const s of services) (zoneWeights[zone] ??= {})[s] = (zoneWeights[zone][s] ?? 0) + weight;
}

const providers = [];
const contracts = [];
PROVIDERS.forEach(([name, town, status, services, zones, dates = {}], i) => {
  const id = dates.id ?? `P${String(i + 1).padStart(2, '0')}`;
  const [lon, lat] = TOWNS[town];
  // Branches sit in the town, not all on its centre point.
  providers.push({
    id, name, town, status, services,
    lat: +(lat + (random() - 0.5) * 0.01).toFixed(5), lon: +(lon + (random() - 0.5) * 0.016).toFixed(5),
    startDate: dates.startDate ?? null, endDate: dates.endDate ?? null,
  });
  // One contract per service, so each lot gets the hours meant for it.
  for (const [zone, weight, extra] of zones) {
    for (const s of services) {
      const contracted = weight ? round1(((zoneDemand[zone]?.[s] ?? 0) * TARGET_COVERAGE[zone] * LOT_TARGET[s] * weight) / (zoneWeights[zone]?.[s] || weight)) : 0;
      const additional = weight ? round1(contracted * extra) : extra / services.length; // new bidders offer hours only
      contracts.push({ service: s, providerId: id, zoneId: zone, contractedHours: contracted, additionalHours: additional });
    }
  }
});

// ---- supply at the grain of areas ------------------------------------------
// Zone contracts are spread over each zone's areas as the app spreads an
// imported contract (in proportion to demand for the provider's services,
// within 15 km of its branch where any area has demand). Care in place:
// of each area's demand, 96% is placed in towns and 90% in rural areas (RUC D
// and E), never more than the committed hours there; the rest is unsourced.
// Placed care is shared among the area's active providers by committed hours.
const geometryOf = new Map(features.map((f) => [f.id, f.geometry]));
const centres = new Map(areas.map((a) => [a.code, areaCentre(geometryOf.get(a.code))]));
const spread = ['home-care', 'chc', 'live-in'].flatMap((service) =>
  spreadZoneContracts({
    contracts: contracts.filter((c) => c.service === service),
    assignments: zoneOf,
    demand: demand.map(([areaCode, s, hours, people]) => ({ areaCode, service: s, hours, people })),
    providers: providers.map((p) => ({ ...p, cqcId: null, services: [service] })),
    areaCentres: centres,
    distanceLimitKm: 15,
  }),
);
const active = new Set(providers.filter((p) => (p.startDate ?? '') <= AS_AT && (p.endDate === null || p.endDate >= AS_AT) && p.status !== 'new-bidder').map((p) => p.id));
const demandOf = new Map(demand.map(([code, service, hours, people]) => [`${code}|${service}`, { hours, people }]));
const committedIn = new Map();
for (const r of spread) if (active.has(r.providerId)) committedIn.set(`${r.areaCode}|${r.service}`, (committedIn.get(`${r.areaCode}|${r.service}`) ?? 0) + r.committedHours);
const rucOf = new Map(areas.map((a) => [a.code, a.ruc]));
const supply = spread.map((r) => {
  const key = `${r.areaCode}|${r.service}`;
  const d = demandOf.get(key) ?? { hours: 0, people: 0 };
  const placedShare = /^[DE]/.test(rucOf.get(r.areaCode)) ? 0.9 : 0.96;
  const committed = committedIn.get(key) ?? 0;
  const placed = Math.min(committed, d.hours * placedShare);
  const delivered = active.has(r.providerId) && committed > 0 ? (placed * r.committedHours) / committed : 0;
  const people = d.hours > 0 ? (d.people * delivered) / d.hours : 0;
  const r3 = (x) => Math.round(x * 1000) / 1000;
  return [r.providerId, r.areaCode, r.service, r3(r.committedHours), r3(r.additionalHours), r3(delivered), r3(people), 'estimated'];
});

// ---- rates, settings, output ---------------------------------------------------
const rateBands = [
  { id: 'urban', name: 'Urban', hourlyRate: 24.6, floor: 23.5, ceiling: 26, minRuralShare: 0, chcHourlyRate: 26.1, liveInWeeklyRate: 1150 },
  { id: 'rural', name: 'Rural', hourlyRate: 27.9, floor: 26.5, ceiling: 30, minRuralShare: 0.5, chcHourlyRate: 29.4, liveInWeeklyRate: 1250 },
];
// The app's default lots, with live-in care jointly funded (the council's share 60%).
const lots = DEFAULT_LOTS.map((lot) => (lot.service === 'live-in' ? { ...lot, funder: 'joint', councilShare: 0.6 } : lot));
const totalOf = (service) => demand.filter(([, s]) => s === service).reduce((t, [, , h]) => t + h, 0);
// The council's share of the modelled demand at about the average band rate, rounded down to
// £0.5m: the committee's envelope is a little short, as they usually are.
const councilCost = (totalOf('home-care') * 25.5 + (totalOf('live-in') / 168) * 1200 * 0.6) * 52;
const totalHours = totalOf('home-care') + totalOf('chc');
// ---- eighteen months of modelled monthly returns ------------------------------
// April 2026 to September 2027, October 2026 (the "as at" month) being the
// supply above. The story: demand creeps up; Billesdon & High Leicestershire
// Care hands back packages in the rural East Leicestershire Villages from
// November 2026 and settles at 55% of its care; Castle Care Group and Gateway
// Care wind down before they leave the framework (March and June 2027);
// Meridian Care Partners, the new bidder, joins after the first re-opening
// (April 2027) and takes on the hours it offered over five months. Returns
// are stored compactly: factors on committed and additional hours per provider
// and month, each supply row's delivered hours per month, and the hand-backs;
// the app derives each area's unsourced hours and people waiting from demand
// (grown by the month's factor) less the care in place (services/default-project.ts).
const RETURN_MONTHS = Array.from({ length: 18 }, (_, m) => {
  const index = 2026 * 12 + 3 + m;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
});
const BASE_MONTH = RETURN_MONTHS.indexOf('2026-10');
const storyRandom = mulberry32(20261202);
const idOf = (name) => providers.find((p) => p.name === name).id;
const handingBack = idOf('Billesdon & High Leicestershire Care');
const newBidder = idOf('Meridian Care Partners');
const leaving = { [idOf('Castle Care Group')]: '2027-03', [idOf('Gateway Care Ltd')]: '2027-06' };
const demandGrowth = RETURN_MONTHS.map((_, m) => +(1 + 0.004 * (m - BASE_MONTH)).toFixed(4));
const committedFactor = {};
const additionalFactor = {};
const deliveredFactor = (id, m) => {
  const month = RETURN_MONTHS[m];
  if (id === newBidder) return 0; // its care comes from its offer, below
  if (leaving[id]) {
    const last = RETURN_MONTHS.indexOf(leaving[id]);
    if (m > last) return 0;
    return m > last - 3 ? 1 - 0.3 * (m - (last - 3)) : 1;
  }
  if (id === handingBack && month >= '2026-11') return Math.max(0.55, 1 - 0.15 * (m - BASE_MONTH));
  return 1;
};
for (const p of providers) {
  // A provider handing back packages, or winding down, holds that much less: it can no longer take the work.
  committedFactor[p.id] = RETURN_MONTHS.map((month, m) => (p.id === newBidder ? 0 : +deliveredFactor(p.id, m).toFixed(4)));
  if (p.id === newBidder) additionalFactor[p.id] = RETURN_MONTHS.map((month) => (month >= '2027-04' ? 1 : 0));
}
const delivered = RETURN_MONTHS.map((month, m) => {
  const row = supply.map(([providerId, , , committedHours, , deliveredHours]) => {
    if (providerId === newBidder) return 0;
    const noise = m === BASE_MONTH ? 1 : 1 + (storyRandom() - 0.5) * 0.04;
    // Never more care in place than the provider holds committed there (or delivered in October).
    return committedFactor[providerId][m] === 0 ? 0 : round1(Math.min(Math.max(committedHours, deliveredHours), deliveredHours * deliveredFactor(providerId, m) * noise));
  });
  // The new bidder takes on care waiting to be sourced, up to a growing share of the hours it offered.
  if (month >= '2027-04') {
    const ramp = Math.min(1, 0.2 * (m - RETURN_MONTHS.indexOf('2027-04') + 1));
    const placed = new Map();
    supply.forEach(([, areaCode, service], i) => placed.set(`${areaCode}|${service}`, (placed.get(`${areaCode}|${service}`) ?? 0) + row[i]));
    supply.forEach(([providerId, areaCode, service, , additionalHours], i) => {
      if (providerId !== newBidder) return;
      const key = `${areaCode}|${service}`;
      const waiting = Math.max(0, (demandOf.get(key)?.hours ?? 0) * demandGrowth[m] - placed.get(key));
      row[i] = round1(Math.min(additionalHours * ramp, waiting));
      placed.set(key, placed.get(key) + row[i]);
    });
  }
  return row;
});
// Packages handed back: care in place one month and not the next, at about 7 hours a package (so a fraction where an area lost less).
const handbacks = [];
for (let m = 1; m < RETURN_MONTHS.length; m++) {
  supply.forEach(([providerId], i) => {
    const lost = delivered[m - 1][i] - delivered[m][i];
    const handedBack = deliveredFactor(providerId, m) < deliveredFactor(providerId, m - 1);
    if (handedBack && lost >= 0.35) handbacks.push([m, i, round1(lost / 7)]);
  });
}
const returns = { months: RETURN_MONTHS, demandGrowth, committedFactor, additionalFactor, delivered, handbacks };

const project = {
  format: 'carecover-default-project',
  formatVersion: 3,
  name: 'Leicestershire (sample)',
  isSample: true,
  dataAsOf: '2019-06-30',
  // The day the framework is looked at: which providers are on it.
  asAt: AS_AT,
  notes: [
    'Boundaries, population and rural-urban classes are real open data.',
    'Providers and their hours are fictional. Demand is modelled from population and rurality, not measured.',
  ],
  sources: [
    {
      name: 'LSOA (2011) boundaries, generalised and clipped',
      attribution: 'Contains OS data © Crown copyright and database right 2016. Contains ONS data licensed under the Open Government Licence v3.0. Boundary conversion: UK-GeoJSON by Martin Chorley, CC BY 4.0.',
      licence: 'OGL v3.0; CC BY 4.0',
      asOf: '2011',
    },
    {
      name: 'ONS 2011 Rural-Urban Classification and mid-2019 population estimates per LSOA',
      attribution: 'Source: Office for National Statistics licensed under the Open Government Licence v3.0, compiled by mySociety (uk_ruc, CC BY 4.0).',
      licence: 'OGL v3.0; CC BY 4.0',
      asOf: '2019-06-30',
    },
    {
      name: 'Providers and capacity',
      attribution: 'Providers, branches and contracted hours are fictional (sample data).',
      licence: null,
      asOf: null,
    },
    {
      name: 'Demand',
      attribution: 'Care demand is modelled from population and rurality (sample data), not measured.',
      licence: null,
      asOf: null,
    },
    {
      name: 'Monthly returns',
      attribution: 'Monthly returns (April 2026 to September 2027) are modelled (sample data), not collected.',
      licence: null,
      asOf: null,
    },
  ],
  districts: Object.entries(DISTRICTS).map(([code, name]) => ({ code, name })),
  areas: areas.map(({ centre, ...a }) => a),
  topology: topo,
  neighbours: neighbourPairs,
  plan: {
    name: 'Sample framework zones',
    zones: ZONES.map(([id, name, , colour]) => ({ id, name, colour })),
    assignments,
  },
  /** provider, area, service, committed, additional, delivered hours a week, people, basis */
  supply,
  /** Modelled monthly returns (see above). */
  returns,
  lots,
  providers,
  // Town names shown on the map for orientation.
  places: Object.entries(TOWNS).map(([name, [lon, lat]]) => ({ name: name === 'Ashby' ? 'Ashby-de-la-Zouch' : name, lat, lon })),
  demand,
  rateBands,
  settings: {
    ...DEFAULT_SETTINGS,
    // About the cost of the modelled demand at band rates, rounded down to £0.5m: the
    // committee's envelope is a little short, as they usually are.
    budgetPerYear: Math.floor(councilCost / 500000) * 500000,
  },
};

// Topology coordinates are integers after quantisation; keep the file compact.
fs.writeFileSync(out, JSON.stringify(project));
const sizes = Object.fromEntries(ZONES.map(([id]) => [id, assignments.filter(([, z]) => z === id).length]));
console.log(`wrote ${path.relative(process.cwd(), out)}: ${(fs.statSync(out).size / 1024).toFixed(0)} KiB, ${areas.length} areas, ${neighbourPairs.length} neighbour pairs, ${providers.length} providers`);
console.log('areas per zone', sizes);
console.log('weekly hours (home care and CHC)', Math.round(totalHours), 'budget', project.settings.budgetPerYear, 'supply rows', supply.length);
