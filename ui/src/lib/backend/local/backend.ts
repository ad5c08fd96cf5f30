/**
 * The backend interface over a dossier kept in this process (`store.ts`).
 * What analyses an article and what the first dossier holds are passed in:
 * the in-memory backend uses the fixture and a small stand-in analysis, the
 * Tauri backend (until the shell keeps dossiers itself) the real engine.
 *
 * Without a file dialog, a `null` path to "save as" takes a name from the
 * dossier's, and a `null` path to "open" is refused: the UI offers the
 * recent files instead.
 */
import type { AppInfo, Briefing } from "../../bindings";
import type { Backend } from "../index";
import type { ImportSource } from "../contract";
import { isoDay } from "../../filters";
import { exportText } from "./export";
import { figureSvg, rasterise } from "./figures";
import { fail } from "./state";
import { LocalDossier, type Disk } from "./store";

export type LocalBackendOptions = {
  /** The articles of the dossier open at start-up. */
  sample: () => Promise<{ name: string; briefing: Briefing }[]>;
  /** Analyses one text or file into a briefing with UTF-16 offsets. */
  analyse: (source: ImportSource) => Promise<Briefing>;
  appInfo: () => Promise<AppInfo>;
  clock?: () => Date;
  disk?: Disk;
};

const extensions = { csv: "csv", json: "json", graphml: "graphml", gexf: "gexf", html: "html" } as const;

export type LocalBackend = Backend & {
  /** The files written so far, by path (for tests and the browser's downloads). */
  readonly disk: Disk;
};

export function createLocalBackend(options: LocalBackendOptions): LocalBackend {
  const clock = options.clock ?? (() => new Date());
  const store = new LocalDossier({ clock, disk: options.disk });
  let started: Promise<void> | null = null;

  /** The sample dossier is loaded on first use, once. */
  function ready(): Promise<void> {
    started ??= options.sample().then((articles) => {
      store.reset(articles, { path: null, name: null, sample: true });
    });
    return started;
  }

  async function run<T>(work: () => T | Promise<T>): Promise<T> {
    await ready();
    return work();
  }

  return {
    disk: store.disk,
    appInfo: () => options.appInfo(),
    dossier: () => run(() => store.view()),
    newDossier: () => run(() => store.newDossier()),
    openDossier: (path) =>
      run(() => (path === null ? fail("not_available", "There is no file dialog here: choose a recent dossier.") : store.open(path))),
    saveDossierAs: (path) => run(() => store.saveAs(path ?? `${store.exportStem()}.lagebild`)),
    recentDossiers: () => run(() => store.recentDossiers()),
    article: (id) => run(() => store.article(id)),
    importArticle: (source) =>
      run(async () => {
        const briefing = await options.analyse(source);
        return store.importArticle(source.name, briefing);
      }),
    removeArticle: (id) => run(() => store.removeArticle(id)),
    correct: (correction) => run(() => store.correct(correction)),
    undo: () => run(() => store.undo()),
    redo: () => run(() => store.redo()),
    auditLog: () => run(() => store.auditLog()),
    exportData: (format, scope, language, path) =>
      run(() => {
        const text = exportText(store.view(), { format, scope, language }, isoDay(clock()));
        const name = format === "html" ? `${store.exportStem()}-briefing.html` : `${store.exportStem()}.${extensions[format]}`;
        return store.writeExport(path, name, text);
      }),
    renderFigure: (request, path) =>
      run(async () => {
        const { svg, size } = figureSvg(store.view(), request, isoDay(clock()));
        const content = request.format === "svg" ? svg : await rasterise(svg, size);
        return store.writeExport(path, `${store.exportStem()}-${request.kind}.${request.format}`, content);
      }),
  };
}
