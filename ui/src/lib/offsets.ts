/**
 * The UI indexes text with UTF-16 code units (JavaScript strings). The shell
 * converts every briefing before it crosses the bridge; this is the safety
 * net for a briefing that still counts UTF-8 bytes (e.g. raw CLI output).
 */
import type { Briefing, Span } from "./bindings";

/** A map from UTF-8 byte offset to UTF-16 offset, for every byte position. */
function byteToUtf16(text: string): Uint32Array {
  const map = new Uint32Array(new TextEncoder().encode(text).length + 1);
  let byte = 0;
  let unit = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let i = 0; i < bytes; i++) map[byte + i] = unit;
    byte += bytes;
    unit += ch.length;
  }
  map[byte] = unit;
  return map;
}

/** The briefing with every span in UTF-16 code units. */
export function toUtf16(b: Briefing): Briefing {
  if (b.offsets === "utf16") return b;
  const map = byteToUtf16(b.text);
  const at = (o: number) => map[Math.min(Math.max(o, 0), map.length - 1)];
  const conv = (s: Span): Span => [at(s[0]), at(s[1])];
  return {
    ...b,
    offsets: "utf16",
    sentences: b.sentences.map(conv),
    actors: b.actors.map((a) => ({ ...a, mentions: a.mentions.map(conv) })),
    dates: b.dates.map((d) => ({ ...d, span: conv(d.span) })),
    events: b.events.map((e) => ({
      ...e,
      trigger_span: conv(e.trigger_span),
      time_span: e.time_span && conv(e.time_span),
      sentence_span: conv(e.sentence_span),
    })),
  };
}
