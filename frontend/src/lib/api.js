// The one place that talks to the HTTP API (docs/api.md). Every request reports to the
// progress indicator, can be cancelled (Escape, or a newer request from the same view), and
// turns the API's JSON errors into ApiError with the API's own message.

import { progress } from './progress.js';

export class ApiError extends Error {
  constructor(status, message, param) {
    super(message);
    this.status = status;
    this.param = param;
  }
}

/** Query string from an object; arrays become comma lists, empty values are left out. */
export function queryString(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) q.set(key, value.join(','));
    } else {
      q.set(key, String(value));
    }
  }
  const text = q.toString();
  return text ? '?' + text : '';
}

/**
 * GET /api/<path> and parse JSON. `label` is what the progress bar says while it runs
 * ("Loading network…"); `signal` aborts it.
 */
export async function get(path, params, { signal, label, quiet = false } = {}) {
  const url = '/api/' + path + queryString(params);
  const ticket = quiet ? null : progress.start(label || 'Loading…');
  try {
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok) {
      const err = body && body.error ? body.error : {};
      throw new ApiError(response.status, err.message || `${response.status} ${response.statusText}`, err.param);
    }
    return body;
  } finally {
    if (ticket) progress.done(ticket);
  }
}

export function isAbort(err) {
  return err && (err.name === 'AbortError' || err.code === 20);
}

/**
 * One cancellable request slot per view: starting a new load aborts the previous one, so a
 * slow query never overwrites the answer to a newer one.
 */
export class Loader {
  constructor() {
    this.controller = null;
  }

  signal() {
    this.abort();
    this.controller = new AbortController();
    progress.setCancel(() => this.abort());
    return this.controller.signal;
  }

  abort() {
    if (this.controller) this.controller.abort();
    this.controller = null;
  }
}

/** Path segment for an actor key or article id (keys such as "person:Jane Doe" hold spaces). */
export function seg(value) {
  return encodeURIComponent(value);
}

/**
 * What a list answer says about paging: `total` when the API counted (null otherwise) and
 * whether there is a next page (from `total` or from `next_offset`).
 */
export function pageInfo(answer) {
  const shown = answer.offset + answer.items.length;
  const total = Number.isInteger(answer.total) ? answer.total : null;
  const more = total !== null ? shown < total : answer.next_offset !== null && answer.next_offset !== undefined;
  return { total, shown, more, empty: answer.offset === 0 && answer.items.length === 0 };
}
