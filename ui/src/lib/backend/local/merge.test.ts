import { describe, expect, it } from "vitest";
import type { Briefing, Document, Event } from "../../bindings";
import fixture from "../fixture.json";
import { actor, articleSummary, briefing, event } from "../../testing";
import { mergeActors, mergeEvents, periodOf } from "./merge";
import { freshState, reportKey, type StoredArticle } from "./state";

const documents = fixture as unknown as Document[];

function stored(id: string, b: Briefing): StoredArticle {
  return { summary: articleSummary(id, `${id}.txt`, { language: b.language, published: b.published }), briefing: b };
}

/** Articles that each tell some events of actors a and b. */
function dossier(...articles: Partial<Event>[][]) {
  const text = "x".repeat(40);
  return freshState(articles.map((events, i) => stored(`a${i + 1}`, briefing([actor("a"), actor("b")], events.map((e, j) => event({ id: `e${j + 1}`, ...e })), { text }))));
}

const summary = (events: ReturnType<typeof mergeEvents>) => events.map((e) => [e.when, e.reports.map(reportKey), e.conflicts_with]);

describe("merging articles", () => {
  const state = freshState(documents.map((d, i) => stored(`a${i + 1}`, d.briefing)));
  const events = mergeEvents(state);

  it("reads years, months and days as periods, and nothing else", () => {
    expect(periodOf("2024-02")).toEqual({ first: periodOf("2024-02-01")!.first, last: periodOf("2024-02-29")!.first });
    for (const bad of ["2024-13", "2024-02-30", "2024-SU", "197", null]) expect(periodOf(bad)).toBeNull();
  });

  it("merges actors by id, with every alias, mention and article", () => {
    const actors = mergeActors(state);
    expect(new Set(actors.map((a) => a.id))).toEqual(new Set(documents.flatMap((d) => d.briefing.actors.map((a) => a.id))));
    const nk = actors.find((a) => a.id === "north_korea")!;
    const mentions = documents.flatMap((d) => d.briefing.actors.filter((a) => a.id === "north_korea").flatMap((a) => a.mentions));
    expect(nk.mentions).toBe(mentions.length);
    expect(nk.articles).toEqual(["a1", "a2"]);
    expect(nk.aliases).toEqual(expect.arrayContaining(["Nordkorea", "North Korea"]));
  });

  it("makes the meeting of 19 June told in both articles one event with both reports", () => {
    const meetings = events.filter((e) => e.type === "CONSULT" && e.when === "2024-06-19");
    expect(meetings).toHaveLength(1);
    expect(meetings[0].reports.map((r) => r.article)).toEqual(["a1", "a2"]);
    expect(meetings[0].reports.map((r) => r.trigger)).toEqual(["trafen", "met"]);
    const reports = events.flatMap((e) => e.reports.map(reportKey));
    expect(reports.sort()).toEqual(documents.flatMap((d, i) => d.briefing.events.map((e) => `a${i + 1}:${e.id}`)).sort());
  });

  it("keeps dates that disagree apart and links them as a conflict, when close and from different articles", () => {
    const near = mergeEvents(dossier([{ when: "2024-06-19", precision: "day" }], [{ when: "2024-06-21", precision: "day" }]));
    expect(summary(near)).toEqual([
      ["2024-06-19", ["a1:e1"], ["a2:e1"]],
      ["2024-06-21", ["a2:e1"], ["a1:e1"]],
    ]);
    const far = mergeEvents(dossier([{ when: "2024-06-19", precision: "day" }], [{ when: "2024-09-01", precision: "day" }]));
    expect(far.map((e) => e.conflicts_with)).toEqual([[], []]);
    // One article that gives both dates tells two events.
    const both = mergeEvents(dossier([{ when: "2024-06-19", precision: "day" }, { when: "2024-06-21", precision: "day" }]));
    expect(both.map((e) => e.conflicts_with)).toEqual([[], []]);
  });

  it("lets a coarse date join the one precise event it fits, and no guess when it fits two", () => {
    const one = mergeEvents(dossier([{ when: "2024-06-19", precision: "day" }], [{ when: "2024-06", precision: "month" }]));
    expect(summary(one)).toEqual([["2024-06-19", ["a1:e1", "a2:e1"], []]]);
    const two = mergeEvents(dossier([{ when: "2024-06-02", precision: "day" }], [{ when: "2024-06-25", precision: "day" }], [{ when: "2024-06", precision: "month" }]));
    expect(two.map((e) => e.reports.map(reportKey))).toEqual([["a1:e1"], ["a2:e1"], ["a3:e1"]]);
  });

  it("merges undated reports only with undated ones, keeps negations apart, and takes the most factual modality", () => {
    const undated = mergeEvents(dossier([{ when: null }], [{ when: null, modality: "speculative" }], [{ when: "2024", precision: "year" }]));
    expect(undated.map((e) => [e.when, e.reports.length, e.modality])).toEqual([
      [null, 2, "asserted"],
      ["2024", 1, "asserted"],
    ]);
    const negated = mergeEvents(dossier([{ when: null }], [{ when: null, modality: "negated" }]));
    expect(negated).toHaveLength(2);
    const mutual = mergeEvents(dossier([{ mutual: true, sources: ["a"], targets: ["b"] }], [{ mutual: true, sources: ["b"], targets: ["a"] }]));
    expect(mutual).toHaveLength(1);
  });
});
