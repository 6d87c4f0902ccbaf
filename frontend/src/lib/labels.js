// Names and colour classes for the ontology's categories, defined once for every view.
// Colours (in app.css) are colour-blind safe: cooperation is blue, conflict orange.

export const QUADS = {
  1: { name: 'Verbal cooperation', short: 'Verbal coop.', cls: 'q1' },
  2: { name: 'Material cooperation', short: 'Material coop.', cls: 'q2' },
  3: { name: 'Verbal conflict', short: 'Verbal conflict', cls: 'q3' },
  4: { name: 'Material conflict', short: 'Material conflict', cls: 'q4' },
};

// What the analyst sees for each factuality value of the store.
export const FACTUALITIES = {
  asserted: 'asserted (reported as fact)',
  alleged: 'claimed / alleged',
  future: 'intended / announced',
  hypothetical: 'feared / hypothetical',
  demanded: 'demanded',
  negated: 'denied / did not happen',
};

// PLOVER event types (docs/api.md lists them; the map offers whichever the data has too).
export const EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'SANCTION', 'PROTEST', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

export function quadOf(q) {
  return QUADS[q] || { name: 'Unclassified', short: 'n/a', cls: 'q0' };
}

/** What to call an article: its title, else the file or URL it came from. */
export function articleTitle(a) {
  if (a.title && a.title.trim()) return a.title;
  if (a.ref) return String(a.ref).split(/[\\/]/).filter(Boolean).pop() || a.ref;
  return '(untitled)';
}
