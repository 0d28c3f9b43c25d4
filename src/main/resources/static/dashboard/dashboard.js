// The dashboard: a sign-in form, then one chart panel per report. Text from the server is only ever set as
// text (textContent, chart labels), never as markup.
(function () {
  'use strict';

  const DAY = 24 * 60 * 60 * 1000;
  const MAX_DAYS = 92;
  let csrf = null;

  /**
   * The panels, in page order. A panel names its chart and turns the filters into a figure:
   * { categories: [...], series: [{ name, data: [...] }], detail(index) -> { title, rows: [[label, value], ...] } },
   * or { message } when it has nothing to draw. A new report is one more entry here.
   */
  const panels = [
    {
      id: 'deployments',
      title: 'Deployments to production, per day',
      async figure(filters) {
        if (!filters.application) {
          return { message: 'Name an application in the filters to see its deployments.' };
        }
        const days = daysOf(filters);
        const answers = await Promise.all(days.map(day => getJson('/api/deployments/telemetry', {
          application: filters.application, from: day.from, to: day.to })));
        return {
          categories: days.map(day => day.label),
          series: ['deployments', 'failed', 'rollbacks'].map(name => ({ name, data: answers.map(a => a[name]) })),
          detail: index => {
            const a = answers[index];
            return {
              title: 'Deployments of ' + a.application + ' to ' + a.environment + ' on ' + days[index].label,
              rows: [['deployments', a.deployments], ['failed', a.failed], ['rollbacks', a.rollbacks],
                ['rollback frequency', a.rollbackFrequency], ['median duration', a.medianDuration || '-'],
                ['longest duration', a.longestDuration || '-'], ['from', a.from], ['to (excluded)', a.to]]
            };
          }
        };
      }
    },
    {
      id: 'follow-ups',
      title: 'Follow-ups: open and overdue action items per retrospective',
      async figure() {
        const report = await getJson('/api/reports/follow-up', {});
        const rows = report.byRetrospective;
        if (rows.length === 0) {
          return { message: 'No retrospective has action items yet.' };
        }
        return {
          categories: rows.map(row => row.name),
          series: ['open', 'overdue'].map(name => ({ name, data: rows.map(row => row[name]) })),
          detail: index => ({
            title: 'Action items of ' + rows[index].name + ' (overdue as of ' + report.today + ')',
            rows: ['committed', 'completedOnTime', 'completedLate', 'cancelled', 'open', 'overdue', 'escalated',
              'completionRate'].map(key => [key, rows[index][key] === null ? '-' : rows[index][key]])
          })
        };
      }
    }
  ];

  const byId = id => document.getElementById(id);

  async function start() {
    byId('sign-in-form').addEventListener('submit', signIn);
    byId('sign-out').addEventListener('submit', signOut);
    byId('filters').addEventListener('submit', event => { event.preventDefault(); loadPanels(); });
    byId('drill-down-close').addEventListener('click', () => { byId('drill-down').hidden = true; });
    defaultWindow();
    buildPanels();
    await showSession();
  }

  async function showSession() {
    const session = await (await fetch('/dashboard/session', { credentials: 'same-origin' })).json();
    csrf = { header: session.csrfHeader, token: session.csrfToken };
    byId('sign-in').hidden = session.signedIn;
    byId('board').hidden = !session.signedIn;
    byId('sign-out').hidden = !session.signedIn;
    byId('who').textContent = session.signedIn ? session.name + ' (' + session.role + ')' : '';
    if (session.signedIn) {
      loadPanels();
    } else {
      byId('api-key').focus();
    }
  }

  async function signIn(event) {
    event.preventDefault();
    const key = byId('api-key');
    const message = byId('sign-in-message');
    message.textContent = '';
    const response = await post('/dashboard/session', new URLSearchParams({ apiKey: key.value }));
    key.value = '';
    if (response.ok) {
      await showSession();
      return;
    }
    message.textContent = response.status === 403
      ? 'The sign-in form has expired; reload the page and try again.'
      : (await response.json()).error;
    await showSession();
  }

  async function signOut(event) {
    event.preventDefault();
    await post('/dashboard/session/end', null);
    panels.forEach(panel => panel.chart && panel.chart.clear());
    byId('drill-down').hidden = true;
    await showSession();
  }

  function post(path, body) {
    const headers = {};
    headers[csrf.header] = csrf.token;
    return fetch(path, { method: 'POST', credentials: 'same-origin', headers, body });
  }

  async function getJson(path, parameters) {
    const response = await fetch(path + '?' + new URLSearchParams(parameters), {
      credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      await showSession();
      throw new Error('Signed out; sign in again.');
    }
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || ('HTTP ' + response.status));
    }
    return body;
  }

  /** By default the last fourteen days, today included. */
  function defaultWindow() {
    const today = new Date(Math.floor(Date.now() / DAY) * DAY);
    byId('filter-to').value = isoDate(today);
    byId('filter-from').value = isoDate(new Date(today.getTime() - 13 * DAY));
  }

  function filters() {
    return {
      application: byId('filter-application').value.trim(),
      from: byId('filter-from').value.trim(),
      to: byId('filter-to').value.trim()
    };
  }

  /** Whole UTC days from "from" to "to", both included, each as its [from, to) window. */
  function daysOf(chosen) {
    const first = Date.parse(chosen.from + 'T00:00:00Z');
    const last = Date.parse(chosen.to + 'T00:00:00Z');
    if (Number.isNaN(first) || Number.isNaN(last)) {
      throw new Error('From and to are dates such as 2026-11-01.');
    }
    if (last < first) {
      throw new Error('From must not be after to.');
    }
    const count = Math.round((last - first) / DAY) + 1;
    if (count > MAX_DAYS) {
      throw new Error('Choose at most ' + MAX_DAYS + ' days.');
    }
    return Array.from({ length: count }, (_, i) => {
      const start = new Date(first + i * DAY);
      return { label: isoDate(start), from: start.toISOString(), to: new Date(start.getTime() + DAY).toISOString() };
    });
  }

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  function buildPanels() {
    const container = byId('panels');
    panels.forEach(panel => {
      const section = document.createElement('section');
      section.className = 'panel';
      section.id = 'panel-' + panel.id;
      const heading = document.createElement('h2');
      heading.textContent = panel.title;
      const message = document.createElement('p');
      message.className = 'message';
      const chart = document.createElement('div');
      chart.className = 'chart';
      chart.id = 'chart-' + panel.id;
      section.append(heading, message, chart);
      container.append(section);
      panel.section = section;
      panel.message = message;
      panel.chartElement = chart;
    });
  }

  function loadPanels() {
    byId('drill-down').hidden = true;
    const chosen = filters();
    panels.forEach(panel => loadPanel(panel, chosen));
  }

  async function loadPanel(panel, chosen) {
    panel.section.dataset.state = 'loading';
    let figure;
    try {
      figure = await panel.figure(chosen);
    } catch (error) {
      figure = { message: error.message };
    }
    if (figure.message) {
      panel.message.textContent = figure.message;
      panel.chartElement.hidden = true;
      panel.section.dataset.state = 'message';
      return;
    }
    panel.message.textContent = 'Click a bar to see what is behind it.';
    panel.chartElement.hidden = false;
    if (!panel.chart) {
      panel.chart = echarts.init(panel.chartElement);
      // Anywhere in a category's column opens it, not only the (possibly zero-high) bar.
      panel.chart.getZr().on('click', event => {
        const point = [event.offsetX, event.offsetY];
        if (panel.figure && panel.chart.containPixel('grid', point)) {
          const index = panel.chart.convertFromPixel({ gridIndex: 0 }, point)[0];
          openDrillDown(panel.current.detail(index));
        }
      });
      window.addEventListener('resize', () => panel.chart.resize());
    }
    panel.current = figure;
    panel.chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { containLabel: true, left: 8, right: 8 },
      xAxis: { type: 'category', data: figure.categories, axisLabel: { overflow: 'truncate', width: 150 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: figure.series.map(series => ({ name: series.name, type: 'bar', data: series.data }))
    }, true);
    panel.section.dataset.state = 'ready';
  }

  function openDrillDown(detail) {
    byId('drill-down-title').textContent = detail.title;
    const head = byId('drill-down-table').tHead;
    const body = byId('drill-down-table').tBodies[0];
    head.replaceChildren(row('th', ['figure', 'value']));
    body.replaceChildren(...detail.rows.map(cells => row('td', cells)));
    byId('drill-down').hidden = false;
  }

  function row(cellTag, cells) {
    const tr = document.createElement('tr');
    cells.forEach(value => {
      const cell = document.createElement(cellTag);
      cell.textContent = String(value);
      tr.append(cell);
    });
    return tr;
  }

  document.addEventListener('DOMContentLoaded', start);
}());
