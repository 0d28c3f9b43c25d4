// The dashboard: a sign-in form, then one chart panel per figure. Text from the server is only ever set as
// text (textContent, chart labels), never as markup.
(function () {
  'use strict';

  const DAY = 24 * 60 * 60 * 1000;
  const MAX_DAYS = 92;
  let csrf = null;

  /**
   * The filters, in form order; each is sent, by its name, to the reports listed in `reports`. A filter with
   * `all` is a select whose choices are the values the reports name under that key in the window (so a list from
   * the data); the others are text fields. One more filter is one more line here.
   */
  const FILTERS = [
    { name: 'application', label: 'Application', all: 'All applications', reports: ['delivery', 'effectiveness'] },
    // Teams come from mappings/teams.yaml; without that file the reports name none and the select stays empty.
    { name: 'team', label: 'Team', all: 'All teams', reports: ['delivery', 'effectiveness'] },
    { name: 'environment', label: 'Environment (delivery)', initial: () => 'production', reports: ['delivery'] },
    { name: 'from', label: 'From', date: true, initial: () => isoDate(new Date(today() - 13 * DAY)),
      reports: ['delivery', 'effectiveness'] },
    { name: 'to', label: 'To (included)', date: true, initial: () => isoDate(new Date(today())),
      reports: ['delivery', 'effectiveness'] },
    { name: 'granularity', label: 'Granularity', options: ['day', 'week', 'month'], initial: () => 'week',
      reports: ['delivery', 'effectiveness'] }
  ];

  /** Each report's path, and how the page's filters differ from its parameters ("to" included; day periods). */
  const REPORTS = {
    delivery: {
      path: '/api/reports/delivery',
      // Dates mean the start of that day (UTC); "to" is included on the page, excluded by the API.
      adjust: params => params.set('to', nextDay(params.get('to')))
    },
    effectiveness: {
      path: '/api/reports/effectiveness',
      // Effectiveness is counted per week or month, not per day.
      adjust: params => {
        params.set('to', nextDay(params.get('to')));
        params.set('granularity', effectivenessGranularity(params.get('granularity')));
      }
    }
  };

  const BAND_COLOURS = { elite: '#1b7f3b', high: '#3d8fd1', medium: '#d18a00', low: '#b00020' };

  /** One panel per DORA metric, from the delivery report's buckets; one series per application. */
  const DELIVERY_METRICS = [
    { id: 'deployment-frequency', key: 'deploymentFrequency', title: 'Deployment frequency: deployments per bucket',
      unit: 'deployments', integer: true, value: f => f.deployments,
      summary: f => f.deployments + ' deployments, ' + round(f.perDay, 2) + ' per day' },
    { id: 'lead-time', key: 'changeLeadTime', title: 'Change lead time: median, hours',
      unit: 'hours', value: f => hours(f.medianSeconds),
      summary: f => f.medianSeconds === null || f.medianSeconds === undefined
        ? 'no commit time known (' + f.leftOut + ' left out)'
        : 'median ' + hours(f.medianSeconds) + ' h over ' + f.counted + ' deployments' },
    { id: 'change-fail-rate', key: 'changeFailRate', title: 'Change fail rate, %',
      unit: '%', value: f => percent(f.rate),
      summary: f => f.failed + ' of ' + f.deployments + ' deployments failed' },
    { id: 'recovery-time', key: 'failedDeploymentRecoveryTime', title: 'Failed deployment recovery time: median, hours',
      unit: 'hours', value: f => hours(f.medianSeconds),
      summary: f => f.restored + ' restored, ' + f.unrestored + ' not restored'
        + (f.medianSeconds === null || f.medianSeconds === undefined ? '' : ', median ' + hours(f.medianSeconds) + ' h') },
    { id: 'rework-rate', key: 'deploymentReworkRate', title: 'Deployment rework rate, % (DORA publishes no bands)',
      unit: '%', value: f => percent(f.rate),
      summary: f => f.rework + ' of ' + f.deployments + ' deployments were rework' }
  ];

  const ITEM_COLUMNS = ['item', 'retrospective', 'application', 'status', 'due', 'completed', 'overdue days',
    'failure mode', 'escalations'];

  /**
   * The panels, in page order. A panel names its chart and turns the filters (and the reports asked once per
   * apply, in `reports`) into a figure:
   * { categories: [...], series: [{ name, data: [...], stack }], unit, integer, summary,
   *   detail(index) -> { title, columns?, rows } or a promise of it },
   * or { message } when it has nothing to draw. A new figure is one more entry here.
   */
  const panels = [
    ...DELIVERY_METRICS.map(deliveryPanel),
    {
      id: 'effectiveness-rates',
      title: 'Action items: completion and on-time rate, %',
      async figure(chosen, reports) {
        return effectivenessFigure(chosen, await reports.effectiveness(), {
          unit: '%',
          series: [['completion', f => percent(f.completionRate)], ['on time', f => percent(f.onTimeRate)]],
          summary: f => f.done + ' of ' + f.actionItems + ' items done, ' + f.doneOnTime + ' of them on time',
          items: () => true
        });
      }
    },
    {
      id: 'effectiveness-ages',
      title: 'Open and overdue action items: median age, days',
      async figure(chosen, reports) {
        return effectivenessFigure(chosen, await reports.effectiveness(), {
          unit: 'days',
          series: [['open', f => number(f.open.medianDays)], ['overdue', f => number(f.overdue.medianDays)]],
          summary: f => f.open.items + ' open, ' + f.overdue.items + ' overdue'
            + (f.overdue.oldestDays === null ? '' : ' (oldest ' + f.overdue.oldestDays + ' days)'),
          items: item => item.status === 'OPEN' || item.status === 'IN_PROGRESS'
        });
      }
    },
    {
      id: 'effectiveness-recurrence',
      title: 'Failure modes that recurred after their actions closed, %',
      async figure(chosen, reports) {
        return effectivenessFigure(chosen, await reports.effectiveness(), {
          unit: '%',
          series: [['recurrence', f => percent(f.recurrence.rate)]],
          summary: f => f.recurrence.recurred + ' of ' + f.recurrence.closedTags + ' closed failure modes recurred',
          items: item => item.failureMode !== null && item.failureMode !== undefined
        });
      }
    },
    {
      id: 'effectiveness-escalations',
      title: 'Escalations per board and how they ended',
      async figure(chosen, reports) {
        const report = await reports.effectiveness();
        const outcomes = [['closedItem', 'closed item'], ['open', 'open'], ['deescalated', 'de-escalated'],
          ['parked', 'parked']];
        const boards = [...new Set(report.periods.flatMap(p => p.overall.escalations.map(t => t.board)))].sort();
        const series = [];
        boards.forEach(board => outcomes.forEach(([key, label]) => {
          const data = report.periods.map(p => {
            const tally = p.overall.escalations.find(t => t.board === board);
            return tally ? tally[key] : 0;
          });
          if (data.some(value => value > 0)) {
            series.push({ name: board + ' ' + label, stack: board, data });
          }
        }));
        const figure = effectivenessFigure(chosen, report, {
          unit: 'escalations',
          integer: true,
          series,
          summary: f => f.escalations.map(t => t.board + ': ' + t.total).join(', ') || 'no escalations',
          items: item => item.escalations.length > 0
        });
        return figure.message || series.length > 0 ? figure
          : { message: 'No action item of these retrospectives was escalated to a board.' };
      }
    },
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
          integer: true,
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
          integer: true,
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

  function deliveryPanel(metric) {
    return {
      id: metric.id,
      title: metric.title,
      async figure(chosen, reports) {
        const report = await reports.delivery();
        if (report.applications.length === 0) {
          return { message: 'No deployments in this window.' };
        }
        const buckets = report.applications[0].buckets;
        const overall = report.overall[metric.key];
        return {
          categories: buckets.map(bucket => bucket.start),
          unit: metric.unit,
          integer: metric.integer,
          summary: 'Whole window: ' + metric.summary(overall) + (overall.band ? '; band ' + overall.band : ''),
          series: report.applications.map(application => ({
            name: application.application,
            data: application.buckets.map(bucket => {
              const figure = bucket.figures[metric.key];
              return { value: metric.value(figure), band: figure.band || null };
            })
          })),
          detail: index => deliveryEvents(chosen, metric, buckets[index])
        };
      }
    };
  }

  /** The runs behind one bucket's figures: every run that finished in it, what failed, rework and recovery. */
  async function deliveryEvents(chosen, metric, bucket) {
    const params = reportParameters(chosen, 'delivery');
    params.set('from', bucket.from);
    params.set('to', bucket.to);
    params.set('events', 'true');
    const report = await getJson(REPORTS.delivery.path, params);
    const f = report.overall;
    const runs = new Map();
    const run = event => {
      const key = event.source + ':' + event.runId;
      if (!runs.has(key)) {
        runs.set(key, { application: event.application, run: key, finished: event.finishedAt, failed: '',
          rework: '', recovery: '', lead: '' });
      }
      return runs.get(key);
    };
    f.deploymentFrequency.events.forEach(event => run(event));
    f.changeLeadTime.events.forEach(event => { run(event).lead = event.duration; });
    f.changeFailRate.events.forEach(event => { run(event).failed = event.note; });
    f.failedDeploymentRecoveryTime.events.forEach(event => {
      run(event).recovery = event.note + (event.duration ? ' (' + event.duration + ')' : '');
    });
    f.deploymentReworkRate.events.forEach(event => { run(event).rework = event.note; });
    const rows = [...runs.values()].sort((a, b) => a.finished.localeCompare(b.finished) || a.run.localeCompare(b.run))
      .map(r => [r.application, r.run, r.finished, r.failed || '-', r.rework || '-', r.recovery || '-', r.lead || '-']);
    return {
      title: metric.title.split(':')[0].split(',')[0] + ' of ' + (report.application || 'every application')
        + ', ' + bucket.from + ' to ' + bucket.to + ': ' + metric.summary(f[metric.key]),
      columns: ['application', 'run', 'finished', 'failed', 'rework', 'recovery', 'lead time'],
      rows: rows.length ? rows : [['no runs finished in this bucket', '', '', '', '', '', '']]
    };
  }

  /** A chart over the effectiveness report's periods, its drill-down the items of a period. */
  function effectivenessFigure(chosen, report, spec) {
    if (report.periods.every(period => period.overall.retrospectives === 0)) {
      return { message: 'No retrospectives opened in this window.' };
    }
    const perWeek = chosen.granularity === 'day' ? ' (effectiveness has no day periods)' : '';
    const totals = report.periods.map(p => p.overall);
    return {
      categories: report.periods.map(period => period.from),
      unit: spec.unit,
      integer: spec.integer,
      summary: 'Retrospectives by the ' + effectivenessGranularity(chosen.granularity) + ' they opened in' + perWeek
        + '; ' + totals.reduce((sum, f) => sum + f.actionItems, 0) + ' action items in the window.',
      // Either ready series, or [name, figures -> value] pairs over the periods.
      series: spec.series.map(series => Array.isArray(series)
        ? { name: series[0], data: totals.map(series[1]) } : series),
      detail: index => effectivenessItems(chosen, report.periods[index], spec)
    };
  }

  async function effectivenessItems(chosen, period, spec) {
    const params = reportParameters(chosen, 'effectiveness');
    params.set('from', period.from);
    params.set('to', period.to);
    params.set('granularity', 'window');
    params.set('items', 'true');
    const report = await getJson(REPORTS.effectiveness.path, params);
    const listed = report.items.periods[0];
    const items = listed.byApplication.flatMap(group => group.items).filter(spec.items);
    const rows = items.map(item => [item.item, item.retrospective, item.application, item.status,
      item.dueDate || '-', item.completedOn || '-', item.overdueDays === null ? '-' : item.overdueDays,
      item.failureMode || '-', item.escalations.map(e => e.board + ' ' + e.outcome.toLowerCase()).join(', ') || '-']);
    return {
      title: 'Retrospectives opened ' + period.from + ' to ' + period.to + ' (excluded): '
        + spec.summary(period.overall) + '; ' + items.length + ' items behind it'
        + (listed.leftOut ? ', ' + listed.leftOut + ' more not listed' : ''),
      columns: ITEM_COLUMNS,
      rows: rows.length ? rows : [['no items behind this figure', '', '', '', '', '', '', '', '']]
    };
  }

  const byId = id => document.getElementById(id);
  let generation = 0;
  const choices = {};

  async function start() {
    buildFilters();
    byId('sign-in-form').addEventListener('submit', signIn);
    byId('sign-out').addEventListener('submit', signOut);
    byId('filters').addEventListener('submit', event => { event.preventDefault(); apply(); });
    byId('drill-down-close').addEventListener('click', () => { byId('drill-down').hidden = true; });
    window.addEventListener('hashchange', () => { readHash(); loadPanels(); });
    readHash();
    buildPanels();
    await showSession();
  }

  async function showSession(notice) {
    const session = await (await fetch('/dashboard/session', { credentials: 'same-origin' })).json();
    csrf = { header: session.csrfHeader, token: session.csrfToken };
    byId('sign-in').hidden = session.signedIn;
    byId('board').hidden = !session.signedIn;
    byId('sign-out').hidden = !session.signedIn;
    byId('who').textContent = session.signedIn ? session.name + ' (' + session.role + ')' : '';
    if (notice) {
      byId('sign-in-message').textContent = notice;
    }
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

  let signedOutShown = false;

  async function getJson(path, parameters) {
    const response = await fetch(path + '?' + new URLSearchParams(parameters), {
      credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      // Every panel meets the same 401; show the form once.
      if (!signedOutShown) {
        signedOutShown = true;
        const refusal = await response.json().catch(() => ({}));
        await showSession('Your session has ended; sign in again (the server answered: '
          + (refusal.error || 'HTTP 401') + ').');
      }
      throw new Error('Signed out; sign in again.');
    }
    signedOutShown = false;
    let body;
    try {
      body = await response.json();
    } catch (notJson) {
      throw new Error('The server answered ' + response.status + ' without a readable body.');
    }
    if (!response.ok) {
      throw new Error(body.error || ('HTTP ' + response.status));
    }
    return body;
  }

  function today() {
    return Math.floor(Date.now() / DAY) * DAY;
  }

  function buildFilters() {
    const form = byId('filters');
    const button = byId('apply-filters');
    FILTERS.forEach(filter => {
      const label = document.createElement('label');
      label.append(filter.label + ' ');
      let field;
      if (filter.all || filter.options) {
        field = document.createElement('select');
        if (filter.all) {
          field.append(new Option(filter.all, ''));
          choices[filter.name] = new Set();
        }
        (filter.options || []).forEach(value => field.append(new Option(value, value)));
      } else {
        field = document.createElement('input');
        if (filter.date) {
          field.placeholder = 'YYYY-MM-DD';
          field.pattern = '\\d{4}-\\d{2}-\\d{2}';
        }
      }
      field.id = 'filter-' + filter.name;
      field.name = filter.name;
      field.value = filter.initial ? filter.initial() : '';
      label.append(field);
      form.insertBefore(label, button);
    });
  }

  function filters() {
    const chosen = {};
    FILTERS.forEach(filter => { chosen[filter.name] = byId('filter-' + filter.name).value.trim(); });
    return chosen;
  }

  /** The filters as a report takes them; empty ones left out. */
  function reportParameters(chosen, report) {
    const params = new URLSearchParams();
    FILTERS.filter(filter => filter.reports.includes(report) && chosen[filter.name])
      .forEach(filter => params.set(filter.name, chosen[filter.name]));
    REPORTS[report].adjust(params);
    return params;
  }

  /** The filters live in the page's address after '#', so a link shows the same figures (the key never does). */
  function readHash() {
    const shared = new URLSearchParams(window.location.hash.slice(1));
    FILTERS.forEach(filter => {
      if (shared.has(filter.name)) {
        const field = byId('filter-' + filter.name);
        if (filter.all) {
          offer(filter, shared.get(filter.name));
        }
        field.value = shared.get(filter.name);
      }
    });
  }

  function apply() {
    const shared = new URLSearchParams();
    Object.entries(filters()).forEach(([name, value]) => { if (value) { shared.set(name, value); } });
    history.replaceState(null, '', '#' + shared);
    loadPanels();
  }

  /** Adds a value to a select's choices in name order, leaving the options already there (and the choice) alone. */
  function offer(filter, value) {
    if (!value || choices[filter.name].has(value)) {
      return;
    }
    choices[filter.name].add(value);
    const field = byId('filter-' + filter.name);
    const after = [...field.options].slice(1).find(option => option.value > value);
    field.insertBefore(new Option(value, value), after || null);
  }

  /** The choices of every select, from the reports over the window with no select applied. */
  async function loadChoices(chosen) {
    const open = Object.assign({}, chosen);
    FILTERS.filter(filter => filter.all).forEach(filter => { open[filter.name] = ''; });
    const asks = Object.keys(REPORTS).map(report => getJson(REPORTS[report].path,
      reportParameters(open, report)).catch(() => null));
    byId('filters').dataset.state = 'loading';
    const answers = await Promise.all(asks);
    byId('filters').dataset.state = 'ready';
    const selects = FILTERS.filter(filter => filter.all);
    const walk = node => {
      if (Array.isArray(node)) {
        node.forEach(walk);
      } else if (node && typeof node === 'object') {
        Object.entries(node).forEach(([key, value]) => {
          const filter = selects.find(f => f.name === key);
          if (filter && typeof value === 'string') {
            offer(filter, value);
          } else {
            walk(value);
          }
        });
      }
    };
    answers.forEach(walk);
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

  /** The day after an ISO date; anything else is passed on for the API to refuse with its own message. */
  function nextDay(date) {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(date || '') ? Date.parse(date + 'T00:00:00Z') : NaN;
    return Number.isNaN(day) ? date : isoDate(new Date(day + DAY));
  }

  function effectivenessGranularity(granularity) {
    return granularity === 'month' ? 'month' : 'week';
  }

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  function round(value, digits) {
    const scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  function hours(seconds) {
    return seconds === null || seconds === undefined ? null : round(seconds / 3600, 2);
  }

  function percent(rate) {
    return rate === null || rate === undefined ? null : round(rate * 100, 1);
  }

  function number(value) {
    return value === null || value === undefined ? null : Number(value);
  }

  function buildPanels() {
    const container = byId('panels');
    panels.forEach(panel => {
      const section = document.createElement('section');
      section.className = 'panel';
      section.id = 'panel-' + panel.id;
      const heading = document.createElement('h2');
      heading.textContent = panel.title;
      const summary = document.createElement('p');
      summary.className = 'summary';
      const message = document.createElement('p');
      message.className = 'message';
      const chart = document.createElement('div');
      chart.className = 'chart';
      chart.id = 'chart-' + panel.id;
      section.append(heading, summary, message, chart);
      container.append(section);
      panel.section = section;
      panel.summary = summary;
      panel.message = message;
      panel.chartElement = chart;
    });
  }

  /** Each report is asked once per apply, however many panels draw from it. */
  function reportsFor(chosen) {
    const asked = {};
    const reports = {};
    Object.keys(REPORTS).forEach(report => {
      reports[report] = () => {
        if (!asked[report]) {
          asked[report] = getJson(REPORTS[report].path, reportParameters(chosen, report));
        }
        return asked[report];
      };
    });
    return reports;
  }

  function loadPanels() {
    byId('drill-down').hidden = true;
    const current = ++generation;
    const chosen = filters();
    const reports = reportsFor(chosen);
    panels.forEach(panel => loadPanel(panel, chosen, reports, current));
    loadChoices(chosen);
  }

  async function loadPanel(panel, chosen, reports, current) {
    panel.section.dataset.state = 'loading';
    let figure;
    let failed = false;
    try {
      figure = await panel.figure(chosen, reports);
    } catch (error) {
      figure = { message: error.message };
      failed = true;
    }
    if (current !== generation) {
      return;
    }
    panel.summary.textContent = figure.summary || '';
    if (figure.message) {
      panel.message.textContent = figure.message;
      panel.message.classList.toggle('error', failed);
      panel.chartElement.hidden = true;
      panel.section.dataset.state = failed ? 'error' : 'message';
      return;
    }
    panel.message.classList.remove('error');
    panel.message.textContent = 'Click a bar to see what is behind it.';
    panel.chartElement.hidden = false;
    if (!panel.chart) {
      panel.chart = echarts.init(panel.chartElement);
      // Anywhere in a category's column opens it, not only the (possibly zero-high) bar.
      panel.chart.getZr().on('click', event => {
        const point = [event.offsetX, event.offsetY];
        if (panel.current && panel.chart.containPixel('grid', point)) {
          const index = panel.chart.convertFromPixel({ gridIndex: 0 }, point)[0];
          openDrillDown(() => panel.current.detail(index));
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
      yAxis: { type: 'value', name: figure.unit || '', nameTextStyle: { align: 'left' },
        minInterval: figure.integer ? 1 : 0 },
      series: figure.series.map(series => ({
        name: series.name,
        type: 'bar',
        stack: series.stack,
        data: series.data,
        // A DORA band, where the figure has one, is written above its bar in the band's colour.
        label: {
          show: series.data.some(point => point && point.band),
          position: 'top',
          formatter: params => (params.data && params.data.band) || ''
        },
        labelLayout: { hideOverlap: true }
      })).map(withBandColours)
    }, true);
    panel.section.dataset.state = 'ready';
  }

  function withBandColours(series) {
    series.data = series.data.map(point => point && point.band
      ? Object.assign({}, point, { label: { color: BAND_COLOURS[point.band] || '#1d2733', fontWeight: 'bold' } })
      : point);
    return series;
  }

  async function openDrillDown(load) {
    const section = byId('drill-down');
    const title = byId('drill-down-title');
    const head = byId('drill-down-table').tHead;
    const body = byId('drill-down-table').tBodies[0];
    section.dataset.state = 'loading';
    title.textContent = 'Loading...';
    head.replaceChildren();
    body.replaceChildren();
    section.hidden = false;
    section.scrollIntoView({ block: 'nearest' });
    let detail;
    try {
      detail = await load();
    } catch (error) {
      title.textContent = error.message;
      section.dataset.state = 'error';
      return;
    }
    title.textContent = detail.title;
    head.replaceChildren(row('th', detail.columns || ['figure', 'value']));
    body.replaceChildren(...detail.rows.map(cells => row('td', cells)));
    section.dataset.state = 'ready';
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
