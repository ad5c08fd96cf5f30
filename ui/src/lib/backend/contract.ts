/**
 * The dossier half of the contract between the UI and the backend: what a
 * dossier view, an article, a correction, an audit entry, an import and an
 * export look like on the wire (JSON through Tauri IPC, plain objects in the
 * in-memory backend).
 *
 * The engine's types (`Briefing`, and the merged `Dossier` with its
 * `DossierEvent`, `DossierActor`, `EventReport`) come from the generated
 * `bindings.ts`; the types here extend them with what the workbench adds:
 * article ids, the file, the history, what the analyst corrected, added or
 * hid. Field names are snake_case like the generated ones, so a Rust struct
 * with `#[derive(Serialize)]` and the same field names fits without
 * renaming. Every span counts UTF-16 code units.
 */
import type {
  ActorKind,
  ApiError,
  Briefing,
  DateModifier,
  Dossier,
  DossierActor as MergedActor,
  DossierArticle as MergedArticle,
  DossierEvent as MergedEvent,
  ErrorCode,
  EventReport,
  EventType,
  Language,
  Modality,
  Precision,
  Quad,
  Span,
} from "../bindings";

/**
 * Error codes of the dossier operations, on top of the engine's `ErrorCode`:
 * - `not_found`: the dossier, article, event or actor named does not exist;
 * - `invalid`: a correction or request the backend refuses (bad date value,
 *   unknown actor, merging an actor into itself, …); the message says why;
 * - `nothing_to_undo` / `nothing_to_redo`: the history is empty that way;
 * - `io`: a file could not be read or written (the message names it);
 * - `not_available`: the operation does not exist in this backend yet.
 */
export type WorkbenchErrorCode = ErrorCode | "not_found" | "invalid" | "nothing_to_undo" | "nothing_to_redo" | "io" | "not_available";

/** What every backend operation rejects with. */
export type WorkbenchError = Omit<ApiError, "code"> & { code: WorkbenchErrorCode };

/** Where the open dossier lives. */
export type DossierFile = {
  /** The `.lagebild` file, or null while the dossier has never been saved. */
  path: string | null;
  /** The file name without its folder; null while never saved (the UI names it). */
  name: string | null;
  /** Whether this is the bundled sample dossier, not yet saved anywhere. */
  sample: boolean;
};

/**
 * One article of the dossier, without its text: the engine's
 * `DossierArticle` with an id and the counts the article list shows.
 */
export type ArticleSummary = MergedArticle & {
  /** Stable within the dossier (`a1`, `a2`, …); never reused after removal. Names need not be unique. */
  id: string;
  /** When it was imported, ISO 8601 in UTC (`2024-11-22T09:30:00Z`). */
  added_at: string;
  /** Actors and events of its (corrected) analysis. */
  actor_count: number;
  event_count: number;
};

/** An article with its text and analysis, for the article pane. */
export type ArticleText = {
  summary: ArticleSummary;
  /**
   * The corrected briefing in UTF-16 offsets: the machine's analysis with the
   * analyst's actor corrections applied, so that its actor ids and names
   * match the dossier view's (merged actors carry the id they were merged
   * into, split-off mentions the new actor's id).
   */
  briefing: Briefing;
};

/**
 * One report of an event: the engine's `EventReport`, naming its article
 * by id rather than name, with the words that signal the event (to
 * underline them in the article).
 */
export type Report = Omit<EventReport, "article"> & {
  /** The article's id. */
  article: string;
  /** The trigger in this article, and where it stands (UTF-16). */
  trigger: string;
  trigger_span: Span;
};

/** Where a dossier event or actor comes from. */
export type Origin = "machine" | "corrected" | "manual";

/**
 * An event of the dossier as the views draw it: the engine's merged
 * `DossierEvent` (one act, told by one or more articles; date conflicts
 * between reports of one act are kept as separate events linked by
 * `conflicts_with`), after the analyst's corrections.
 */
export type ViewEvent = Omit<MergedEvent, "reports"> & {
  /**
   * Unique in the view. The same act should keep its id from view to view
   * where it can; the UI finds a selection again by its reports otherwise.
   */
  id: string;
  /** The trigger of its first report, for labels. */
  trigger: string;
  /** Every report, in article order; at least one. */
  reports: Report[];
  origin: Origin;
  /** Hidden by the analyst as noise: kept in the view, left out of relations, escalation and exports. */
  hidden: boolean;
};

/** An actor of the dossier (the engine's merged `DossierActor`), after the analyst's corrections. */
export type ViewActor = Omit<MergedActor, "articles" | "label"> & {
  /** The ids of the articles that mention it. */
  articles: string[];
  origin: Origin;
  /** Hidden as noise: left out of events' participants, relations and exports; kept here so it can be shown again. */
  hidden: boolean;
};

/** A change that undo or redo would take back or make again. */
export type HistoryStep = {
  action: AuditAction;
  /** What it was about, in words: an article's name, actors' names, or an event's trigger and id. */
  subject: string;
};

/** What undo and redo would do next; null when there is nothing to undo or redo. */
export type HistoryState = { undo: HistoryStep | null; redo: HistoryStep | null };

/**
 * The whole dossier as the views draw it: the engine's `Dossier` merged from
 * the corrected briefings, plus the file, the history, hidden things (marked)
 * and article ids. Relations and escalation count the events that are
 * neither hidden nor left without actors.
 */
export type DossierView = Pick<Dossier, "language" | "relations" | "escalation"> & {
  file: DossierFile;
  /** Goes up by one with every change; a view with a higher revision is newer. */
  revision: number;
  articles: ArticleSummary[];
  actors: ViewActor[];
  /** In time order, undated ones last. */
  events: ViewEvent[];
  history: HistoryState;
};

/** The fields of an event that the analyst sets. */
export type EventFields = {
  /** `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or null for undated. */
  when: string | null;
  /** Must fit `when`; derived from it when left out. */
  precision: Precision | null;
  when_modifier: DateModifier | null;
  sources: string[];
  targets: string[];
  mutual: boolean;
  /** The type; quad class and intensity follow it unless `quad` is given. */
  type: EventType;
  quad: Quad;
  modality: Modality;
};

/** The fields of an event to change; each one left out stays. */
export type EventPatch = Partial<EventFields>;

/** A new event the analyst adds from a sentence of an article. */
export type NewEvent = Omit<EventFields, "quad"> & {
  article: string;
  /** The sentence it is read from (a span of the article's text). */
  sentence_span: Span;
  /** The words that signal it, inside the sentence (the whole sentence when none were chosen). */
  trigger_span: Span;
  /** Null for the quad class of `type`. */
  quad: Quad | null;
};

/**
 * One correction. Corrections are kept apart from the machine's output and
 * applied over it in the order they were made, so re-analysis keeps them.
 * Events are named by their id in the current view; a correction of an
 * event applies to every report of it (the shell makes one per-article edit
 * per report, as `lagebild-dossier`'s `Edit` names events per article).
 */
export type Correction =
  | { op: "edit_event"; event: string; patch: EventPatch }
  /** `hidden: false` shows a hidden event again (takes its hide correction away). */
  | { op: "hide_event"; event: string; hidden: boolean }
  | { op: "add_event"; event: NewEvent }
  | { op: "rename_actor"; actor: string; name: string }
  /** `hidden: false` shows a hidden actor again. */
  | { op: "hide_actor"; actor: string; hidden: boolean }
  /** `from` becomes `into` everywhere: its events, mentions and names. */
  | { op: "merge_actors"; into: string; from: string }
  /**
   * Some of an actor's mentions in one article (spans from the article
   * briefing's `mentions` of that actor) move to a new actor named `name`;
   * the article's events whose sentence holds a moved mention move with it.
   * The new actor's id is made from the name (lower_snake_case, unique).
   */
  | { op: "split_actor"; article: string; actor: string; mentions: Span[]; name: string; kind: ActorKind };

/** The kinds of change the audit log records. */
export type AuditAction = Correction["op"] | "import_article" | "remove_article" | "undo" | "redo";

/** One line of the audit log: append-only, never undone itself. */
export type AuditEntry = {
  /** 1, 2, … in the order of the changes. */
  seq: number;
  /** ISO 8601 in UTC. */
  at: string;
  action: AuditAction;
  /** What it was about, in words (as in `HistoryStep.subject`). */
  subject: string;
  /** The affected events, actors or articles before and after, as JSON values; null for "did not exist". */
  before: unknown;
  after: unknown;
};

/** A text to import: pasted, or the raw bytes of a file (the backend detects the encoding). */
export type ImportSource = { kind: "text"; name: string; text: string } | { kind: "file"; name: string; bytes: Uint8Array };

/** The data exports. */
export type DataFormat = "csv" | "json" | "graphml" | "gexf" | "html";

/** The figures the backend draws. */
export type FigureKind = "timeline" | "network" | "escalation";
export type FigureFormat = "svg" | "png";

/** What the analyst sees, for exports and figures to match it. */
export type ExportScope = {
  /** Only events that overlap this period (`YYYY-MM-DD`, both inclusive); null for all. */
  period: [string, string] | null;
  /** Also speculative, negated and planned events (marked as such). */
  include_unconfirmed: boolean;
};

export type FigureRequest = {
  kind: FigureKind;
  format: FigureFormat;
  scope: ExportScope;
  /** For `escalation`: also draw this directed pair's series. */
  pair: [string, string] | null;
  /** Language of the labels. */
  language: Language;
};

/** A file an export wrote. */
export type ExportResult = { path: string; bytes: number };

/** An entry of the recent-files list, newest first. */
export type RecentDossier = { path: string; name: string; opened_at: string };
