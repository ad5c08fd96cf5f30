import { describe, expect, it } from "vitest";
import { overlaps, passes, periodDays, periodOf, type EventFilter } from "./filters";

const june = periodOf("2024-06-01", "2024-06-30")!;
const filter = (over: Partial<EventFilter>): EventFilter => ({ period: null, actor: null, showUnconfirmed: false, showHidden: false, ...over });
const ev = (over: Partial<{ when: string | null; modality: "asserted" | "speculative" | "negated"; hidden: boolean }> = {}) => ({
  when: "2024-06-19",
  sources: ["a"],
  targets: ["b"],
  modality: "asserted" as const,
  hidden: false,
  ...over,
});

describe("filters", () => {
  it("reads a period as inclusive days and writes it back", () => {
    expect(periodDays(june)).toEqual(["2024-06-01", "2024-06-30"]);
    expect(periodOf("2024-06-30", "2024-06-01")).toBeNull();
    expect(periodOf("2024-06", "2024-07-01")).toBeNull();
    expect(periodDays(periodOf("2024-06-19", "2024-06-19")!)).toEqual(["2024-06-19", "2024-06-19"]);
  });

  it("meets a period by any overlap of the date's own period", () => {
    expect(overlaps("2024-06-30", june)).toBe(true);
    expect(overlaps("2024-07-01", june)).toBe(false);
    expect(overlaps("2024-05-31", june)).toBe(false);
    // A month or a year overlaps the parts of the period it covers.
    expect(overlaps("2024", june)).toBe(true);
    expect(overlaps("2024-07", june)).toBe(false);
    expect(overlaps(null, june)).toBe(false);
  });

  it("leaves out unconfirmed and hidden events unless asked, and filters by actor and period", () => {
    expect(passes(ev(), filter({}))).toBe(true);
    expect(passes(ev({ modality: "speculative" }), filter({}))).toBe(false);
    expect(passes(ev({ modality: "negated" }), filter({ showUnconfirmed: true }))).toBe(true);
    expect(passes(ev({ hidden: true }), filter({}))).toBe(false);
    expect(passes(ev({ hidden: true }), filter({ showHidden: true }))).toBe(true);
    expect(passes(ev(), filter({ actor: "b" }))).toBe(true);
    expect(passes(ev(), filter({ actor: "c" }))).toBe(false);
    expect(passes(ev(), filter({ period: june }))).toBe(true);
    expect(passes(ev({ when: "2024-08-06" }), filter({ period: june }))).toBe(false);
    expect(passes(ev({ when: null }), filter({ period: june }))).toBe(false);
  });
});
