// Display names for dyad codes ("USA" → "United States"), shared by every view. Views add
// the names their answers already carry; names still missing are asked of /api/actors once
// each, so an evidence list never shows bare codes where a name is known.

import { get } from './api.js';

const names = new Map();
const asked = new Map();

export function remember(code, name) {
  if (code && name && !names.has(code)) names.set(code, name);
}

export function nameOf(code) {
  return names.get(code) || code;
}

/** A Map code → name for `codes`, looking up the unknown ones (quietly, in parallel). */
export async function resolveNames(codes, signal) {
  const missing = [...new Set(codes)].filter((c) => c && !names.has(c) && !asked.has(c));
  await Promise.all(missing.map((c) => {
    const p = get('actors', { code: c, limit: 1 }, { signal, quiet: true })
      .then((answer) => {
        const hit = answer.items.find((a) => a.code === c || a.key === c) || answer.items[0];
        if (hit) remember(c, hit.name);
      })
      .catch(() => {
        asked.delete(c);
      });
    asked.set(c, p);
    return p;
  }));
  await Promise.all(codes.map((c) => asked.get(c)).filter(Boolean));
  return new Map(codes.map((c) => [c, nameOf(c)]));
}

export const allNames = names;
