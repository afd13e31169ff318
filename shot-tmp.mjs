import { chromium } from 'playwright-core';
const url = process.argv[2];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1440, height: 900 } });
const errors = [];
p.on('console', m => m.type() === 'error' && errors.push(m.text()));
p.on('pageerror', e => errors.push(e.message));
await p.goto(url);
await p.waitForSelector('.leaflet-container[data-rendered="true"]', { timeout: 15000 }).catch(e => console.log('no render', e.message));
await p.waitForTimeout(500);
await p.screenshot({ path: '/tmp/main.png' });
if (process.argv[3]) { await p.locator('tr[data-zone-id="Z14"] .row-button').click(); await p.waitForTimeout(800); await p.screenshot({ path: '/tmp/zone.png' }); }
console.log('errors', errors);
await b.close();
