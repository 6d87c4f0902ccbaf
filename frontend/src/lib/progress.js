// Progress for long queries: the bar appears only when something has taken longer than a
// moment, says what is loading and for how long, and offers Cancel (also Escape).

import { h, replace } from './dom.js';

const SHOW_AFTER_MS = 250;

class Progress {
  constructor() {
    this.pending = new Map();
    this.next = 1;
    this.el = null;
    this.timer = null;
    this.cancel = null;
  }

  mount(el) {
    this.el = el;
  }

  setCancel(fn) {
    this.cancel = fn;
  }

  start(label) {
    const id = this.next++;
    this.pending.set(id, { label, since: performance.now() });
    if (!this.timer) this.timer = setInterval(() => this.render(), SHOW_AFTER_MS);
    return id;
  }

  done(id) {
    this.pending.delete(id);
    if (this.pending.size === 0) {
      clearInterval(this.timer);
      this.timer = null;
    }
    this.render();
  }

  cancelAll() {
    if (this.cancel) this.cancel();
  }

  render() {
    if (!this.el) return;
    const now = performance.now();
    const slow = [...this.pending.values()].filter((p) => now - p.since >= SHOW_AFTER_MS);
    document.body.dataset.busy = this.pending.size ? 'yes' : 'no';
    if (!slow.length) {
      this.el.hidden = true;
      return;
    }
    const oldest = slow.reduce((a, b) => (a.since < b.since ? a : b));
    const seconds = ((now - oldest.since) / 1000).toFixed(1);
    const cancel = h('button', { type: 'button', class: 'link-button', onclick: () => this.cancelAll() }, 'Cancel (Esc)');
    replace(
      this.el,
      h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      h('span', null, `${oldest.label} ${seconds} s`),
      slow.length > 1 ? h('span', { class: 'muted' }, ` (+${slow.length - 1} more)`) : null,
      cancel,
    );
    this.el.hidden = false;
  }
}

export const progress = new Progress();
