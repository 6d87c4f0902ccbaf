// The network map's drawing: Cytoscape.js renders, ForceAtlas2 (graphology) lays out.
// Cooperation edges attract strongly and conflict edges hardly at all, while every actor repels
// every other, so that actors who cooperate pull together and blocs separate. ForceAtlas2 with
// Barnes-Hut stays well under a second for a few hundred actors and thousands of edges, where
// Cytoscape's own force layouts took many seconds. Colours: cooperation blue, conflict orange
// (safe for colour-blind readers); edges from claimed/intended/feared events are dashed.

import cytoscape from 'cytoscape';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

// Pale fills (mostly Paul Tol's "light" scheme) without blues or oranges, so that a node's bloc
// colour is never mistaken for the cooperation/conflict colour of the lines.
const BLOC_COLOURS = ['#EEDD88', '#FFAABB', '#44BB99', '#CCBBEE', '#BBCC33', '#AAAA00', '#DDCCAA'];
const NO_BLOC = '#FFFFFF';
// Above this many edges, straight lines instead of bezier curves: drawing stays fast.
const MANY_EDGES = 600;
// The API keeps only this many of the strongest edges of each answer (max_edges), so that a
// month of thousands of relations is neither built nor sent; the map draws as many.
export const MAX_EDGES = 1000;
const COOP = '#1f66b0';
const CONFLICT = '#e07b00';
const NEUTRAL = '#8c8c8c';

const STYLE = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      'border-color': '#333',
      'border-width': 1,
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(display)',
      'text-wrap': 'wrap',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'font-size': 13,
      'font-family': 'system-ui, sans-serif',
      color: '#1a1a1a',
      'text-outline-color': '#fff',
      'text-outline-width': 2,
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'node[kind = "person"]', style: { shape: 'ellipse', 'border-style': 'dotted' } },
  { selector: 'node[kind = "organisation"]', style: { shape: 'round-rectangle' } },
  { selector: 'node[kind = "group"]', style: { shape: 'round-hexagon' } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': NEUTRAL,
      'curve-style': 'bezier',
      opacity: 0.75,
      'target-arrow-shape': 'none',
    },
  },
  { selector: 'edge[sign > 0]', style: { 'line-color': COOP, 'target-arrow-color': COOP } },
  { selector: 'edge[sign < 0]', style: { 'line-color': CONFLICT, 'target-arrow-color': CONFLICT } },
  // big maps: straight, opaque lines and no label halo are much cheaper to draw
  { selector: 'edge.straight', style: { 'curve-style': 'haystack', 'haystack-radius': 0, opacity: 1 } },
  { selector: 'node.crowded', style: { 'text-outline-width': 0, 'text-background-color': '#fff', 'text-background-opacity': 0.7 } },
  { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle', 'arrow-scale': 0.9 } },
  { selector: 'edge.uncertain', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], opacity: 0.9 } },
  { selector: 'edge:selected', style: { 'overlay-color': '#000', 'overlay-opacity': 0.18, opacity: 1 } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000' } },
  { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.25 } },
  { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#000' } },
];

function nodeSize(events, maxEvents) {
  return 16 + 44 * Math.sqrt((events || 0) / Math.max(1, maxEvents));
}

function edgeWidth(weight, maxWeight) {
  return 1.5 + 8.5 * Math.sqrt((weight || 0) / Math.max(1e-9, maxWeight));
}

/**
 * Cytoscape elements from /api/network answers, `certain` solid, `uncertain` dashed:
 * {elements, totalEdges} (elements hold at most MAX_EDGES edges, the strongest; totalEdges counts
 * every edge of the answers, `edges_total`, including those the API left out).
 */
export function toElements(certain, uncertain, { directed }) {
  const nodes = new Map();
  for (const answer of [certain, uncertain]) {
    for (const n of answer ? answer.nodes : []) {
      const prev = nodes.get(n.id);
      if (!prev || (n.events || 0) > (prev.events || 0)) nodes.set(n.id, n);
    }
  }
  const edgeList = [];
  let totalEdges = 0;
  const add = (answer, isUncertain) => {
    if (!answer) return;
    for (const e of answer.edges) {
      if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
      edgeList.push({ ...e, uncertain: isUncertain });
    }
    totalEdges += Number.isInteger(answer.edges_total) ? answer.edges_total : answer.edges.length;
  };
  add(certain, false);
  add(uncertain, true);
  // Thousands of lines are unreadable and slow to draw: keep the strongest (of both answers).
  if (edgeList.length > MAX_EDGES) {
    edgeList.sort((a, b) => Math.abs(b.weight || 0) - Math.abs(a.weight || 0) || (b.events || 0) - (a.events || 0));
    edgeList.length = MAX_EDGES;
  }
  const maxEvents = Math.max(1, ...[...nodes.values()].map((n) => n.events || 0));
  // Colour only blocs with two or more actors on this map, largest first: a bloc of one says
  // nothing, and cycling colours over many singletons would suggest alliances that are not there.
  const blocSize = new Map();
  for (const n of nodes.values()) if (Number.isInteger(n.bloc)) blocSize.set(n.bloc, (blocSize.get(n.bloc) || 0) + 1);
  const ranked = [...blocSize].filter(([, size]) => size > 1).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([bloc]) => bloc);
  const blocColour = (bloc) => {
    const rank = ranked.indexOf(bloc);
    return rank >= 0 && rank < BLOC_COLOURS.length ? BLOC_COLOURS[rank] : NO_BLOC;
  };
  const maxWeight = Math.max(1e-9, ...edgeList.map((e) => Math.abs(e.weight || 0)));
  const many = edgeList.length > MANY_EDGES;
  const elements = [];
  for (const n of nodes.values()) {
    const label = n.label || n.id;
    elements.push({
      group: 'nodes',
      classes: many ? 'crowded' : '',
      data: {
        id: n.id,
        label,
        display: label === n.id ? label : `${label}\n${n.id}`,
        kind: n.kind || 'unknown',
        events: n.events || 0,
        degree: n.degree || 0,
        net: n.net,
        bloc: n.bloc,
        size: nodeSize(n.events, maxEvents),
        colour: blocColour(n.bloc),
      },
    });
  }
  for (const e of edgeList) {
    elements.push({
      group: 'edges',
      classes: [e.uncertain ? 'uncertain' : '', directed ? 'directed' : '', many ? 'straight' : ''].filter(Boolean).join(' '),
      data: {
        id: `${e.uncertain ? 'u' : 'a'}|${e.source}|${e.target}`,
        source: e.source,
        target: e.target,
        sign: e.sign || 0,
        weight: e.weight || 0,
        width: edgeWidth(Math.abs(e.weight || 0), maxWeight),
        events: e.events || 0,
        mentions: e.mentions || 0,
        net: e.net,
        cooperation: e.cooperation,
        conflict: e.conflict,
        by_quad: e.by_quad || {},
        events_query: e.events_query || null,
        uncertain: e.uncertain,
      },
    });
  }
  return { elements, totalEdges };
}

function attraction(sign) {
  if (sign > 0) return 1;
  if (sign < 0) return 0.03;
  return 0.3;
}

/** A repeatable pseudo-random start, so the same data gives the same map. */
function seeded(id) {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

/**
 * Positions for the nodes of `cy`: ForceAtlas2 from `start` positions (a live refresh: few
 * iterations, things stay put) or from a seeded circle (a new map).
 */
function forcePositions(cy, start) {
  const g = new Graph({ type: 'undirected', multi: false });
  const n = cy.nodes().length;
  cy.nodes().forEach((node, i) => {
    const p = start && start.get(node.id());
    const angle = 2 * Math.PI * (i / Math.max(1, n)) + seeded(node.id());
    g.addNode(node.id(), {
      x: p ? p.x : Math.cos(angle) * 100 * (0.5 + seeded(node.id() + '*')),
      y: p ? p.y : Math.sin(angle) * 100 * (0.5 + seeded(node.id() + '*')),
      size: node.data('size') / 2,
    });
  });
  // Each bloc (from the API's signed community detection) gets an invisible hub its members are
  // tied to, so that blocs gather into visible clusters, matching the node colours.
  const blocs = new Map();
  cy.nodes().forEach((node) => {
    const bloc = node.data('bloc');
    if (Number.isInteger(bloc)) blocs.set(bloc, [...(blocs.get(bloc) || []), node.id()]);
  });
  for (const [bloc, members] of blocs) {
    if (members.length < 2) continue;
    const hub = `\u0000bloc${bloc}`;
    g.addNode(hub, { x: seeded(hub) * 100 - 50, y: seeded(hub + '*') * 100 - 50, size: 1 });
    for (const m of members) g.addEdge(m, hub, { weight: BLOC_PULL });
  }
  cy.edges().forEach((edge) => {
    const [a, b] = [edge.data('source'), edge.data('target')];
    if (a === b) return;
    const w = attraction(edge.data('sign')) * (1 + Math.log1p(edge.data('events')));
    if (g.hasEdge(a, b)) g.updateEdgeAttribute(a, b, 'weight', (old) => Math.max(old, w));
    else g.addEdge(a, b, { weight: w });
  });
  const settings = {
    ...forceAtlas2.inferSettings(g),
    barnesHutOptimize: n > 80,
    outboundAttractionDistribution: true,
    edgeWeightInfluence: 1,
    gravity: 0.5,
  };
  const iterations = start ? 60 : n > 150 ? 100 : 500;
  forceAtlas2.assign(g, { iterations, settings, getEdgeWeight: 'weight' });
  const out = new Map();
  cy.nodes().forEach((node) => {
    const attr = g.getNodeAttributes(node.id());
    out.set(node.id(), { x: attr.x, y: attr.y, r: attr.size + LABEL_ROOM });
  });
  return separate(scaleToPixels(out, n));
}

// How strongly a bloc's members are drawn together, against 1 for a cooperation edge.
const BLOC_PULL = 0.6;

// Room around a node for its two-line label, in pixels at zoom 1.
const LABEL_ROOM = 26;

/** Push apart nodes whose discs (node plus label room) overlap; a few sweeps suffice. */
function separate(positions) {
  const pts = [...positions.values()];
  for (let sweep = 0; sweep < 30; sweep++) {
    let moved = false;
    for (let i = 0; i < pts.length; i++) {
      for (let j = i + 1; j < pts.length; j++) {
        const a = pts[i];
        const b = pts[j];
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const want = a.r + b.r;
        const d2 = dx * dx + dy * dy;
        if (d2 >= want * want) continue;
        const d = Math.sqrt(d2) || 0.01;
        const push = (want - d) / 2;
        const ux = d2 ? dx / d : Math.cos(i + j);
        const uy = d2 ? dy / d : Math.sin(i + j);
        a.x -= ux * push;
        a.y -= uy * push;
        b.x += ux * push;
        b.y += uy * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return positions;
}

/** Scale layout units so that a node's neighbourhood is some 120 pixels across before fitting. */
function scaleToPixels(positions, n) {
  if (positions.size < 2) return positions;
  const xs = [...positions.values()].map((p) => p.x);
  const ys = [...positions.values()].map((p) => p.y);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-9);
  const k = (Math.sqrt(n) * 120) / span;
  for (const p of positions.values()) {
    p.x *= k;
    p.y *= k;
  }
  return positions;
}

/** A map in `container`; handlers receive Cytoscape elements' data. */
export function createGraph(container, { onEdge, onNode, onBackground }) {
  const cy = cytoscape({
    container,
    style: STYLE,
    // while panning or zooming a big map, move a snapshot instead of redrawing every line
    textureOnViewport: true,
    hideEdgesOnViewport: false,
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
  });
  cy.on('tap', 'edge', (evt) => onEdge(evt.target.data()));
  cy.on('tap', 'node', (evt) => onNode(evt.target.data()));
  cy.on('tap', (evt) => {
    if (evt.target === cy) onBackground();
  });

  return {
    cy,

    /**
     * Replace the elements. With keepPositions, nodes already on the map stay where they are
     * (a live refresh must not reshuffle what the analyst is looking at) and only new ones move.
     */
    setElements(elements, { keepPositions = false } = {}) {
      const old = new Map();
      if (keepPositions) cy.nodes().forEach((n) => old.set(n.id(), { ...n.position() }));
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
      });
      if (!cy.nodes().length) return Promise.resolve();
      let start = null;
      if (keepPositions && old.size) {
        // new actors start next to a neighbour already on the map
        start = new Map(old);
        cy.nodes().forEach((n) => {
          if (start.has(n.id())) return;
          const placed = n.neighborhood('node').filter((m) => old.has(m.id()));
          const base = placed.length ? old.get(placed[0].id()) : { x: 0, y: 0 };
          start.set(n.id(), { x: base.x + (seeded(n.id()) - 0.5) * 80, y: base.y + (seeded(n.id() + '*') - 0.5) * 80 });
        });
      }
      const positions = forcePositions(cy, start);
      cy.batch(() => cy.nodes().positions((node) => positions.get(node.id())));
      // fit to the nodes alone: measuring thousands of edges for the bounding box is slow
      cy.fit(cy.nodes(), 30);
      return Promise.resolve();
    },

    select(id) {
      cy.elements().unselect();
      const el = cy.getElementById(id);
      if (el.nonempty()) el.select();
      return el;
    },

    /** Fade everything except `id` and its neighbours; null clears. */
    spotlight(id) {
      cy.elements().removeClass('faded match');
      if (!id) return null;
      const node = cy.getElementById(id);
      if (node.empty()) return null;
      const keep = node.closedNeighborhood();
      cy.elements().not(keep).addClass('faded');
      node.addClass('match');
      cy.animate({ fit: { eles: keep, padding: 60 }, duration: 250 });
      return node;
    },

    resize() {
      cy.resize();
    },
  };
}

