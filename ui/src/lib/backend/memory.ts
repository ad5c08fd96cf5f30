/**
 * An in-memory backend for the browser (tests, `npm run dev`): the dossier is
 * the fixture next to this file, and analysing a text only splits it into
 * sentences (on ". "), with no actors or events.
 */
import type { ApiError, Briefing, Document, Span } from "../bindings";
import type { Backend } from "./index";
import fixture from "./fixture.json";
import { version } from "../../../package.json";

function fail(code: ApiError["code"], message: string): never {
  throw { code, message } satisfies ApiError;
}

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

export function minimalBriefing(text: string): Briefing {
  if (!text.trim()) fail("empty", "The text is empty. Paste or open an article first.");
  return {
    schema: "lagebild/1",
    offsets: "utf16",
    language: "en",
    title: null,
    author: null,
    published: null,
    published_source: null,
    text,
    sentences: splitSentences(text),
    actors: [],
    dates: [],
    events: [],
    relations: [],
    escalation: [],
  };
}

export function createMemoryBackend(): Backend {
  const analyseText = async (_name: string, text: string) => minimalBriefing(text);
  return {
    sampleDossier: async () => structuredClone(fixture as unknown as Document[]),
    analyseText,
    analyseFile: async (name, bytes) => {
      if (bytes.length === 0) fail("empty", `${name} is empty.`);
      if (bytes.includes(0)) fail("binary", `${name} looks like a binary file. Open a plain-text article (.txt or .md).`);
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
      } catch {
        fail("encoding", `${name} is not valid UTF-8 text.`);
      }
      return analyseText(name, text);
    },
    appInfo: async () => ({ name: "Lagebild", version }),
  };
}
