// The HTML report in a real browser: Debian's Chromium, headless, driven by playwright-core.
// Renders the fixtures with render_fixture, then checks what a reader would see and do: no console
// or page errors, the timeline's marks, hover / click / tap / keyboard on a code marker, print
// media, the empty page, a hostile diagnosis that must run no script, and the DOM caps of a large
// diagnosis. Screenshots (desktop and phone) and a PDF are written to --out.
//
// node browser_test.mjs --render PATH --fixtures DIR --out DIR [--cli WLANCODE --examples DIR]
// Exit 0 all passed, 1 a check failed, 77 skipped (chromium or playwright-core missing, not in CI).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const inCI = process.env.CI === 'true';
const chromiumPath = process.env.WLANCODE_CHROMIUM || '/usr/bin/chromium';

function unavailable(why) {
  if (inCI) {
    console.error(`report_browser: FAILED: ${why} (CI=true: the browser test must run; scripts/deps.sh installs it)`);
    process.exit(1);
  }
  console.log(`report_browser: SKIPPED: ${why}. Run scripts/deps.sh (installs chromium and runs npm ci in tests/report).`);
  process.exit(77);
}

for (const k of ['render', 'fixtures', 'out']) if (!args[k]) { console.error(`usage: missing --${k}`); process.exit(2); }
if (!existsSync(chromiumPath)) unavailable(`${chromiumPath} not found`);
let chromium;
try {
  chromium = createRequire(path.join(here, 'package.json'))('playwright-core').chromium;
} catch (e) {
  unavailable(`playwright-core is not installed in ${here}/node_modules`);
}

// ---- a tiny harness ------------------------------------------------------------------------------
let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${name}${detail !== undefined ? `: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}` : ''}`);
  }
}
const eq = (name, got, want) => check(name, got === want, `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);

// ---- rendering ---------------------------------------------------------------------------------
mkdirSync(args.out, { recursive: true });
function render(fixturePath, name) {
  const html = path.join(args.out, `${name}.html`);
  const r = spawnSync(args.render, [fixturePath, html], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`render_fixture ${fixturePath}: ${r.status} ${r.stderr}`);
  return html;
}
const fixture = (name) => path.join(args.fixtures, `${name}.json`);

// A large diagnosis, made here: 5,000 attempts in one group, each with a code.
function bigDiagnosis(n) {
  const attempts = [];
  for (let i = 0; i < n; i++) {
    attempts.push({ id: i, outcome: i % 3 ? 'failed' : 'succeeded', phase: 'association', ended_by: 'ap', start: null, end: null,
      t_start: i * 10, t_end: i * 10 + 2, duration_s: 2, bssid: '02:00:00:00:00:01', cause: 'ap_full', summary: `attempt ${i}`,
      codes: [{ ref: 'ieee80211_status:17', family: 'ieee80211_status', value: 17, hex: '0x0011', name: 'WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA',
        decisive: true, source: 'big.log', line: i * 3 + 2, time: null, t: i * 10 + 2, excerpt: `status_code=17 #${i}` }],
      events: [{ event: 'associating', source: 'big.log', line: i * 3 + 1, time: null, t: i * 10, excerpt: `Trying to associate #${i}` }] });
  }
  return { schema: 'wlancode-diagnose/1', verdict: `${n} attempts`, totals: { attempts: n, succeeded: 0, failed: n, unknown: 0, sessions: 0, groups: 1 },
    inputs: [{ source: 'big.log', error: null }], causes: [], by_cause: {}, by_phase: {}, by_ended_by: {},
    groups: [{ id: 0, device: { host: 'h', interface: 'wlan0' }, network: { ssid: 'Big', bssids: [] }, axis: 'relative', t0: null,
      t_end: n * 10, attempts, sessions: [], repeats: [] }],
    codes: { 'ieee80211_status:17': { family: 'ieee80211_status', value: 17, hex: '0x0011', name: 'WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA', meaning: 'full', count: n } },
    notes: [] };
}

// ---- a page with its errors, dialogs and requests recorded ----------------------------------------
async function open(context, html) {
  const page = await context.newPage();
  const log = { errors: [], dialogs: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') log.errors.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('request', (r) => { if (r.url() !== pathToFileURL(html).href) log.requests.push(r.url()); });
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  await page.waitForSelector('html[data-rendered="true"]', { timeout: 10000 }).catch(() => log.errors.push('the page never finished rendering'));
  return { page, log };
}
const visibleText = (page, sel) => page.locator(sel).first().innerText().catch(() => '');

async function realistic(browser) {
  const html = render(fixture('realistic'), 'realistic');
  const data = JSON.parse(readFileSync(fixture('realistic'), 'utf8'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, log } = await open(context, html);

  // The answer first: the verdict is the first section, the causes next.
  const order = await page.$$eval('#report > section', (ss) => ss.slice(0, 2).map((s) => s.id));
  eq('realistic: verdict then causes', order.join(','), 'verdict,causes');
  check('realistic: verdict text', (await visibleText(page, '#verdict')).includes('9 of 12 attempts failed'));
  eq('realistic: causes listed', await page.locator('.cause').count(), 3);
  check('realistic: top cause first', (await visibleText(page, '.cause')).includes('Wrong Wi-Fi password'));
  check('realistic: confidence shown', (await visibleText(page, '.cause')).includes('confidence 80%'));

  // Timeline marks: hand-counted from the fixture (10 attempts, 9 timed codes, 2 sessions that end with a code) ...
  eq('realistic: attempt marks', await page.locator('svg.timeline .tl-attempt').count(), 10);
  eq('realistic: code markers', await page.locator('svg.timeline .tl-code').count(), 9);
  eq('realistic: session spans', await page.locator('svg.timeline .tl-session').count(), 2);
  eq('realistic: session end markers', await page.locator('svg.timeline .tl-session-end').count(), 2);
  eq('realistic: failed bars', await page.locator('.tl-attempt.failed').count(), 7);
  eq('realistic: timelines (one per group)', await page.locator('svg.timeline').count(), 3);
  // ... and per group, against the fixture itself.
  for (let gi = 0; gi < data.groups.length; gi++) {
    const g = data.groups[gi];
    const codes = g.attempts.reduce((n, a) => n + a.codes.filter((c) => typeof c.t === 'number').length, 0);
    eq(`realistic: group ${gi} attempt marks`, await page.locator(`#group-${gi} .tl-attempt`).count(), g.attempts.length);
    eq(`realistic: group ${gi} code markers`, await page.locator(`#group-${gi} .tl-code`).count(), codes);
  }
  const relativeTicks = await page.$$eval('#group-2 svg.timeline > text', (ts) => ts.map((t) => t.textContent));
  check('realistic: relative axis ticks', relativeTicks.some((t) => /^\+\d/.test(t)), relativeTicks);
  check('realistic: a tick is + or \u2212, never both', !relativeTicks.some((t) => t.includes('+-')), relativeTicks);
  const utcTicks = await page.$$eval('#group-1 svg.timeline > text', (ts) => ts.map((t) => t.textContent));
  check('realistic: UTC axis ticks', utcTicks.some((t) => /^09:1\d:\d\d$/.test(t)), utcTicks);

  // Hover: the tooltip shows the code, its name and meaning.
  const full = page.locator('#group-1 .tl-code[data-ref="ieee80211_status:17"]').first();
  await full.scrollIntoViewIfNeeded();
  await page.waitForTimeout(150);  // scrolling hides the tooltip: let that scroll's event pass first
  await full.hover();
  check('realistic: hover shows the tooltip', await page.locator('#tip').isVisible());
  const tip = await visibleText(page, '#tip');
  check('realistic: tooltip has the name', tip.includes('WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA'), tip);
  check('realistic: tooltip has the meaning', tip.includes('cannot take any more associated stations'), tip);
  await page.mouse.move(5, 5);
  check('realistic: tooltip hides on leave', !(await page.locator('#tip').isVisible()));
  // Click pins it in the group's panel.
  await page.locator('#group-1 .tl-code[data-ref="ieee80211_reason:15"]').click();
  const panel = await visibleText(page, '#group-1 .panel');
  check('realistic: click fills the panel', panel.includes('The 4-way key handshake did not finish in time.'), panel);
  check('realistic: panel has the hint', panel.includes('Verify the passphrase on the client'), panel);
  // Keyboard: focus shows the tooltip, Enter pins the panel.
  const eap = page.locator('#group-0 .tl-code[data-ref="wlan_reason:327685"]').first();
  await eap.scrollIntoViewIfNeeded();
  await page.waitForTimeout(150);
  await eap.focus();
  check('realistic: focus shows the tooltip', await page.locator('#tip').isVisible());
  check('realistic: focus shows the tooltip', (await visibleText(page, '#tip')).includes('The EAP authentication failed.'));
  await page.keyboard.press('Enter');
  check('realistic: Enter fills the panel', (await visibleText(page, '#group-0 .panel')).includes('ONEX_EAP_FAILURE_RECEIVED'));
  // An attempt bar explains the attempt and marks its table row.
  await page.locator('#group-1 .tl-attempt[data-attempt="2"]').click();
  check('realistic: attempt click explains it', (await visibleText(page, '#group-1 .panel')).includes('key exchange failed'));
  eq('realistic: attempt click marks its row', await page.locator('tr.target').getAttribute('id'), 'attempt-1-2');

  // A record of 3 collapsed attempts: one bar labelled 3x, a row marked x 3, counted 3 times.
  eq('realistic: collapsed repeats bar', await page.locator('#group-2 .tl-attempt text').last().textContent(), '3\u00d7');
  check('realistic: collapsed repeats row', (await visibleText(page, '#attempt-2-1')).includes('\u00d7 3'));
  check('realistic: group counts', (await visibleText(page, '#group-2 .group-stats')).startsWith('4 attempts: 0 succeeded, 3 failed, 1 unknown'));
  // Table rows in time order although the diagnosis lists group 0's attempts as they closed.
  const starts = await page.$$eval('#group-1 table.attempts tr[id^="attempt-"] td:nth-child(2)', (tds) => tds.map((t) => t.textContent));
  eq('realistic: table in time order', starts.join(' '), '09:10:00 09:10:03 09:10:10 09:11:00');

  // Table, code links, charts, inputs.
  eq('realistic: table rows', await page.locator('table.attempts tr[id^="attempt-"]').count(), 10);
  const links = await page.$$eval('a[href^="#code-"]', (as) => as.map((a) => [a.getAttribute('href'), !!document.getElementById(a.getAttribute('href').slice(1))]));
  check('realistic: code links', links.length >= 7, links.length);
  check('realistic: every code link has its target', links.every(([, ok]) => ok), links.filter(([, ok]) => !ok));
  eq('realistic: code reference entries', await page.locator('.code-card').count(), Object.keys(data.codes).length);
  eq('realistic: bar charts', await page.locator('.chart svg').count(), 3);
  check('realistic: input error shown', (await visibleText(page, '#inputs')).includes('gzip: unexpected end of stream'));
  check('realistic: note shown', (await visibleText(page, '#inputs')).includes('no wall-clock time'));
  check('realistic: repeats shown', (await visibleText(page, '#group-0 .repeats')).includes('2 × 802.1X rejected'));

  // Evidence: collapsed on screen, opened by its button.
  const firstEvidence = page.locator('#group-0 tr.evidence-row').first();
  check('realistic: evidence collapsed', !(await firstEvidence.isVisible()));
  await page.locator('#group-0 table .toggle').first().click();
  check('realistic: evidence opens', await firstEvidence.isVisible());
  check('realistic: evidence lines', (await firstEvidence.innerText()).includes('EventID 11001'));
  await page.screenshot({ path: path.join(args.out, 'realistic-desktop.png'), fullPage: true });

  // Print: nothing hover-only lost, every collapsed block shown, no buttons.
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.$$eval('.collapsible', (els) => els.filter((e) => getComputedStyle(e).display === 'none').length);
  eq('realistic: print shows every collapsed block', hidden, 0);
  eq('realistic: print hides the toggles', await page.locator('.toggle:visible').count(), 0);
  check('realistic: print keeps the panel content', await page.locator('#group-0 .panel').isVisible());
  await page.pdf({ path: path.join(args.out, 'realistic-print.pdf'), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  eq('realistic: no console or page errors', log.errors.join('\n'), '');
  eq('realistic: nothing loaded', log.requests.join(' '), '');
  await context.close();

  // Phone: the page fits the width (the timeline scrolls in its own box), a tap shows a code.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const p = await open(phone, html);
  const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('phone: no page-wide horizontal scroll', overflow <= 1, overflow);
  await p.page.locator('#group-1 .tl-code[data-ref="ieee80211_reason:15"]').tap();
  check('phone: tap fills the panel', (await visibleText(p.page, '#group-1 .panel')).includes('4-way key handshake'));
  await p.page.screenshot({ path: path.join(args.out, 'realistic-phone.png'), fullPage: true });
  eq('phone: no console or page errors', p.log.errors.join('\n'), '');
  await phone.close();
}

async function empty(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, log } = await open(context, render(fixture('empty'), 'empty'));
  check('empty: says no attempts', (await visibleText(page, '#verdict')).includes('No Wi-Fi connection attempts found'));
  eq('empty: no timeline', await page.locator('svg.timeline').count(), 0);
  check('empty: input error listed', (await visibleText(page, '#inputs')).includes('No such file or directory'));
  eq('empty: the code found is listed', await page.locator('.code-card').count(), 1);
  await page.screenshot({ path: path.join(args.out, 'empty-desktop.png'), fullPage: true });
  eq('empty: no console or page errors', log.errors.join('\n'), '');
  await context.close();
}

async function hostile(browser) {
  const html = render(fixture('hostile'), 'hostile');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, log } = await open(context, html);
  // Touch everything that builds content late: every marker's tooltip and panel, every toggle.
  for (const m of await page.locator('.tl-code, .tl-attempt, .tl-session-end').all()) {
    await m.hover();
    await m.click();
  }
  for (const t of await page.locator('.toggle').all()) await t.click();
  await page.waitForTimeout(300);
  eq('hostile: no script ran', await page.evaluate(() => typeof window.__pwned), 'undefined');
  eq('hostile: no dialog', log.dialogs.join(' '), '');
  eq('hostile: no injected element', await page.locator('#report img, #report script, #report iframe, #tip img').count(), 0);
  eq('hostile: no event-handler attribute', await page.evaluate(() =>
    [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length), 0);
  eq('hostile: no javascript: link', await page.locator('a[href^="javascript:" i]').count(), 0);
  const text = await page.locator('#report').innerText();
  check('hostile: the SSID is shown as text', text.includes('</script><img src=x onerror=alert(1)>'));
  check('hostile: control characters made visible', text.includes('esc\\x1b[31mred\\x00nul'));
  eq('hostile: attempt marks', await page.locator('.tl-attempt').count(), 2);
  eq('hostile: code markers (one code has no time)', await page.locator('.tl-code').count(), 1);
  await page.screenshot({ path: path.join(args.out, 'hostile-desktop.png'), fullPage: true });
  eq('hostile: no console or page errors', log.errors.join('\n'), '');
  eq('hostile: nothing loaded', log.requests.join(' '), '');
  await context.close();
}

async function broken(browser) {
  const bad = path.join(args.out, 'broken.json');
  writeFileSync(bad, '{"groups": [ {"attempts": ');
  const context = await browser.newContext();
  const { page, log } = await open(context, render(bad, 'broken'));
  check('broken: says the data cannot be read', (await visibleText(page, '#verdict')).includes('no readable diagnosis'));
  eq('broken: no console or page errors', log.errors.join('\n'), '');
  await context.close();
}

// Valid JSON of the wrong shape: every field of another type, null, out of range. The page draws
// what it can and throws nothing.
async function wrongShapes(browser) {
  const shapes = [
    { groups: { a: 1 }, totals: 'x', causes: [null, 1, 's', { evidence: 'x', confidence: 'high' }], codes: [], by_phase: [1, 2], notes: 'n', inputs: {} },
    { groups: [null, 3, 'g', { device: 7, network: [], axis: 5, t0: 'soon', attempts: [null, 1, { t_start: '1' },
      { id: { x: 1 }, outcome: 'maybe', t_start: 5, t_end: 2, duration_s: -1, codes: [null, { t: 1e308, ref: 9 }, { t: -1e308 }], events: 'e' },
      { t_start: 0, t_end: 1e9, codes: [{ t: 3, ref: 'nope:1', decisive: 'yes' }] }], sessions: [null, { t_start: 2, end_code: {} }], repeats: [null, 5] }],
      totals: { attempts: 1e300, failed: -3 }, by_cause: { a: 'x', b: -1, c: 1e9 }, codes: { 'nope:2': null, x: { hint: 'h', count: 'many' } } },
    [], 42, 'text', null,
  ];
  for (let i = 0; i < shapes.length; i++) {
    const file = path.join(args.out, `shape-${i}.json`);
    writeFileSync(file, JSON.stringify(shapes[i]));
    const context = await browser.newContext();
    const { page, log } = await open(context, render(file, `shape-${i}`));
    // Marks of absurd times overlap: dispatched, not clicked at a point.
    for (const m of await page.locator('.tl-code, .tl-attempt, .tl-session-end').all()) await m.dispatchEvent('click');
    eq(`wrong shape ${i}: no console or page errors`, log.errors.join('\n'), '');
    check(`wrong shape ${i}: a verdict section`, (await page.locator('#verdict').count()) === 1);
    await context.close();
  }
}

// The real thing: `wlancode report` on the bundled examples, checked against `wlancode diagnose`'s JSON.
async function examples(browser) {
  if (!args.cli || !args.examples) return;
  const html = path.join(args.out, 'examples.html');
  const made = spawnSync(args.cli, ['report', args.examples, '-o', html], { encoding: 'utf8' });
  eq('examples: wlancode report exit status', made.status, 0);
  const diag = spawnSync(args.cli, ['diagnose', args.examples, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const data = JSON.parse(diag.stdout);
  const timed = (v) => typeof v === 'number' && Math.abs(v) <= 1e11;
  let bars = 0;
  let codes = 0;
  for (const g of data.groups) {
    for (const a of g.attempts.slice(0, 400)) {
      if (timed(a.t_start)) bars++;
      codes += a.codes.filter((c) => timed(c.t)).length;
    }
  }
  check('examples: the diagnosis has timed attempts and codes', bars > 5 && codes > 5, { bars, codes });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, log } = await open(context, html);
  check('examples: the verdict', (await visibleText(page, '#verdict')).includes(data.verdict.replace(/`/g, '')));
  eq('examples: attempt marks', await page.locator('.tl-attempt').count(), bars);
  eq('examples: code markers', await page.locator('.tl-code').count(), codes);
  // A group with nothing timed (plain.txt's prose, wps.log's tool output) gets its table, no chart.
  const charted = data.groups.slice(0, 40).filter((g) => g.attempts.slice(0, 400).some((a) => timed(a.t_start) ||
    a.codes.some((c) => timed(c.t))) || g.sessions.some((se) => timed(se.t_start) || timed(se.t_end))).length;
  check('examples: some groups have nothing timed', charted < Math.min(40, data.groups.length), { charted });
  eq('examples: timelines', await page.locator('svg.timeline').count(), charted);
  check('examples: an untimed group says why it has no chart',
    (await page.locator('.tl-note').allTextContents()).some((t) => t.includes('Nothing in this group has a usable time')));
  eq('examples: code reference entries', await page.locator('.code-card').count(), Object.keys(data.codes).length);
  const first = page.locator('.tl-code.decisive').first();
  await first.scrollIntoViewIfNeeded();
  await page.waitForTimeout(150);
  await first.hover();
  check('examples: hover explains a code', (await visibleText(page, '#tip')).length > 20);
  await page.screenshot({ path: path.join(args.out, 'examples-desktop.png'), fullPage: true });
  eq('examples: no console or page errors', log.errors.join('\n'), '');
  eq('examples: nothing loaded', log.requests.join(' '), '');
  await context.close();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const p = await open(phone, html);
  const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('examples phone: no page-wide horizontal scroll', overflow <= 1, overflow);
  await p.page.screenshot({ path: path.join(args.out, 'examples-phone.png'), fullPage: true });
  eq('examples phone: no console or page errors', p.log.errors.join('\n'), '');
  await phone.close();
}

async function large(browser) {
  const file = path.join(args.out, 'big.json');
  writeFileSync(file, JSON.stringify(bigDiagnosis(5000)));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const started = Date.now();
  const { page, log } = await open(context, render(file, 'big'));
  const ms = Date.now() - started;
  eq('large: attempt marks capped', await page.locator('.tl-attempt').count(), 400);
  eq('large: table rows capped', await page.locator('table.attempts tr[id^="attempt-"]').count(), 200);
  check('large: the cap is said', (await visibleText(page, '#group-0')).includes('first 400 of 5,000 attempts'));
  check('large: the rest is counted', (await visibleText(page, '#group-0')).includes('4,800 more attempts not listed'));
  eq('large: no console or page errors', log.errors.join('\n'), '');
  console.log(`large: 5,000 attempts opened in ${ms} ms (${await page.evaluate(() => document.querySelectorAll('*').length)} elements)`);
  await context.close();
}

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
});
try {
  for (const run of [realistic, empty, hostile, broken, wrongShapes, examples, large]) {
    try {
      await run(browser);
    } catch (e) {
      check(`${run.name}: ran to the end`, false, String(e && e.stack ? e.stack : e));
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots and PDF: ${args.out}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
