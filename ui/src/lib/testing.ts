/**
 * Builders for unit tests: an event or a briefing with sensible defaults.
 */
import type { Actor, Briefing, Event } from "./bindings";

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
