// Marked-up text from character offsets, built from text nodes and elements only.
//
// The store's offsets count Unicode code points (Python strings); JavaScript strings count
// UTF-16 units, so text with characters outside the BMP (emoji, some scripts) needs its
// offsets converted, or every mark after such a character would be shifted.

import { h } from './dom.js';
import { routeLink } from './dom.js';

/** A function mapping code-point offsets of `text` to UTF-16 offsets. */
export function offsetMapper(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const units = [0];
  let u = 0;
  for (const ch of text) {
    u += ch.length;
    units.push(u);
  }
  return (i) => units[Math.max(0, Math.min(i, units.length - 1))];
}

/**
 * Split [0, text.length) at every span boundary. Returns [{start, end, spans}] covering the
 * whole text, where `spans` are the input spans covering that piece; spans may nest or
 * overlap freely. Span offsets are UTF-16 here (convert with offsetMapper first).
 */
export function segments(length, spans) {
  const cuts = new Set([0, length]);
  const valid = spans.filter((sp) => Number.isFinite(sp.start) && Number.isFinite(sp.end) && sp.end > sp.start);
  for (const sp of valid) {
    cuts.add(Math.max(0, Math.min(length, sp.start)));
    cuts.add(Math.max(0, Math.min(length, sp.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    out.push({ start, end, spans: valid.filter((sp) => sp.start <= start && sp.end >= end) });
  }
  return out;
}

/**
 * Render `text` with `spans` ({start, end, kind, title?, actor?}) as a DocumentFragment.
 * Each piece covered by spans becomes one element carrying a class per kind (m-actor,
 * m-quote, m-event, ...); pieces covered by an actor mention link to that actor's page.
 */
export function markedText(text, spans) {
  const frag = document.createDocumentFragment();
  for (const seg of segments(text.length, spans)) {
    const piece = text.slice(seg.start, seg.end);
    if (!seg.spans.length) {
      frag.appendChild(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(seg.spans.map((sp) => 'm-' + sp.kind))];
    const titles = [...new Set(seg.spans.map((sp) => sp.title).filter(Boolean))];
    const actor = seg.spans.find((sp) => sp.actor);
    const props = { class: ['mark', ...kinds], title: titles.join('\n') || null };
    const ids = seg.spans.map((sp) => sp.id).filter(Boolean);
    if (ids.length) props['data-ids'] = ids.join(' ');
    frag.appendChild(actor ? routeLink(actor.actor, piece, props) : h('span', props, piece));
  }
  return frag;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordRegExp(words, flags, prefix) {
  const tail = prefix ? '[\\p{L}]*' : '(?![\\p{L}\\p{N}])';
  return new RegExp(`(^|[^\\p{L}\\p{N}])(${words.map(escapeRegExp).join('|')})${tail}`, flags);
}

/**
 * Spans where any of `names` occurs in `text`, to highlight actors in an evidence sentence
 * when only their names and codes are known. Names of four letters or more match as a word
 * start, case-insensitively ("Russia" marks "Russian"); all-capital codes and short names
 * match only as whole words in the same case ("US" never marks "us").
 */
export function nameSpans(text, names, kind = 'actor') {
  const clean = [...new Set(names.filter((n) => typeof n === 'string' && n.trim().length >= 2).map((n) => n.trim()))];
  clean.sort((a, b) => b.length - a.length);
  const loose = clean.filter((n) => n.length >= 4 && n !== n.toUpperCase());
  const exact = clean.filter((n) => !loose.includes(n));
  const spans = [];
  const collect = (re) => {
    for (const m of text.matchAll(re)) {
      spans.push({ start: m.index + m[1].length, end: m.index + m[0].length, kind });
    }
  };
  if (loose.length) collect(wordRegExp(loose, 'giu', true));
  if (exact.length) collect(wordRegExp(exact, 'gu', false));
  return spans;
}
