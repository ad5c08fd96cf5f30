/**
 * The PLOVER event types with their quad class and Goldstein intensity, read
 * from the engine's own table (`crates/lagebild-core/data/events/types.json`)
 * so that the UI and the engine never disagree about them.
 */
import type { EventType, Quad } from "./bindings";
import table from "../../../crates/lagebild-core/data/events/types.json";

type TypeInfo = { quad: Quad; intensity: number };

const types = table.types as Record<EventType, TypeInfo>;

/** Every event type, in the table's order (cooperation first, then conflict, rising). */
export const eventTypes = Object.keys(types) as EventType[];

export const quads: readonly Quad[] = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(types, value);
}

/** The quad class an event of this type belongs to. */
export function quadOf(type: EventType): Quad {
  return types[type].quad;
}

/** The Goldstein intensity of the type, -10 … +10. */
export function intensityOf(type: EventType): number {
  return types[type].intensity;
}
