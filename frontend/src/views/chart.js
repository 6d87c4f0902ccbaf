// The actor timeline: events per period stacked by quad category, drawn as SVG through DOM
// APIs (no chart library, no HTML strings). Cooperation stacks upwards in blues, conflict
// downwards in oranges, so the balance of a period reads at a glance. Each bar is a focusable
// button: click or Enter shows that period's events.

import { h, s } from '../lib/dom.js';
import { QUADS } from '../lib/labels.js';

const HEIGHT = 220;
const PAD = { top: 14, right: 12, bottom: 34, left: 40 };

function niceMax(n) {
  if (n <= 5) return Math.max(1, n);
  const p = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / p) * p;
}

/**
 * periods: [{period, start, end, events, quad1..quad4}] as /api/timeline answers.
 * onSelect(period) is called when a bar is chosen.
 */
export function timelineChart(periods, { onSelect, width = 1100 } = {}) {
  if (!periods.length) return null;
  const up = (p) => (p.quad1 || 0) + (p.quad2 || 0);
  const down = (p) => (p.quad3 || 0) + (p.quad4 || 0);
  const maxUp = niceMax(Math.max(0, ...periods.map(up)));
  const maxDown = niceMax(Math.max(0, ...periods.map(down)));
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const scale = plotH / (maxUp + maxDown || 1);
  const zeroY = PAD.top + maxUp * scale;
  const plotW = width - PAD.left - PAD.right;
  const step = plotW / periods.length;
  const barW = Math.max(2, Math.min(40, step * 0.8));

  const svg = s('svg', {
    class: 'chart',
    viewBox: `0 0 ${width} ${HEIGHT}`,
    role: 'group',
    'aria-label': 'Events per period by quad category: cooperation above the line, conflict below',
  });
  // axes and grid
  svg.appendChild(s('line', { class: 'axis', x1: PAD.left, x2: width - PAD.right, y1: zeroY, y2: zeroY }));
  const ticks = [[maxUp, zeroY - maxUp * scale], [maxDown, zeroY + maxDown * scale]];
  for (const [value, y] of ticks) {
    if (!value) continue;
    svg.appendChild(s('line', { class: 'grid', x1: PAD.left, x2: width - PAD.right, y1: y, y2: y }));
    svg.appendChild(s('text', { class: 'tick', x: PAD.left - 6, y: y + 4, 'text-anchor': 'end' }, String(value)));
  }
  svg.appendChild(s('text', { class: 'tick', x: PAD.left - 6, y: zeroY + 4, 'text-anchor': 'end' }, '0'));

  const labelEvery = Math.max(1, Math.ceil(periods.length / Math.floor(plotW / 70)));
  periods.forEach((p, i) => {
    const x = PAD.left + i * step + (step - barW) / 2;
    const g = s('g', {
      class: 'bar',
      tabindex: p.events ? '0' : '-1',
      role: 'button',
      'aria-label': `${p.period}: ${p.events} events`,
    });
    const title = [`${p.start || p.period} – ${p.end || p.period}: ${p.events} events`];
    let yUp = zeroY;
    for (const q of [1, 2]) {
      const n = p[`quad${q}`] || 0;
      if (!n) continue;
      title.push(`${QUADS[q].name}: ${n}`);
      yUp -= n * scale;
      g.appendChild(s('rect', { class: `seg ${QUADS[q].cls}`, x, y: yUp, width: barW, height: n * scale }));
    }
    let yDown = zeroY;
    for (const q of [3, 4]) {
      const n = p[`quad${q}`] || 0;
      if (!n) continue;
      title.push(`${QUADS[q].name}: ${n}`);
      g.appendChild(s('rect', { class: `seg ${QUADS[q].cls}`, x, y: yDown, width: barW, height: n * scale }));
      yDown += n * scale;
    }
    // a transparent hit area so thin bars are still easy to click
    g.appendChild(s('rect', { class: 'hit', x: PAD.left + i * step, y: PAD.top, width: step, height: plotH }));
    g.appendChild(s('title', null, title.join('\n')));
    if (p.events && onSelect) {
      g.addEventListener('click', () => onSelect(p));
      g.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(p);
        }
      });
    }
    svg.appendChild(g);
    if (i % labelEvery === 0) {
      svg.appendChild(s('text', { class: 'tick', x: PAD.left + i * step + step / 2, y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle' }, String(p.period).slice(0, 10)));
    }
  });

  const legend = h('p', { class: 'chart-legend' }, Object.values(QUADS).map((q) => h('span', { class: 'key' }, h('span', { class: ['swatch', q.cls] }), q.name)));
  return h('figure', { class: 'chart-wrap' }, svg, legend);
}
