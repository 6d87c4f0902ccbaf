// The actor page: who it is, its events over time by quad category, its strongest partners
// and adversaries, what it said and what others said about it.

import { Loader, get, isAbort, seg } from '../lib/api.js';
import { emptyState, fmtDate, fmtNumber, h, plural, replace, routeLink } from '../lib/dom.js';
import { route, setQuietly } from '../lib/router.js';
import { timelineChart } from './chart.js';
import { showEvents } from './evidence.js';
import { quoteCard } from './quotes.js';

const RESOLUTIONS = ['day', 'week', 'month'];

export class ActorView {
  constructor(root) {
    this.root = root;
    this.loader = new Loader();
    this.eventsLoader = new Loader();
  }

  title() {
    return this.answer ? this.answer.actor.name : 'Actor';
  }

  render(params, args) {
    this.key = args[0] || '';
    this.resolution = RESOLUTIONS.includes(params.get('resolution')) ? params.get('resolution') : 'month';
    return this.load();
  }

  refresh() {
    return this.load();
  }

  destroy() {
    this.loader.abort();
    this.eventsLoader.abort();
  }

  async load() {
    let answer;
    try {
      answer = await get(`actors/${seg(this.key)}`, { resolution: this.resolution, limit: 10 }, { signal: this.loader.signal(), label: `Loading ${this.key}…` });
    } catch (err) {
      if (isAbort(err)) return;
      replace(this.root, h('section', { class: 'page' }, emptyState(
        err.status === 404 || err.status === 400 ? `No actor “${this.key}” in the store.` : `Could not load “${this.key}”: ${err.message}`,
        'Search for it on the ', routeLink(route('map'), 'map'), ' or among the ', routeLink(route('quotes'), 'quotes'), '.')));
      return;
    }
    this.answer = answer;
    document.title = `${answer.actor.name} — newsgraph`;
    this.show(answer);
  }

  names() {
    const a = this.answer;
    const names = new Map([[a.code || a.actor.key, a.actor.name]]);
    for (const p of [...(a.partners || []), ...(a.adversaries || [])]) names.set(p.code, p.name || p.code);
    return names;
  }

  show(a) {
    const actor = a.actor;
    const counts = a.counts || {};
    const code = a.code || actor.code || actor.key;
    this.events = h('div', { class: 'evidence', id: 'actor-events' });
    this.eventsTitle = h('h2', { id: 'actor-events-title' }, 'Events');
    const facts = [actor.kind, actor.role, actor.sector, actor.country && actor.country !== code ? actor.country : null].filter(Boolean);
    const periods = (a.timeline && a.timeline.periods) || [];
    const chart = timelineChart(periods, { onSelect: (p) => this.showPeriod(p) });
    const resolution = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Timeline resolution' },
      RESOLUTIONS.map((r) => h('button', {
        type: 'button',
        'aria-pressed': r === this.resolution ? 'true' : 'false',
        onclick: () => {
          this.resolution = r;
          setQuietly(route('actor', [this.key], { resolution: r }));
          this.load();
        },
      }, r)));

    replace(
      this.root,
      h('section', { class: 'page actor-page' },
        h('header', { class: 'actor-head' },
          h('h1', null, actor.name, code && code !== actor.name ? h('span', { class: 'code' }, ` ${code}`) : null),
          h('p', { class: 'muted' }, facts.join(' · '), actor.first_seen ? ` · seen ${fmtDate(actor.first_seen)} to ${fmtDate(actor.last_seen)}` : ''),
          h('p', { class: 'counts' },
            `${plural(counts.events || 0, 'event')} · cooperation ${fmtNumber(counts.cooperation)} · conflict ${fmtNumber(counts.conflict)} · net ${fmtNumber(counts.net)} · `,
            routeLink(route('map', [], { focus: code }), 'show on the map'),
            ' · ',
            routeLink(route('quotes', [], { speaker: actor.key }), 'all its quotes'))),
        h('section', { class: 'card timeline' },
          h('div', { class: 'card-head' }, h('h2', null, 'Timeline'), resolution),
          chart || emptyState('No dated events for this actor.', 'Events without a date are not on the timeline.'),
          chart ? h('p', { class: 'hint' }, 'Click a bar (or focus it and press Enter) to list that period’s events.') : null),
        h('div', { class: 'two-col' },
          this.relationCard('Strongest partners', a.partners || [], 'coop', 'No net cooperation found.'),
          this.relationCard('Strongest adversaries', a.adversaries || [], 'conflict', 'No net conflict found.')),
        h('section', { class: 'card' }, this.eventsTitle, this.events),
        h('div', { class: 'two-col' },
          h('section', { class: 'card' }, h('h2', null, `What ${actor.name} said`),
            (a.quotes_by || []).length ? h('ol', { class: 'quotes' }, a.quotes_by.map((q) => quoteCard(q))) : emptyState('No quotes by this actor.')),
          h('section', { class: 'card' }, h('h2', null, `What others said about ${actor.name}`),
            (a.quotes_about || []).length ? h('ol', { class: 'quotes' }, a.quotes_about.map((q) => quoteCard(q, [actor.name, code]))) : emptyState('No quotes mention this actor.')))),
    );
    return showEvents(this.events, { actor: code, factuality: 'asserted' }, { names: this.names(), loader: this.eventsLoader });
  }

  relationCard(title, rows, cls, empty) {
    return h('section', { class: ['card', 'relations', cls] },
      h('h2', null, title),
      rows.length
        ? h('table', { class: 'rel-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Actor'), h('th', { scope: 'col' }, 'Events'), h('th', { scope: 'col' }, 'Net'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Evidence')))),
          h('tbody', null, rows.map((r) => h('tr', null,
            h('td', null, routeLink(route('actor', [r.code]), r.name || r.code, { class: 'actor-link' }), r.name && r.name !== r.code ? h('span', { class: 'code' }, ` ${r.code}`) : null),
            h('td', { class: 'num' }, String(r.events)),
            h('td', { class: 'num' }, fmtNumber(r.net)),
            h('td', null, h('button', { type: 'button', class: 'small', onclick: () => this.showQuery(`Events with ${r.name || r.code}`, r.events_query || { pair: `${this.answer.code},${r.code}`, factuality: 'asserted' }) }, 'Evidence'))))))
        : emptyState(empty));
  }

  showQuery(title, query) {
    this.eventsTitle.textContent = title;
    this.eventsTitle.scrollIntoView({ block: 'start', behavior: 'smooth' });
    return showEvents(this.events, query, { names: this.names(), loader: this.eventsLoader });
  }

  showPeriod(p) {
    const query = p.events_query || { actor: this.answer.code, start: p.start, end: p.end, factuality: 'asserted' };
    return this.showQuery(`Events ${p.start || p.period} – ${p.end || p.period}`, query);
  }
}
