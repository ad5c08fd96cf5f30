/**
 * The actor network chart (cytoscape + fcose), framework-free:
 * `createNetwork(el, opts)` → `{update, destroy, …}`.
 *
 * The layout is computed once per dossier (`layoutKey`) and kept: a filter
 * only hides elements and changes edge widths; an actor that joins later
 * is placed beside its neighbours and nothing else moves. After a layout,
 * nodes are pushed apart until their labels do not overlap.
 *
 * Keyboard: the container is focusable; arrow keys step through the shown
 * actors (by name), Enter reports the actor as tapped.
 */
import cytoscape, { type Core, type NodeSingular, type StylesheetJson } from "cytoscape";
import fcose from "cytoscape-fcose";
import { separateBoxes, placeNear, type Box, type Point } from "./network-layout";
import type { NetworkElements, Visibility } from "./network-model";
import { kindColour, polarityColour, ui } from "./palette";

cytoscape.use(fcose);

export type NetworkOpts = {
  /** An actor was tapped or chosen with Enter, or the background tapped (null). */
  onActor: (actorId: string | null) => void;
  /** An edge was tapped: its id and the events behind it that are shown. */
  onEdge: (edge: { id: string; source: string; target: string; events: string[] }) => void;
};

export type NetworkData = {
  elements: NetworkElements;
  visibility: Visibility;
  /** Changes when another dossier is shown: the layout is computed anew. */
  layoutKey: unknown;
  /** The selected event's actors and id. */
  selected: { id: string; actors: string[] } | null;
  focusActor: string | null;
};

export type NetworkController = {
  update(data: NetworkData): void;
  destroy(): void;
  /** Every node in the chart, shown or not. */
  nodeIds(): string[];
  /** The nodes the filter shows. */
  shownNodeIds(): string[];
  highlightedIds(): string[];
  /** Where a node is drawn, in page (client) coordinates. */
  nodePosition(id: string): Point | null;
  /** Model positions of every node, for checking that the layout stays. */
  positions(): Record<string, Point>;
};

/** fcose: event edges a little longer than "member of" edges, which keep a person by their state. */
const IDEAL_EDGE = 70;
const IDEAL_MEMBER = 40;
const REPULSION = 4500;
/** Small networks are not blown up beyond this zoom. */
const MAX_FIT_ZOOM = 1.4;
const FONT_SIZE = 12.5;
const FONT = "system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif";

const shapes = { state: "round-rectangle", organization: "hexagon", person: "ellipse", group: "diamond" } as const;

function stylesheet(): StylesheetJson {
  const style: StylesheetJson = [
    {
      selector: "node",
      style: {
        width: "data(size)",
        height: "data(size)",
        label: "data(label)",
        "font-family": FONT,
        "font-size": FONT_SIZE,
        color: ui.ink,
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-background-color": ui.surface,
        "text-background-opacity": 0.85,
        "text-background-padding": "1px",
        "border-width": 1,
        "border-color": ui.ink,
        "border-opacity": 0.35,
        "transition-property": "opacity, border-width",
        "transition-duration": 150,
      },
    },
    { selector: "node[?hidden]", style: { opacity: 0.35, "border-style": "dashed" } },
    {
      selector: "edge",
      style: { "curve-style": "bezier", width: "data(width)", "target-arrow-shape": "triangle", "arrow-scale": 0.9, opacity: 0.85 },
    },
    { selector: "edge[?mutual]", style: { "source-arrow-shape": "triangle" } },
    { selector: "edge[!factual]", style: { "line-style": "dashed", opacity: 0.6 } },
    {
      selector: 'edge[relation = "member"]',
      style: { "line-color": ui.member, "line-style": "dashed", "line-dash-pattern": [4, 3], "target-arrow-shape": "none", width: 1.5 },
    },
    { selector: ".filtered", style: { display: "none" } },
    { selector: "node.highlighted", style: { "border-width": 4, "border-color": ui.focus, "border-opacity": 1 } },
    { selector: "node.focus", style: { "border-width": 4, "border-color": ui.focus, "border-opacity": 1, "border-style": "double" } },
    { selector: "node.keyboard", style: { "underlay-color": ui.accent, "underlay-opacity": 0.25, "underlay-padding": 6, "underlay-shape": "ellipse" } },
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
    minZoom: 0.25,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: false,
    autounselectify: true,
  });
  let layoutKey: unknown = undefined;
  let keyboardNode: string | null = null;

  cy.on("tap", "node", (e) => opts.onActor(e.target.id()));
  cy.on("tap", "edge", (e) => {
    const edge = e.target;
    if (edge.data("relation") === "member") return;
    opts.onEdge({ id: edge.id(), source: edge.data("source"), target: edge.data("target"), events: edge.data("shownEvents") ?? [] });
  });
  cy.on("tap", (e) => {
    if (e.target === cy) opts.onActor(null);
  });

  function labelBoxes(fixed: ReadonlySet<string> = new Set()): Box[] {
    return cy.nodes().map((n) => {
      const bb = n.boundingBox({ includeLabels: true, includeOverlays: false });
      const p = n.position();
      // The box is centred on the node; the label hangs below it.
      return { id: n.id(), x: p.x, y: p.y + (bb.y2 - p.y - (p.y - bb.y1)) / 2, w: bb.w, h: bb.h, fixed: fixed.has(n.id()) };
    });
  }

  function separate(fixed: ReadonlySet<string> = new Set()) {
    const boxes = labelBoxes(fixed);
    const offsets = new Map(boxes.map((b) => [b.id, b.y - cy.getElementById(b.id).position().y]));
    const moved = separateBoxes(boxes, 10);
    cy.batch(() => {
      for (const [id, p] of moved) cy.getElementById(id).position({ x: p.x, y: p.y - (offsets.get(id) ?? 0) });
    });
  }

  function fit() {
    cy.fit(undefined, 28);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
  }

  function fullLayout() {
    if (!cy.nodes().length) return;
    cy.layout({
      name: "fcose",
      animate: false,
      randomize: true,
      nodeDimensionsIncludeLabels: true,
      quality: "proof",
      idealEdgeLength: (edge: cytoscape.EdgeSingular) => (edge.data("relation") === "member" ? IDEAL_MEMBER : IDEAL_EDGE),
      nodeRepulsion: () => REPULSION,
      padding: 28,
    } as cytoscape.LayoutOptions).run();
    separate();
    fit();
    // Zoomed out to fit, labels would shrink below reading size: enlarge
    // them in the model so that they show at about the font size, then
    // push apart again whatever the larger labels made overlap.
    const zoom = cy.zoom();
    if (zoom < 1) {
      cy.style().selector("node").style("font-size", Math.min(FONT_SIZE / zoom, FONT_SIZE * 1.8)).update();
      separate();
      fit();
    }
  }

  /** Brings the chart's elements in line with the model; returns the ids of nodes that are new. */
  function sync(elements: NetworkElements): string[] {
    const wanted = new Set([...elements.nodes.map((n) => n.id), ...elements.edges.map((e) => e.id)]);
    cy.elements().filter((x) => !wanted.has(x.id())).remove();
    const added: string[] = [];
    for (const n of elements.nodes) {
      const node = cy.getElementById(n.id);
      if (node.nonempty()) {
        node.data(n);
      } else {
        cy.add({ group: "nodes", data: n });
        added.push(n.id);
      }
    }
    for (const e of elements.edges) {
      const edge = cy.getElementById(e.id);
      const data = { ...e, count: e.events.length, width: 1.5, factual: true, shownEvents: e.events };
      if (edge.nonempty()) edge.data(data);
      else cy.add({ group: "edges", data });
    }
    return added;
  }

  function placeAdded(added: string[]) {
    const old = new Set(cy.nodes().map((n) => n.id()).filter((id) => !added.includes(id)));
    const placed = new Map<string, Point>(
      cy
        .nodes()
        .filter((n) => old.has(n.id()))
        .map((n) => [n.id(), { ...(n as NodeSingular).position() }]),
    );
    added.forEach((id, i) => {
      const node = cy.getElementById(id) as NodeSingular;
      const p = placeNear(placed, node.neighborhood("node").map((m) => m.id()), i);
      node.position(p);
      placed.set(id, p);
    });
    separate(old);
  }

  function applyVisibility(v: Visibility) {
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass("filtered", !v.nodes.has(n.id()));
      });
      cy.edges().forEach((e) => {
        const shown = v.edges.get(e.id());
        e.toggleClass("filtered", !shown);
        if (shown && e.data("relation") !== "member") {
          e.data({ count: shown.count, width: shown.width, factual: shown.factual, shownEvents: shown.events });
        }
      });
    });
  }

  function shownNodes(): NodeSingular[] {
    return cy
      .nodes()
      .filter((n) => !n.hasClass("filtered"))
      .sort((a, b) => String(a.data("label")).localeCompare(String(b.data("label"))))
      .toArray() as NodeSingular[];
  }

  function moveKeyboard(step: number) {
    const nodes = shownNodes();
    if (!nodes.length) return;
    const at = nodes.findIndex((n) => n.id() === keyboardNode);
    const next = nodes[(at + step + nodes.length) % nodes.length];
    cy.nodes().removeClass("keyboard");
    next.addClass("keyboard");
    keyboardNode = next.id();
    const p = next.renderedPosition();
    if (p.x < 0 || p.y < 0 || p.x > el.clientWidth || p.y > el.clientHeight) cy.center(next);
  }

  function onKey(e: KeyboardEvent) {
    if (e.target !== el) return;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") moveKeyboard(1);
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") moveKeyboard(-1);
    else if (e.key === "Enter" && keyboardNode) opts.onActor(keyboardNode);
    else return;
    e.preventDefault();
    e.stopPropagation();
  }
  el.addEventListener("keydown", onKey);
  const onBlur = () => cy.nodes().removeClass("keyboard");
  el.addEventListener("blur", onBlur);

  return {
    update({ elements, visibility, layoutKey: key, selected, focusActor }) {
      const added = sync(elements);
      const fresh = key !== layoutKey || added.length > cy.nodes().length / 2;
      if (fresh || added.length) {
        // Lay out with everything shown, so that hidden nodes have a place too.
        cy.elements().removeClass("filtered");
        if (fresh) {
          layoutKey = key;
          fullLayout();
        } else {
          placeAdded(added);
        }
      }
      applyVisibility(visibility);
      cy.batch(() => {
        cy.elements().removeClass("highlighted focus dimmed");
        if (selected) {
          for (const id of selected.actors) cy.getElementById(id).addClass("highlighted");
          cy.edges().filter((e) => e.data("events").includes(selected.id)).addClass("highlighted");
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
      el.removeEventListener("keydown", onKey);
      el.removeEventListener("blur", onBlur);
      cy.destroy();
    },
    nodeIds() {
      return cy.nodes().map((n) => n.id());
    },
    shownNodeIds() {
      return shownNodes().map((n) => n.id());
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
    positions() {
      return Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    },
  };
}
