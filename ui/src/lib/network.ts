/**
 * The actor network chart (cytoscape + fcose), framework-free:
 * `createNetwork(el, opts)` reports taps on actors and on the background;
 * `update` lays out a new document once and otherwise only toggles classes
 * (highlighted actors of the selected event, the actor in focus, dimmed
 * rest), so nothing moves when the analyst filters.
 */
import cytoscape, { type Core, type StylesheetJson } from "cytoscape";
import fcose from "cytoscape-fcose";
import type { Briefing, Event } from "./bindings";
import { eventActors } from "./events";
import { networkElements } from "./network-model";
import { kindColour, polarityColour, ui } from "./palette";

cytoscape.use(fcose);

export type NetworkOpts = {
  /** An actor was tapped, or the background (null). */
  onActor: (actorId: string | null) => void;
};

export type NetworkData = {
  briefing: Briefing | null;
  selectedEvent: Event | null;
  focusActor: string | null;
};

export type NetworkController = {
  update(data: NetworkData): void;
  destroy(): void;
  nodeIds(): string[];
  highlightedIds(): string[];
  /** Where a node is drawn, in page (client) coordinates. */
  nodePosition(id: string): { x: number; y: number } | null;
};

/** fcose: event edges a little longer than "member of" edges, which keep a person by their state. */
const IDEAL_EDGE = 85;
const IDEAL_MEMBER = 45;
const REPULSION = 6000;
/** Small networks are not blown up beyond this zoom. */
const MAX_FIT_ZOOM = 1.5;

const shapes = { state: "round-rectangle", organization: "hexagon", person: "ellipse", group: "diamond" } as const;

function stylesheet(): StylesheetJson {
  const style: StylesheetJson = [
    {
      selector: "node",
      style: {
        width: "data(size)",
        height: "data(size)",
        label: "data(label)",
        "font-family": "system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif",
        "font-size": 11,
        color: ui.ink,
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-background-color": ui.surface,
        "text-background-opacity": 0.8,
        "text-background-padding": "1px",
        "border-width": 1,
        "border-color": ui.ink,
        "border-opacity": 0.35,
        "transition-property": "opacity, border-width",
        "transition-duration": 150,
      },
    },
    {
      selector: "edge",
      style: {
        "curve-style": "bezier",
        width: "data(width)",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.9,
        opacity: 0.85,
      },
    },
    { selector: "edge[?mutual]", style: { "source-arrow-shape": "triangle" } },
    { selector: "edge[!factual]", style: { "line-style": "dashed", opacity: 0.6 } },
    {
      selector: 'edge[relation = "member"]',
      style: { "line-color": ui.member, "line-style": "dashed", "line-dash-pattern": [4, 3], "target-arrow-shape": "none", width: 1.5 },
    },
    { selector: "node.highlighted", style: { "border-width": 4, "border-color": ui.focus, "border-opacity": 1 } },
    { selector: "node.focus", style: { "border-width": 4, "border-color": ui.focus, "border-opacity": 1, "border-style": "double" } },
    { selector: "edge.highlighted", style: { opacity: 1, "z-index": 10, "underlay-color": ui.focus, "underlay-opacity": 0.15, "underlay-padding": 4 } },
    { selector: ".dimmed", style: { opacity: 0.18 } },
  ];
  for (const [kind, colour] of Object.entries(kindColour)) {
    style.push({ selector: `node[kind = "${kind}"]`, style: { "background-color": colour, shape: shapes[kind as keyof typeof shapes] } });
  }
  for (const [relation, colour] of Object.entries(polarityColour)) {
    style.push({
      selector: `edge[relation = "${relation}"]`,
      style: { "line-color": colour, "target-arrow-color": colour, "source-arrow-color": colour },
    });
  }
  return style;
}

export function createNetwork(el: HTMLElement, opts: NetworkOpts): NetworkController {
  const cy: Core = cytoscape({
    container: el,
    style: stylesheet(),
    minZoom: 0.3,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: false,
    autounselectify: true,
  });
  cy.on("tap", "node", (e) => opts.onActor(e.target.id()));
  cy.on("tap", (e) => {
    if (e.target === cy) opts.onActor(null);
  });

  let briefing: Briefing | null = null;

  function draw(b: Briefing | null) {
    briefing = b;
    cy.elements().remove();
    if (!b) return;
    const { nodes, edges } = networkElements(b);
    cy.add([...nodes.map((n) => ({ group: "nodes" as const, ...n })), ...edges.map((e) => ({ group: "edges" as const, ...e }))]);
    if (nodes.length) {
      cy.layout({
        name: "fcose",
        animate: false,
        randomize: true,
        nodeDimensionsIncludeLabels: true,
        quality: "proof",
        idealEdgeLength: (edge: cytoscape.EdgeSingular) => (edge.data("relation") === "member" ? IDEAL_MEMBER : IDEAL_EDGE),
        nodeRepulsion: () => REPULSION,
        padding: 30,
      } as cytoscape.LayoutOptions).run();
      cy.fit(undefined, 30);
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM);
        cy.center();
      }
    }
  }

  return {
    update({ briefing: b, selectedEvent, focusActor }) {
      if (b !== briefing) draw(b);
      cy.batch(() => {
        cy.elements().removeClass("highlighted focus dimmed");
        if (selectedEvent) {
          for (const id of eventActors(selectedEvent)) cy.getElementById(id).addClass("highlighted");
          cy.edges().filter((e) => e.data("events").includes(selectedEvent.id)).addClass("highlighted");
        }
        const focus = focusActor ? cy.getElementById(focusActor) : null;
        if (focus && focus.nonempty()) {
          focus.addClass("focus");
          const edges = focus.connectedEdges();
          const near = edges.connectedNodes().union(focus).union(edges);
          cy.elements().not(near).not(".highlighted").addClass("dimmed");
        }
      });
    },
    destroy() {
      cy.destroy();
    },
    nodeIds() {
      return cy.nodes().map((n) => n.id());
    },
    highlightedIds() {
      return cy.nodes(".highlighted").map((n) => n.id());
    },
    nodePosition(id) {
      const node = cy.getElementById(id);
      if (node.empty()) return null;
      const box = el.getBoundingClientRect();
      const p = node.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    },
  };
}
