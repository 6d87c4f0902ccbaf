// Quote search (full text, by speaker, by date) and the quote card the actor page reuses.

import { Loader, get, isAbort, pageInfo } from '../lib/api.js';
import { emptyState, externalLink, fmtDate, h, plural, replace, routeLink } from '../lib/dom.js';
import { markedText, nameSpans } from '../lib/marks.js';
import { route, setQuietly } from '../lib/router.js';

const PAGE = 25;

function searchWords(q) {
  return (q || '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
}

/** Quote text with the searched words marked (as text nodes and elements, never HTML). */
function quoteText(text, words) {
  if (!words || !words.length) return text;
  return markedText(text, nameSpans(text, words, 'hit'));
}

export function quoteCard(q, words = []) {
  const art = q.article || {};
  const speaker = q.speaker_name || q.speaker || q.speaker_text || 'unattributed';
  const hl = Number.isInteger(q.start) && Number.isInteger(q.end) ? `${q.start}-${q.end}` : null;
  const articleId = q.article_id || art.id;
  return h(
    'li',
    { class: 'quote-card' },
    h('blockquote', { class: q.direct ? 'direct' : 'reported' }, quoteText(q.text, words)),
    h('div', { class: 'meta' },
      '— ',
      q.speaker_key ? routeLink(route('actor', [q.speaker_key]), speaker, { class: 'actor-link speaker' }) : h('span', { class: 'speaker' }, speaker),
      q.speaker_code && q.speaker_code !== speaker ? h('span', { class: 'code' }, ` (${q.speaker_code})`) : null,
      ' · ',
      q.direct ? 'direct' : 'reported',
      ' · ',
      art.source || 'unknown outlet',
      ' · ',
      fmtDate(q.published || art.published),
      articleId ? [' · ', routeLink(route('article', [articleId], { hl }), art.title ? `Read: ${art.title}` : 'Read the article', { class: 'reader-link' })] : null,
      art.url ? [' · ', externalLink(art.url, 'original')] : null),
  );
}

/** A speaker box with suggestions from /api/actors; returns the input and a resolver. */
function speakerPicker(initial) {
  const list = h('datalist', { id: 'speaker-options' });
  const input = h('input', { type: 'search', id: 'q-speaker', name: 'speaker', list: 'speaker-options', placeholder: 'person, state or organisation', autocomplete: 'off' });
  input.value = initial || '';
  const known = new Map();
  let timer = null;
  let controller = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = input.value.trim();
      if (text.length < 2) return;
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const answer = await get('actors', { q: text, limit: 10 }, { signal: controller.signal, quiet: true });
        replace(list, answer.items.map((a) => {
          known.set(a.key, a);
          const o = h('option', null);
          o.value = a.key;
          o.label = `${a.name} (${a.kind}${a.code && a.code !== a.name ? ', ' + a.code : ''})`;
          return o;
        }));
      } catch (err) {
        if (!isAbort(err)) replace(list);
      }
    }, 200);
  });
  /** The API parameters for what was typed: an actor key, or a code for a state/IGO. */
  const resolve = async (signal) => {
    const text = input.value.trim();
    if (!text) return {};
    let actor = known.get(text);
    if (!actor) {
      const answer = await get('actors', { q: text, limit: 1 }, { signal, label: 'Finding the speaker…' });
      actor = answer.items[0];
    }
    if (!actor) return { unknown: text };
    if (actor.kind === 'state' || actor.kind === 'organisation') return { code: actor.code || actor.key, actor };
    return { speaker: actor.key, actor };
  };
  return { input, list, resolve };
}

export class QuotesView {
  constructor(root) {
    this.root = root;
    this.loader = new Loader();
  }

  title() {
    return 'Quotes';
  }

  render(params) {
    const q = h('input', { type: 'search', id: 'q-text', name: 'q', placeholder: 'words in the quote or the speaker’s name' });
    q.value = params.get('q') || '';
    const start = h('input', { type: 'date', id: 'q-start', name: 'start' });
    start.value = params.get('start') || '';
    const end = h('input', { type: 'date', id: 'q-end', name: 'end' });
    end.value = params.get('end') || '';
    this.picker = speakerPicker(params.get('speaker'));
    this.form = h('form', { class: 'search-form', role: 'search', 'aria-label': 'Search quotes' },
      h('div', { class: 'field wide' }, h('label', { for: 'q-text' }, 'Full text'), q),
      h('div', { class: 'field' }, h('label', { for: 'q-speaker' }, 'Speaker'), this.picker.input, this.picker.list),
      h('div', { class: 'field' }, h('label', { for: 'q-start' }, 'From'), start),
      h('div', { class: 'field' }, h('label', { for: 'q-end' }, 'To'), end),
      h('button', { type: 'submit', class: 'primary' }, 'Search'));
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.search(0);
    });
    this.results = h('div', { class: 'results', 'aria-live': 'polite' });
    replace(this.root, h('section', { class: 'page' }, h('h1', null, 'Quotes'), this.form, this.results));
    return this.search(0);
  }

  refresh() {
    return this.search(0);
  }

  destroy() {
    this.loader.abort();
  }

  async search(offset) {
    const data = new FormData(this.form);
    const base = { q: (data.get('q') || '').trim(), start: data.get('start'), end: data.get('end') };
    setQuietly(route('quotes', [], { ...base, speaker: this.picker.input.value.trim() }));
    const signal = this.loader.signal();
    let answer;
    let who;
    try {
      who = await this.picker.resolve(signal);
      if (who.unknown) {
        replace(this.results, emptyState(`No actor called “${who.unknown}”.`, 'Check the spelling, or search the full text instead.'));
        return;
      }
      answer = await get('quotes', { ...base, speaker: who.speaker, code: who.code, limit: PAGE, offset }, { signal, label: 'Searching quotes…' });
    } catch (err) {
      if (isAbort(err)) return;
      replace(this.results, h('p', { class: 'error', role: 'alert' }, `Search failed: ${err.message}`));
      return;
    }
    const info = pageInfo(answer);
    if (info.empty) {
      const anyFilter = base.q || base.start || base.end || who.actor;
      replace(this.results, anyFilter
        ? emptyState('No quotes match.', 'Try fewer words, another spelling, or a wider date range.')
        : emptyState('No quotes yet.', 'Run ', h('code', null, 'newsgraph ingest examples/corpus'), ' to add articles.'));
      return;
    }
    const nav = h('div', { class: 'pager' },
      offset > 0 ? h('button', { type: 'button', onclick: () => this.search(Math.max(0, offset - PAGE)) }, '← Newer') : null,
      info.more ? h('button', { type: 'button', onclick: () => this.search(offset + PAGE) }, 'More →') : null);
    const count = info.total !== null ? `${plural(info.total, 'quote')}; ` : '';
    replace(this.results,
      h('p', { class: 'muted', id: 'quote-count' }, `${count}${offset + 1}–${info.shown} shown${who.actor ? `, by ${who.actor.name}` : ''}${base.q ? ', best match first' : ', newest first'}.`),
      h('ol', { class: 'quotes' }, answer.items.map((q) => quoteCard(q, searchWords(base.q)))),
      nav);
  }
}
