/**
 * Cuts an article into what the article pane renders: sentences (and the text
 * between them), each made of pieces of plain text that carry the marks
 * covering them (actor mentions, date expressions, the selected trigger).
 * Spans may overlap, nest or touch; each mark stays its own element, and no
 * cut ever splits a surrogate pair. Offsets are UTF-16 code units.
 */
import type { Span } from "./bindings";

export type Mark =
  | { kind: "actor"; actor: string }
  | { kind: "date"; value: string | null }
  | { kind: "trigger" };

export type MarkSpan = { span: Span; mark: Mark };

export type Piece = {
  text: string;
  start: number;
  end: number;
  /** Outermost first (longest span first). */
  marks: Mark[];
};

export type Block = {
  /** Index into the briefing's sentences, or null for text between them. */
  sentence: number | null;
  start: number;
  end: number;
  pieces: Piece[];
};

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Clamps an offset into the text and moves it off the middle of a surrogate pair. */
export function snap(text: string, offset: number): number {
  const o = Math.max(0, Math.min(text.length, Math.trunc(offset)));
  return o > 0 && o < text.length && isLow(text.charCodeAt(o)) && isHigh(text.charCodeAt(o - 1)) ? o - 1 : o;
}

/** The sentences, snapped, sorted and made disjoint; empty ones dropped. */
function cleanSentences(text: string, sentences: readonly Span[]): { index: number; start: number; end: number }[] {
  const out: { index: number; start: number; end: number }[] = [];
  const sorted = sentences.map((s, index) => ({ index, start: snap(text, s[0]), end: snap(text, s[1]) }));
  sorted.sort((a, b) => a.start - b.start || a.end - b.end);
  let last = 0;
  for (const s of sorted) {
    const start = Math.max(s.start, last);
    if (s.end <= start) continue;
    out.push({ index: s.index, start, end: s.end });
    last = s.end;
  }
  return out;
}

function piecesOf(text: string, start: number, end: number, marks: readonly { start: number; end: number; mark: Mark }[]): Piece[] {
  const inside = marks.filter((m) => m.start < end && m.end > start);
  const cuts = new Set([start, end]);
  for (const m of inside) {
    if (m.start > start) cuts.add(m.start);
    if (m.end < end) cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = inside.filter((m) => m.start <= a && m.end >= b);
    covering.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
    pieces.push({ text: text.slice(a, b), start: a, end: b, marks: covering.map((m) => m.mark) });
  }
  return pieces;
}

/** Splits the text into blocks of marked pieces; together they cover it all. */
export function segmentArticle(text: string, sentences: readonly Span[], marks: readonly MarkSpan[]): Block[] {
  const spans = marks
    .map((m) => ({ start: snap(text, m.span[0]), end: snap(text, m.span[1]), mark: m.mark }))
    .filter((m) => m.end > m.start);
  const blocks: Block[] = [];
  const push = (sentence: number | null, start: number, end: number) => {
    if (end > start) blocks.push({ sentence, start, end, pieces: piecesOf(text, start, end, spans) });
  };
  let pos = 0;
  for (const s of cleanSentences(text, sentences)) {
    push(null, pos, s.start);
    push(s.index, s.start, s.end);
    pos = s.end;
  }
  push(null, pos, text.length);
  return blocks;
}
