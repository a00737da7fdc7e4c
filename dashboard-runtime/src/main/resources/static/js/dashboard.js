// Draws the panels of a server-rendered dashboard page and keeps them current.
// Everything from the server is inserted with textContent or as chart data, never as HTML.
(function () {
  'use strict';

  const PAGE_SIZE = 25;
  const root = document.documentElement;
  const charts = new Map();
  const lastData = new Map();
  let source = null;
  let liveRetry = 0;

  // ---------- theme ----------
  const THEMES = ['light', 'dark', 'auto'];
  const stored = localStorage.getItem('astralytiq-theme');
  if (THEMES.includes(stored)) root.dataset.theme = stored;

  function isDark() {
    const t = root.dataset.theme;
    return t === 'dark' || (t === 'auto' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  }

  function cycleTheme() {
    const next = THEMES[(THEMES.indexOf(root.dataset.theme) + 1) % THEMES.length];
    root.dataset.theme = next;
    localStorage.setItem('astralytiq-theme', next);
    document.getElementById('theme-toggle').textContent = 'Theme: ' + next;
    charts.forEach((c) => c.dispose());
    charts.clear();
    lastData.forEach((data, id) => render(panelEl(id), data, false));
  }

  // ---------- variables ----------
  function form() { return document.getElementById('variables'); }

  function params() {
    const p = new URLSearchParams();
    const f = form();
    if (!f) return p;
    f.querySelectorAll('select[data-variable]').forEach((s) => {
      Array.from(s.selectedOptions).forEach((o) => p.append(s.name, o.value));
    });
    return p;
  }

  function withParams(path, extra) {
    const p = params();
    if (extra) Object.entries(extra).forEach(([k, v]) => p.set(k, v));
    const q = p.toString();
    return q ? path + '?' + q : path;
  }

  function onVariableChange(name) {
    history.replaceState(null, '', withParams(location.pathname));
    updateExportLinks();
    panels().filter((el) => (el.dataset.variables || '').split(',').includes(name))
      .forEach((el) => loadPanel(el));
    connectLive();
  }

  function updateExportLinks() {
    document.getElementById('export-pdf').href = withParams('api/export.pdf');
    panels().forEach((el) => el.querySelectorAll('a[data-export]').forEach((a) => {
      a.href = withParams('api/panels/' + el.dataset.panelId + '/export.' + a.dataset.export);
    }));
  }

  // ---------- data ----------
  function panels() { return Array.from(document.querySelectorAll('.panel[data-panel-id]')); }
  function panelEl(id) { return document.getElementById('panel-' + id); }

  async function loadPanel(el) {
    if (el.dataset.type === 'text') return;
    el.dataset.state = 'loading';
    setMessage(el, 'Loading…');
    try {
      const res = await fetch(withParams('api/panels/' + encodeURIComponent(el.dataset.panelId)),
        { headers: { Accept: 'application/json' } });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
      render(el, body, true);
    } catch (e) {
      el.dataset.state = 'error';
      setMessage(el, 'Could not load: ' + e.message);
    }
  }

  function connectLive() {
    if (source) source.close();
    if (!window.EventSource) return;
    const known = Array.from(lastData.values()).map((d) => d.id + ':' + d.version).join(',');
    const stream = new EventSource(withParams('api/live', { known }));
    source = stream;
    const status = document.getElementById('live-status');
    stream.onopen = () => { liveRetry = 0; status.textContent = 'Live'; status.dataset.state = 'live'; };
    stream.onerror = () => {
      status.textContent = 'Reconnecting…';
      status.dataset.state = 'offline';
      // The browser retries a dropped stream by itself, but gives up on an HTTP error such as the 429 a client
      // gets while the server still counts the streams of pages it has left: try again later, backing off.
      if (stream.readyState === EventSource.CLOSED) {
        liveRetry = Math.min(liveRetry + 1, 5);
        setTimeout(() => { if (source === stream) connectLive(); }, 1000 * 2 ** liveRetry);
      }
    };
    stream.addEventListener('panel', (ev) => {
      const data = JSON.parse(ev.data);
      const el = panelEl(data.id);
      if (el) render(el, data, true);
    });
  }

  // ---------- rendering ----------
  function setMessage(el, text) { el.querySelector('.panel-message').textContent = text; }

  function render(el, data, counted) {
    lastData.set(data.id, data);
    el.dataset.version = String(data.version);
    if (counted) el.dataset.renderCount = String(Number(el.dataset.renderCount || 0) + 1);
    document.getElementById('updated').textContent = new Date(data.computedAt).toLocaleTimeString();
    if (data.error) {
      el.dataset.state = 'error';
      setMessage(el, data.error);
      return;
    }
    const box = el.querySelector('.chart');
    const type = el.dataset.type;
    if (data.rows.length === 0 && type !== 'table') {
      el.dataset.state = 'error';
      setMessage(el, 'No data');
      return;
    }
    if (type === 'metric') renderMetric(el, box, data);
    else if (type === 'table') renderTable(el, box, data);
    else renderChart(el, box, data);
    el.dataset.state = 'ready';
  }

  function columnsOf(el, data) {
    const x = el.dataset.x && data.columns.includes(el.dataset.x) ? el.dataset.x : data.columns[0];
    let ys = (el.dataset.y || '').split(',').filter((c) => c && data.columns.includes(c));
    if (ys.length === 0) ys = data.columns.filter((c) => c !== x);
    return { xi: data.columns.indexOf(x), yis: ys.map((c) => data.columns.indexOf(c)), ys };
  }

  function renderChart(el, box, data) {
    const type = el.dataset.type;
    const fmt = formatter(el.dataset.format);
    const { xi, yis, ys } = columnsOf(el, data);
    let chart = charts.get(el.dataset.panelId);
    if (!chart) {
      box.textContent = '';
      chart = echarts.init(box, isDark() ? 'dark' : null, { renderer: 'canvas' });
      charts.set(el.dataset.panelId, chart);
    }
    const base = {
      backgroundColor: 'transparent',
      aria: { enabled: true, decal: { show: false } },
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      tooltip: { trigger: type === 'pie' || type === 'scatter' ? 'item' : 'axis', valueFormatter: fmt },
      legend: ys.length > 1 || type === 'pie' ? { top: 0, type: 'scroll' } : undefined,
    };
    let option;
    if (type === 'pie') {
      option = Object.assign(base, {
        series: [{ type: 'pie', radius: ['38%', '70%'], top: 24, name: el.querySelector('h2').textContent,
          data: data.rows.map((r) => ({ name: String(r[xi]), value: r[yis[0]] })),
          label: { formatter: '{b}: {d}%' } }],
      });
    } else {
      const numericX = type === 'scatter' && data.rows.every((r) => typeof r[xi] === 'number');
      option = Object.assign(base, {
        xAxis: numericX ? { type: 'value', scale: true } : { type: 'category', data: data.rows.map((r) => r[xi]) },
        yAxis: { type: 'value', axisLabel: { formatter: fmt } },
        series: yis.map((yi, n) => ({
          name: ys[n],
          type: type === 'area' ? 'line' : type,
          smooth: type === 'line' || type === 'area',
          showSymbol: data.rows.length < 60,
          areaStyle: type === 'area' ? { opacity: 0.25 } : undefined,
          data: numericX ? data.rows.map((r) => [r[xi], r[yi]]) : data.rows.map((r) => r[yi]),
        })),
      });
    }
    chart.setOption(option, true);
    chart.resize();
  }

  function renderMetric(el, box, data) {
    charts.delete(el.dataset.panelId);
    const fmt = formatter(el.dataset.format);
    const vi = el.dataset.x && data.columns.includes(el.dataset.x) ? data.columns.indexOf(el.dataset.x) : 0;
    const ci = (el.dataset.y || '').split(',').map((c) => data.columns.indexOf(c)).find((i) => i >= 0);
    const value = data.rows[0][vi];
    const wrap = document.createElement('div');
    wrap.className = 'metric';
    const v = document.createElement('div');
    v.className = 'metric-value';
    v.textContent = fmt(value);
    wrap.appendChild(v);
    if (ci !== undefined && typeof data.rows[0][ci] === 'number' && data.rows[0][ci] !== 0) {
      const change = (value - data.rows[0][ci]) / Math.abs(data.rows[0][ci]);
      const d = document.createElement('div');
      d.className = 'metric-delta ' + (change >= 0 ? 'up' : 'down');
      d.textContent = (change >= 0 ? '▲ ' : '▼ ') + Math.abs(change * 100).toFixed(1) + '% vs ' + data.columns[ci];
      wrap.appendChild(d);
    }
    box.replaceChildren(wrap);
    box.setAttribute('aria-label', el.querySelector('h2').textContent + ': ' + v.textContent);
  }

  function renderTable(el, box, data) {
    charts.delete(el.dataset.panelId);
    const state = el._table || (el._table = { sort: -1, dir: 1, page: 0 });
    const fmt = formatter(el.dataset.format);
    let rows = data.rows.slice();
    if (state.sort >= 0) {
      rows.sort((a, b) => compare(a[state.sort], b[state.sort]) * state.dir);
    }
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    const table = document.createElement('table');
    table.className = 'data';
    const head = table.createTHead().insertRow();
    data.columns.forEach((c, i) => {
      const th = document.createElement('th');
      th.scope = 'col';
      if (state.sort === i) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = c;
      b.addEventListener('click', () => {
        state.dir = state.sort === i ? -state.dir : 1;
        state.sort = i;
        renderTable(el, box, data);
      });
      th.appendChild(b);
      head.appendChild(th);
    });
    const body = table.createTBody();
    rows.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE).forEach((r) => {
      const tr = body.insertRow();
      r.forEach((v) => {
        const td = tr.insertCell();
        td.textContent = typeof v === 'number' ? fmt(v) : (v === null ? '' : String(v));
        if (typeof v === 'number') td.className = 'num';
      });
    });
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    const scroll = document.createElement('div');
    scroll.className = 'table-scroll';
    scroll.appendChild(table);
    wrap.appendChild(scroll);
    const pager = document.createElement('div');
    pager.className = 'pager';
    const prev = pagerButton('Previous', state.page > 0, () => { state.page--; renderTable(el, box, data); });
    const next = pagerButton('Next', state.page < pages - 1, () => { state.page++; renderTable(el, box, data); });
    const info = document.createElement('span');
    info.textContent = 'Page ' + (state.page + 1) + ' of ' + pages + ' · ' + rows.length + ' rows'
      + (data.truncated ? ' (cut off)' : '');
    pager.append(prev, info, next);
    wrap.appendChild(pager);
    box.replaceChildren(wrap);
    box.setAttribute('role', 'region');
  }

  function pagerButton(label, enabled, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'button';
    b.textContent = label;
    b.disabled = !enabled;
    b.addEventListener('click', onClick);
    return b;
  }

  function compare(a, b) {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  }

  function formatter(format) {
    const nf = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
    if (!format || format === 'number') return (v) => (typeof v === 'number' ? nf.format(v) : String(v));
    if (format === 'percent') {
      const pf = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
      return (v) => (typeof v === 'number' ? pf.format(v) : String(v));
    }
    if (format.startsWith('currency:')) {
      const cf = new Intl.NumberFormat(undefined, { style: 'currency', currency: format.slice(9),
        maximumFractionDigits: 0 });
      return (v) => (typeof v === 'number' ? cf.format(v) : String(v));
    }
    if (format === 'bytes') {
      return (v) => {
        if (typeof v !== 'number') return String(v);
        const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
        let i = 0;
        while (Math.abs(v) >= 1024 && i < units.length - 1) { v /= 1024; i++; }
        return nf.format(v) + ' ' + units[i];
      };
    }
    if (format === 'duration') {
      return (v) => (typeof v !== 'number' ? String(v) : v < 1000 ? nf.format(v) + ' ms' : nf.format(v / 1000) + ' s');
    }
    return (v) => String(v);
  }

  // ---------- start ----------
  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('theme-toggle').addEventListener('click', cycleTheme);
    document.getElementById('theme-toggle').textContent = 'Theme: ' + root.dataset.theme;
    const f = form();
    if (f) {
      f.addEventListener('submit', (e) => e.preventDefault());
      f.querySelectorAll('select[data-variable]').forEach((s) =>
        s.addEventListener('change', () => onVariableChange(s.name)));
    }
    updateExportLinks();
    Promise.all(panels().map(loadPanel)).then(connectLive);
    window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
    // A page kept in the back/forward cache keeps its stream open, and the server counts it against the
    // client's few streams: let go of it on leaving, and take a new one on coming back.
    window.addEventListener('pagehide', () => { if (source) { source.close(); source = null; } });
    window.addEventListener('pageshow', (e) => { if (e.persisted) connectLive(); });
  });
})();
