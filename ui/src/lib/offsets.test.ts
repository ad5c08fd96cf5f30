import { describe, expect, it } from "vitest";
import { toUtf16 } from "./offsets";
import { actor, briefing, event } from "./testing";

describe("toUtf16", () => {
  it("leaves UTF-16 briefings alone", () => {
    const b = briefing([], []);
    expect(toUtf16(b)).toBe(b);
  });

  it("converts UTF-8 byte spans", () => {
    const text = "Die Europäische Union schrieb auf 𝕏: NATO.";
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    const byteSpan = (needle: string): [number, number] => {
      const i = text.indexOf(needle);
      return [bytes(text.slice(0, i)), bytes(text.slice(0, i + needle.length))];
    };
    const b = briefing([actor("eu", { mentions: [byteSpan("Europäische Union")] }), actor("nato", { mentions: [byteSpan("NATO")] })], [
      event({ trigger_span: byteSpan("schrieb"), sentence_span: [0, bytes(text)], time_span: null }),
    ], { text, offsets: "utf8", sentences: [[0, bytes(text)]] });
    const u = toUtf16(b);
    expect(u.offsets).toBe("utf16");
    const slice = (s: [number, number]) => text.slice(s[0], s[1]);
    expect(u.actors.map((a) => slice(a.mentions[0]))).toEqual(["Europäische Union", "NATO"]);
    expect(slice(u.events[0].trigger_span)).toBe("schrieb");
    expect(u.sentences[0]).toEqual([0, text.length]);
  });
});
