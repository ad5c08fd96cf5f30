import { describe, expect, it } from "vitest";
import type { Document } from "../../bindings";
import fixture from "../fixture.json";
import { escalation, relations } from "./relations";

const documents = fixture as unknown as Document[];
const rounded = <T>(value: T): T => JSON.parse(JSON.stringify(value, (_, v) => (typeof v === "number" ? Math.round(v * 1000) / 1000 : v)));

describe("relations and escalation", () => {
  it("count exactly as the engine does for each fixture article", () => {
    for (const { name, briefing } of documents) {
      expect(rounded(relations(briefing.events)), name).toEqual(rounded(briefing.relations));
      expect(rounded(escalation(briefing.events)), name).toEqual(rounded(briefing.escalation));
    }
  });
});
