import { describe, expect, it } from "vitest";
import type { Briefing, Document } from "./bindings";
import fixture from "./backend/fixture.json";
import { edgeWidth, networkElements } from "./network-model";
import { actor, briefing, event } from "./testing";

const edge = (b: Briefing, id: string) => networkElements(b).edges.find((e) => e.data.id === id)?.data;

describe("network elements", () => {
  it("has one node per actor, sized by mentions", () => {
    const b = briefing([actor("a", { mentions: [[0, 1], [2, 3], [4, 5], [6, 7]] }), actor("b")], []);
    const nodes = networkElements(b).nodes.map((n) => n.data);
    expect(nodes.map((n) => n.id)).toEqual(["a", "b"]);
    expect(nodes[0].mentions).toBe(4);
    expect(nodes[0].size).toBeGreaterThan(nodes[1].size);
  });

  it("aggregates events per source, target and polarity", () => {
    const b = briefing(
      [actor("a"), actor("b")],
      [
        event({ id: "e1", quad: "verbal_conflict" }),
        event({ id: "e2", quad: "material_conflict" }),
        event({ id: "e3", quad: "verbal_cooperation" }),
        event({ id: "e4", sources: ["b"], targets: ["a"], quad: "verbal_conflict" }),
      ],
    );
    const edges = networkElements(b).edges.map((e) => e.data);
    expect(edges).toHaveLength(3);
    expect(edge(b, "event:a:b:conflict")).toMatchObject({ count: 2, events: ["e1", "e2"], width: edgeWidth(2), mutual: false });
    expect(edge(b, "event:a:b:cooperation")).toMatchObject({ count: 1 });
    expect(edge(b, "event:b:a:conflict")).toMatchObject({ source: "b", target: "a", count: 1 });
    expect(edgeWidth(2)).toBeGreaterThan(edgeWidth(1));
  });

  it("links a member to the actor it acts for, if that actor is known", () => {
    const b = briefing([actor("ru"), actor("putin", { kind: "person", member_of: "ru" }), actor("x", { member_of: "nowhere" })], []);
    const edges = networkElements(b).edges.map((e) => e.data);
    expect(edges).toEqual([expect.objectContaining({ id: "member:putin", source: "putin", target: "ru", relation: "member" })]);
  });

  it("draws mutual events as one edge with arrows both ways, whichever way round", () => {
    const b = briefing(
      [actor("a"), actor("b"), actor("c")],
      [
        event({ id: "e1", mutual: true, sources: ["b"], targets: ["a"], quad: "verbal_cooperation" }),
        event({ id: "e2", mutual: true, sources: ["a", "b", "c"], targets: [], quad: "verbal_cooperation" }),
      ],
    );
    expect(edge(b, "mutual:a:b:cooperation")).toMatchObject({ source: "a", target: "b", mutual: true, count: 2 });
    expect(edge(b, "mutual:a:c:cooperation")).toMatchObject({ count: 1 });
    expect(edge(b, "mutual:b:c:cooperation")).toMatchObject({ count: 1 });
  });

  it("marks edges made only of speculation as not factual", () => {
    const b = briefing(
      [actor("a"), actor("b")],
      [event({ id: "e1", modality: "speculative" }), event({ id: "e2", modality: "negated", quad: "verbal_cooperation" }), event({ id: "e3", quad: "verbal_cooperation" })],
    );
    expect(edge(b, "event:a:b:conflict")?.factual).toBe(false);
    expect(edge(b, "event:a:b:cooperation")?.factual).toBe(true);
  });

  it("covers every fixture actor, and links every fixture event", () => {
    for (const { briefing: fb } of fixture as unknown as Document[]) {
      const { nodes, edges } = networkElements(fb);
      expect(nodes.map((n) => n.data.id).sort()).toEqual(fb.actors.map((a) => a.id).sort());
      const linked = new Set(edges.flatMap((e) => e.data.events));
      // Only an event with someone on each side draws an edge.
      const twoSided = fb.events.filter((e) => e.sources.length > 0 && e.targets.some((t) => !e.sources.includes(t)));
      for (const e of twoSided) expect(linked.has(e.id), e.id).toBe(true);
      for (const a of fb.actors.filter((x) => x.member_of)) expect(edges.some((e) => e.data.id === `member:${a.id}`)).toBe(true);
    }
  });
});
