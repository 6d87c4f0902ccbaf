// DOM helpers. Everything shown on the page comes from news articles, which are hostile
// input: text only ever goes in through text nodes (textContent / createTextNode), never as
// HTML, and links only keep http(s) URLs. Styling is by class names from app.css, because the
// Content-Security-Policy forbids inline style attributes.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(el, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child) append(el, c);
  } else if (child instanceof Node) {
    el.appendChild(child);
  } else {
    el.appendChild(document.createTextNode(String(child)));
  }
}

function setProps(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'style') {
      throw new Error('inline styles are blocked by the CSP: use a class');
    } else if (key === 'href') {
      throw new Error('use link() or routeLink() so that the URL is checked');
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

/** h('div', {class: 'x'}, 'text', child, [more]) builds an element; strings become text nodes. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

/** The same for SVG elements (attributes such as x, y, width are geometry, not style). */
export function s(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

/** The URL if it is an absolute http(s) URL, else null (javascript:, data:, relative, junk). */
export function safeUrl(url) {
  if (typeof url !== 'string' || url.trim() === '') return null;
  let parsed;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** A link to an outside page, or plain text when the URL is not http(s). */
export function externalLink(url, text, props = {}) {
  const href = safeUrl(url);
  const label = text ?? url ?? '';
  if (!href) return h('span', { class: 'unsafe-url', title: 'link not shown: not an http(s) URL' }, label);
  const a = h('a', { ...props, target: '_blank', rel: 'noopener noreferrer nofollow', class: ['external', props.class] }, label);
  a.href = href;
  return a;
}

/** A link inside the dashboard: `route` is a hash route we built ourselves from encoded parts. */
export function routeLink(route, text, props = {}) {
  const a = h('a', props, text);
  a.href = '#' + route;
  return a;
}

export function fmtDate(iso) {
  return iso ? String(iso).slice(0, 10) : 'undated';
}

export function fmtNumber(n, digits = 1) {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return Number.isInteger(n) ? String(n) : Number(n).toFixed(digits);
}

export function plural(n, word, many = word + 's') {
  return `${n} ${n === 1 ? word : many}`;
}

/** An empty state that tells the reader what to do next. */
export function emptyState(title, ...hint) {
  return h('div', { class: 'empty', role: 'status' }, h('p', { class: 'empty-title' }, title), hint.length ? h('p', null, ...hint) : null);
}

export function code(text) {
  return h('code', null, text);
}
