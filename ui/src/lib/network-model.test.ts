import { describe, expect, it } from "vitest";
import { edgeWidth, eventPairs, networkElements, nodeSize, visibility } from "./network-model";
import { dossierActor, dossierEvent } from "./testing";

const actors = [dossierActor("a", { mentions: 4 }), dossierActor("b"), dossierActor("c", { kind: "person", member_of: "a" }), dossierActor("x", { hidden: true })];
const events = [
  dossierEvent({ id: "e1", sources: ["a"], targets: ["b"], when: "2024-06-01" }),
  dossierEvent({ id: "e2", sources: ["a"], targets: ["b"], when: "2024-08-01" }),
  dossierEvent({ id: "e3", sources: ["b"], targets: ["a"], quad: "material_cooperation", modality: "speculative" }),
  dossierEvent({ id: "e4", sources: ["a", "c"], targets: [], mutual: true, quad: "verbal_cooperation" }),
];
const shownOf = (ids: string[]) => new Map(events.filter((e) => ids.includes(e.id)).map((e) => [e.id, e]));

describe("network model", () => {
  it("sizes nodes by mentions and edges by events, within bounds", () => {
    expect(nodeSize(0)).toBe(26);
    expect(nodeSize(4)).toBe(44);
    expect(nodeSize(1000)).toBe(72);
    expect(edgeWidth(1)).toBe(1.5);
    expect(edgeWidth(3)).toBe(4.5);
    expect(edgeWidth(50)).toBe(9);
  });

  it("pairs sources with targets, and the members of a mutual act with each other", () => {
    expect(eventPairs({ sources: ["a", "b"], targets: ["b", "c"], mutual: false })).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["b", "c"],
    ]);
    expect(eventPairs({ sources: ["z", "a"], targets: [], mutual: true })).toEqual([["a", "z"]]);
  });

  it("builds one edge per pair and polarity for all events, and member-of edges", () => {
    const { nodes, edges } = networkElements(actors, events);
    expect(nodes.map((n) => n.id)).toEqual(["a", "b", "c", "x"]);
    expect(edges.map((e) => [e.id, e.events])).toEqual([
      ["member:c", []],
      ["event:a:b:conflict", ["e1", "e2"]],
      ["event:b:a:cooperation", ["e3"]],
      ["mutual:a:c:cooperation", ["e4"]],
    ]);
  });

  it("shows only what the filter leaves, with widths by the events shown", () => {
    const elements = networkElements(actors, events);
    const all = visibility(elements, { shown: shownOf(["e1", "e2", "e3", "e4"]), onlyInvolved: false, showHidden: false });
    expect([...all.nodes]).toEqual(["a", "b", "c"]);
    expect(all.edges.get("event:a:b:conflict")).toEqual({ count: 2, width: 3, factual: true, events: ["e1", "e2"] });
    expect(all.edges.get("event:b:a:cooperation")?.factual).toBe(false);

    const june = visibility(elements, { shown: shownOf(["e1"]), onlyInvolved: true, showHidden: false });
    expect([...june.nodes]).toEqual(["a", "b"]);
    expect([...june.edges.keys()]).toEqual(["event:a:b:conflict"]);
    expect(june.edges.get("event:a:b:conflict")?.width).toBe(1.5);

    const hidden = visibility(elements, { shown: shownOf([]), onlyInvolved: false, showHidden: true });
    expect([...hidden.nodes]).toContain("x");
    expect([...hidden.edges.keys()]).toEqual(["member:c"]);
  });
});
