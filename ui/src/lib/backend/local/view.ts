/**
 * The dossier view that the UI draws, built from the working state: the
 * merged actors and events, hidden actors left out of the events'
 * participants, events in time order (undated last), relations and
 * escalation over the events that are neither hidden nor left without
 * actors, and the language most articles are written in.
 */
import type { Language } from "../../bindings";
import type { DossierFile, DossierView, HistoryState, ViewEvent } from "../contract";
import { timeRange } from "../../dates";
import { mergeActors, mergeEvents } from "./merge";
import { escalation, relations } from "./relations";
import type { WorkState } from "./state";

function startOf(e: ViewEvent): number {
  return timeRange(e.when)?.start.getTime() ?? Number.POSITIVE_INFINITY;
}

/** German or English, whichever more articles are in; the first article's on a tie. */
function majorityLanguage(state: WorkState): Language {
  const german = state.articles.filter((a) => a.briefing.language === "de").length;
  const english = state.articles.length - german;
  if (german !== english) return german > english ? "de" : "en";
  return state.articles[0]?.briefing.language ?? "en";
}

/** The view of the state; `file`, `revision` and `history` come from the store. */
export function buildView(state: WorkState, file: DossierFile, revision: number, history: HistoryState): DossierView {
  const actors = mergeActors(state);
  const hidden = new Set(actors.filter((a) => a.hidden).map((a) => a.id));
  const shown = (ids: string[]) => ids.filter((id) => !hidden.has(id));
  const merged = mergeEvents(state).map((e) => ({ ...e, sources: shown(e.sources), targets: shown(e.targets) }));
  const order = new Map(merged.map((e, i) => [e.id, i]));
  const events = [...merged].sort((a, b) => startOf(a) - startOf(b) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const counted = events.filter((e) => !e.hidden && e.sources.length + e.targets.length > 0);
  return {
    file: { ...file },
    revision,
    language: majorityLanguage(state),
    articles: state.articles.map((a) => ({ ...a.summary, actor_count: a.actors.length, event_count: a.events.filter((e) => !e.hidden).length })),
    actors,
    events,
    relations: relations(counted),
    escalation: escalation(counted),
    history: { ...history },
  };
}
