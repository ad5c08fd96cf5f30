/**
 * Builds the actor network from a briefing: one node per actor (sized by
 * mentions), a dashed "member of" edge from a person or sub-body to the actor
 * it acts for, and event edges aggregated per (source, target, polarity).
 * Mutual events (meetings, treaties) form their own, undirected edge that is
 * drawn with arrows at both ends. Chart-free, so it is unit tested.
 */
import type { ActorKind, Briefing, Event } from "./bindings";
import { isHypothetical } from "./events";
import { polarityOf, type Polarity } from "./palette";

export type NodeData = { id: string; label: string; kind: ActorKind; mentions: number; size: number };

export type EdgeData = {
  id: string;
  source: string;
  target: string;
  relation: Polarity | "member";
  /** Number of events behind the edge (0 for "member of"). */
  count: number;
  width: number;
  mutual: boolean;
  /** False when every event behind it is speculative, negated or planned. */
  factual: boolean;
  events: string[];
};

export type NetworkElements = { nodes: { data: NodeData }[]; edges: { data: EdgeData }[] };

export function nodeSize(mentions: number): number {
  return Math.round(Math.min(26 + 9 * Math.sqrt(mentions), 72));
}

export function edgeWidth(count: number): number {
  return Math.min(1.5 + 1.5 * (count - 1), 9);
}

/** The (source, target) pairs an event connects; mutual pairs come sorted. */
export function eventPairs(e: Event): [string, string][] {
  const pairs: [string, string][] = [];
  if (e.targets.length) {
    for (const s of e.sources) for (const t of e.targets) if (s !== t) pairs.push([s, t]);
  } else if (e.mutual) {
    e.sources.forEach((s, i) => e.sources.slice(i + 1).forEach((t) => s !== t && pairs.push([s, t])));
  }
  return e.mutual ? pairs.map(([a, b]) => (a < b ? [a, b] : [b, a])) : pairs;
}

export function networkElements(briefing: Briefing): NetworkElements {
  const known = new Set(briefing.actors.map((a) => a.id));
  const nodes = briefing.actors.map((a) => ({
    data: { id: a.id, label: a.name, kind: a.kind, mentions: a.mentions.length, size: nodeSize(a.mentions.length) },
  }));
  const edges = new Map<string, EdgeData>();
  for (const a of briefing.actors) {
    if (a.member_of && a.member_of !== a.id && known.has(a.member_of)) {
      const id = `member:${a.id}`;
      edges.set(id, { id, source: a.id, target: a.member_of, relation: "member", count: 0, width: 1.5, mutual: false, factual: true, events: [] });
    }
  }
  for (const e of briefing.events) {
    const relation = polarityOf(e.quad);
    for (const [source, target] of eventPairs(e)) {
      if (!known.has(source) || !known.has(target)) continue;
      const id = `${e.mutual ? "mutual" : "event"}:${source}:${target}:${relation}`;
      let edge = edges.get(id);
      if (!edge) {
        edge = { id, source, target, relation, count: 0, width: 0, mutual: e.mutual, factual: false, events: [] };
        edges.set(id, edge);
      }
      if (!edge.events.includes(e.id)) edge.events.push(e.id);
      edge.count = edge.events.length;
      edge.width = edgeWidth(edge.count);
      edge.factual ||= !isHypothetical(e);
    }
  }
  return { nodes, edges: [...edges.values()].map((data) => ({ data })) };
}
