/**
 * Turns a briefing's events into what the timeline draws: dated events become
 * items (a day as a box, coarser dates as ranges over the whole period), the
 * rest go to the undated tray. Framework- and chart-free, so it is unit tested.
 */
import type { Briefing, Event } from "./bindings";
import { timeRange } from "./dates";
import { eventLabel, isHypothetical } from "./events";

export type TimelineItem = {
  id: string;
  start: Date;
  end: Date | null;
  type: "box" | "range";
  label: string;
  className: string;
};

/** Actor id → display name. */
export function actorNames(briefing: Briefing): Map<string, string> {
  return new Map(briefing.actors.map((a) => [a.id, a.name]));
}

/** One timeline item per dated event, in the given order. */
export function timelineItems(events: readonly Event[], names: ReadonlyMap<string, string>): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const e of events) {
    const r = timeRange(e.when);
    if (!r) continue;
    const classes = [`quad-${e.quad}`, `modality-${e.modality}`];
    if (r.approximate) classes.push("approx");
    if (isHypothetical(e)) classes.push("hypothetical");
    items.push({
      id: e.id,
      start: r.start,
      end: r.end,
      type: r.end ? "range" : "box",
      label: eventLabel(e, names),
      className: classes.join(" "),
    });
  }
  return items;
}

/** Events that have no usable date: they go to the tray. */
export function undatedEvents(events: readonly Event[]): Event[] {
  return events.filter((e) => !timeRange(e.when));
}
