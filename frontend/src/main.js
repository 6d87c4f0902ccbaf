// The dashboard's shell: navigation, the router that swaps views, live refresh and the
// keyboard shortcuts. Each view is a class with render(params, args), and optionally
// refresh() (new data arrived), onEscape() and destroy().

import { get } from './lib/api.js';
import { h, replace } from './lib/dom.js';
import { progress } from './lib/progress.js';
import { parseHash } from './lib/router.js';
import { ActorView } from './views/actor.js';
import { ArticlesView, ReaderView } from './views/articles.js';
import { MapView } from './views/map.js';
import { QuotesView } from './views/quotes.js';

const POLL_MS = 5000;

const VIEWS = {
  map: MapView,
  actor: ActorView,
  quotes: QuotesView,
  articles: ArticlesView,
  article: ReaderView,
};

const NAV = [
  ['map', 'Map'],
  ['quotes', 'Quotes'],
  ['articles', 'Articles'],
];

const state = { view: null, viewName: null, status: null };

const main = document.getElementById('main');
const statusEl = document.getElementById('status');
const noticeEl = document.getElementById('notice');
progress.mount(document.getElementById('progress'));

function renderNav() {
  const nav = document.getElementById('nav');
  replace(nav, NAV.map(([view, label]) => {
    const a = h('a', { class: 'nav-link', 'data-view': view }, label);
    a.href = `#/${view}`;
    return a;
  }));
}

function markNav(viewName) {
  const section = viewName === 'article' ? 'articles' : viewName;
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.view === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function renderStatus(st, error) {
  if (error) {
    replace(statusEl, h('span', { class: 'dot offline', 'aria-hidden': 'true' }), 'server unreachable: is newsgraph serve running?');
    return;
  }
  const time = st.last_ingest ? new Date(st.last_ingest) : null;
  replace(statusEl,
    h('span', { class: 'dot live', 'aria-hidden': 'true', title: 'Live: checks for new articles every 5 s' }),
    `${st.articles} articles · ${st.events} events · ${st.quotes} quotes`,
    time && !Number.isNaN(time.getTime()) ? h('span', { class: 'muted' }, ` · updated ${time.toLocaleString()}`) : null);
}

function notice(text) {
  noticeEl.textContent = text;
  noticeEl.hidden = false;
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => {
    noticeEl.hidden = true;
  }, 6000);
}

function fingerprint(st) {
  return st ? [st.articles, st.events, st.quotes, st.last_ingest].join('|') : '';
}

async function pollStatus() {
  if (document.hidden && state.status) return;
  let st;
  try {
    st = await get('status', null, { quiet: true });
  } catch (err) {
    renderStatus(null, err);
    return;
  }
  const before = state.status;
  state.status = st;
  renderStatus(st);
  if (state.view) state.view.status = st;
  if (before && fingerprint(before) !== fingerprint(st)) {
    const added = st.articles - before.articles;
    notice(added > 0 ? `${added} new article${added === 1 ? '' : 's'}: view updated.` : 'The store changed: view updated.');
    document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
    if (state.view && state.view.refresh) state.view.refresh();
  }
}

async function showRoute() {
  const { view, args, params } = parseHash();
  const View = VIEWS[view] || MapView;
  const viewName = VIEWS[view] ? view : 'map';
  if (state.view && state.view.destroy) state.view.destroy();
  replace(main);
  state.viewName = viewName;
  state.view = new View(main, { status: state.status });
  state.view.status = state.status;
  markNav(viewName);
  document.body.dataset.view = viewName;
  const shown = state.view;
  await shown.render(params, args);
  if (shown === state.view && viewName !== 'actor' && viewName !== 'article') document.title = `${shown.title()} — newsgraph`;
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    if (document.body.dataset.busy === 'yes') {
      progress.cancelAll();
    } else if (state.view && state.view.onEscape) {
      state.view.onEscape();
    }
  } else if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
    const search = main.querySelector('input[type="search"]');
    if (search) {
      e.preventDefault();
      search.focus();
    }
  }
});

// A read-only handle for the browser console and the end-to-end tests: the map's Cytoscape
// instance (cy.nodes(), cy.edges()) and the current view's name.
window.newsgraphDashboard = Object.freeze({
  cy: () => (state.view && state.view.graph ? state.view.graph.cy : null),
  view: () => state.viewName,
});

async function start() {
  renderNav();
  window.addEventListener('hashchange', showRoute);
  setInterval(pollStatus, POLL_MS);
  document.addEventListener('visibilitychange', pollStatus);
  // The first view does not wait for the status: both requests run at once.
  await Promise.all([pollStatus(), showRoute()]);
}

start();
