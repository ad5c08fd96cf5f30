/**
 * Imports several articles one after the other, each with its own result or
 * error, reporting progress after each and stopping between two when the
 * analyst cancels. Files are read only when their turn comes, so a large
 * folder does not sit in memory at once. Framework-free, unit tested.
 */
import type { ArticleSummary, ImportSource, WorkbenchError } from "./backend/contract";
import { toWorkbenchError } from "./backend";

/** A source still to be read: a pasted text, or a file whose bytes are read on its turn. */
export type PendingSource = { name: string; read: () => Promise<ImportSource> };

export type ImportOutcome =
  | { name: string; status: "imported"; article: ArticleSummary }
  | { name: string; status: "failed"; error: WorkbenchError }
  | { name: string; status: "cancelled" };

export type ImportProgress = { done: number; total: number; last: ImportOutcome };

export type ImportOptions = {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
};

/** Runs the imports in order; the outcomes come back in the sources' order. */
export async function runImports(
  sources: readonly PendingSource[],
  importOne: (source: ImportSource) => Promise<ArticleSummary>,
  options: ImportOptions = {},
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [i, pending] of sources.entries()) {
    let outcome: ImportOutcome;
    if (options.signal?.aborted) {
      outcome = { name: pending.name, status: "cancelled" };
    } else {
      try {
        const source = await pending.read();
        outcome = { name: pending.name, status: "imported", article: await importOne(source) };
      } catch (e) {
        outcome = { name: pending.name, status: "failed", error: toWorkbenchError(e) };
      }
    }
    outcomes.push(outcome);
    options.onProgress?.({ done: i + 1, total: sources.length, last: outcome });
  }
  return outcomes;
}

/** A file as a pending source: read as bytes on its turn; a read error is the file's own error. */
export function fileSource(file: Pick<File, "name" | "arrayBuffer">, name = file.name): PendingSource {
  return {
    name,
    read: async () => {
      try {
        return { kind: "file", name, bytes: new Uint8Array(await file.arrayBuffer()) };
      } catch {
        throw { code: "unreadable", message: `${name} could not be read.` } satisfies WorkbenchError;
      }
    },
  };
}

export function textSource(name: string, text: string): PendingSource {
  return { name, read: async () => ({ kind: "text", name, text }) };
}

/** Whether a file in a folder looks like an article (.txt, .md, .html, .htm), not hidden. */
export function isArticleFile(name: string): boolean {
  const base = name.split("/").pop() ?? name;
  return !base.startsWith(".") && /\.(txt|md|markdown|html?)$/i.test(base);
}
