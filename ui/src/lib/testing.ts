/**
 * Builders for unit tests: an event, an actor or a briefing, and their
 * dossier forms, with sensible defaults.
 */
import type { Actor, Briefing, Event } from "./bindings";
import type { ArticleSummary, ViewActor, ViewEvent } from "./backend/contract";

export function event(over: Partial<Event>): Event {
  return {
    id: "e1",
    when: null,
    precision: null,
    when_modifier: null,
    when_inferred: false,
    sources: ["a"],
    targets: ["b"],
    mutual: false,
    type: "ACCUSE",
    quad: "verbal_conflict",
    intensity: -2,
    modality: "asserted",
    trigger: "condemned",
    trigger_span: [0, 9],
    time_span: null,
    sentence_span: [0, 20],
    ...over,
  };
}

export function actor(id: string, over: Partial<Actor> = {}): Actor {
  return { id, name: id.toUpperCase(), kind: "state", aliases: [], member_of: null, mentions: [[0, 1]], ...over };
}

export function briefing(actors: Actor[], events: Event[], over: Partial<Briefing> = {}): Briefing {
  return {
    schema: "lagebild/1",
    offsets: "utf16",
    language: "en",
    title: null,
    author: null,
    published: null,
    published_source: null,
    text: "x",
    sentences: [],
    actors,
    dates: [],
    events,
    relations: [],
    escalation: [],
    ...over,
  };
}

/** A dossier event with one report from article `a1`. */
export function dossierEvent(over: Partial<ViewEvent>): ViewEvent {
  const id = over.id ?? "a1:e1";
  return {
    id,
    when: null,
    precision: null,
    when_modifier: null,
    sources: ["a"],
    targets: ["b"],
    mutual: false,
    type: "ACCUSE",
    quad: "verbal_conflict",
    intensity: -2,
    modality: "asserted",
    trigger: "condemned",
    reports: [
      {
        article: "a1",
        event: id.split(":")[1] ?? id,
        when: over.when ?? null,
        precision: null,
        modality: "asserted",
        trigger: "condemned",
        trigger_span: [2, 11],
        sentence_span: [0, 14],
        sentence: "A condemned B.",
      },
    ],
    conflicts_with: [],
    origin: "machine",
    hidden: false,
    ...over,
  };
}

export function dossierActor(id: string, over: Partial<ViewActor> = {}): ViewActor {
  return { id, name: id.toUpperCase(), kind: "state", aliases: [], member_of: null, mentions: 1, articles: ["a1"], origin: "machine", hidden: false, ...over };
}

/** An article summary as the dossier view lists it. */
export function articleSummary(id: string, name = `${id}.txt`, over: Partial<ArticleSummary> = {}): ArticleSummary {
  return { id, name, title: null, language: "en", published: null, added_at: "2024-11-22T00:00:00Z", actor_count: 0, event_count: 0, ...over };
}
