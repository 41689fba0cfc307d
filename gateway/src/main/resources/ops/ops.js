/*
 * Payment switch: live operations page.
 *
 * Polls GET /v1/ops/figures once a second with the operator token (Authorization: Bearer),
 * keeps the switch's sample window client-side and draws tiles, charts (uPlot), the answers by
 * response code and one card per discount campaign.
 *
 * Safety rules this file keeps: every value from the switch goes into the DOM through
 * textContent or attributes (never innerHTML); the token lives in sessionStorage only (never a
 * URL, a cookie or localStorage); nothing is loaded from anywhere but this origin.
 */
(function () {
  'use strict';

  const TOKEN_KEY = 'payswitch.ops.token';
  const FIGURES_PATH = '/v1/ops/figures';
  const POLL_MS = 1000;
  const STALE_MS = 3000;
  const REQUEST_TIMEOUT_MS = 5000;
  const DEFAULT_WINDOW = 600;

  const STATUS_TEXT = {
    ACTIVE: 'running',
    PAUSED: 'paused',
    EXHAUSTED: 'exhausted',
    SCHEDULED: 'scheduled',
    ENDED: 'ended'
  };

  const COLOURS = {
    answers: '#2563eb',
    refused: '#dc2626',
    p50: '#16a34a',
    p99: '#d97706',
    p999: '#dc2626',
    ring: '#7c3aed',
    remaining: '#2563eb',
    redemptions: '#0d9488',
    axis: '#4b5563',
    grid: '#e5e7eb'
  };

  const byId = (id) => document.getElementById(id);
  const ui = {
    signin: byId('signin'),
    form: byId('signin-form'),
    token: byId('token'),
    submit: byId('signin-submit'),
    error: byId('signin-error'),
    dashboard: byId('dashboard'),
    signout: byId('signout'),
    freshness: byId('freshness'),
    freshnessState: byId('freshness-state'),
    freshnessDetail: byId('freshness-detail'),
    answersPerSecond: byId('answers-per-second'),
    answersTotal: byId('answers-total'),
    approvalRate: byId('approval-rate'),
    approvalRateNote: byId('approval-rate-note'),
    refusedPerSecond: byId('refused-per-second'),
    p50: byId('latency-p50'),
    p99: byId('latency-p99'),
    p999: byId('latency-p999'),
    ring: byId('ring-occupancy'),
    ringUsed: byId('ring-occupancy-used'),
    ringSize: byId('ring-occupancy-size'),
    ringNote: byId('ring-occupancy-note'),
    journal: byId('journal-position'),
    journalNote: byId('journal-position-note'),
    codes: byId('codes'),
    codesBody: byId('codes-body'),
    codesEmpty: byId('codes-empty'),
    campaigns: byId('campaigns'),
    campaignsEmpty: byId('campaigns-empty'),
    campaignTemplate: byId('campaign-template'),
    chartAnswers: byId('chart-answers'),
    chartLatency: byId('chart-latency'),
    chartRing: byId('chart-ring')
  };

  const intFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const decimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

  /* ------------------------------------------------------------------ state */

  /** The signed-in session: null when signed out. */
  let session = null;

  /** What the page knows of the switch's sample window. */
  const data = {
    samples: [],
    latest: -1,
    windowSamples: DEFAULT_WINDOW,
    codes: [],
    campaigns: [],
    lastNewSampleAt: 0,
    problem: '',
    notice: ''
  };

  /** uPlot instances and the DOM nodes of the codes table and campaign cards. */
  const charts = { answers: null, latency: null, ring: null };
  const codeRows = new Map();
  const campaignCards = new Map();

  /* --------------------------------------------------------------- helpers */

  function num(v) {
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }

  function setValue(node, raw, text) {
    node.dataset.value = raw === null || raw === undefined ? '' : String(raw);
    node.textContent = text;
  }

  function fmtInt(v) {
    return v === null ? '–' : intFormat.format(v);
  }

  /** Nanoseconds as µs or ms, whichever reads better. */
  function fmtLatency(ns) {
    if (ns === null) return '–';
    if (ns >= 1e6) {
      const ms = ns / 1e6;
      return ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0) + ' ms';
    }
    const us = ns / 1e3;
    return us.toFixed(us < 1 ? 2 : us < 10 ? 1 : 0) + ' µs';
  }

  /** Microseconds (chart axis) as µs or ms. */
  function fmtMicros(us) {
    if (us === null || us === undefined) return '';
    if (us >= 1000) return +(us / 1000).toPrecision(3) + ' ms';
    return +us.toPrecision(3) + ' µs';
  }

  function fmtPercent(share) {
    const p = share * 100;
    if (p >= 99 && p < 100) return (Math.floor(p * 100) / 100).toFixed(2) + '%';
    if (p > 0 && p < 1) return p.toFixed(2) + '%';
    return p.toFixed(1) + '%';
  }

  function pad2(n) {
    return String(n).padStart(2, '0');
  }

  function fmtClock(millis) {
    const d = new Date(millis);
    return pad2(d.getHours()) + ':' + pad2(d.getMinutes()) + ':' + pad2(d.getSeconds());
  }

  const fractionDigitsCache = new Map();

  /** Minor-unit exponent of an ISO 4217 currency (CNY: 2); 2 when unknown. */
  function fractionDigits(currency) {
    if (!fractionDigitsCache.has(currency)) {
      let digits = 2;
      if (/^[A-Z]{3}$/.test(currency)) {
        try {
          digits = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency })
            .resolvedOptions().maximumFractionDigits;
        } catch (e) {
          digits = 2;
        }
      }
      fractionDigitsCache.set(currency, digits);
    }
    return fractionDigitsCache.get(currency);
  }

  function minorToMajor(minor, currency) {
    return minor / Math.pow(10, fractionDigits(currency));
  }

  /** Minor units as "5,990,000.00 CNY", exactly (integer arithmetic, no float rounding). */
  function fmtMoney(minor, currency) {
    if (minor === null) return '–';
    const digits = fractionDigits(currency);
    const unit = Math.pow(10, digits);
    const abs = Math.abs(minor);
    const whole = Math.floor(abs / unit);
    const fraction = abs - whole * unit;
    let text = (minor < 0 ? '-' : '') + intFormat.format(whole);
    if (digits > 0) text += '.' + String(fraction).padStart(digits, '0');
    return currency ? text + ' ' + currency : text;
  }

  /* ------------------------------------------------------------ the switch */

  /**
   * journalPosition is a Chronicle index: a big opaque number that may exceed what a JS number
   * holds exactly, so its digits are taken from the answer's text as they are.
   */
  function attachRawJournalPositions(text, body) {
    if (!body || !Array.isArray(body.samples)) return;
    const found = [];
    const re = /"journalPosition"\s*:\s*(-?\d+)/g;
    let m;
    while ((m = re.exec(text)) !== null) found.push(m[1]);
    const exact = found.length === body.samples.length;
    body.samples.forEach((s, i) => {
      if (s && typeof s === 'object') {
        s.journalRaw = exact ? found[i] : (num(s.journalPosition) === null ? null : String(s.journalPosition));
      }
    });
  }

  class HttpRefused extends Error {
    constructor(status) {
      super('HTTP ' + status);
      this.status = status;
    }
  }

  /** One GET of the figures; resolves to the parsed body, rejects on anything else. */
  async function fetchFigures(token, after, signal) {
    const url = after >= 0 ? FIGURES_PATH + '?after=' + encodeURIComponent(String(after)) : FIGURES_PATH;
    const response = await fetch(url, {
      method: 'GET',
      headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: signal
    });
    if (!response.ok) throw new HttpRefused(response.status);
    const text = await response.text();
    const body = JSON.parse(text);
    if (!body || typeof body !== 'object' || num(body.latest) === null || !Array.isArray(body.samples)) {
      throw new SyntaxError('not a figures answer');
    }
    attachRawJournalPositions(text, body);
    return body;
  }

  function withTimeout(controller) {
    return setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  }

  function describeFailure(err) {
    if (err instanceof HttpRefused) return 'the switch answered HTTP ' + err.status;
    if (err && err.name === 'AbortError') return 'the switch did not answer within ' + (REQUEST_TIMEOUT_MS / 1000) + ' s';
    if (err instanceof SyntaxError) return 'the switch sent an answer this page cannot read';
    return 'the switch cannot be reached';
  }

  /* ---------------------------------------------------------------- token */

  function storedToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch (e) {
      return null;
    }
  }

  function storeToken(token) {
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch (e) {
      /* storage refused (private mode): the token then lives in this page only */
    }
  }

  function forgetToken() {
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) {
      /* nothing stored */
    }
  }

  /* -------------------------------------------------------------- sign-in */

  function showSignin(message) {
    ui.dashboard.hidden = true;
    ui.signout.hidden = true;
    ui.signin.hidden = false;
    ui.error.textContent = message || '';
    ui.submit.disabled = false;
    ui.token.value = '';
    renderFreshness();
    ui.token.focus();
  }

  async function onSubmit(event) {
    event.preventDefault();
    if (ui.submit.disabled) return;
    const token = ui.token.value.trim();
    if (token === '') {
      ui.error.textContent = 'Enter the operator token.';
      return;
    }
    if (!/^[\x21-\x7e]+$/.test(token)) {
      ui.error.textContent = 'The switch refused this token.';
      return;
    }
    ui.error.textContent = 'Checking the token…';
    ui.submit.disabled = true;
    const controller = new AbortController();
    const timer = withTimeout(controller);
    let body;
    try {
      body = await fetchFigures(token, -1, controller.signal);
    } catch (err) {
      ui.submit.disabled = false;
      if (err instanceof HttpRefused && err.status === 401) {
        ui.error.textContent = 'The switch refused this token.';
      } else if (err instanceof HttpRefused) {
        ui.error.textContent = 'The switch answered HTTP ' + err.status + '; try again in a moment.';
      } else if (err && err.name === 'AbortError') {
        ui.error.textContent = 'The switch cannot be reached: no answer within ' + (REQUEST_TIMEOUT_MS / 1000) + ' s.';
      } else if (err instanceof SyntaxError) {
        ui.error.textContent = 'The switch sent an answer this page cannot read.';
      } else {
        ui.error.textContent = 'The switch cannot be reached. Check the connection and try again.';
      }
      return;
    } finally {
      clearTimeout(timer);
    }
    storeToken(token);
    ui.token.value = '';
    startSession(token, body);
  }

  function startSession(token, firstAnswer) {
    stopSession();
    session = { token: token, timer: null, controller: null };
    resetData();
    ui.signin.hidden = true;
    ui.error.textContent = '';
    ui.dashboard.hidden = false;
    ui.signout.hidden = false;
    ensureCharts();
    if (firstAnswer) {
      ingest(firstAnswer);
      render();
      schedulePoll(session, POLL_MS);
    } else {
      render();
      schedulePoll(session, 0);
    }
  }

  function stopSession() {
    if (!session) return;
    clearTimeout(session.timer);
    if (session.controller) session.controller.abort();
    session = null;
  }

  function signOut(message) {
    stopSession();
    forgetToken();
    resetData();
    render();
    destroyCharts();
    showSignin(message);
  }

  /* -------------------------------------------------------------- polling */

  function schedulePoll(s, delay) {
    if (session !== s) return;
    clearTimeout(s.timer);
    s.timer = setTimeout(() => pollOnce(s), delay);
  }

  async function pollOnce(s) {
    if (session !== s || s.controller) return; // at most one request in flight
    const started = performance.now();
    const controller = new AbortController();
    s.controller = controller;
    const timer = withTimeout(controller);
    let body = null;
    let failure = null;
    try {
      body = await fetchFigures(s.token, data.latest, controller.signal);
    } catch (err) {
      failure = err;
    } finally {
      clearTimeout(timer);
      s.controller = null;
    }
    if (session !== s) return; // signed out meanwhile

    if (failure instanceof HttpRefused && failure.status === 401) {
      signOut('The switch refused the token (it may have restarted with a new one). Sign in again.');
      return;
    }
    let next = Math.max(0, POLL_MS - (performance.now() - started));
    try {
      if (failure) {
        data.problem = describeFailure(failure);
      } else {
        data.problem = '';
        if (ingest(body) === 'restarted') next = 0; // fetch the whole window again at once
      }
      render();
    } finally {
      schedulePoll(s, next);
    }
  }

  /* ----------------------------------------------------------- the window */

  function resetData() {
    data.samples = [];
    data.latest = -1;
    data.codes = [];
    data.campaigns = [];
    data.lastNewSampleAt = 0;
    data.problem = '';
    data.notice = '';
  }

  function indexCampaigns(sample) {
    const byCampaign = new Map();
    if (Array.isArray(sample.campaigns)) {
      for (const c of sample.campaigns) {
        if (c && typeof c.campaignId === 'string') byCampaign.set(c.campaignId, c);
      }
    }
    sample.byCampaign = byCampaign;
  }

  /**
   * Takes one answer into the window. Returns 'restarted' when the answer shows the switch
   * started again (its latest seq went back, or its cumulative counters did): the window is then
   * cleared and must be fetched again whole.
   */
  function ingest(body) {
    const known = data.latest;
    if (known >= 0 && body.latest < known) {
      resetData();
      data.notice = 'the switch restarted; reloading its figures';
      return 'restarted';
    }
    const windowSamples = num(body.windowSamples);
    if (windowSamples !== null && windowSamples > 0) data.windowSamples = Math.floor(windowSamples);
    if (Array.isArray(body.codes)) data.codes = body.codes.filter((c) => c && typeof c.code === 'string');
    if (Array.isArray(body.campaigns)) data.campaigns = body.campaigns.filter((c) => c && typeof c.campaignId === 'string');

    const fresh = body.samples
      .filter((s) => s && typeof s === 'object' && num(s.seq) !== null && s.seq > data.latest)
      .sort((a, b) => a.seq - b.seq);
    if (fresh.length > 0) {
      const last = data.samples[data.samples.length - 1];
      if (last && num(fresh[0].requests) !== null && num(last.requests) !== null && fresh[0].requests < last.requests) {
        // counters since start went down: a restart the seq did not show
        resetData();
        data.notice = 'the switch restarted; reloading its figures';
        return 'restarted';
      }
      for (const s of fresh) {
        indexCampaigns(s);
        data.samples.push(s);
      }
      data.latest = fresh[fresh.length - 1].seq;
      data.lastNewSampleAt = Date.now();
      data.notice = '';
    }
    if (data.samples.length > data.windowSamples) {
      data.samples.splice(0, data.samples.length - data.windowSamples);
    }
    return fresh.length > 0 ? 'new' : 'same';
  }

  function newest() {
    return data.samples.length > 0 ? data.samples[data.samples.length - 1] : null;
  }

  /**
   * The sample `back` seconds before the newest, or the nearest older one; a zero baseline when
   * that is before the switch started; null when the window does not reach that far.
   */
  function baseline(back) {
    const latest = newest();
    if (!latest) return null;
    const target = latest.seq - back;
    if (target < 0) return { seq: -1, requests: 0, answers: [], zero: true };
    for (let i = data.samples.length - 2; i >= 0; i--) {
      if (data.samples[i].seq <= target) return data.samples[i];
    }
    return null;
  }

  function answerAt(sample, i) {
    if (!sample) return null;
    if (sample.zero) return 0;
    return Array.isArray(sample.answers) ? num(sample.answers[i]) : null;
  }

  /* ------------------------------------------------------------ rendering */

  function render() {
    renderFreshness();
    renderTiles();
    renderCharts();
    renderCodes();
    renderCampaigns();
  }

  function renderFreshness() {
    const latest = newest();
    let live = false;
    let detail;
    if (!session) {
      detail = 'not signed in';
    } else if (!latest) {
      detail = data.problem || data.notice || 'waiting for the first sample';
    } else {
      const quietFor = Date.now() - data.lastNewSampleAt;
      live = !data.problem && quietFor <= STALE_MS;
      detail = 'newest sample ' + fmtClock(latest.time);
      if (data.problem) detail += ' · ' + data.problem;
      else if (!live) detail += ' · no new sample for ' + Math.floor(quietFor / 1000) + ' s';
    }
    const state = live ? 'live' : 'stale';
    ui.freshness.hidden = !session;
    if (ui.freshness.dataset.state !== state) ui.freshness.dataset.state = state;
    ui.freshness.dataset.time = latest && num(latest.time) !== null ? String(latest.time) : '';
    if (ui.freshnessState.textContent !== state) ui.freshnessState.textContent = state;
    if (ui.freshnessDetail.textContent !== detail) ui.freshnessDetail.textContent = detail;
    if (latest && num(latest.time) !== null) ui.freshness.title = new Date(latest.time).toISOString();
    else ui.freshness.removeAttribute('title');
  }

  function renderTiles() {
    const latest = newest();
    if (!latest) {
      for (const node of [ui.answersPerSecond, ui.answersTotal, ui.approvalRate, ui.refusedPerSecond,
        ui.p50, ui.p99, ui.p999, ui.journal]) {
        setValue(node, '', '–');
      }
      ui.ring.dataset.value = '';
      ui.ringUsed.textContent = '–';
      ui.ringSize.textContent = '';
      ui.approvalRate.dataset.scope = '';
      ui.approvalRateNote.textContent = 'share of code 00';
      ui.ring.dataset.size = '';
      ui.ringNote.textContent = 'slots in use';
      ui.journal.dataset.moved = '';
      ui.journalNote.textContent = 'index of the last record';
      return;
    }

    const aps = num(latest.answersPerSecond);
    setValue(ui.answersPerSecond, aps, fmtInt(aps));
    const total = num(latest.requests);
    setValue(ui.answersTotal, total, fmtInt(total));
    const refused = num(latest.refusedPerSecond);
    setValue(ui.refusedPerSecond, refused, fmtInt(refused));

    renderApproval(latest);

    const lat = latest.latencyNanos && typeof latest.latencyNanos === 'object' ? latest.latencyNanos : {};
    for (const [node, key] of [[ui.p50, 'p50'], [ui.p99, 'p99'], [ui.p999, 'p999']]) {
      const ns = num(lat[key]);
      setValue(node, ns, fmtLatency(ns));
    }

    const occupancy = num(latest.ringOccupancy);
    const size = num(latest.ringSize);
    // text "3 / 65,536": the size in a smaller span so a big ring still fits the tile
    ui.ring.dataset.value = occupancy === null ? '' : String(occupancy);
    ui.ringUsed.textContent = fmtInt(occupancy);
    ui.ringSize.textContent = occupancy === null || size === null ? '' : ' / ' + fmtInt(size);
    ui.ring.dataset.size = size === null ? '' : String(size);
    ui.ringNote.textContent = occupancy !== null && size
      ? fmtPercent(occupancy / size) + ' of the ring in use'
      : 'slots in use';

    renderJournal(latest);
  }

  function renderApproval(latest) {
    const i00 = data.codes.findIndex((c) => c.code === '00');
    const base = baseline(1);
    let share = null;
    let scope = '';
    if (i00 >= 0) {
      const now00 = answerAt(latest, i00);
      const nowTotal = num(latest.requests);
      const base00 = answerAt(base, i00);
      const baseTotal = base ? num(base.requests) : null;
      if (now00 !== null && nowTotal !== null && base00 !== null && baseTotal !== null && nowTotal - baseTotal > 0) {
        share = (now00 - base00) / (nowTotal - baseTotal);
        scope = 'second';
      } else if (now00 !== null && nowTotal) {
        share = now00 / nowTotal;
        scope = 'overall';
      }
    }
    setValue(ui.approvalRate, share, share === null ? '–' : fmtPercent(share));
    ui.approvalRate.dataset.scope = scope;
    ui.approvalRateNote.textContent = scope === 'second'
      ? 'code 00 in the newest second'
      : scope === 'overall' ? 'code 00 since start (none in the newest second)' : 'share of code 00';
  }

  function renderJournal(latest) {
    const raw = latest.journalRaw !== undefined ? latest.journalRaw
      : (num(latest.journalPosition) === null ? null : String(latest.journalPosition));
    if (raw === null) {
      setValue(ui.journal, '', '–');
      ui.journal.dataset.moved = '';
      ui.journalNote.textContent = 'index of the last record';
      return;
    }
    setValue(ui.journal, raw, raw === '-1' ? 'no record yet' : raw);
    const previous = data.samples.length > 1 ? data.samples[data.samples.length - 2] : null;
    if (!previous) {
      ui.journal.dataset.moved = '';
      ui.journalNote.textContent = 'index of the last record';
      return;
    }
    const moved = previous.journalRaw !== raw;
    ui.journal.dataset.moved = moved ? 'true' : 'false';
    if (moved) {
      ui.journalNote.textContent = 'moving: records written in the newest second';
    } else {
      let still = latest;
      for (let i = data.samples.length - 2; i >= 0 && data.samples[i].journalRaw === raw; i--) still = data.samples[i];
      const seconds = Math.max(1, latest.seq - still.seq);
      const more = still === data.samples[0] ? '+' : '';
      ui.journalNote.textContent = 'not moved for ' + seconds + more + ' s';
    }
  }

  /* ---------------------------------------------------------------- codes */

  function renderCodes() {
    const latest = newest();
    const second = baseline(1);
    const minute = baseline(60);
    const shown = new Set();
    let position = 0;
    data.codes.forEach((c, i) => {
      const total = answerAt(latest, i);
      if (!total) return; // only codes that were answered at least once
      shown.add(c.code);
      let row = codeRows.get(c.code);
      if (!row) {
        row = makeCodeRow(c.code);
        codeRows.set(c.code, row);
      }
      const inSecond = answerAt(second, i);
      const inMinute = answerAt(minute, i);
      setValue(row.code, c.code, c.code);
      setValue(row.meaning, typeof c.meaning === 'string' ? c.meaning : '', typeof c.meaning === 'string' ? c.meaning : '');
      setValue(row.total, total, fmtInt(total));
      const s = inSecond === null ? null : total - inSecond;
      const m = inMinute === null ? null : total - inMinute;
      setValue(row.second, s, fmtInt(s));
      setValue(row.minute, m, fmtInt(m));
      if (ui.codesBody.children[position] !== row.tr) {
        ui.codesBody.insertBefore(row.tr, ui.codesBody.children[position] || null);
      }
      position++;
    });
    for (const [code, row] of codeRows) {
      if (!shown.has(code)) {
        row.tr.remove();
        codeRows.delete(code);
      }
    }
    ui.codesEmpty.hidden = shown.size > 0;
    ui.codes.hidden = shown.size === 0;
  }

  function makeCodeRow(code) {
    const tr = document.createElement('tr');
    tr.dataset.code = code;
    const cell = (cls, header) => {
      const td = document.createElement(header ? 'th' : 'td');
      if (header) td.scope = 'row';
      td.className = cls;
      tr.appendChild(td);
      return td;
    };
    return {
      tr: tr,
      code: cell('code-code', true),
      meaning: cell('code-meaning'),
      total: cell('code-total num'),
      second: cell('code-second num'),
      minute: cell('code-minute num')
    };
  }

  /* ------------------------------------------------------------ campaigns */

  function renderCampaigns() {
    const shown = new Set();
    let position = 0;
    for (const c of data.campaigns) {
      const id = c.campaignId;
      if (shown.has(id)) continue;
      shown.add(id);
      let card = campaignCards.get(id);
      if (!card) {
        card = makeCampaignCard(id);
        campaignCards.set(id, card);
      }
      if (ui.campaigns.children[position] !== card.root) {
        ui.campaigns.insertBefore(card.root, ui.campaigns.children[position] || null);
      }
      position++;
      updateCampaignCard(card, c);
    }
    for (const [id, card] of campaignCards) {
      if (!shown.has(id)) {
        if (card.chart) card.chart.destroy();
        card.root.remove();
        campaignCards.delete(id);
      }
    }
    ui.campaignsEmpty.hidden = shown.size > 0 || !newest();
  }

  function makeCampaignCard(id) {
    const root = ui.campaignTemplate.content.firstElementChild.cloneNode(true);
    root.dataset.campaign = id;
    const q = (selector) => root.querySelector(selector);
    const card = {
      id: id,
      root: root,
      idNode: q('.campaign-id'),
      funder: q('.campaign-funder'),
      status: q('.campaign-status'),
      bar: q('.campaign-left'),
      fill: q('.campaign-left-fill'),
      pct: q('.campaign-left-pct'),
      remaining: q('.campaign-remaining'),
      budget: q('.campaign-budget'),
      redemptions: q('.campaign-redemptions'),
      discount: q('.campaign-discount'),
      chartBox: q('.campaign-chart'),
      chart: null,
      chartKind: '',
      currency: ''
    };
    card.idNode.textContent = id;
    return card;
  }

  function updateCampaignCard(card, c) {
    const currency = typeof c.currency === 'string' ? c.currency : '';
    card.currency = currency;
    const status = typeof c.status === 'string' ? c.status : '';
    const funder = typeof c.funder === 'string' ? c.funder : '';
    setValue(card.funder, funder, funder || '–');
    setValue(card.status, status, STATUS_TEXT[status] || status.toLowerCase() || 'unknown');
    if (card.root.dataset.status !== status) card.root.dataset.status = status;

    const budget = num(c.budget);
    const remaining = num(c.remainingBudget);
    const noBudget = budget === -1 || remaining === -1;
    setValue(card.budget, budget, budget === null ? '–' : budget === -1 ? 'no budget' : fmtMoney(budget, currency));
    setValue(card.remaining, remaining, remaining === null ? '–' : remaining === -1 ? 'no budget' : fmtMoney(remaining, currency));
    const redemptions = num(c.redemptions);
    setValue(card.redemptions, redemptions, fmtInt(redemptions));
    const discount = num(c.discountGranted);
    setValue(card.discount, discount, fmtMoney(discount, currency));

    if (!noBudget && budget !== null && remaining !== null && budget > 0) {
      const share = Math.min(1, Math.max(0, remaining / budget));
      card.bar.hidden = false;
      card.fill.style.width = (share * 100).toFixed(2) + '%';
      card.bar.setAttribute('aria-valuenow', (share * 100).toFixed(1));
      setValue(card.pct, share, fmtPercent(share) + ' of the budget left');
    } else {
      card.bar.hidden = true;
      card.bar.removeAttribute('aria-valuenow');
      setValue(card.pct, '', noBudget ? 'no budget: redemptions are not capped' : '');
    }
    renderCampaignChart(card, !noBudget);
  }

  /* --------------------------------------------------------------- charts */

  function haveUPlot() {
    return typeof window.uPlot === 'function';
  }

  function timeAxis() {
    return {
      stroke: COLOURS.axis,
      grid: { stroke: COLOURS.grid, width: 1 },
      ticks: { stroke: COLOURS.grid, width: 1 },
      values: (u, splits) => splits.map((v) => fmtClock(v * 1000)),
      space: 80
    };
  }

  /** Whole-number tick steps: counts (answers, slots, redemptions) never get a tick at 0.5. */
  const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5,
    1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 5e9, 1e10];

  /**
   * Tick labels as short as they can be while still telling the ticks apart: a budget of 6 M that
   * has moved by a few thousand reads 5.999M, 6.000M rather than 6M, 6M.
   */
  function fmtTicks(splits) {
    for (let digits = 2; digits <= 7; digits++) {
      const format = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: digits });
      const labels = splits.map((v) => (Math.abs(v) < 10000 ? intFormat.format(v) : format.format(v)));
      if (new Set(labels).size === labels.length) return labels;
    }
    return splits.map((v) => intFormat.format(v));
  }

  function valueAxis(extra) {
    return Object.assign({
      stroke: COLOURS.axis,
      grid: { stroke: COLOURS.grid, width: 1 },
      ticks: { stroke: COLOURS.grid, width: 1 },
      values: (u, splits) => fmtTicks(splits),
      size: 60
    }, extra || {});
  }

  /**
   * A legend value formatter: the value under the cursor, or the newest value when the cursor is
   * not on the chart (so the legend reads as a live figure on a wall screen).
   */
  function legendValue(format) {
    return (u, v, sidx, idx) => {
      if (idx === null || idx === undefined) {
        const column = u.data && u.data[sidx];
        v = column && column.length > 0 ? column[column.length - 1] : null;
      }
      return v === null || v === undefined ? '–' : format(v);
    };
  }

  function series(label, colour, extra) {
    return Object.assign({
      label: label,
      stroke: colour,
      width: 2,
      value: legendValue((v) => intFormat.format(v))
    }, extra || {});
  }

  function fromZero(u, min, max) {
    const top = max > 0 ? max * 1.1 : 1;
    return [0, top];
  }

  function chartWidth(box) {
    return Math.max(200, Math.floor(box.clientWidth));
  }

  /** The three main charts grow with the screen: taller on a wall screen than on a laptop. */
  function mainChartHeight() {
    return Math.round(Math.min(340, Math.max(180, window.innerHeight * 0.22)));
  }

  function baseOptions(box, height, seriesList, axes, scales) {
    return {
      width: chartWidth(box),
      height: height,
      series: [{ label: 'time', value: legendValue((v) => fmtClock(v * 1000)) }].concat(seriesList),
      axes: [timeAxis()].concat(axes),
      scales: Object.assign({ x: { time: true } }, scales || {}),
      cursor: { drag: { x: false, y: false } },
      legend: { live: true }
    };
  }

  function ensureCharts() {
    if (!haveUPlot()) return;
    if (!charts.answers) {
      charts.answers = new uPlot(baseOptions(ui.chartAnswers, mainChartHeight(), [
        series('answers/s', COLOURS.answers, { fill: 'rgba(37, 99, 235, 0.08)' }),
        series('refused/s', COLOURS.refused)
      ], [valueAxis({ incrs: WHOLE_STEPS })], { y: { range: fromZero } }), [[], [], []], ui.chartAnswers);
      observe(ui.chartAnswers, () => charts.answers);
    }
    if (!charts.latency) {
      const latencyValue = legendValue(fmtMicros);
      charts.latency = new uPlot(baseOptions(ui.chartLatency, mainChartHeight(), [
        series('p50', COLOURS.p50, { value: latencyValue }),
        series('p99', COLOURS.p99, { value: latencyValue }),
        series('p99.9', COLOURS.p999, { value: latencyValue })
      ], [valueAxis({ values: (u, splits) => splits.map(fmtMicros), size: 70 })],
      { y: { distr: 3, log: 10 } }), [[], [], [], []], ui.chartLatency);
      observe(ui.chartLatency, () => charts.latency);
    }
    if (!charts.ring) {
      charts.ring = new uPlot(baseOptions(ui.chartRing, mainChartHeight(), [
        series('slots in use', COLOURS.ring, { fill: 'rgba(124, 58, 237, 0.08)' })
      ], [valueAxis({ incrs: WHOLE_STEPS })], { y: { range: fromZero } }), [[], []], ui.chartRing);
      observe(ui.chartRing, () => charts.ring);
    }
  }

  function destroyCharts() {
    for (const key of Object.keys(charts)) {
      if (charts[key]) {
        charts[key].destroy();
        charts[key] = null;
      }
    }
    for (const card of campaignCards.values()) {
      if (card.chart) card.chart.destroy();
      card.root.remove();
    }
    campaignCards.clear();
  }

  function renderCharts() {
    if (!haveUPlot() || !charts.answers) return;
    const samples = data.samples;
    const n = samples.length;
    const xs = new Array(n);
    const aps = new Array(n);
    const refused = new Array(n);
    const p50 = new Array(n);
    const p99 = new Array(n);
    const p999 = new Array(n);
    const ring = new Array(n);
    const micros = (lat, key) => {
      const ns = lat ? num(lat[key]) : null;
      return ns === null || ns <= 0 ? null : ns / 1000;
    };
    for (let i = 0; i < n; i++) {
      const s = samples[i];
      xs[i] = s.time / 1000;
      aps[i] = num(s.answersPerSecond);
      refused[i] = num(s.refusedPerSecond);
      const lat = s.latencyNanos && typeof s.latencyNanos === 'object' ? s.latencyNanos : null;
      p50[i] = micros(lat, 'p50');
      p99[i] = micros(lat, 'p99');
      p999[i] = micros(lat, 'p999');
      ring[i] = num(s.ringOccupancy);
    }
    charts.answers.setData([xs, aps, refused]);
    charts.latency.setData([xs, p50, p99, p999]);
    charts.ring.setData([xs, ring]);
  }

  /**
   * A campaign's chart: remaining budget (left axis) and redemptions (right axis) over the window;
   * redemptions only for a campaign without a budget.
   */
  function renderCampaignChart(card, withBudget) {
    if (!haveUPlot() || !card.root.isConnected) return;
    const kind = withBudget ? 'budget' : 'count';
    if (card.chart && card.chartKind !== kind) {
      card.chart.destroy();
      card.chart = null;
    }
    const samples = data.samples;
    const n = samples.length;
    const xs = new Array(n);
    const remaining = new Array(n);
    const redemptions = new Array(n);
    for (let i = 0; i < n; i++) {
      const s = samples[i];
      xs[i] = s.time / 1000;
      const c = s.byCampaign ? s.byCampaign.get(card.id) : undefined;
      const r = c ? num(c.remainingBudget) : null;
      remaining[i] = r === null || r < 0 ? null : minorToMajor(r, card.currency);
      redemptions[i] = c ? num(c.redemptions) : null;
    }
    const columns = withBudget ? [xs, remaining, redemptions] : [xs, redemptions];
    if (card.chart) {
      card.chart.setData(columns);
      return;
    }
    const redemptionsSeries = series('redemptions', COLOURS.redemptions, { scale: 'count' });
    let seriesList;
    let axes;
    if (withBudget) {
      seriesList = [
        series('remaining ' + (card.currency || 'budget'), COLOURS.remaining, {
          scale: 'money',
          fill: 'rgba(37, 99, 235, 0.08)',
          value: legendValue((v) => decimalFormat.format(v))
        }),
        redemptionsSeries
      ];
      axes = [
        valueAxis({ scale: 'money', size: 72 }),
        valueAxis({ scale: 'count', side: 1, grid: { show: false }, size: 56, incrs: WHOLE_STEPS })
      ];
    } else {
      seriesList = [redemptionsSeries];
      axes = [valueAxis({ scale: 'count', size: 56, incrs: WHOLE_STEPS })];
    }
    card.chartKind = kind;
    card.chart = new uPlot(baseOptions(card.chartBox, 150, seriesList, axes,
      { money: { auto: true }, count: { auto: true } }), columns, card.chartBox);
    observe(card.chartBox, () => card.chart);
  }

  /* Charts follow their box's width (window resizes, grid reflows). */
  const observed = new Map();
  let resizeFrame = 0;

  function resizeCharts() {
    resizeFrame = 0;
    for (const [box, chartOf] of observed) {
      const chart = chartOf();
      if (!box.isConnected || !chart) {
        observed.delete(box);
        continue;
      }
      const width = chartWidth(box);
      const height = box.classList.contains('campaign-chart') ? chart.height : mainChartHeight();
      if (width !== chart.width || height !== chart.height) chart.setSize({ width: width, height: height });
    }
  }

  function requestResize() {
    if (!resizeFrame) resizeFrame = requestAnimationFrame(resizeCharts);
  }

  const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(requestResize) : null;

  function observe(box, chartOf) {
    observed.set(box, chartOf);
    if (resizeObserver) resizeObserver.observe(box);
  }

  /* ----------------------------------------------------------------- start */

  ui.form.addEventListener('submit', onSubmit);
  ui.signout.addEventListener('click', () => signOut(''));
  window.addEventListener('resize', requestResize);
  setInterval(() => {
    if (session) renderFreshness();
  }, 500);

  const token = storedToken();
  if (token) {
    startSession(token, null);
  } else {
    showSignin('');
  }
})();
