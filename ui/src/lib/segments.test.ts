import { describe, expect, it } from "vitest";
import type { Span } from "./bindings";
import { segmentArticle, snap, type Block, type Mark, type MarkSpan } from "./segments";

const actor = (span: Span, id: string): MarkSpan => ({ span, mark: { kind: "actor", actor: id } });
const date = (span: Span, value = "2024"): MarkSpan => ({ span, mark: { kind: "date", value } });

const joined = (blocks: Block[]) => blocks.flatMap((b) => b.pieces.map((p) => p.text)).join("");
const pieces = (blocks: Block[]) => blocks.flatMap((b) => b.pieces);
const describeMarks = (ms: Mark[]) => ms.map((m) => (m.kind === "actor" ? m.actor : m.kind));

describe("segmentArticle", () => {
  const text = "Title\n\nRussia met China. NATO objected.";
  const sentences: Span[] = [
    [0, 5],
    [7, 24],
    [25, 39],
  ];

  it("covers the whole text with sentences and the gaps between them", () => {
    const blocks = segmentArticle(text, sentences, []);
    expect(joined(blocks)).toBe(text);
    expect(blocks.map((b) => b.sentence)).toEqual([0, null, 1, null, 2]);
    expect(blocks.filter((b) => b.sentence !== null).map((b) => text.slice(b.start, b.end))).toEqual([
      "Title",
      "Russia met China.",
      "NATO objected.",
    ]);
  });

  it("cuts marks out of sentences", () => {
    const blocks = segmentArticle(text, sentences, [actor([7, 13], "ru"), actor([18, 23], "cn")]);
    const s1 = blocks.find((b) => b.sentence === 1);
    expect(s1?.pieces.map((p) => [p.text, describeMarks(p.marks)])).toEqual([
      ["Russia", ["ru"]],
      [" met ", []],
      ["China", ["cn"]],
      [".", []],
    ]);
  });

  it("nests overlapping spans, longest outermost", () => {
    const t = "On 19 June 2024 Putin went.";
    const blocks = segmentArticle(t, [[0, t.length]], [date([3, 15]), date([6, 15], "2024-06"), actor([11, 21], "x")]);
    expect(joined(blocks)).toBe(t);
    expect(pieces(blocks).map((p) => [p.text, describeMarks(p.marks)])).toEqual([
      ["On ", []],
      ["19 ", ["date"]],
      ["June ", ["date", "date"]],
      ["2024", ["date", "x", "date"]],
      [" Putin", ["x"]],
      [" went.", []],
    ]);
  });

  it("keeps adjacent mentions apart", () => {
    const t = "AlphaBeta";
    const blocks = segmentArticle(t, [[0, 9]], [actor([0, 5], "a"), actor([5, 9], "a")]);
    expect(pieces(blocks).map((p) => [p.text, p.marks.length])).toEqual([
      ["Alpha", 1],
      ["Beta", 1],
    ]);
  });

  it("splits a mark that crosses a sentence boundary", () => {
    const t = "One. Two.";
    const blocks = segmentArticle(t, [[0, 4], [5, 9]], [actor([2, 7], "x")]);
    expect(joined(blocks)).toBe(t);
    expect(pieces(blocks).filter((p) => p.marks.length).map((p) => p.text)).toEqual(["e.", " ", "Tw"]);
  });

  it("counts UTF-16 code units around characters outside the BMP", () => {
    const t = "Kyiv wrote on 𝕏 that NATO 🇺🇦 must respond.";
    const nato = t.indexOf("NATO");
    expect(nato).toBe(22); // 𝕏 takes two code units: 21 code points, 22 units
    const blocks = segmentArticle(t, [[0, t.length]], [actor([nato, nato + 4], "nato"), actor([0, 4], "ua")]);
    expect(joined(blocks)).toBe(t);
    expect(pieces(blocks).filter((p) => p.marks.length).map((p) => p.text)).toEqual(["Kyiv", "NATO"]);
  });

  it("never splits a surrogate pair and clamps spans to the text", () => {
    const t = "a𝕏b";
    expect(snap(t, 2)).toBe(1);
    expect(snap(t, 3)).toBe(3);
    expect(snap(t, 99)).toBe(4);
    expect(snap(t, -3)).toBe(0);
    const blocks = segmentArticle(t, [[0, 99]], [actor([2, 4], "x")]);
    expect(pieces(blocks).map((p) => p.text)).toEqual(["a", "𝕏b"]);
  });

  it("tolerates overlapping or unsorted sentences and empty marks", () => {
    const t = "Alpha beta gamma.";
    const blocks = segmentArticle(t, [[6, 17], [0, 10], [3, 3]], [actor([2, 2], "x")]);
    expect(joined(blocks)).toBe(t);
    expect(blocks.map((b) => [b.sentence, b.start, b.end])).toEqual([
      [1, 0, 10],
      [0, 10, 17],
    ]);
  });
});
