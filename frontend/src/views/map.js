// The network map: filters on the left, the map in the middle, evidence on the right.
// Filters live in the URL (#/map?start=...), so a view can be bookmarked and shared.

import { ApiError, Loader, get, isAbort } from '../lib/api.js';
import { code, emptyState, fmtNumber, h, plural, replace, routeLink } from '../lib/dom.js';
import { EVENT_TYPES, FACTUALITIES, QUADS } from '../lib/labels.js';
import { route, setQuietly } from '../lib/router.js';
import { remember } from '../lib/names.js';
import { showEvents } from './evidence.js';
import { MAX_EDGES, createGraph, toElements } from './graph.js';

const OTHER_FACTUALITIES = ['alleged', 'future', 'hypothetical', 'demanded', 'negated'];
const KINDS = {
  state: 'States',
  organisation: 'Organisations',
  group: 'Armed and other groups',
  person: 'People (without a state or organisation code)',
  location: 'Places (datelines, capitals)',
};
// Places acting on their own are mostly datelines ("KYIV —"): off unless asked for.
const DEFAULT_KINDS = ['state', 'organisation', 'group', 'person'];
const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
const TOP_RELATIONS = 12;

function readFilters(params) {
  const list = (k) => (params.get(k) || '').split(',').filter(Boolean);
  return {
    start: params.get('start') || '',
    end: params.get('end') || '',
    types: list('type'),
    quads: params.has('quad') ? list('quad').filter((q) => QUADS[q]) : ['1', '2', '3', '4'],
    other: list('also'),
    minEvents: Math.max(1, parseInt(params.get('min_events') || '1', 10) || 1),
    maxNodes: Math.max(2, parseInt(params.get('max_nodes') || '200', 10) || 200),
    kinds: params.has('kind') ? list('kind').filter((k) => KINDS[k]) : DEFAULT_KINDS,
    directed: params.get('directed') === 'true',
    focus: params.get('focus') || '',
  };
}

function filtersRoute(f) {
  return route('map', [], {
    start: f.start,
    end: f.end,
    type: f.types,
    quad: f.quads.length === 4 ? null : f.quads.length ? f.quads : 'none',
    also: f.other,
    min_events: f.minEvents > 1 ? f.minEvents : null,
    max_nodes: f.maxNodes !== 200 ? f.maxNodes : null,
    kind: sameSet(f.kinds, DEFAULT_KINDS) ? null : f.kinds.length ? f.kinds : 'none',
    directed: f.directed ? 'true' : null,
    focus: f.focus,
  });
}

function networkParams(f, factuality) {
  return {
    start: f.start,
    end: f.end,
    type: f.types,
    quad: f.quads.length === 4 ? null : f.quads,
    factuality,
    min_events: f.minEvents,
    max_nodes: f.maxNodes,
    kind: f.kinds.length === Object.keys(KINDS).length ? null : f.kinds,
    directed: f.directed ? 'true' : null,
    max_edges: MAX_EDGES,
  };
}

function checkbox(name, value, checked, label, extra = {}) {
  const input = h('input', { type: 'checkbox', name, value, ...extra });
  input.checked = checked;
  return h('label', { class: 'check' }, input, ' ', label);
}

export class MapView {
  constructor(root, { status }) {
    this.root = root;
    this.status = status;
    this.loader = new Loader();
    this.evidenceLoader = new Loader();
    this.names = new Map();
    this.data = null;
    this.graph = null;
  }

  title() {
    return 'Network map';
  }

  render(params) {
    this.filters = readFilters(params);
    this.form = this.buildForm();
    this.relations = h('div', { class: 'relations' });
    this.overlay = h('div', { class: 'map-overlay', role: 'status', 'aria-live': 'polite' });
    this.summary = h('p', { class: 'map-summary muted', 'aria-live': 'polite' });
    this.graphEl = h('div', { class: 'graph', id: 'graph', 'aria-label': 'Actor network map. Use the relation list on the left to open evidence with the keyboard.', role: 'img' });
    this.detail = h('aside', { class: 'detail', id: 'detail', 'aria-live': 'polite', tabindex: '-1' });
    replace(
      this.root,
      h('section', { class: 'map-view' },
        h('aside', { class: 'filters' }, this.form, this.legend(), h('h3', null, 'Strongest relations'), this.relations),
        h('div', { class: 'graph-wrap' }, this.summary, this.graphEl, this.overlay),
        this.detail),
    );
    this.closeDetail();
    // Ask for the network first and build Cytoscape while the server answers.
    const answers = this.fetchNetwork();
    this.graph = createGraph(this.graphEl, {
      onEdge: (d) => this.showEdge(d),
      onNode: (d) => this.showNode(d),
      onBackground: () => this.closeDetail(),
    });
    this.resizeObserver = new ResizeObserver(() => this.graph && this.graph.resize());
    this.resizeObserver.observe(this.graphEl);
    return this.load({ keepPositions: false, answers });
  }

  destroy() {
    this.loader.abort();
    this.evidenceLoader.abort();
    if (this.resizeObserver) this.resizeObserver.disconnect();
    if (this.graph) this.graph.cy.destroy();
    this.graph = null;
  }

  /** Called when new data arrived in the store (live polling). */
  refresh() {
    return this.load({ keepPositions: true });
  }

  onEscape() {
    if (!this.detail.hidden) {
      this.closeDetail();
      return true;
    }
    return false;
  }

  buildForm() {
    const f = this.filters;
    const actorInput = h('input', { type: 'search', id: 'actor-search', name: 'actor', list: 'actor-names', placeholder: 'Name or code, then Enter', autocomplete: 'off' });
    actorInput.value = f.focus;
    this.actorList = h('datalist', { id: 'actor-names' });
    const start = h('input', { type: 'date', name: 'start', id: 'f-start' });
    start.value = f.start;
    const end = h('input', { type: 'date', name: 'end', id: 'f-end' });
    end.value = f.end;
    const min = h('input', { type: 'number', name: 'min_events', id: 'f-min', min: '1', step: '1' });
    min.value = String(f.minEvents);
    const maxNodes = h('input', { type: 'number', name: 'max_nodes', id: 'f-max', min: '2', max: '5000', step: '1' });
    maxNodes.value = String(f.maxNodes);
    const types = [...new Set([...EVENT_TYPES, ...f.types])];

    const form = h(
      'form',
      { class: 'filter-form', id: 'map-filters', 'aria-label': 'Map filters' },
      h('label', { for: 'actor-search' }, 'Find an actor'),
      h('div', { class: 'row' }, actorInput, h('button', { type: 'button', onclick: () => this.findActor(actorInput.value) }, 'Find')),
      this.actorList,
      h('fieldset', null,
        h('legend', null, 'Dates'),
        h('div', { class: 'dates' }, h('label', { for: 'f-start' }, 'from'), start, h('label', { for: 'f-end' }, 'to'), end),
        h('div', { class: 'row quick' },
          h('button', { type: 'button', class: 'small', onclick: () => this.quickRange(null) }, 'All'),
          h('button', { type: 'button', class: 'small', onclick: () => this.quickRange(30) }, 'Last month'),
          h('button', { type: 'button', class: 'small', onclick: () => this.quickRange(365) }, 'Last year'))),
      h('fieldset', null,
        h('legend', null, 'Quad categories'),
        Object.entries(QUADS).map(([q, info]) => checkbox('quad', q, f.quads.includes(q), info.name, { class: `swatch-${info.cls}` }))),
      h('fieldset', null,
        h('legend', null, 'Factuality'),
        h('p', { class: 'hint' }, 'Events reported as fact are always shown. Also show, dashed:'),
        OTHER_FACTUALITIES.map((v) => checkbox('also', v, f.other.includes(v), FACTUALITIES[v]))),
      h('fieldset', null,
        h('legend', null, 'Actors'),
        Object.entries(KINDS).map(([k, label]) => checkbox('kind', k, f.kinds.includes(k), label))),
      h('details', { class: 'types', open: f.types.length ? true : null },
        h('summary', null, f.types.length ? `Event types (${f.types.length} chosen)` : 'Event types (all)'),
        h('div', { class: 'type-grid' }, types.map((t) => checkbox('type', t, f.types.includes(t), t)))),
      h('div', { class: 'row' }, h('label', { for: 'f-min' }, 'Minimum evidence (events per edge)'), min),
      h('div', { class: 'row' }, h('label', { for: 'f-max' }, 'Most active actors shown'), maxNodes),
      checkbox('directed', 'true', f.directed, 'Show direction (who acts on whom)'),
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.applyForm();
    });
    form.addEventListener('change', (e) => {
      if (e.target === actorInput) return;
      this.applyForm();
    });
    actorInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.findActor(actorInput.value);
      }
    });
    return form;
  }

  legend() {
    return h('div', { class: 'legend', 'aria-label': 'Legend' },
      h('h3', null, 'Legend'),
      h('p', null, h('span', { class: 'line coop' }), ' cooperation (net)'),
      h('p', null, h('span', { class: 'line conflict' }), ' conflict (net)'),
      h('p', null, h('span', { class: 'line dashed' }), ' claimed, intended or feared only'),
      h('p', { class: 'hint' }, 'Line width: intensity. Node size: activity. Node colour: bloc. Click a line for its evidence.'));
  }

  readForm() {
    const data = new FormData(this.form);
    return {
      start: data.get('start') || '',
      end: data.get('end') || '',
      types: data.getAll('type'),
      quads: data.getAll('quad'),
      other: data.getAll('also'),
      minEvents: Math.max(1, parseInt(data.get('min_events'), 10) || 1),
      maxNodes: Math.max(2, parseInt(data.get('max_nodes'), 10) || 200),
      kinds: data.getAll('kind'),
      directed: data.get('directed') === 'true',
      focus: this.filters.focus,
    };
  }

  applyForm() {
    this.filters = this.readForm();
    setQuietly(filtersRoute(this.filters));
    const summary = this.form.querySelector('details.types summary');
    summary.textContent = this.filters.types.length ? `Event types (${this.filters.types.length} chosen)` : 'Event types (all)';
    this.closeDetail();
    return this.load({ keepPositions: false });
  }

  quickRange(days) {
    const last = this.status && this.status.last_date;
    const startEl = this.form.querySelector('#f-start');
    const endEl = this.form.querySelector('#f-end');
    if (!days || !last) {
      startEl.value = '';
      endEl.value = '';
    } else {
      const end = new Date(last + 'T00:00:00Z');
      const start = new Date(end.getTime() - (days - 1) * 86400000);
      startEl.value = start.toISOString().slice(0, 10);
      endEl.value = last;
    }
    this.applyForm();
  }

  /** Start the requests for the current filters: [asserted, other factualities or null]. */
  fetchNetwork() {
    const f = this.filters;
    const signal = this.loader.signal();
    document.body.dataset.mapState = 'loading';
    if (f.quads.length === 0 || f.kinds.length === 0) return Promise.resolve([{ nodes: [], edges: [] }, null]);
    const requests = [get('network', networkParams(f, 'asserted'), { signal, label: 'Loading network…' })];
    if (f.other.length) requests.push(get('network', networkParams(f, f.other), { signal, label: 'Loading claimed/intended events…' }));
    return Promise.all(requests);
  }

  async load({ keepPositions, answers = this.fetchNetwork() }) {
    let certain;
    let uncertain = null;
    try {
      [certain, uncertain = null] = await answers;
    } catch (err) {
      if (isAbort(err)) return;
      document.body.dataset.mapState = 'error';
      const hint = err instanceof ApiError && err.param ? `Check the "${err.param}" filter.` : 'Is `newsgraph serve` still running?';
      replace(this.overlay, emptyState(`Could not load the network: ${err.message}`, hint));
      this.overlay.hidden = false;
      return;
    }
    await this.showData(certain, uncertain, { keepPositions });
  }

  async showData(certain, uncertain, { keepPositions }) {
    // Marks for benchmarks/bench_dashboard.py: where the time to a drawn map goes.
    performance.mark('newsgraph:network-received');
    const { elements, totalEdges } = toElements(certain, uncertain, { directed: this.filters.directed });
    this.data = elements;
    this.names = new Map(elements.filter((e) => e.group === 'nodes').map((e) => [e.data.id, e.data.label]));
    for (const [id, label] of this.names) remember(id, label);
    replace(this.actorList, ...[...this.names].map(([id, label]) => {
      const o = h('option', null);
      o.value = id;
      o.label = label === id ? id : `${label} (${id})`;
      return o;
    }));
    const nodes = elements.filter((e) => e.group === 'nodes');
    const edges = elements.filter((e) => e.group === 'edges');
    this.summary.textContent = !nodes.length ? ''
      : edges.length < totalEdges
        ? `${plural(nodes.length, 'actor')}; the ${edges.length} strongest of ${totalEdges} relations (raise the minimum evidence to see fewer).`
        : `${plural(nodes.length, 'actor')}, ${plural(edges.length, 'relation')}.`;
    this.renderRelations(edges);
    if (!nodes.length) {
      if (!this.status) this.status = await get('status', null, { quiet: true }).catch(() => null);
      const empty = this.status && !this.status.events;
      replace(this.overlay, empty
        ? emptyState('No events yet.', 'Run ', code('newsgraph ingest examples/corpus'), ' (or your own articles): this page updates by itself.')
        : emptyState('No events match these filters.', 'Widen the date range, choose more categories or lower the minimum evidence.'));
      this.overlay.hidden = false;
    } else {
      this.overlay.hidden = true;
    }
    performance.mark('newsgraph:layout-start');
    await this.graph.setElements(elements, { keepPositions });
    performance.mark('newsgraph:layout-done');
    if (this.filters.focus && this.names.has(this.filters.focus)) this.focusNode(this.filters.focus);
    // the first frame after this one shows the map: mark it for the benchmark, then say ready
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    performance.mark('newsgraph:map-drawn');
    document.body.dataset.mapState = 'ready';
    document.body.dataset.mapNodes = String(nodes.length);
    document.body.dataset.mapEdges = String(edges.length);
  }

  renderRelations(edges) {
    const top = [...edges].sort((a, b) => Math.abs(b.data.weight) - Math.abs(a.data.weight)).slice(0, TOP_RELATIONS);
    if (!top.length) {
      replace(this.relations, h('p', { class: 'muted' }, 'None.'));
      return;
    }
    replace(this.relations, h('ol', { class: 'relation-list' }, top.map((e) => {
      const d = e.data;
      const kind = d.sign > 0 ? 'coop' : d.sign < 0 ? 'conflict' : 'neutral';
      return h('li', null, h('button', {
        type: 'button',
        class: ['relation', kind, d.uncertain ? 'uncertain' : ''],
        onclick: () => {
          this.graph.select(d.id);
          this.showEdge(d);
        },
      }, `${this.names.get(d.source) || d.source} — ${this.names.get(d.target) || d.target}`,
      h('span', { class: 'muted' }, ` ${plural(d.events, 'event')}${d.uncertain ? ', unconfirmed' : ''}`)));
    })));
  }

  findActor(text) {
    const wanted = (text || '').trim();
    if (!wanted) {
      this.filters.focus = '';
      this.graph.spotlight(null);
      setQuietly(filtersRoute(this.filters));
      return;
    }
    const lower = wanted.toLowerCase();
    let id = this.names.has(wanted) ? wanted : null;
    if (!id) {
      for (const [k, label] of this.names) {
        if (k.toLowerCase() === lower || label.toLowerCase() === lower) id = k;
      }
    }
    if (!id) {
      for (const [k, label] of this.names) {
        if (!id && (label.toLowerCase().includes(lower) || k.toLowerCase().startsWith(lower))) id = k;
      }
    }
    if (!id) {
      replace(this.detail, this.closeButton(), emptyState(`“${wanted}” is not on this map.`,
        'It may be outside the date range or filters, or have fewer events than the minimum. ',
        routeLink(route('actor', [wanted]), 'Try its actor page')));
      this.detail.hidden = false;
      return;
    }
    this.filters.focus = id;
    setQuietly(filtersRoute(this.filters));
    this.focusNode(id);
  }

  focusNode(id) {
    this.graph.spotlight(id);
    this.graph.select(id);
    const node = this.graph.cy.getElementById(id);
    if (node.nonempty()) this.showNode(node.data());
  }

  closeButton() {
    return h('button', { type: 'button', class: 'close', 'aria-label': 'Close (Escape)', title: 'Close (Escape)', onclick: () => this.closeDetail() }, '×');
  }

  closeDetail() {
    this.evidenceLoader.abort();
    replace(this.detail);
    this.detail.hidden = true;
    if (this.graph) this.graph.cy.elements().unselect();
  }

  showNode(d) {
    const node = this.graph.cy.getElementById(d.id);
    const edges = node.connectedEdges().map((e) => e.data()).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    replace(
      this.detail,
      this.closeButton(),
      h('h2', null, d.label, d.label !== d.id ? h('span', { class: 'code' }, ` ${d.id}`) : null),
      h('p', { class: 'muted' }, `${d.kind} · ${plural(d.events, 'event')} · net score ${fmtNumber(d.net)}`,
        Number.isInteger(d.bloc) ? ` · bloc ${d.bloc + 1}` : ''),
      h('p', null, routeLink(route('actor', [d.id]), 'Open the actor page →', { class: 'primary-link' })),
      h('h3', null, 'Relations on this map'),
      h('ul', { class: 'relation-list' }, edges.map((e) => {
        const other = e.source === d.id ? e.target : e.source;
        return h('li', null, h('button', {
          type: 'button',
          class: ['relation', e.sign > 0 ? 'coop' : e.sign < 0 ? 'conflict' : 'neutral', e.uncertain ? 'uncertain' : ''],
          onclick: () => {
            this.graph.select(e.id);
            this.showEdge(e);
          },
        }, this.names.get(other) || other, h('span', { class: 'muted' }, ` ${plural(e.events, 'event')}, net ${fmtNumber(e.net)}`)));
      })),
    );
    this.detail.hidden = false;
  }

  showEdge(d) {
    const f = this.filters;
    const by = d.by_quad || {};
    const body = h('div', { class: 'evidence' });
    const a = this.names.get(d.source) || d.source;
    const b = this.names.get(d.target) || d.target;
    replace(
      this.detail,
      this.closeButton(),
      h('h2', { id: 'evidence-title' },
        routeLink(route('actor', [d.source]), a, { class: 'actor-link' }),
        this.filters.directed ? ' → ' : ' — ',
        routeLink(route('actor', [d.target]), b, { class: 'actor-link' })),
      h('p', { class: ['edge-summary', d.sign > 0 ? 'coop' : d.sign < 0 ? 'conflict' : ''] },
        `${plural(d.events, 'event')} (${plural(d.mentions, 'report')}) · cooperation ${fmtNumber(d.cooperation)} · conflict ${fmtNumber(d.conflict)} · net ${fmtNumber(d.net)}`,
        d.uncertain ? ' · claimed, intended or feared only' : ''),
      h('p', { class: 'quad-counts' }, Object.entries(QUADS).map(([q, info]) =>
        h('span', { class: ['badge', info.cls], title: info.name }, `${info.short}: ${by[q] || 0}`))),
      body,
    );
    this.detail.hidden = false;
    const query = d.events_query || {
      pair: `${d.source},${d.target}`,
      start: f.start,
      end: f.end,
      type: f.types,
      quad: f.quads.length === 4 ? null : f.quads,
      factuality: d.uncertain ? f.other : 'asserted',
    };
    const names = new Map(this.names);
    return showEvents(body, query, { names, loader: this.evidenceLoader, label: 'Loading evidence…' });
  }
}
