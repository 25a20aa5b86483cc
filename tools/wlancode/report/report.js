// wlancode report: draws the page from the two JSON blocks (wlancode-meta, wlancode-diagnosis).
// Every value from the data reaches the page through textContent or setAttribute only, never as
// markup, so a log line cannot add an element or a script. The DOM is capped (first N per list,
// with a note) so a report of a large log still opens fast.
'use strict';
(function () {
  const CAP = {
    groups: 40, // group sections drawn
    timelineAttempts: 400, // attempt bars per timeline
    timelineCodes: 800, // code markers per timeline
    tableAttempts: 200, // rows per attempts table
    evidence: 40, // evidence lines per attempt or cause
    codes: 600, // entries of the code reference
    causes: 12,
    listItems: 200, // inputs, notes, repeats
  };
  const SVG = 'http://www.w3.org/2000/svg';
  const OUTCOMES = {
    succeeded: { word: 'succeeded', icon: '\u2713', pattern: 'pat-succeeded' },
    failed: { word: 'failed', icon: '\u2715', pattern: 'pat-failed' },
    unknown: { word: 'outcome unknown', icon: '?', pattern: 'pat-unknown' },
  };
  const ENDED_BY = {
    device: 'this device',
    ap: 'access point',
    auth_server: 'auth server',
    driver: 'the driver',
    user: 'the user',
    unknown: 'unknown',
  };

  // ---- small, safe DOM helpers ---------------------------------------------------------------
  function add(node, kids) {
    for (const k of kids) {
      if (k === null || k === undefined || k === false) continue;
      if (Array.isArray(k)) add(node, k);
      else if (typeof k === 'object' && k.nodeType) node.appendChild(k);
      else node.appendChild(document.createTextNode(String(k)));
    }
    return node;
  }
  function setAttrs(node, attrs) {
    if (!attrs) return node;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      node.setAttribute(k, v === true ? '' : String(v));
    }
    return node;
  }
  function h(tag, attrs, ...kids) { return add(setAttrs(document.createElement(tag), attrs), kids); }
  function s(tag, attrs, ...kids) { return add(setAttrs(document.createElementNS(SVG, tag), attrs), kids); }

  // ---- reading untrusted data ----------------------------------------------------------------
  const arr = (v) => (Array.isArray(v) ? v : []);
  const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
  const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  // A time on a group's axis: absurd magnitudes (beyond 3,000 years) are no time at all.
  const tnum = (v) => (num(v) !== null && Math.abs(v) <= 1e11 ? v : null);
  const str = (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  // Control characters made visible (a log line may hold escape sequences or NULs).
  const visible = (v) =>
    str(v).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c.charCodeAt(0) > 0xff ? '\\u' + c.charCodeAt(0).toString(16) : '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'));
  const plural = (n, one, many) => `${fmtInt(n)} ${n === 1 ? one : many || one + 's'}`;
  const fmtInt = (n) => (num(n) === null ? '0' : Math.round(n).toLocaleString('en-US'));
  const idPart = (v) => visible(v).replace(/\s/g, '_');

  function readBlock(id) {
    const el = document.getElementById(id);
    if (!el) return { ok: false, error: 'missing' };
    try {
      return { ok: true, value: JSON.parse(el.textContent) };
    } catch (e) {
      return { ok: false, error: String(e && e.message ? e.message : e) };
    }
  }

  // ---- names of things -----------------------------------------------------------------------
  let META = {};
  let DATA = {};
  const phaseLabel = (p) => {
    const id = str(p);
    if (!id) return 'unknown';
    const d = obj(META.phases)[id];
    return d ? str(d) : id.replace(/_/g, ' ');
  };
  const initiatorLabel = (i) => {
    const id = str(i);
    const d = obj(META.initiators)[id];
    return d ? str(d) : id.replace(/_/g, ' ');
  };
  const endedByLabel = (e) => {
    const id = str(e);
    return Object.prototype.hasOwnProperty.call(ENDED_BY, id) ? ENDED_BY[id] : id.replace(/_/g, ' ') || 'unknown';
  };
  // How many attempts one record stands for (diagnose collapses identical repeats into one).
  const times = (a) => (num(a.count) !== null && a.count > 1 ? Math.floor(a.count) : 1);
  const outcomeOf = (a) => (Object.prototype.hasOwnProperty.call(OUTCOMES, a.outcome) ? a.outcome : 'unknown');
  const codeEntry = (ref) => {
    const c = obj(DATA.codes)[str(ref)];
    return c ? obj(c) : null;
  };
  const codeAnchor = (ref) => 'code-' + idPart(ref);
  function codeName(ref, occurrence) {
    const c = codeEntry(ref) || {};
    const o = obj(occurrence);
    const name = str(c.name || o.name);
    if (name) return name;
    const r = str(ref);
    if (r.startsWith('text:')) return `\u201c${r.slice(5)}\u201d`;  // a reason the log printed as text only
    const hex = str(c.hex || o.hex);
    const fam = str(c.family || o.family).replace(/:$/, '');
    return hex ? `${fam} ${hex}`.trim() : r;
  }
  // A code name that may wrap after its underscores (WLAN_REASON_CODE_...), and nowhere else.
  const breakable = (text) => visible(text).split(/(?<=_)/).map((part, i) => [i ? h('wbr') : null, part]);
  function codeLink(ref, occurrence) {
    const text = codeName(ref, occurrence);
    if (!codeEntry(ref)) return h('span', { class: 'mono' }, breakable(text));
    return h('a', { class: 'mono', href: '#' + codeAnchor(ref) }, breakable(text));
  }
  function causeTitle(id) {
    if (str(id) === 'unknown') return 'no cause identified';
    for (const c of arr(DATA.causes)) if (str(obj(c).id) === str(id)) return str(c.title) || str(id);
    return str(id).replace(/_/g, ' ');
  }

  // ---- time ----------------------------------------------------------------------------------
  function fmtDuration(sec) {
    const v = num(sec);
    if (v === null) return '\u2014';
    if (v < 1) return `${Math.round(v * 1000)} ms`;
    if (v < 60) return `${v.toFixed(v < 10 ? 1 : 0)} s`;
    if (v < 3600) return `${Math.floor(v / 60)} min ${Math.round(v % 60)} s`;
    return `${Math.floor(v / 3600)} h ${Math.round((v % 3600) / 60)} min`;
  }
  function parseTime(t) {
    const d = new Date(str(t));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const pad2 = (n) => String(n).padStart(2, '0');
  function fmtClock(d, withDate) {
    const hm = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
    return withDate ? `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${hm}` : hm;
  }
  // Time since boot: "+12.5 s" below ten minutes, then "+2:43:56" (h:mm:ss) or "+43:56".
  function fmtRelative(t, digits) {
    const v = num(t);
    if (v === null) return '\u2014';
    const sign = v < 0 ? '\u2212' : '+';  // a tick left of the first time on the axis
    const a = Math.abs(v);
    if (a < 600) return `${sign}${Number.isInteger(a) && !digits ? a : a.toFixed(digits || 1)} s`;
    const whole = Math.floor(a);
    const frac = digits ? (a - whole).toFixed(digits).slice(1) : '';
    const hh = Math.floor(whole / 3600);
    const mm = Math.floor((whole % 3600) / 60);
    return `${sign}${hh ? hh + ':' + pad2(mm) : mm}:${pad2(whole % 60)}${frac}`;
  }
  // When an attempt / event happened, as the group's axis tells.
  function whenText(group, time, t) {
    const d = parseTime(time);
    if (d) return fmtClock(d, false);
    if (group.axis === 'relative') return fmtRelative(t);
    const t0 = parseTime(group.t0);
    if (t0 && num(t) !== null) return fmtClock(new Date(t0.getTime() + t * 1000), false);
    return '\u2014';
  }

  // ---- tooltip and panels --------------------------------------------------------------------
  const tip = document.getElementById('tip');
  function codeInfo(ref, occurrence) {
    const c = codeEntry(ref) || {};
    const o = obj(occurrence);
    const hint = obj(c.hint);
    const rows = [];
    const row = (k, v) => { if (str(v)) rows.push(h('dt', null, k), h('dd', null, visible(v))); };
    const value = c.value !== undefined ? c.value : o.value;
    row('code', `${str(c.family || o.family)} ${str(c.hex || o.hex)}${num(value) !== null ? ` (${value})` : ''}`);
    row('meaning', c.meaning || (str(c.name || o.name) ? '' : 'a raw code wlancode does not decode'));
    if (c.phase) row('phase', phaseLabel(c.phase));
    if (c.initiator) row('from', initiatorLabel(c.initiator));
    row('likely cause', hint.cause);
    row('what to do', hint.action);
    if (o.source) row('seen', `${str(o.source)}${num(o.line) !== null ? ':' + o.line : ''}${o.decisive ? ' (decisive)' : ''}`);
    if (codeEntry(ref)) rows.push(h('dt', null, ''), h('dd', null, h('a', { href: '#' + codeAnchor(ref) }, 'explanation in the code list \u2193')));
    return h('div', { class: 'info' }, h('div', { class: 'info-title' }, h('span', { class: 'mono' }, visible(codeName(ref, o)))),
      h('dl', null, rows));
  }
  function attemptInfo(group, a) {
    const o = OUTCOMES[outcomeOf(a)];
    const rows = [];
    const row = (k, v) => { if (str(v)) rows.push(h('dt', null, k), h('dd', null, visible(v))); };
    const n = times(a);
    row('when', n > 1 ? `${whenText(group, a.start, a.t_start)} to ${whenText(group, a.end, a.t_end)}` : `${whenText(group, a.start, a.t_start)}, ${fmtDuration(a.duration_s)}`);
    if (outcomeOf(a) !== 'succeeded') row('phase', phaseLabel(a.phase));
    if (outcomeOf(a) !== 'succeeded') row('ended by', endedByLabel(a.ended_by));
    row('BSSID', arr(a.bssids).length > 1 ? arr(a.bssids).join(', ') : a.bssid);
    if (a.cause && a.cause !== 'unknown') row('likely cause', causeTitle(a.cause));
    row('summary', a.summary);
    if (a.roam) row('note', 'a roam to another AP');
    if (a.inferred) row('note', 'inferred from codes only: the log has no start or end line for it');
    return h('div', { class: 'info' }, h('div', { class: 'info-title' }, `${n > 1 ? `${n} attempts` : `Attempt ${str(a.id)}`}: ${o.icon} ${o.word}`), h('dl', null, rows));
  }
  function showTip(target, content) {
    tip.replaceChildren(content);
    tip.hidden = false;
    const r = target.getBoundingClientRect();
    const w = tip.offsetWidth;
    const hgt = tip.offsetHeight;
    let x = Math.min(Math.max(8, r.left + r.width / 2 - w / 2), window.innerWidth - w - 8);
    let y = r.top - hgt - 10;
    if (y < 8) y = r.bottom + 10;
    tip.style.left = `${Math.round(x)}px`;
    tip.style.top = `${Math.round(y)}px`;
  }
  function hideTip() { tip.hidden = true; }
  // A mark of the timeline: hover and keyboard focus show the tooltip; click, tap, Enter and
  // Space pin its content in the panel under the timeline.
  function interactive(node, panel, content) {
    setAttrs(node, { tabindex: '0', role: 'button' });
    node.addEventListener('mouseenter', () => showTip(node, content()));
    node.addEventListener('mouseleave', hideTip);
    node.addEventListener('focus', () => showTip(node, content()));
    node.addEventListener('blur', hideTip);
    const pin = () => {
      for (const sel of document.querySelectorAll('.selected')) sel.classList.remove('selected');
      node.classList.add('selected');
      panel.replaceChildren(content());
      panel.classList.add('filled');
    };
    node.addEventListener('click', pin);
    node.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        pin();
      }
    });
    return node;
  }

  // A button that shows or hides `body` (printing shows all).
  function disclosure(label, body, open) {
    const btn = h('button', { type: 'button', class: 'toggle', 'aria-expanded': open ? 'true' : 'false' }, label);
    body.classList.add('collapsible');
    if (!open) body.classList.add('collapsed');
    btn.addEventListener('click', () => {
      const nowOpen = body.classList.toggle('collapsed') === false;
      btn.setAttribute('aria-expanded', nowOpen ? 'true' : 'false');
    });
    return btn;
  }

  // ---- sections ------------------------------------------------------------------------------
  // The verdict, with `quoted` parts (SSIDs) shown as code.
  function quoted(node, text) {
    str(text).split('`').forEach((part, i) => add(node, [i % 2 ? h('code', null, visible(part)) : visible(part)]));
    return node;
  }
  const verdictText = (text) => quoted(h('p', { class: 'verdict-text' }), text);

  function header() {
    const inputs = arr(DATA.inputs).length || arr(META.inputs).length;
    const bits = [];
    const made = parseTime(META.generated_at);
    if (made) bits.push(`Generated ${fmtClock(made, true).slice(0, 16)} UTC`);
    else if (str(META.generated_at)) bits.push(`Generated ${visible(META.generated_at)}`);
    if (str(META.version)) bits.push(`wlancode ${visible(META.version)}`);
    bits.push(`from ${plural(inputs, 'input')}`);
    return h('header', { class: 'page-head' },
      h('div', null, h('div', { class: 'brand' }, 'wlancode \u00b7 Wi-Fi connection report'), h('h1', null, visible(META.title || 'Wi-Fi connection report'))),
      h('div', { class: 'meta' }, bits.join(' \u00b7 ')));
  }

  function tiles(totals) {
    const t = obj(totals);
    const tile = (n, label, cls) => h('div', { class: 'tile' + (cls ? ' ' + cls : '') }, h('span', { class: 'n' }, fmtInt(num(n) || 0)), h('span', { class: 'l' }, label));
    return h('div', { class: 'tiles' },
      tile(t.attempts, 'attempts'),
      tile(t.succeeded, '\u2713 succeeded', 'ok'),
      tile(t.failed, '\u2715 failed', num(t.failed) ? 'fail' : ''),
      num(t.unknown) ? tile(t.unknown, '? unknown') : null,
      tile(t.sessions, 'sessions'),
      tile(t.groups, 'device \u00d7 network'));
  }

  function verdictCard() {
    const t = obj(DATA.totals);
    const cls = num(t.failed) ? 'failed' : num(t.succeeded) ? 'succeeded' : '';
    return h('section', { class: 'card verdict ' + cls, id: 'verdict', 'aria-label': 'Verdict' },
      verdictText(DATA.verdict || 'No verdict in the diagnosis.'), tiles(t));
  }

  function emptyCard() {
    const t = obj(DATA.totals);
    const inputs = arr(DATA.inputs);
    const bad = inputs.filter((i) => obj(i).error).length;
    return h('section', { class: 'card verdict empty-state', id: 'verdict' },
      h('p', { class: 'big' }, 'No Wi-Fi connection attempts found'),
      h('p', null, `wlancode read ${plural(inputs.length || arr(META.inputs).length, 'input')}` +
        `${bad ? ` (${bad} could not be read)` : ''} and found ${plural(num(t.findings) || 0, 'code')} and ` +
        `${plural(num(t.events) || 0, 'connection event')}, but no connection attempt: no line in them says that a ` +
        'device tried to join a network.'),
      h('p', { class: 'muted' }, 'Check that the logs cover the time of the problem and come from the device that had it ' +
        '(wpa_supplicant, NetworkManager, iwd, the kernel, WLAN-AutoConfig events or a WLAN report); the inputs and ' +
        'any codes that were found are listed below.'),
      DATA.verdict ? h('p', { class: 'muted small' }, 'wlancode diagnose: ', quoted(h('span'), DATA.verdict)) : null);
  }

  function evidenceList(lines, group) {
    const list = h('ul', { class: 'evidence' });
    const shown = lines.slice(0, CAP.evidence);
    for (const e of shown) {
      const where = `${visible(e.source)}${num(e.line) !== null ? ':' + e.line : ''}`;
      const when = group ? whenText(group, e.time, e.t) : (parseTime(e.time) ? fmtClock(parseTime(e.time), true) : '');
      const li = h('li', { class: e.ref ? (e.decisive ? 'code-line decisive' : 'code-line') : null },
        e.ref ? h(codeEntry(e.ref) ? 'a' : 'span', { class: 'tag' + (e.decisive ? ' decisive' : ''), href: codeEntry(e.ref) ? '#' + codeAnchor(e.ref) : null,
          title: codeName(e.ref, e) }, e.decisive ? 'decisive' : 'code') : null,
        e.event ? h('span', { class: 'tag' }, visible(e.event).replace(/_/g, ' ')) : null,
        h('span', { class: 'where' }, `${where}${when && when !== '\u2014' ? '  ' + when : ''}  `),
        visible(e.excerpt));
      list.appendChild(li);
    }
    if (lines.length > shown.length) list.appendChild(h('li', { class: 'where' }, `\u2026 ${plural(lines.length - shown.length, 'more line')} not shown`));
    return list;
  }

  function causesCard() {
    const causes = arr(DATA.causes).map(obj);
    if (!causes.length) return null;
    const list = h('ol', { class: 'causes' });
    causes.slice(0, CAP.causes).forEach((c, i) => {
      const conf = num(c.confidence);
      const pct = conf === null ? null : Math.max(0, Math.min(100, Math.round(conf * 100)));
      const ev = arr(c.evidence).map(obj);
      const body = evidenceList(ev, null);
      list.appendChild(h('li', { class: 'cause' },
        h('div', { class: 'cause-head' },
          h('h3', null, visible(c.title || c.id)),
          h('span', { class: `likelihood ${str(c.likelihood) === 'likely' ? '' : 'weaker'}` }, visible(c.likelihood || 'likely')),
          pct === null ? null : h('span', { class: 'confidence', title: 'confidence of the rule that matched' },
            h('span', { class: 'meter', 'aria-hidden': 'true' }, h('span', { style: `width:${pct}%` })), `confidence ${pct}%`),
          h('span', { class: 'muted small' }, `${plural(num(c.attempts) || 0, 'attempt')}${num(c.sessions) > 0 ? `, ${plural(c.sessions, 'disconnect')}` : ''}`)),
        c.check ? h('p', { class: 'check' }, h('strong', null, 'What to check: '), visible(c.check)) : null,
        ev.length ? disclosure(`Evidence (${plural(ev.length, 'line')})`, body, i === 0) : null,
        ev.length ? body : null));
    });
    const more = causes.length - Math.min(causes.length, CAP.causes);
    return h('section', { class: 'card', id: 'causes' },
      h('h2', null, 'Likely causes ', h('span', { class: 'count' }, `(${causes.length})`)),
      h('p', { class: 'muted small', style: 'margin:-6px 0 10px' }, 'Ranked by wlancode\u2019s diagnosis rules; each is a likely explanation backed by the lines shown, not a certainty.'),
      list, more > 0 ? h('p', { class: 'muted' }, `${plural(more, 'more cause')} not shown.`) : null);
  }

  // ---- timeline ------------------------------------------------------------------------------
  const TL = { left: 86, right: 24, laneSession: 14, laneAttempt: 38, laneCode: 76, codeRow: 13, gapWidth: 56 };

  function niceStep(span, target) {
    const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
    for (const st of steps) if (span / st <= target) return st;
    return Math.ceil(span / target / 86400) * 86400;
  }

  // The time axis of a timeline: bursts of activity keep their proportions, long quiet stretches
  // (a connected session, a night) shrink to a fixed-width break, so sub-second attempts before a
  // half-hour session stay apart. Returns the clusters with their x ranges and x(t).
  function brokenAxis(points, intervals, left, width) {
    const spans = intervals.concat(points.map((t) => [t, t])).sort((p, q) => p[0] - q[0]);
    if (!spans.length) spans.push([0, 1]);
    const total = Math.max(...spans.map((x) => x[1])) - spans[0][0];
    const quiet = Math.max(0.15 * total, 60);
    const clusters = [];
    for (const [a, b] of spans) {
      const last = clusters[clusters.length - 1];
      if (last && a - last[1] <= quiet) last[1] = Math.max(last[1], b);
      else clusters.push([a, b]);
    }
    for (const cl of clusters) {
      const pad = Math.max(0.5, (cl[1] - cl[0]) * 0.03);
      cl[0] -= pad;
      cl[1] += pad;
    }
    const room = width - (clusters.length - 1) * TL.gapWidth;
    const sum = clusters.reduce((n, cl) => n + (cl[1] - cl[0]), 0);
    const weights = clusters.map((cl) => Math.max(cl[1] - cl[0], sum * 0.12));
    const wsum = weights.reduce((n, w) => n + w, 0);
    let x = left;
    const parts = clusters.map((cl, i) => {
      const part = { t0: cl[0], t1: cl[1], x0: x, x1: x + (room * weights[i]) / wsum };
      x = part.x1 + TL.gapWidth;
      return part;
    });
    const at = (t) => {
      if (t <= parts[0].t0) return parts[0].x0;
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        if (t <= p.t1) return p.x0 + ((t - p.t0) / (p.t1 - p.t0)) * (p.x1 - p.x0);
        const next = parts[i + 1];
        if (next && t < next.t0) return p.x1 + ((t - p.t1) / (next.t0 - p.t1)) * (next.x0 - p.x1);
      }
      return parts[parts.length - 1].x1;
    };
    return { parts, x: at };
  }

  function defsSvg() {
    // The outcome patterns, shared by every chart of the page.
    return s('svg', { width: '0', height: '0', style: 'position:absolute', 'aria-hidden': 'true', focusable: 'false' },
      s('defs', null,
        s('pattern', { id: 'pat-succeeded', width: '8', height: '8', patternUnits: 'userSpaceOnUse' },
          s('rect', { width: '8', height: '8', fill: '#009e73' })),
        s('pattern', { id: 'pat-failed', width: '6', height: '6', patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
          s('rect', { width: '6', height: '6', fill: '#d55e00' }), s('rect', { width: '2', height: '6', fill: '#ffffff', 'fill-opacity': '0.55' })),
        s('pattern', { id: 'pat-unknown', width: '6', height: '6', patternUnits: 'userSpaceOnUse' },
          s('rect', { width: '6', height: '6', fill: '#b5b5b5' }), s('circle', { cx: '3', cy: '3', r: '1.3', fill: '#555555' }))));
  }

  function legend() {
    const sw = (pattern) => s('svg', { width: '22', height: '12', 'aria-hidden': 'true' },
      s('rect', { width: '22', height: '12', rx: '2', fill: `url(#${pattern})`, stroke: 'rgba(0,0,0,.35)' }));
    const diamond = (fill) => s('svg', { width: '14', height: '14', 'aria-hidden': 'true' },
      s('path', { d: 'M7 1 L13 7 L7 13 L1 7 Z', fill, stroke: '#1d2129', 'stroke-width': '1.25' }));
    return h('div', { class: 'legend' },
      ...Object.values(OUTCOMES).map((o) => h('span', null, sw(o.pattern), `${o.icon} ${o.word}`)),
      h('span', null, s('svg', { width: '22', height: '12', 'aria-hidden': 'true' },
        s('rect', { width: '22', height: '12', rx: '2', fill: '#56b4e9', 'fill-opacity': '.45', stroke: '#2b8cc4' })), 'session (connected)'),
      h('span', null, diamond('#1d2129'), 'decisive code'),
      h('span', null, diamond('#ffffff'), 'other code'));
  }

  // Whether a group has anything to put on a time axis: an attempt's start, a code's or a session's time.
  function hasTimes(group) {
    const attempts = arr(group.attempts).map(obj).slice(0, CAP.timelineAttempts);
    return attempts.some((a) => tnum(a.t_start) !== null || arr(a.codes).some((c) => tnum(obj(c).t) !== null)) ||
      arr(group.sessions).map(obj).some((se) => tnum(se.t_start) !== null || tnum(se.t_end) !== null);
  }

  function timeline(group, gi, panel, width) {
    const attempts = arr(group.attempts).map(obj);
    const sessions = arr(group.sessions).map(obj);
    const drawn = attempts.slice(0, CAP.timelineAttempts);
    const W = Math.max(width, 300);
    TL.left = W < 480 ? 66 : 86;
    const points = [];
    const intervals = [];
    const see = (t) => { if (tnum(t) !== null) points.push(t); };
    for (const a of drawn) {
      if (tnum(a.t_start) !== null) intervals.push([a.t_start, Math.max(a.t_start, tnum(a.t_end) === null ? a.t_start : a.t_end, tnum(a.t_last_start) === null ? a.t_start : a.t_last_start)]);
      for (const c of arr(a.codes)) see(obj(c).t);
    }
    for (const se of sessions) { see(se.t_start); see(se.t_end); }
    const axis = brokenAxis(points, intervals, TL.left, W - TL.left - TL.right);
    const x = axis.x;
    const end = axis.parts[axis.parts.length - 1].t1;

    // Code markers first (they decide the height): a marker too close to one before it moves
    // down a row, so none hides another.
    const marks = [];
    for (const a of drawn) {
      for (const cRaw of arr(a.codes)) {
        const c = obj(cRaw);
        if (tnum(c.t) === null || marks.length >= CAP.timelineCodes) continue;
        marks.push({ c, cx: x(c.t) });
      }
    }
    marks.sort((p, q) => p.cx - q.cx);
    const rowEnds = [];
    for (const m of marks) {
      let row = rowEnds.findIndex((e) => e <= m.cx - 15);
      if (row < 0) row = rowEnds.length < 3 ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
      rowEnds[row] = m.cx;
      m.cy = TL.laneCode + row * TL.codeRow;
    }
    const axisY = TL.laneCode + Math.max(1, rowEnds.length) * TL.codeRow + 6;
    const H = axisY + 22;
    const root = s('svg', { class: 'timeline', width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'group',
      'aria-label': `Timeline of ${plural(attempts.length, 'attempt')} and ${plural(sessions.length, 'session')}` });

    // Axis: ticks inside each burst, a labelled break between bursts.
    const t0 = parseTime(group.t0);
    const relative = group.axis === 'relative' || !t0;
    const labels = [];
    axis.parts.forEach((p, i) => {
      const pw = p.x1 - p.x0;
      const step = niceStep(p.t1 - p.t0, Math.max(1, Math.floor(pw / 90)));
      // Sub-second steps label tenths, so no two ticks read the same.
      const digits = step < 1 ? 1 : 0;
      const label = (t) => {
        if (relative) return fmtRelative(t, digits);
        const d = new Date(t0.getTime() + t * 1000);
        return fmtClock(d, false) + (digits ? '.' + String(Math.floor(d.getUTCMilliseconds() / 100)) : '');
      };
      let ticks = 0;
      for (let t = Math.ceil(p.t0 / step) * step; t <= p.t1 + 1e-9; t += step) {
        const gx = x(t);
        root.appendChild(s('line', { class: 'grid', x1: gx, x2: gx, y1: 6, y2: axisY }));
        labels.push([gx, label(t)]);
        ticks++;
      }
      if (!ticks) labels.push([(p.x0 + p.x1) / 2, label((p.t0 + p.t1) / 2)]);
      root.appendChild(s('line', { class: 'axis', x1: p.x0, x2: p.x1, y1: axisY, y2: axisY }));
      const next = axis.parts[i + 1];
      if (next) {
        const gx = (p.x1 + next.x0) / 2;
        root.appendChild(s('rect', { class: 'gap', x: p.x1 + 3, y: 4, width: TL.gapWidth - 6, height: axisY - 4, rx: 3 }));
        root.appendChild(s('path', { class: 'gap-mark', d: `M${gx - 7} ${axisY + 5} L${gx - 1} ${axisY - 5} M${gx + 1} ${axisY + 5} L${gx + 7} ${axisY - 5}` }));
        root.appendChild(s('text', { class: 'gap-label', x: gx, y: TL.laneAttempt + 15, 'text-anchor': 'middle' }, fmtDuration(next.t0 - p.t1).replace(/ \d+ s$/, '')));
      }
    });
    // Tick labels left to right, none closer than a label's width to the one before.
    let lastX = -Infinity;
    for (const [lx, text] of labels.sort((p, q) => p[0] - q[0])) {
      if (lx - lastX < 64 || lx < TL.left - 10) continue;
      const nearEnd = lx > W - 36;  // the last label ends at the edge instead of being cut
      root.appendChild(s('text', { x: nearEnd ? W - 4 : lx, y: axisY + 15, 'text-anchor': nearEnd ? 'end' : 'middle' }, text));
      lastX = lx;
    }
    root.appendChild(s('text', { class: 'lane-label', x: 8, y: TL.laneSession + 11 }, 'Sessions'));
    root.appendChild(s('text', { class: 'lane-label', x: 8, y: TL.laneAttempt + 15 }, 'Attempts'));
    root.appendChild(s('text', { class: 'lane-label', x: 8, y: TL.laneCode + 4 }, 'Codes'));

    // Sessions: spans, with the code that ended them as a marker.
    for (const se of sessions) {
      // A session up before the log began is drawn from the axis's start.
      const a = tnum(se.t_start) === null && se.before_log && tnum(se.t_end) !== null ? Math.min(0, tnum(se.t_end)) : tnum(se.t_start);
      if (a === null) continue;
      const b = se.open || tnum(se.t_end) === null ? Math.max(end, tnum(se.t_end) || 0) : tnum(se.t_end);
      root.appendChild(s('g', { class: 'tl-session' }, s('rect', { x: x(a), y: TL.laneSession, width: Math.max(2, x(b) - x(a)), height: 14, rx: 3 }),
        s('title', null, se.open ? `session from ${whenText(group, se.start, se.t_start)}, still connected at the end of the log`
          : `session ${whenText(group, se.start, se.t_start)}, ${fmtDuration(se.duration_s)}, ended by ${endedByLabel(se.ended_by)}`)));
      if (se.end_code && tnum(se.t_end) !== null) {
        const ex = x(b);
        const m = s('g', { class: 'tl-session-end', 'data-ref': str(se.end_code), 'aria-label': `session ended: ${codeName(se.end_code)}` },
          s('rect', { x: ex - 8, y: 2, width: 16, height: 28, fill: 'transparent' }),
          s('path', { d: `M${ex - 6} ${TL.laneSession - 6} L${ex + 6} ${TL.laneSession - 6} L${ex} ${TL.laneSession + 3} Z` }),
          s('line', { x1: ex, x2: ex, y1: TL.laneSession, y2: TL.laneSession + 14 }));
        root.appendChild(interactive(m, panel, () => codeInfo(se.end_code, { source: '', decisive: false })));
      }
    }

    // Attempts: bars by outcome (pattern + colour + icon).
    for (const a of drawn) {
      const ts = tnum(a.t_start);
      if (ts === null) continue;
      const te = Math.max(ts, tnum(a.t_end) === null ? ts : tnum(a.t_end), tnum(a.t_last_start) === null ? ts : tnum(a.t_last_start));
      const o = outcomeOf(a);
      const bx = x(ts);
      const bw = Math.max(5, x(te) - bx);
      const bar = s('g', { class: `tl-attempt ${o}`, 'data-attempt': str(a.id), 'aria-label': `attempt ${str(a.id)} ${OUTCOMES[o].word}` },
        s('rect', { x: bx, y: TL.laneAttempt, width: bw, height: 22, rx: 2, fill: `url(#${OUTCOMES[o].pattern})` }));
      const icon = times(a) > 1 ? `${times(a)}\u00d7` : OUTCOMES[o].icon;
      if (bw >= 8 + 8 * icon.length) bar.appendChild(s('text', { class: 'bar-icon', x: bx + bw / 2, y: TL.laneAttempt + 15, 'text-anchor': 'middle' }, icon));
      interactive(bar, panel, () => attemptInfo(group, a));
      bar.addEventListener('click', () => {
        const row = document.getElementById(`attempt-${gi}-${idPart(a.id)}`);
        for (const r of document.querySelectorAll('tr.target')) r.classList.remove('target');
        if (row) row.classList.add('target');
      });
      root.appendChild(bar);
    }

    // Codes: diamonds, filled when decisive.
    for (const { c, cx, cy } of marks) {
      const r = c.decisive ? 6.5 : 5.5;
      const m = s('g', { class: 'tl-code' + (c.decisive ? ' decisive' : ''), 'data-ref': str(c.ref), 'aria-label': `code ${codeName(c.ref, c)}` },
        s('path', { d: `M${cx} ${cy - r} L${cx + r} ${cy} L${cx} ${cy + r} L${cx - r} ${cy} Z` }));
      root.appendChild(interactive(m, panel, () => codeInfo(c.ref, c)));
    }
    return root;
  }

  function groupTitle(group) {
    const d = obj(group.device);
    const n = obj(group.network);
    // A device that names no host is known by its file (its name, not the path).
    const place = str(d.host) || str(d.file).split(/[\\/]/).pop();
    const dev = [place, str(d.interface)].filter(Boolean).join(' \u00b7 ') || 'unknown device';
    const net = str(n.ssid) ? n.ssid : '(no SSID in the log)';
    const bssids = arr(n.bssids);
    return { dev: visible(dev), net: visible(net), bssids };
  }

  function groupSection(group, gi) {
    const g = obj(group);
    const attempts = arr(g.attempts).map(obj);
    const sessions = arr(g.sessions);
    const title = groupTitle(g);
    const counts = obj(g.counts);
    const count = (o) => (num(counts[o]) !== null ? counts[o] : attempts.filter((a) => outcomeOf(a) === o).reduce((n, a) => n + times(a), 0));
    const total = num(counts.attempts) !== null ? counts.attempts : attempts.reduce((n, a) => n + times(a), 0);
    const panel = h('div', { class: 'panel', 'aria-live': 'polite' }, 'Point at, tap or focus a mark of the timeline to see what it is.');
    const scroller = h('div', { class: 'tl-scroll' });
    // Nothing of the group has a time (a tool's output, a ticket's pasted lines): no chart, the table.
    const charted = hasTimes(g);
    const draw = () => {
      if (!charted) return;
      const w = scroller.clientWidth || 900;
      if (scroller.dataset.width === String(w)) return;
      scroller.dataset.width = String(w);
      scroller.replaceChildren(timeline(g, gi, panel, w));
    };
    redrawers.push(draw);
    const untimed = attempts.slice(0, CAP.timelineAttempts).filter((a) => tnum(a.t_start) === null).length;
    const notes = [];
    if (attempts.length > CAP.timelineAttempts) notes.push(`The timeline shows the first ${fmtInt(CAP.timelineAttempts)} of ${fmtInt(attempts.length)} attempts.`);
    if (!charted) notes.push('Nothing in this group has a usable time: its attempts are only in the table.');
    else if (untimed) notes.push(`${plural(untimed, 'attempt')} without a usable time ${untimed === 1 ? 'is' : 'are'} only in the table.`);
    if (num(counts.attempts_not_listed) > 0) notes.push(`wlancode diagnose listed the first attempts only: ${plural(counts.attempts_not_listed, 'more attempt')} ${counts.attempts_not_listed === 1 ? 'is' : 'are'} only counted.`);
    if (num(counts.sessions_not_listed) > 0) notes.push(`${plural(counts.sessions_not_listed, 'more session')} only counted.`);
    if (!charted) {
      // no axis to explain
    } else if (g.axis === 'relative') notes.push('Times are seconds since the device booted: the log gave no wall-clock time.');
    else if (parseTime(g.t0)) notes.push(`Times are UTC; the chart starts at ${fmtClock(parseTime(g.t0), true)}.`);
    const repeats = arr(g.repeats).map(obj);
    const section = h('section', { class: 'card group', id: `group-${gi}` },
      h('div', { class: 'group-head' },
        h('h2', { style: 'margin:0' }, title.dev, ' \u2192 ', h('span', null, title.net)),
        title.bssids.length ? h('span', { class: 'sub' }, `${plural(title.bssids.length, 'BSSID')}: ${title.bssids.slice(0, 6).map(visible).join(', ')}${title.bssids.length > 6 ? ', \u2026' : ''}`) : null),
      h('p', { class: 'group-stats' }, `${plural(total, 'attempt')}: ${fmtInt(count('succeeded'))} succeeded, ${fmtInt(count('failed'))} failed` +
        `${count('unknown') ? `, ${fmtInt(count('unknown'))} unknown` : ''} \u00b7 ${plural(sessions.length, 'session')}`),
      charted ? legend() : null, charted ? scroller : null, charted ? panel : null,
      notes.length ? h('p', { class: 'tl-note' }, notes.join(' ')) : null,
      repeats.length ? h('ul', { class: 'repeats' }, repeats.slice(0, CAP.listItems).map((r) => quoted(h('li'), r.text))) : null,
      attemptsTable(g, gi, attempts));
    return { section, draw };
  }

  function attemptsTable(group, gi, attempts) {
    if (!attempts.length) return h('p', { class: 'muted' }, 'No attempts in this group.');
    const body = h('tbody');
    // Chronological (diagnose lists attempts as they close); untimed ones last, in their order.
    const order = attempts.map((a, i) => [a, i]).sort(([p, i], [q, j]) => {
      const tp = tnum(p.t_start);
      const tq = tnum(q.t_start);
      if (tp === null || tq === null) return tp === tq ? i - j : tp === null ? 1 : -1;
      return tp - tq || i - j;
    });
    const shown = order.slice(0, CAP.tableAttempts).map(([a]) => a);
    for (const a of shown) {
      const o = outcomeOf(a);
      const codes = arr(a.codes).map(obj);
      const decisive = codes.filter((c) => c.decisive);
      const lines = [...arr(a.events).map(obj), ...codes]
        .sort((p, q) => (str(p.source) < str(q.source) ? -1 : str(p.source) > str(q.source) ? 1 : (num(p.line) || 0) - (num(q.line) || 0)));
      const failed = o !== 'succeeded';
      body.appendChild(h('tr', { id: `attempt-${gi}-${idPart(a.id)}`, class: `attempt ${o}` },
        h('td', { class: 'num', 'data-label': '#' }, str(a.id)),
        h('td', { class: 'num', 'data-label': 'Start' }, whenText(group, a.start, a.t_start)),
        h('td', { 'data-label': 'Outcome' }, h('span', { class: `badge ${o}` }, OUTCOMES[o].icon, ' ', OUTCOMES[o].word),
          times(a) > 1 ? h('span', { class: 'times', title: `${times(a)} attempts alike` }, ` \u00d7 ${times(a)}`) : null),
        h('td', { 'data-label': 'Failed at', class: failed ? null : 'na' }, failed ? phaseLabel(a.phase) : '\u2014'),
        h('td', { 'data-label': 'Ended by', class: failed ? null : 'na' }, failed ? endedByLabel(a.ended_by) : '\u2014'),
        h('td', { class: 'num', 'data-label': 'Duration' }, fmtDuration(a.duration_s)),
        h('td', { 'data-label': 'Decisive code', class: decisive.length ? null : 'na' }, decisive.length ? decisive.slice(0, 3).map((c, i) => [i ? ', ' : '', codeLink(c.ref, c)]) : '\u2014'),
        h('td', { class: 'summary-text', 'data-label': 'What happened' }, visible(a.summary) || '\u2014',
          a.inferred ? h('span', { class: 'muted small' }, ' (inferred from codes only)') : null)));
      if (lines.length) {
        const row = h('tr', { class: 'evidence-row' }, h('td', { colspan: '8' }, evidenceList(lines, group)));
        body.lastChild.lastChild.appendChild(h('div', null, disclosure(`Evidence (${plural(lines.length, 'line')})`, row, false)));
        body.appendChild(row);
      }
    }
    const head = h('thead', null, h('tr', null, ['#', 'Start', 'Outcome', 'Failed at', 'Ended by', 'Duration', 'Decisive code', 'What happened'].map((t) => h('th', { scope: 'col' }, t))));
    return h('div', null,
      h('h3', { style: 'margin:16px 0 6px' }, 'Attempts', h('span', { class: 'muted small', style: 'font-weight:400' }, ' in time order')),
      h('div', { class: 'table-wrap' }, h('table', { class: 'attempts' }, head, body)),
      attempts.length > shown.length ? h('p', { class: 'tl-note' }, `${plural(attempts.length - shown.length, 'more attempt')} not listed (the first ${fmtInt(shown.length)} are).`) : null);
  }

  // ---- counts --------------------------------------------------------------------------------
  // A horizontal bar chart, drawn at the width it is given so its text keeps its size.
  function barChart(title, counts, label) {
    const rows = Object.entries(obj(counts)).map(([k, v]) => [k, num(v) || 0]).filter(([, v]) => v > 0).sort((p, q) => q[1] - p[1]).slice(0, 12);
    if (!rows.length) return null;
    const max = Math.max(...rows.map(([, v]) => v));
    const box = h('div', { class: 'chart-box' });
    const draw = () => {
      const W = Math.max(240, box.clientWidth || 320);
      if (box.dataset.width === String(W)) return;
      box.dataset.width = String(W);
      const rowH = 26;
      const labelW = Math.min(280, Math.round(W * 0.58));
      const barRoom = W - labelW - 36;
      const H = rows.length * rowH + 4;
      const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${title}: ${rows.map(([k, v]) => `${label(k)} ${v}`).join(', ')}` });
      const fit = Math.floor((labelW - 10) / 7.2);  // characters of 12px text that fit
      rows.forEach(([k, v], i) => {
        const y = i * rowH + 2;
        const text = label(k);
        const short = text.length > fit ? text.slice(0, fit - 1) + '\u2026' : text;
        const bw = Math.max(2, (barRoom * v) / max);
        svg.appendChild(s('g', null, s('title', null, `${text}: ${v}`),
          s('text', { x: labelW - 8, y: y + 16, 'text-anchor': 'end' }, short),
          s('rect', { class: 'track', x: labelW, y: y + 4, width: barRoom, height: 16, rx: 3 }),
          s('rect', { class: 'bar', x: labelW, y: y + 4, width: bw, height: 16, rx: 3 }),
          s('text', { class: 'value', x: labelW + bw + 6, y: y + 16 }, fmtInt(v))));
      });
      box.replaceChildren(svg);
    };
    redrawers.push(draw);
    return h('div', { class: 'chart' }, h('h3', null, title), box);
  }

  function countsCard() {
    const charts = [barChart('By likely cause', DATA.by_cause, (k) => visible(causeTitle(k))),
      barChart('By failing phase', DATA.by_phase, (k) => visible(phaseLabel(k))),
      barChart('Ended by', DATA.by_ended_by, (k) => visible(endedByLabel(k)))].filter(Boolean);
    if (!charts.length) return null;
    return h('section', { class: 'card', id: 'counts' }, h('h2', null, 'Failed attempts in numbers'), h('div', { class: 'charts' }, charts));
  }

  // ---- code reference ------------------------------------------------------------------------
  function codesCard() {
    const entries = Object.entries(obj(DATA.codes));
    if (!entries.length) return null;
    entries.sort((p, q) => (num(obj(q[1]).count) || 0) - (num(obj(p[1]).count) || 0));
    const grid = h('div', { class: 'codes' });
    for (const [ref, raw] of entries.slice(0, CAP.codes)) {
      const c = obj(raw);
      const hint = obj(c.hint);
      const rows = [];
      const row = (k, v) => { if (str(v)) rows.push(h('dt', null, k), h('dd', null, visible(v))); };
      row('phase', c.phase ? phaseLabel(c.phase) : '');
      row('from', c.initiator ? initiatorLabel(c.initiator) : '');
      row('likely cause', hint.cause);
      row('what to do', hint.action);
      row('seen', num(c.count) !== null ? plural(c.count, 'time') : '');
      grid.appendChild(h('article', { class: 'code-card', id: codeAnchor(ref) },
        h('h3', null, breakable(codeName(ref, c))),
        h('div', { class: 'family' }, [str(c.family).replace(/:$/, ''), str(c.hex) + (num(c.value) !== null ? ` (${c.value})` : ''), str(c.section)]
          .filter(Boolean).map(visible).join(' \u00b7 ')),
        h('p', null, visible(c.meaning) || (str(c.name) ? '' : str(ref).startsWith('text:')
          ? 'A reason the log printed as text, which wlancode matched to no code.'
          : 'A raw code: wlancode shows it as the log printed it, without a table to decode it.')),
        rows.length ? h('dl', null, rows) : null));
    }
    return h('section', { class: 'card', id: 'codes' },
      h('h2', null, 'Codes in these logs ', h('span', { class: 'count' }, `(${entries.length})`)), grid,
      entries.length > CAP.codes ? h('p', { class: 'tl-note' }, `${plural(entries.length - CAP.codes, 'more code')} not shown.`) : null);
  }

  function inputsCard() {
    const inputs = arr(DATA.inputs).map(obj);
    const notes = arr(DATA.notes);
    const list = h('ul', { class: 'plain' });
    for (const i of inputs.slice(0, CAP.listItems)) {
      list.appendChild(h('li', null, h('span', { class: 'mono' }, visible(i.source)),
        i.error ? h('span', { class: 'input-error' }, ` \u2014 could not be read: ${visible(i.error)}`) : null));
    }
    if (inputs.length > CAP.listItems) list.appendChild(h('li', { class: 'muted' }, `${plural(inputs.length - CAP.listItems, 'more input')}`));
    const bad = inputs.filter((i) => i.error).length;
    return h('section', { class: 'card', id: 'inputs' },
      h('h2', null, 'Inputs ', h('span', { class: 'count' }, `(${inputs.length}${bad ? `, ${bad} with errors` : ''})`)), list,
      notes.length ? [h('h3', { style: 'margin:14px 0 4px' }, 'Notes'), h('ul', { class: 'plain notes' }, notes.slice(0, CAP.listItems).map((n) => h('li', null, visible(n))))] : null);
  }

  function toc(groups, hasCauses, hasCounts, hasCodes) {
    const links = [['#verdict', 'Verdict']];
    if (hasCauses) links.push(['#causes', 'Causes']);
    if (hasCounts) links.push(['#counts', 'Numbers']);
    groups.forEach((g, i) => { const t = groupTitle(obj(g)); links.push([`#group-${i}`, `${t.dev} \u2192 ${t.net}`]); });
    if (hasCodes) links.push(['#codes', 'Codes']);
    links.push(['#inputs', 'Inputs']);
    return h('nav', { class: 'toc', 'aria-label': 'Contents' }, links.map(([href, text]) => h('a', { href }, text)));
  }

  // ---- the page ------------------------------------------------------------------------------
  const redrawers = [];
  function render() {
    const root = document.getElementById('report');
    const meta = readBlock('wlancode-meta');
    META = meta.ok ? obj(meta.value) : {};
    const data = readBlock('wlancode-diagnosis');
    document.body.prepend(defsSvg());
    if (META.title) document.title = str(META.title);
    if (!data.ok || !data.value || typeof data.value !== 'object' || Array.isArray(data.value)) {
      root.replaceChildren();
      add(root, [header(), h('section', { class: 'card load-error', id: 'verdict' },
        h('p', { class: 'big' }, 'This report holds no readable diagnosis'),
        h('p', null, 'The data block of this file is not a wlancode diagnosis' + (data.ok ? '.' : ` (${visible(data.error)}).`) + ' Run wlancode report again on the logs.'))]);
      document.documentElement.dataset.rendered = 'true';
      return;
    }
    DATA = data.value;
    const groups = arr(DATA.groups);
    const attempts = groups.reduce((n, g) => n + arr(obj(g).attempts).length, 0);
    const empty = attempts === 0 && !(num(obj(DATA.totals).attempts) > 0) && !(num(obj(DATA.totals).sessions) > 0);
    const causes = empty ? null : causesCard();
    const counts = empty ? null : countsCard();
    const codes = codesCard();
    const sections = groups.slice(0, CAP.groups).map((g, i) => groupSection(g, i));
    root.replaceChildren();
    add(root, [
      header(),
      empty ? null : toc(groups.slice(0, CAP.groups), !!causes, !!counts, !!codes),
      empty ? emptyCard() : verdictCard(),
      causes, counts,
      sections.map((x) => x.section),
      groups.length > CAP.groups ? h('p', { class: 'card muted' }, `${plural(groups.length - CAP.groups, 'more device \u00d7 network group')} not shown.`) : null,
      codes, inputsCard(),
      h('footer', null, `Made by wlancode${META.version ? ' ' + visible(META.version) : ''}. The page works offline and loads nothing.`)]);
    redrawers.forEach((d) => d());
    let pending = 0;
    window.addEventListener('resize', () => {
      clearTimeout(pending);
      pending = setTimeout(() => redrawers.forEach((d) => d()), 120);
    });
    document.addEventListener('scroll', hideTip, { passive: true });
    document.documentElement.dataset.rendered = 'true';
  }
  render();
})();
