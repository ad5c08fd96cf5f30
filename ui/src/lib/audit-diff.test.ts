import { describe, expect, it } from "vitest";
import { fieldChanges } from "./audit-diff";
import { dossierActor, dossierEvent } from "./testing";

describe("audit diff", () => {
  it("names the fields of an event that changed, by the event's id, and leaves its reports out", () => {
    const before = { events: [dossierEvent({ id: "a1:e4", when: "2024-06", precision: "month" })], actors: [] };
    const after = { events: [dossierEvent({ id: "a1:e4", when: "2024-06-19", precision: "day", origin: "corrected" })], actors: [] };
    expect(fieldChanges(before, after)).toEqual([
      { path: "a1:e4.when", before: "2024-06", after: "2024-06-19" },
      { path: "a1:e4.precision", before: "month", after: "day" },
      { path: "a1:e4.origin", before: "machine", after: "corrected" },
    ]);
  });

  it("shows lists of ids joined, and actors that appear or go", () => {
    const before = { events: [], actors: [dossierActor("kim", { aliases: ["Kim"] }), dossierActor("kim_jong_un")] };
    const after = { events: [], actors: [dossierActor("kim", { aliases: ["Kim", "KIM_JONG_UN"] })] };
    const changes = fieldChanges(before, after);
    expect(changes).toContainEqual({ path: "kim.aliases", before: "Kim", after: "Kim, KIM_JONG_UN" });
    expect(changes).toContainEqual({ path: "kim_jong_un.name", before: "KIM_JONG_UN", after: null });
  });

  it("finds nothing when nothing changed", () => {
    const same = { events: [dossierEvent({})], actors: [dossierActor("a")] };
    expect(fieldChanges(same, structuredClone(same))).toEqual([]);
  });
});
