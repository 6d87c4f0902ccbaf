// Articles: the list of stored articles, and the reader view of one article with its actors,
// quotes and events marked in the text from their character offsets.

import { Loader, get, isAbort, pageInfo, seg } from '../lib/api.js';
import { emptyState, externalLink, fmtDate, h, plural, replace, routeLink } from '../lib/dom.js';
import { FACTUALITIES, articleTitle, quadOf } from '../lib/labels.js';
import { markedText, offsetMapper } from '../lib/marks.js';
import { route, setQuietly } from '../lib/router.js';

const PAGE = 50;

export class ArticlesView {
  constructor(root) {
    this.root = root;
    this.loader = new Loader();
  }

  title() {
    return 'Articles';
  }

  render(params) {
    const field = (name, label, type = 'search') => {
      const input = h('input', { type, id: `a-${name}`, name });
      input.value = params.get(name) || '';
      return h('div', { class: 'field' }, h('label', { for: `a-${name}` }, label), input);
    };
    this.form = h('form', { class: 'search-form', role: 'search', 'aria-label': 'Filter articles' },
      field('q', 'Words in the title'), field('source', 'Outlet'), field('actor', 'Actor code'),
      field('start', 'From', 'date'), field('end', 'To', 'date'),
      h('button', { type: 'submit', class: 'primary' }, 'Filter'));
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.load(0);
    });
    this.results = h('div', { class: 'results', 'aria-live': 'polite' });
    replace(this.root, h('section', { class: 'page' }, h('h1', null, 'Articles'), this.form, this.results));
    return this.load(0);
  }

  refresh() {
    return this.load(this.offset || 0);
  }

  destroy() {
    this.loader.abort();
  }

  async load(offset) {
    this.offset = offset;
    const params = Object.fromEntries([...new FormData(this.form)].map(([k, v]) => [k, String(v).trim()]));
    setQuietly(route('articles', [], params));
    let answer;
    try {
      answer = await get('articles', { ...params, limit: PAGE, offset }, { signal: this.loader.signal(), label: 'Loading articles…' });
    } catch (err) {
      if (isAbort(err)) return;
      replace(this.results, h('p', { class: 'error', role: 'alert' }, `Could not load articles: ${err.message}`));
      return;
    }
    const info = pageInfo(answer);
    if (info.empty) {
      const filtered = Object.values(params).some(Boolean);
      replace(this.results, filtered
        ? emptyState('No articles match.', 'Clear a filter or widen the dates.')
        : emptyState('No articles yet.', 'Run ', h('code', null, 'newsgraph ingest examples/corpus'), ': this page updates by itself.'));
      return;
    }
    const rows = answer.items.map((a) => h('tr', null,
      h('td', { class: 'nowrap' }, fmtDate(a.published)),
      h('td', null, routeLink(route('article', [a.id]), articleTitle(a), { class: 'reader-link' }),
        a.duplicate_of ? h('span', { class: 'badge dup', title: `near-duplicate of ${a.duplicate_of}` }, 'duplicate') : null),
      h('td', null, a.source || ''),
      h('td', { class: 'num' }, String(a.n_events ?? a.events ?? '')),
      h('td', { class: 'num' }, String(a.n_quotes ?? a.quotes ?? ''))));
    replace(this.results,
      h('p', { class: 'muted' }, `${info.total !== null ? plural(info.total, 'article') + ', ' : ''}newest first; ${offset + 1}–${info.shown} shown.`),
      h('table', { class: 'articles' },
        h('thead', null, h('tr', null, ['Published', 'Title', 'Outlet', 'Events', 'Quotes'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, rows)),
      h('div', { class: 'pager' },
        offset > 0 ? h('button', { type: 'button', onclick: () => this.load(Math.max(0, offset - PAGE)) }, '← Newer') : null,
        info.more ? h('button', { type: 'button', onclick: () => this.load(offset + PAGE) }, 'Older →') : null));
  }
}

function eventTitle(e, names) {
  const who = (codes) => (codes || []).map((c) => names.get(c) || c).join(', ') || '?';
  const fact = e.factuality && e.factuality !== 'asserted' ? ` (${FACTUALITIES[e.factuality] || e.factuality})` : '';
  return `${e.type}: ${who(e.sources)} → ${who(e.targets)}${fact}`;
}

export class ReaderView {
  constructor(root) {
    this.root = root;
    this.loader = new Loader();
  }

  title() {
    return this.answer ? articleTitle(this.answer.article) : 'Article';
  }

  render(params, args) {
    this.id = args[0] || '';
    const hl = /^(\d+)-(\d+)$/.exec(params.get('hl') || '');
    this.highlight = hl ? { start: Number(hl[1]), end: Number(hl[2]) } : null;
    return this.load();
  }

  destroy() {
    this.loader.abort();
  }

  async load() {
    let answer;
    try {
      answer = await get(`articles/${seg(this.id)}`, null, { signal: this.loader.signal(), label: 'Loading the article…' });
    } catch (err) {
      if (isAbort(err)) return;
      replace(this.root, h('section', { class: 'page' }, emptyState(
        err.status === 404 ? 'This article is not in the store.' : `Could not load the article: ${err.message}`,
        'Go back to the ', routeLink(route('articles'), 'list of articles'), '.')));
      return;
    }
    this.answer = answer;
    document.title = `${articleTitle(answer.article)} — newsgraph`;
    this.show(answer);
  }

  show({ article, actors = [], quotes = [], events = [] }) {
    const text = article.text || '';
    const at = offsetMapper(text);
    const names = new Map();
    for (const a of actors) names.set(a.key, a.name);
    const spans = [];
    for (const a of actors) {
      const label = `${a.name}${a.code && a.code !== a.name ? ` (${a.code})` : ''} · ${a.kind}`;
      for (const m of a.mentions || []) {
        spans.push({ start: at(m.start), end: at(m.end), kind: 'actor', title: label, actor: route('actor', [a.key]) });
      }
    }
    quotes.forEach((q, i) => {
      const who = q.speaker_name || q.speaker || q.speaker_text || 'unattributed';
      spans.push({ start: at(q.start), end: at(q.end), kind: 'quote', title: `Quote by ${who}`, id: `q${i}` });
      if (Number.isInteger(q.speaker_start)) spans.push({ start: at(q.speaker_start), end: at(q.speaker_end), kind: 'speaker', title: 'speaker' });
    });
    events.forEach((e, i) => {
      const ev = Array.isArray(e.evidence) ? e.evidence[0] : e.evidence;
      if (!ev) return;
      spans.push({ start: at(ev.start), end: at(ev.end), kind: 'event', title: eventTitle(e, names), id: `e${i}` });
      if (Number.isInteger(ev.trigger_start)) spans.push({ start: at(ev.trigger_start), end: at(ev.trigger_end), kind: 'trigger', title: `trigger of ${e.type}` });
    });
    if (this.highlight) spans.push({ start: at(this.highlight.start), end: at(this.highlight.end), kind: 'hl', id: 'hl' });

    const body = h('div', { class: 'article-text show-actor show-quote show-event', id: 'article-text' }, markedText(text, spans));
    const toggle = (kind, label) => {
      const input = h('input', { type: 'checkbox', id: `show-${kind}` });
      input.checked = true;
      input.addEventListener('change', () => body.classList.toggle(`show-${kind}`, input.checked));
      return h('label', { class: ['check', `key-${kind}`] }, input, ' ', label);
    };
    const jump = (id) => () => {
      const el = body.querySelector(`[data-ids~="${id}"]`);
      if (!el) return;
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      body.querySelectorAll('.flash').forEach((x) => x.classList.remove('flash'));
      body.querySelectorAll(`[data-ids~="${id}"]`).forEach((x) => x.classList.add('flash'));
    };

    const side = h('aside', { class: 'reader-side' },
      h('h2', null, `Actors (${actors.length})`),
      actors.length ? h('ul', { class: 'plain' }, actors.map((a) => h('li', null,
        routeLink(route('actor', [a.key]), a.name, { class: 'actor-link' }),
        h('span', { class: 'muted' }, ` ${a.code && a.code !== a.name ? a.code + ' · ' : ''}${a.kind} · ${plural((a.mentions || []).length, 'mention')}`)))) : emptyState('No actors found.'),
      h('h2', null, `Quotes (${quotes.length})`),
      quotes.length ? h('ol', { class: 'plain' }, quotes.map((q, i) => h('li', null,
        h('button', { type: 'button', class: 'link-button', onclick: jump(`q${i}`) }, `“${q.text.length > 90 ? q.text.slice(0, 90) + '…' : q.text}”`),
        ' — ', q.speaker_key ? routeLink(route('actor', [q.speaker_key]), q.speaker_name || q.speaker || q.speaker_key, { class: 'actor-link' }) : (q.speaker_text || 'unattributed')))) : emptyState('No quotes found.'),
      h('h2', null, `Events (${events.length})`),
      events.length ? h('ol', { class: 'plain' }, events.map((e, i) => {
        const quad = quadOf(e.quad);
        return h('li', null,
          h('span', { class: ['badge', quad.cls], title: quad.name }, e.type),
          ' ',
          h('button', { type: 'button', class: 'link-button', onclick: jump(`e${i}`) }, eventTitle(e, names).replace(/^[^:]*: /, '')));
      })) : emptyState('No events found.'));

    replace(this.root,
      h('section', { class: 'page reader' },
        h('p', null, routeLink(route('articles'), '← All articles')),
        h('header', null,
          h('h1', null, articleTitle(article)),
          h('p', { class: 'muted' },
            [article.source || 'unknown outlet', fmtDate(article.published), article.language].filter(Boolean).join(' · '),
            article.url ? [' · ', externalLink(article.url, article.url)] : null,
            article.duplicate_of ? [' · near-duplicate of ', routeLink(route('article', [article.duplicate_of]), 'the first copy')] : null)),
        h('div', { class: 'reader-keys' }, toggle('actor', 'actors'), toggle('quote', 'quotes'), toggle('event', 'event evidence')),
        h('div', { class: 'reader-body' }, h('article', { class: 'reader-main' }, body), side)));
    if (this.highlight) {
      const first = body.querySelector('[data-ids~="hl"]');
      if (first) first.scrollIntoView({ block: 'center' });
    }
  }
}
