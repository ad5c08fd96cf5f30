/**
 * Small helpers about events: who takes part, how to name an event in one
 * line, whether it is a fact, and which events involve an actor.
 */
import type { Event, Modality } from "./bindings";

type Participants = Pick<Event, "sources" | "targets">;

/** Modalities that do not report something that happened. */
const notFact: ReadonlySet<Modality> = new Set(["speculative", "negated", "planned"]);

/** Speculative, negated or planned: not to be drawn as a fact. */
export function isHypothetical(e: Pick<Event, "modality">): boolean {
  return notFact.has(e.modality);
}

/** Every actor id an event involves, sources first, without repeats. */
export function eventActors(e: Participants): string[] {
  return [...new Set([...e.sources, ...e.targets])];
}

/** Whether an event involves the actor (always true for no actor). */
export function involves(e: Participants, actor: string | null): boolean {
  return actor === null || e.sources.includes(actor) || e.targets.includes(actor);
}

/** A one-line label: the trigger, then who acts on whom. */
export function eventLabel(e: Pick<Event, "trigger" | "sources" | "targets" | "mutual">, names: ReadonlyMap<string, string>): string {
  const list = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(", ");
  let who = e.mutual && !e.targets.length ? e.sources.map((id) => names.get(id) ?? id).join(" ↔ ") : list(e.sources);
  if (e.targets.length) who += ` ${e.mutual ? "↔" : "→"} ${list(e.targets)}`;
  return who ? `${e.trigger} · ${who}` : e.trigger;
}
