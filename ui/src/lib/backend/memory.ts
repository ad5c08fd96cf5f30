/**
 * The in-memory backend for the browser (tests, `npm run dev`): the dossier
 * starts as the fixture next to this file (the engine's output for the
 * sample articles), and everything else works as the backend interface
 * says, in memory. Importing does not run the engine: a stand-in analysis
 * decodes the text, splits it into sentences (after ". ") and marks the
 * actors the fixture knows by their names and aliases; it finds no dates
 * and no events (the analyst can add those by hand).
 */
import type { Actor, Briefing, Document, Span } from "../bindings";
import type { ImportSource } from "./contract";
import { createLocalBackend, type LocalBackend } from "./local/backend";
import { fail } from "./local/state";
import fixture from "./fixture.json";
import { version } from "../../../package.json";

const sample = fixture as unknown as Document[];

/** Sentence spans: split after each ". ", leading whitespace skipped. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let pos = 0;
  while (pos < text.length) {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
    if (pos >= text.length) break;
    const stop = text.indexOf(". ", pos);
    const end = stop < 0 ? text.trimEnd().length : stop + 1;
    spans.push([pos, end]);
    pos = end;
  }
  return spans;
}

/** A file's text: UTF-16 when it starts with a byte order mark, else UTF-8, else Windows-1252. */
export function decodeText(name: string, bytes: Uint8Array): string {
  if (bytes.length === 0) fail("empty", `${name} is empty.`);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      fail("encoding", `${name} starts like UTF-16 text but is not valid UTF-16.`);
    }
  }
  if (bytes.includes(0)) fail("binary", `${name} looks like a binary file. Open a plain-text article (.txt, .md or .html).`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The readable text of an HTML page: scripts, styles and tags dropped, a few entities decoded. */
export function htmlText(html: string): string {
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  return html
    .replace(/<(script|style|nav|header|footer|aside)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<\/(p|div|h[1-6]|li|br)>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, e: string) => entities[e])
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n\s*/g, "\n\n")
    .trim();
}

/** German or English, by which language's most common words occur more often. */
export function guessLanguage(text: string): "de" | "en" {
  const count = (words: string[]) => words.reduce((n, w) => n + (text.match(new RegExp(`\\b${w}\\b`, "gi"))?.length ?? 0), 0);
  return count(["der", "die", "das", "und", "nicht", "mit"]) > count(["the", "and", "of", "with", "not", "was"]) ? "de" : "en";
}

type KnownActor = Omit<Actor, "mentions" | "aliases"> & { forms: string[] };

/** Every actor of the fixture with all the words the articles use for it, longest first. */
function knownActors(documents: readonly Document[]): KnownActor[] {
  const byId = new Map<string, KnownActor>();
  for (const { briefing } of documents) {
    for (const a of briefing.actors) {
      const known = byId.get(a.id) ?? { id: a.id, name: a.name, kind: a.kind, member_of: a.member_of, forms: [] };
      const words = [a.name, ...a.aliases, ...a.mentions.map(([s, e]) => briefing.text.slice(s, e))];
      known.forms = [...new Set([...known.forms, ...words.filter((w) => w.length >= 3)])].sort((x, y) => y.length - x.length);
      byId.set(a.id, known);
    }
  }
  return [...byId.values()];
}

const letter = /[\p{L}\p{N}]/u;

/** Whole-word occurrences of the known actors' words; a longer word wins over one inside it. */
function findActors(text: string, known: readonly KnownActor[]): Actor[] {
  const taken: Span[] = [];
  const found: Actor[] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const candidates = known.flatMap((k) => k.forms.map((form) => ({ k, form }))).sort((x, y) => y.form.length - x.form.length);
  for (const { k, form } of candidates) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const end = at + form.length;
      if ((at > 0 && letter.test(text[at - 1])) || (end < text.length && letter.test(text[end])) || !free(at, end)) continue;
      taken.push([at, end]);
      let actor = found.find((a) => a.id === k.id);
      if (!actor) found.push((actor = { id: k.id, name: k.name, kind: k.kind, aliases: [], member_of: k.member_of, mentions: [] }));
      if (!actor.aliases.includes(form)) actor.aliases.push(form);
      actor.mentions.push([at, end]);
    }
  }
  for (const a of found) a.mentions.sort((x, y) => x[0] - y[0]);
  return found;
}

/** The stand-in analysis of a text: sentences and known actors, nothing else. */
export function standInBriefing(text: string, known: readonly KnownActor[] = []): Briefing {
  if (!text.trim()) fail("empty", "The text is empty. Paste or open an article first.");
  return {
    schema: "lagebild/1",
    offsets: "utf16",
    language: guessLanguage(text),
    title: null,
    author: null,
    published: null,
    published_source: null,
    text,
    sentences: splitSentences(text),
    actors: findActors(text, known),
    dates: [],
    events: [],
    relations: [],
    escalation: [],
  };
}

/** The text of an import source, decoded and, for HTML, stripped of markup. */
export function sourceText(source: ImportSource): string {
  if (source.kind === "text") return source.text;
  const text = decodeText(source.name, source.bytes);
  return /\.html?$/i.test(source.name) ? htmlText(text) : text;
}

export type MemoryBackendOptions = {
  clock?: () => Date;
  /** How long each analysis takes, so that tests can watch an import's progress and cancel it. */
  analysisDelayMs?: number;
};

export function createMemoryBackend(options: MemoryBackendOptions = {}): LocalBackend {
  const known = knownActors(sample);
  const delay = options.analysisDelayMs ?? 0;
  return createLocalBackend({
    sample: async () => structuredClone(sample),
    analyse: async (source) => {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return standInBriefing(sourceText(source), known);
    },
    appInfo: async () => ({ name: "Lagebild", version }),
    clock: options.clock,
  });
}
