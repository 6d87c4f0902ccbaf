// The network map's drawing: Cytoscape.js with the fCoSE force-directed layout. Cooperation
// edges are short and stiff, conflict edges long and loose, so that actors who cooperate
// pull together and blocs separate. Colours: cooperation blue, conflict orange (safe for
// colour-blind readers); edges from claimed/intended/feared events are dashed.

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

// Pale fills (mostly Paul Tol's "light" scheme) without blues or oranges, so that a node's bloc
// colour is never mistaken for the cooperation/conflict colour of the lines.
const BLOC_COLOURS = ['#EEDD88', '#FFAABB', '#44BB99', '#CCBBEE', '#BBCC33', '#AAAA00', '#DDCCAA'];
const NO_BLOC = '#FFFFFF';
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

/** Cytoscape elements from /api/network answers: `certain` solid, `uncertain` dashed. */
export function toElements(certain, uncertain, { directed }) {
  const nodes = new Map();
  for (const answer of [certain, uncertain]) {
    for (const n of answer ? answer.nodes : []) {
      const prev = nodes.get(n.id);
      if (!prev || (n.events || 0) > (prev.events || 0)) nodes.set(n.id, n);
    }
  }
  const edgeList = [];
  const add = (answer, isUncertain) => {
    for (const e of answer ? answer.edges : []) {
      if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
      edgeList.push({ ...e, uncertain: isUncertain });
    }
  };
  add(certain, false);
  add(uncertain, true);
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
  const elements = [];
  for (const n of nodes.values()) {
    const label = n.label || n.id;
    elements.push({
      group: 'nodes',
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
      classes: [e.uncertain ? 'uncertain' : '', directed ? 'directed' : ''].filter(Boolean).join(' '),
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
  return elements;
}

function layoutOptions(randomize) {
  return {
    name: 'fcose',
    quality: 'default',
    randomize,
    animate: false,
    fit: true,
    padding: 30,
    nodeDimensionsIncludeLabels: true,
    packComponents: true,
    nodeRepulsion: () => 6000,
    nodeSeparation: 60,
    idealEdgeLength: (edge) => (edge.data('sign') > 0 ? 60 : edge.data('sign') < 0 ? 160 : 110),
    edgeElasticity: (edge) => (edge.data('sign') > 0 ? 0.45 : 0.05),
    gravity: 0.35,
    gravityRangeCompound: 1.5,
    tilingPaddingVertical: 20,
    tilingPaddingHorizontal: 20,
    numIter: 2500,
  };
}

/** A map in `container`; handlers receive Cytoscape elements' data. */
export function createGraph(container, { onEdge, onNode, onBackground }) {
  const cy = cytoscape({
    container,
    style: STYLE,
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
      let randomize = true;
      if (keepPositions && old.size) {
        randomize = false;
        cy.nodes().forEach((n) => {
          const p = old.get(n.id());
          if (p) n.position(p);
          else {
            const placed = n.neighborhood('node').filter((m) => old.has(m.id()));
            const base = placed.length ? old.get(placed[0].id()) : { x: 0, y: 0 };
            n.position({ x: base.x + (Math.random() - 0.5) * 80, y: base.y + (Math.random() - 0.5) * 80 });
          }
        });
      }
      const layout = cy.layout(layoutOptions(randomize));
      const done = new Promise((resolve) => layout.one('layoutstop', resolve));
      layout.run();
      return done;
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

export const COLOURS = { COOP, CONFLICT, NEUTRAL, BLOC_COLOURS };
