/**
 * Which events the views show: the period brushed on the timeline, the actor
 * clicked in the network, and whether unconfirmed (speculative, negated,
 * planned) and hidden events are drawn. Pure functions over dossier events,
 * shared by the views, the exports and their tests.
 */
import type { Event } from "./bindings";
import { timeRange } from "./dates";
import { isHypothetical } from "./events";

/** A period of time, the end exclusive. */
export type Period = { start: Date; end: Date };

export type EventFilter = {
  period: Period | null;
  actor: string | null;
  showUnconfirmed: boolean;
  showHidden: boolean;
};

export const noFilter: EventFilter = { period: null, actor: null, showUnconfirmed: false, showHidden: false };

type Filterable = Pick<Event, "when" | "sources" | "targets" | "modality"> & { hidden: boolean };

/** Whether a date value's period meets the period; an undated event meets none. */
export function overlaps(when: string | null, period: Period): boolean {
  const r = timeRange(when);
  if (!r) return false;
  const end = r.end ?? new Date(r.start.getTime() + 1);
  return r.start < period.end && end > period.start;
}

/** Whether an event passes the filter. */
export function passes(e: Filterable, f: EventFilter): boolean {
  if (e.hidden && !f.showHidden) return false;
  if (!f.showUnconfirmed && isHypothetical(e)) return false;
  if (f.actor !== null && !e.sources.includes(f.actor) && !e.targets.includes(f.actor)) return false;
  return f.period === null || overlaps(e.when, f.period);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** A local date as `YYYY-MM-DD`. */
export function isoDay(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The period as two inclusive `YYYY-MM-DD` days, as exports take it. */
export function periodDays(p: Period): [string, string] {
  return [isoDay(p.start), isoDay(new Date(p.end.getTime() - 1))];
}

/** Two inclusive `YYYY-MM-DD` days as a period; null when either is not a day or they are in the wrong order. */
export function periodOf(first: string, last: string): Period | null {
  const a = timeRange(first);
  const b = timeRange(last);
  if (!a || !b || a.end || b.end) return null;
  const end = new Date(b.start);
  end.setDate(end.getDate() + 1);
  return a.start < end ? { start: a.start, end } : null;
}
