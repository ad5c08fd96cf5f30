/**
 * Turns dossier events into what the timeline draws: lanes (none, one per
 * actor, or one per article) and items (a day as a box, coarser dates as a
 * range over the whole period, marked approximate). An event with several
 * actors or reports appears once in each of their lanes; its items share
 * the event id. Undated events go to the tray instead. Framework- and
 * chart-free, so it is unit tested.
 */
import type { ArticleSummary, ViewEvent } from "./backend/contract";
import { timeRange } from "./dates";
import { eventLabel, isHypothetical } from "./events";

export type LaneMode = "none" | "actor" | "article";
export const laneModes: readonly LaneMode[] = ["none", "actor", "article"];

export type Lane = { id: string; label: string; order: number };

export type TimelineItem = {
  /** Unique per item: the event id, with `@lane` when lanes are on. */
  id: string;
  event: string;
  lane: string | null;
  start: Date;
  end: Date | null;
  type: "box" | "range";
  label: string;
  className: string;
};

export type TimelineModel = { lanes: Lane[] | null; items: TimelineItem[] };

/** The lane of an event with no (shown) actor. */
export const NO_ACTOR_LANE = "__none__";

function classesOf(e: ViewEvent, approximate: boolean): string {
  const classes = [`quad-${e.quad}`, `modality-${e.modality}`];
  if (approximate) classes.push("approx");
  if (isHypothetical(e)) classes.push("hypothetical");
  if (e.hidden) classes.push("hidden");
  if (e.conflicts_with.length) classes.push("date-conflict");
  if (e.origin !== "machine") classes.push(`origin-${e.origin}`);
  return classes.join(" ");
}

function lanesOf(e: ViewEvent, mode: LaneMode): (string | null)[] {
  if (mode === "none") return [null];
  if (mode === "article") return [...new Set(e.reports.map((ev) => ev.article))];
  const actors = [...new Set([...e.sources, ...e.targets])];
  return actors.length ? actors : [NO_ACTOR_LANE];
}

/**
 * The lanes and items for events (already filtered) in a lane mode. Actor
 * lanes come busiest first; article lanes in the dossier's order. Only lanes
 * with an item are made.
 */
export function timelineModel(
  events: readonly ViewEvent[],
  names: ReadonlyMap<string, string>,
  articles: readonly ArticleSummary[],
  mode: LaneMode,
  noActorLabel: string,
): TimelineModel {
  const items: TimelineItem[] = [];
  const perLane = new Map<string, number>();
  for (const e of events) {
    const r = timeRange(e.when);
    if (!r) continue;
    const base = {
      event: e.id,
      start: r.start,
      end: r.end,
      type: r.end ? ("range" as const) : ("box" as const),
      label: eventLabel(e, names),
      className: classesOf(e, r.approximate),
    };
    for (const lane of lanesOf(e, mode)) {
      items.push({ ...base, id: lane === null ? e.id : `${e.id}@${lane}`, lane });
      if (lane !== null) perLane.set(lane, (perLane.get(lane) ?? 0) + 1);
    }
  }
  if (mode === "none") return { lanes: null, items };
  const articleOrder = new Map(articles.map((a, i) => [a.id, i]));
  const label = (id: string) =>
    mode === "article" ? (articles.find((a) => a.id === id)?.name ?? id) : id === NO_ACTOR_LANE ? noActorLabel : (names.get(id) ?? id);
  const ids = [...perLane.keys()].sort((a, b) =>
    mode === "article"
      ? (articleOrder.get(a) ?? 0) - (articleOrder.get(b) ?? 0)
      : Number(a === NO_ACTOR_LANE) - Number(b === NO_ACTOR_LANE) || (perLane.get(b) ?? 0) - (perLane.get(a) ?? 0) || label(a).localeCompare(label(b)),
  );
  return { lanes: ids.map((id, order) => ({ id, label: label(id), order })), items };
}

/** Events that have no usable date: they go to the tray. */
export function undatedEvents<E extends Pick<ViewEvent, "when">>(events: readonly E[]): E[] {
  return events.filter((e) => !timeRange(e.when));
}
