// Hash routes, so that every view has a link an analyst can bookmark or share and the server
// needs to know nothing about them:
//   #/map?start=&end=&type=&quad=&factuality=&min_events=&focus=
//   #/actor/<key>          #/quotes?q=&speaker=&start=&end=
//   #/articles?q=&source=  #/article/<id>?hl=<start>-<end>

export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { view: parts[0] || 'map', args: parts.slice(1), params: new URLSearchParams(query) };
}

/** Build a route: route('actor', ['RUS']) or route('map', [], {start: '2024-01-01'}). */
export function route(view, args = [], params = {}) {
  const path = [view, ...args.map((a) => encodeURIComponent(a))].join('/');
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const qs = q.toString();
  return '/' + path + (qs ? '?' + qs : '');
}

export function navigate(r, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', '#' + r);
  else location.hash = r;
}

/** Update the current route's query without adding a history entry or re-rendering. */
export function setQuietly(r) {
  history.replaceState(null, '', '#' + r);
}
