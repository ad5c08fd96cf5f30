/**
 * Relations and escalation over dossier events, the way the engine counts
 * them for one article (crates/lagebild-core/src/relations.rs): only events
 * told as fact (asserted, reported) count; a mutual event counts in both
 * directions; the escalation index of a month is the sum of the negated
 * Goldstein intensities of its events dated to that month or finer, so
 * conflict raises it and cooperation lowers it.
 */
import type { EscalationPoint, Event, Relation } from "../../bindings";

type Countable = Pick<Event, "id" | "when" | "precision" | "sources" | "targets" | "mutual" | "quad" | "intensity" | "modality">;

function factual(e: Countable): boolean {
  return e.modality === "asserted" || e.modality === "reported";
}

function pairs(e: Countable): [string, string][] {
  const out: [string, string][] = [];
  for (const s of e.sources) {
    for (const t of e.targets) {
      if (t === s) continue;
      out.push([s, t]);
      if (e.mutual) out.push([t, s]);
    }
  }
  return out;
}

function monthOf(e: Countable): string | null {
  return (e.precision === "day" || e.precision === "month") && e.when ? e.when.slice(0, 7) : null;
}

/** The monthly escalation series of some events, months in order. */
export function escalation(events: readonly Countable[]): EscalationPoint[] {
  const months = new Map<string, EscalationPoint>();
  for (const e of events) {
    const month = factual(e) ? monthOf(e) : null;
    if (!month) continue;
    let point = months.get(month);
    if (!point) months.set(month, (point = { period: month, index: 0, events: [] }));
    point.index -= e.intensity;
    point.events.push(e.id);
  }
  return [...months.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** The relations of every directed actor pair, in order of their first event. */
export function relations(events: readonly Countable[]): Relation[] {
  const out = new Map<string, Relation>();
  for (const e of events) {
    if (!factual(e)) continue;
    for (const [source, target] of pairs(e)) {
      const key = `${source}\u0000${target}`;
      let r = out.get(key);
      if (!r) {
        r = {
          source,
          target,
          counts: { verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0 },
          intensity: 0,
          events: [],
          escalation: [],
        };
        out.set(key, r);
      }
      r.counts[e.quad] += 1;
      r.intensity += e.intensity;
      r.events.push(e.id);
    }
  }
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const r of out.values()) r.escalation = escalation(r.events.flatMap((id) => byId.get(id) ?? []));
  return [...out.values()];
}
