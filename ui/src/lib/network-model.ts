/**
 * The actor network of a dossier, chart-free so that it is unit tested:
 * one node per actor (sized by mentions), a dashed "member of" edge from a
 * person or sub-body to the actor it acts for, and event edges aggregated
 * per (source, target, polarity); mutual acts form their own edge with
 * arrows at both ends. The elements are built once for all events; a filter
 * only decides which of them show and how wide each edge is
 * (`visibility`), so the layout never has to move.
 */
import type { ActorKind, Event } from "./bindings";
import type { ViewActor, ViewEvent } from "./backend/contract";
import { isHypothetical } from "./events";
import { polarityOf, type Polarity } from "./palette";

export type NodeData = { id: string; label: string; kind: ActorKind; mentions: number; size: number; hidden: boolean };

export type EdgeData = {
  id: string;
  source: string;
  target: string;
  relation: Polarity | "member";
  mutual: boolean;
  /** Every event behind the edge, whether the filter shows it or not. */
  events: string[];
};

export type NetworkElements = { nodes: NodeData[]; edges: EdgeData[] };

/** What a filter leaves of the network: the nodes shown, and per edge shown its event count and whether any is a fact. */
export type Visibility = { nodes: Set<string>; edges: Map<string, { count: number; width: number; factual: boolean; events: string[] }> };

export function nodeSize(mentions: number): number {
  return Math.round(Math.min(26 + 9 * Math.sqrt(mentions), 72));
}

export function edgeWidth(count: number): number {
  return Math.min(1.5 + 1.5 * (Math.max(count, 1) - 1), 9);
}

/** The (source, target) pairs an event connects; mutual pairs come sorted. */
export function eventPairs(e: Pick<Event, "sources" | "targets" | "mutual">): [string, string][] {
  const pairs: [string, string][] = [];
  if (e.targets.length) {
    for (const s of e.sources) for (const t of e.targets) if (s !== t) pairs.push([s, t]);
  } else if (e.mutual) {
    e.sources.forEach((s, i) => e.sources.slice(i + 1).forEach((t) => s !== t && pairs.push([s, t])));
  }
  return e.mutual ? pairs.map(([a, b]) => (a < b ? [a, b] : [b, a])) : pairs;
}

export function networkElements(actors: readonly ViewActor[], events: readonly ViewEvent[]): NetworkElements {
  const known = new Set(actors.map((a) => a.id));
  const nodes = actors.map((a) => ({ id: a.id, label: a.name, kind: a.kind, mentions: a.mentions, size: nodeSize(a.mentions), hidden: a.hidden }));
  const edges = new Map<string, EdgeData>();
  for (const a of actors) {
    if (a.member_of && a.member_of !== a.id && known.has(a.member_of)) {
      const id = `member:${a.id}`;
      edges.set(id, { id, source: a.id, target: a.member_of, relation: "member", mutual: false, events: [] });
    }
  }
  for (const e of events) {
    const relation = polarityOf(e.quad);
    for (const [source, target] of eventPairs(e)) {
      if (!known.has(source) || !known.has(target)) continue;
      const id = `${e.mutual ? "mutual" : "event"}:${source}:${target}:${relation}`;
      let edge = edges.get(id);
      if (!edge) edges.set(id, (edge = { id, source, target, relation, mutual: e.mutual, events: [] }));
      if (!edge.events.includes(e.id)) edge.events.push(e.id);
    }
  }
  return { nodes, edges: [...edges.values()] };
}

export type VisibilityOptions = {
  /** The events that pass the filter. */
  shown: ReadonlyMap<string, Pick<ViewEvent, "sources" | "targets" | "modality">>;
  /** Only actors that take part in a shown event (while a period is chosen). */
  onlyInvolved: boolean;
  showHidden: boolean;
};

/** Which nodes and edges a filter shows, and each shown edge's count. */
export function visibility(elements: NetworkElements, options: VisibilityOptions): Visibility {
  const involved = new Set<string>();
  for (const e of options.shown.values()) for (const id of [...e.sources, ...e.targets]) involved.add(id);
  const nodes = new Set(
    elements.nodes.filter((n) => (!n.hidden || options.showHidden) && (!options.onlyInvolved || involved.has(n.id))).map((n) => n.id),
  );
  const edges: Visibility["edges"] = new Map();
  for (const edge of elements.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    if (edge.relation === "member") {
      edges.set(edge.id, { count: 0, width: 1.5, factual: true, events: [] });
      continue;
    }
    const ids = edge.events.filter((id) => options.shown.has(id));
    if (!ids.length) continue;
    const factual = ids.some((id) => !isHypothetical(options.shown.get(id)!));
    edges.set(edge.id, { count: ids.length, width: edgeWidth(ids.length), factual, events: ids });
  }
  return { nodes, edges };
}
