// Evidence: a list of events (GET /api/events) with, for each, the sentences that report it,
// the actors and trigger marked, the outlet, a link to the stored article in the reader, and
// the quote it came from when a speaker claimed it. Used by the map, the actor page and the
// timeline.

import { get, isAbort, pageInfo } from '../lib/api.js';
import { emptyState, externalLink, fmtDate, h, plural, replace, routeLink } from '../lib/dom.js';
import { FACTUALITIES, quadOf } from '../lib/labels.js';
import { markedText, nameSpans, offsetMapper } from '../lib/marks.js';
import { allNames, remember, resolveNames } from '../lib/names.js';
import { route } from '../lib/router.js';

const PAGE = 25;
const SHOWN_REPORTS = 3;

// Events name actors by key: a dyad code (RUS) or, for an actor without one, "person:Jane Doe".
function actorName(names, key) {
  return names.get(key) || allNames.get(key) || String(key).replace(/^(person|group|organisation|location|state):/, '');
}

function actorLinks(codes, names) {
  const out = [];
  codes.forEach((c, i) => {
    if (i) out.push(', ');
    out.push(routeLink(route('actor', [c]), actorName(names, c), { class: 'actor-link' }));
  });
  return out.length ? out : ['?'];
}

/** The evidence sentence with its trigger (from offsets) and actor names (by name) marked. */
export function evidenceSentence(ev, names, codes) {
  const sentence = ev.sentence || '';
  const spans = [];
  if (Number.isInteger(ev.trigger_start) && Number.isInteger(ev.start) && Number.isInteger(ev.trigger_end)) {
    const at = offsetMapper(sentence);
    spans.push({ start: at(ev.trigger_start - ev.start), end: at(ev.trigger_end - ev.start), kind: 'trigger', title: 'trigger' });
  }
  const words = [];
  for (const c of codes) {
    words.push(c);
    if (actorName(names, c) !== c) words.push(actorName(names, c));
  }
  spans.push(...nameSpans(sentence, words));
  return h('p', { class: 'sentence' }, markedText(sentence, spans));
}

function quoteBlock(quote, claimedBy, names) {
  if (quote) {
    const speaker = quote.speaker_name || quote.speaker || actorName(names, quote.speaker_key || '') || 'unknown speaker';
    const text = quote.text.length > 400 ? quote.text.slice(0, 400) + '…' : quote.text;
    return h(
      'div',
      { class: 'quote-from' },
      h('span', { class: 'label' }, 'From a quote by '),
      quote.speaker_key ? routeLink(route('actor', [quote.speaker_key]), speaker, { class: 'actor-link' }) : h('strong', null, speaker),
      h('q', null, text),
    );
  }
  if (claimedBy) {
    return h('div', { class: 'quote-from' }, h('span', { class: 'label' }, 'Claimed by '),
      routeLink(route('actor', [claimedBy]), actorName(names, claimedBy), { class: 'actor-link' }));
  }
  return null;
}

function report(ev, event, names) {
  const art = ev.article || {};
  const hl = Number.isInteger(ev.start) && Number.isInteger(ev.end) ? `${ev.start}-${ev.end}` : null;
  return h(
    'li',
    { class: 'report' },
    evidenceSentence(ev, names, [...(event.sources || []), ...(event.targets || [])]),
    quoteBlock(ev.quote, ev.claimed_by, names),
    h(
      'div',
      { class: 'meta' },
      h('span', { class: 'outlet' }, art.source || 'unknown outlet'),
      ' · ',
      fmtDate(art.published),
      ' · ',
      art.id ? routeLink(route('article', [art.id], { hl }), art.title ? `Read: ${art.title}` : 'Read the article', { class: 'reader-link' }) : null,
      art.url ? [' · ', externalLink(art.url, 'original')] : null,
    ),
  );
}

export function eventItem(event, names) {
  const quad = quadOf(event.quad);
  const reports = event.evidence || [];
  const list = h('ul', { class: 'reports' }, reports.slice(0, SHOWN_REPORTS).map((ev) => report(ev, event, names)));
  const more = reports.length > SHOWN_REPORTS
    ? h('button', {
      type: 'button',
      class: 'link-button',
      onclick: (e) => {
        reports.slice(SHOWN_REPORTS).forEach((ev) => list.appendChild(report(ev, event, names)));
        e.target.remove();
      },
    }, `Show ${plural(reports.length - SHOWN_REPORTS, 'more report')}`)
    : null;
  return h(
    'li',
    { class: ['event', event.factuality !== 'asserted' ? 'uncertain' : ''], 'data-event-id': event.id },
    h(
      'div',
      { class: 'event-head' },
      h('time', null, fmtDate(event.date)),
      h('span', { class: ['badge', quad.cls], title: quad.name }, event.type || '?'),
      event.factuality && event.factuality !== 'asserted'
        ? h('span', { class: 'badge fact', title: FACTUALITIES[event.factuality] || event.factuality }, FACTUALITIES[event.factuality] || event.factuality)
        : null,
      h('span', { class: 'dyad' }, actorLinks(event.sources || [], names), ' → ', actorLinks(event.targets || [], names)),
      (event.mention_count || reports.length) > 1 ? h('span', { class: 'muted' }, ` · reported ${event.mention_count || reports.length}×`) : null,
    ),
    list,
    more,
  );
}

/**
 * Load `params` from /api/events into `el`, PAGE at a time, newest first. `names` maps codes to
 * display names. Returns when the first page is shown.
 */
export async function showEvents(el, params, { names = new Map(), loader, label = 'Loading evidence…', emptyHint } = {}) {
  for (const [c, n] of names) remember(c, n);
  const list = h('ol', { class: 'events' });
  const footer = h('div', { class: 'list-footer' });
  const summary = h('p', { class: 'muted' });
  replace(el, summary, list, footer);
  let offset = 0;
  const page = async () => {
    let answer;
    try {
      const signal = loader ? loader.signal() : undefined;
      answer = await get('events', { ...params, limit: PAGE, offset }, { signal, label });
      const keys = answer.items.flatMap((ev) => [...(ev.sources || []), ...(ev.targets || [])]);
      await resolveNames(keys.filter((k) => !k.includes(':')), signal);
    } catch (err) {
      if (isAbort(err)) return;
      replace(footer, h('p', { class: 'error' }, `Could not load events: ${err.message}`));
      return;
    }
    const info = pageInfo(answer);
    if (info.empty) {
      replace(el, emptyState('No events here.', emptyHint || 'Widen the date range or allow more factualities.'));
      return;
    }
    for (const ev of answer.items) list.appendChild(eventItem(ev, names));
    offset = info.shown;
    summary.textContent = info.total !== null
      ? `${plural(info.total, 'event')}, newest first${info.more ? ` (showing ${offset})` : ''}.`
      : `${plural(offset, 'event')} shown, newest first.`;
    replace(footer, info.more ? h('button', { type: 'button', onclick: page }, 'Load more') : null);
  };
  await page();
}
