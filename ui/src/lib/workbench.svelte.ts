/**
 * The workbench's state and actions, shared by all panes: the dossier view
 * from the backend, what is selected (event, actor, edge or chart point),
 * the filters (period, unconfirmed, hidden), the article shown, and the
 * import in progress. Every change goes through the backend and comes back
 * as a new view; selections that no longer exist are dropped then.
 */
import type { Backend } from "./backend";
import { toWorkbenchError } from "./backend";
import type {
  ArticleText,
  Correction,
  DataFormat,
  ViewEvent,
  DossierView,
  ExportResult,
  ExportScope,
  FigureFormat,
  FigureKind,
  RecentDossier,
  WorkbenchError,
} from "./backend/contract";
import { reportKey } from "./backend/local/state";
import { eventActors } from "./events";
import { passes, periodDays, type EventFilter, type Period } from "./filters";
import { fileSource, isArticleFile, runImports, type PendingSource } from "./import-queue";
import type { PickedFile } from "./drop";
import { i18n } from "./i18n/locale.svelte";
import { undatedEvents, type LaneMode } from "./timeline-items";
import { timeRange } from "./dates";
import { lookup } from "./lookup";

export type Status = "loading" | "ready" | "busy";

/** Events listed in the side panel: behind a network edge, or behind a point of the escalation chart. */
export type EventList =
  | { kind: "edge"; source: string; target: string; events: string[] }
  | { kind: "point"; series: "dossier" | "pair"; period: string; index: number; events: string[] };

export type ImportState = {
  running: boolean;
  done: number;
  total: number;
  imported: number;
  failed: { name: string; error: WorkbenchError }[];
  cancelled: number;
  skipped: number;
};

/** A file export or figure the analyst asked for. */
export type ExportChoice = { what: "data"; format: DataFormat } | { what: "figure"; kind: FigureKind; format: FigureFormat };

/** How long a long import goes between refreshes of the views. */
const REFRESH_EVERY_MS = 800;

export class Workbench {
  view = $state.raw<DossierView | null>(null);
  status = $state<Status>("loading");
  error = $state.raw<WorkbenchError | null>(null);
  notice = $state<string | null>(null);

  selectedEvent = $state<string | null>(null);
  /** Which report of the selected event the article pane shows. */
  reportIndex = $state(0);
  focusActor = $state<string | null>(null);
  list = $state.raw<EventList | null>(null);

  period = $state.raw<Period | null>(null);
  showUnconfirmed = $state(false);
  showHidden = $state(false);
  lanes = $state<LaneMode>("none");
  /** The actor pair of the escalation chart (a directed relation). */
  pair = $state.raw<[string, string] | null>(null);

  articleId = $state<string | null>(null);
  article = $state.raw<ArticleText | null>(null);
  imports = $state.raw<ImportState | null>(null);
  recent = $state.raw<RecentDossier[]>([]);
  /** Goes up when another dossier is opened: the views lay out and fit anew. */
  dossierEpoch = $state(0);

  readonly names = $derived(lookup(this.view?.actors ?? [], (a) => a.name));
  readonly eventsById = $derived(lookup(this.view?.events ?? [], (e) => e));
  readonly selected = $derived(this.selectedEvent ? (this.eventsById.get(this.selectedEvent) ?? null) : null);

  /** What the timeline and the tray show: actor, unconfirmed and hidden filters; the period only marks. */
  readonly timelineFilter = $derived<EventFilter>({
    period: null,
    actor: this.focusActor,
    showUnconfirmed: this.showUnconfirmed,
    showHidden: this.showHidden,
  });
  /** What the network shows: the period, unconfirmed and hidden filters; the actor only dims. */
  readonly networkFilter = $derived<EventFilter>({
    period: this.period,
    actor: null,
    showUnconfirmed: this.showUnconfirmed,
    showHidden: this.showHidden,
  });
  readonly timelineEvents = $derived((this.view?.events ?? []).filter((e) => passes(e, this.timelineFilter)));
  readonly networkEvents = $derived((this.view?.events ?? []).filter((e) => passes(e, this.networkFilter)));
  readonly undated = $derived(undatedEvents(this.timelineEvents));
  /** The order the arrow keys step through: dated events in time order, then the undated ones. */
  readonly navigable = $derived([...this.timelineEvents.filter((e) => timeRange(e.when)), ...this.undated]);

  #backend: Backend | null = null;
  #busy = 0;
  #articleRequest = 0;
  #cancel: AbortController | null = null;

  get backend(): Backend | null {
    return this.#backend;
  }

  async start(load: () => Promise<Backend>): Promise<void> {
    try {
      this.#backend = await load();
      this.apply(await this.#backend.dossier(), true);
    } catch (e) {
      this.fail(e);
    }
    this.status = "ready";
  }

  fail(e: unknown): void {
    this.error = toWorkbenchError(e);
  }

  /** Runs a backend call with the status "busy", shows its error, and takes in the view it returns. */
  async run<T>(work: (b: Backend) => Promise<T>): Promise<T | null> {
    const backend = this.#backend;
    if (!backend) return null;
    this.#busy += 1;
    this.status = "busy";
    try {
      const result = await work(backend);
      this.error = null;
      return result;
    } catch (e) {
      this.fail(e);
      return null;
    } finally {
      this.#busy -= 1;
      if (!this.#busy) this.status = "ready";
    }
  }

  /** Takes in a new view: selections and the article shown are kept where they still exist. */
  apply(view: DossierView, newDossier = false): void {
    const previous = this.view;
    this.view = view;
    if (newDossier) {
      this.dossierEpoch += 1;
      this.selectedEvent = null;
      this.focusActor = null;
      this.list = null;
      this.period = null;
      this.pair = null;
      this.articleId = null;
    }
    if (this.selectedEvent && !this.eventsById.has(this.selectedEvent)) {
      const old = previous?.events.find((e) => e.id === this.selectedEvent);
      const keys = old?.reports.map(reportKey) ?? [];
      this.selectedEvent = view.events.find((e) => e.reports.some((ev) => keys.includes(reportKey(ev))))?.id ?? null;
    }
    if (this.focusActor && !view.actors.some((a) => a.id === this.focusActor)) this.focusActor = null;
    if (this.pair && !view.relations.some((r) => r.source === this.pair?.[0] && r.target === this.pair?.[1])) this.pair = null;
    if (this.list) this.list = { ...this.list, events: this.list.events.filter((id) => this.eventsById.has(id)) };
    if (!view.articles.some((a) => a.id === this.articleId)) this.articleId = view.articles[0]?.id ?? null;
    void this.loadArticle();
  }

  async refresh(): Promise<void> {
    const view = await this.run((b) => b.dossier());
    if (view) this.apply(view);
  }

  // ---- selection

  selectEvent(id: string | null): void {
    this.selectedEvent = id;
    this.reportIndex = 0;
    const event = id ? this.eventsById.get(id) : undefined;
    if (!event) return;
    const here = event.reports.findIndex((ev) => ev.article === this.articleId);
    if (here >= 0) this.reportIndex = here;
    else this.showArticle(event.reports[0].article);
  }

  /** Shows one report of the selected event: its article, with the sentence marked. */
  showReport(index: number): void {
    const ev = this.selected?.reports[index];
    if (!ev) return;
    this.reportIndex = index;
    this.showArticle(ev.article);
  }

  /** Steps to the next (+1) or previous (−1) event in the timeline's order. */
  step(direction: 1 | -1): ViewEvent | null {
    const events = this.navigable;
    if (!events.length) return null;
    const at = events.findIndex((e) => e.id === this.selectedEvent);
    const next = at < 0 ? (direction > 0 ? 0 : events.length - 1) : Math.min(Math.max(at + direction, 0), events.length - 1);
    this.selectEvent(events[next].id);
    return events[next];
  }

  toggleActor(id: string | null): void {
    this.focusActor = id === null || id === this.focusActor ? null : id;
  }

  showList(list: EventList | null): void {
    this.list = list;
  }

  clearSelection(): void {
    this.selectedEvent = null;
    this.focusActor = null;
    this.list = null;
  }

  showArticle(id: string | null): void {
    if (id === this.articleId) return;
    this.articleId = id;
    void this.loadArticle();
  }

  private async loadArticle(): Promise<void> {
    const id = this.articleId;
    const request = ++this.#articleRequest;
    const text: ArticleText | null = id && this.#backend ? await this.#backend.article(id).catch((e) => (this.fail(e), null)) : null;
    if (request === this.#articleRequest) this.article = text;
  }

  // ---- changes

  async correct(correction: Correction): Promise<boolean> {
    const view = await this.run((b) => b.correct(correction));
    if (view) this.apply(view);
    return view !== null;
  }

  /**
   * A correction from a dialog: its error comes back (for the dialog to
   * show) instead of going to the banner. An added event is selected.
   */
  async tryCorrect(correction: Correction): Promise<WorkbenchError | null> {
    const backend = this.#backend;
    if (!backend) return { code: "internal", message: "The backend is not ready." };
    const before = lookup(this.view?.events ?? [], (e) => e.id);
    this.#busy += 1;
    this.status = "busy";
    try {
      this.apply(await backend.correct(correction));
      if (correction.op === "add_event") {
        const added = this.view?.events.find((e) => !before.has(e.id));
        if (added) this.selectEvent(added.id);
      }
      return null;
    } catch (e) {
      return toWorkbenchError(e);
    } finally {
      this.#busy -= 1;
      if (!this.#busy) this.status = "ready";
    }
  }

  async undo(): Promise<void> {
    if (!this.view?.history.undo) return;
    const view = await this.run((b) => b.undo());
    if (view) this.apply(view);
  }

  async redo(): Promise<void> {
    if (!this.view?.history.redo) return;
    const view = await this.run((b) => b.redo());
    if (view) this.apply(view);
  }

  async removeArticle(id: string): Promise<void> {
    const view = await this.run((b) => b.removeArticle(id));
    if (view) this.apply(view);
  }

  /** Imports in the background, one source after the other, with progress; cancel stops between two. */
  async importSources(sources: readonly PendingSource[], skipped = 0): Promise<void> {
    const backend = this.#backend;
    if (!backend || this.imports?.running) return;
    const controller = new AbortController();
    this.#cancel = controller;
    let state: ImportState = { running: true, done: 0, total: sources.length, imported: 0, failed: [], cancelled: 0, skipped };
    this.imports = state;
    let lastRefresh = Date.now();
    let lastImported: string | null = null;
    await runImports(sources, (s) => backend.importArticle(s), {
      signal: controller.signal,
      onProgress: ({ done, last }) => {
        state = {
          ...state,
          done,
          imported: state.imported + Number(last.status === "imported"),
          failed: last.status === "failed" ? [...state.failed, { name: last.name, error: last.error }] : state.failed,
          cancelled: state.cancelled + Number(last.status === "cancelled"),
        };
        this.imports = state;
        if (last.status === "imported") {
          lastImported = last.article.id;
          if (Date.now() - lastRefresh > REFRESH_EVERY_MS) {
            lastRefresh = Date.now();
            void this.refresh();
          }
        }
      },
    });
    this.imports = { ...state, running: false };
    this.#cancel = null;
    await this.refresh();
    if (lastImported) {
      this.clearSelection();
      this.showArticle(lastImported);
    }
  }

  cancelImport(): void {
    this.#cancel?.abort();
  }

  dismissImports(): void {
    if (!this.imports?.running) this.imports = null;
  }

  /** Files picked or dropped: files from folders only when they look like articles. */
  importFiles(files: readonly PickedFile[]): Promise<void> {
    const taken = files.filter((f) => !f.inFolder || isArticleFile(f.path));
    return this.importSources(
      taken.map((f) => fileSource(f.file, f.path)),
      files.length - taken.length,
    );
  }

  // ---- files

  async newDossier(): Promise<void> {
    const view = await this.run((b) => b.newDossier());
    if (view) this.apply(view, true);
  }

  async openDossier(path: string | null): Promise<void> {
    const view = await this.run((b) => b.openDossier(path));
    if (view) this.apply(view, true);
  }

  async saveDossierAs(path: string | null): Promise<DossierView | null> {
    const view = await this.run((b) => b.saveDossierAs(path));
    if (view) this.apply(view);
    return view;
  }

  async loadRecent(): Promise<void> {
    this.recent = (await this.run((b) => b.recentDossiers())) ?? [];
  }

  // ---- export

  /** What the exports hold: the period and unconfirmed events as the views show them. */
  get exportScope(): ExportScope {
    return { period: this.period ? periodDays(this.period) : null, include_unconfirmed: this.showUnconfirmed };
  }

  async export(choice: ExportChoice, path: string | null = null): Promise<ExportResult | null> {
    const scope = this.exportScope;
    const language = i18n.locale;
    return this.run((b) =>
      choice.what === "data"
        ? b.exportData(choice.format, scope, language, path)
        : b.renderFigure({ kind: choice.kind, format: choice.format, scope, pair: this.pair, language }, path),
    );
  }

  /** The actors an event involves (for highlighting). */
  actorsOf(e: ViewEvent): string[] {
    return eventActors(e);
  }
}
