import { describe, expect, it } from "vitest";
import type { ArticleSummary, ImportSource } from "./backend/contract";
import { fileSource, isArticleFile, runImports, textSource, type ImportProgress } from "./import-queue";
import { articleSummary } from "./testing";

const summary = (name: string) => articleSummary(name, name);

/** A backend step that refuses texts containing "bad". */
async function importOne(source: ImportSource): Promise<ArticleSummary> {
  const text = source.kind === "text" ? source.text : new TextDecoder().decode(source.bytes);
  if (text.includes("bad")) throw { code: "binary", message: `${source.name} is bad` };
  return summary(source.name);
}

describe("import queue", () => {
  it("gives each source its own result or error and goes on after a failure", async () => {
    const progress: ImportProgress[] = [];
    const outcomes = await runImports([textSource("one", "fine"), textSource("two", "bad"), textSource("three", "fine")], importOne, {
      onProgress: (p) => progress.push(p),
    });
    expect(outcomes.map((o) => o.status)).toEqual(["imported", "failed", "imported"]);
    expect(outcomes[1]).toMatchObject({ name: "two", error: { code: "binary", message: "two is bad" } });
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it("stops between two sources when cancelled, and marks the rest cancelled", async () => {
    const controller = new AbortController();
    const outcomes = await runImports([textSource("a", "fine"), textSource("b", "fine"), textSource("c", "fine")], importOne, {
      signal: controller.signal,
      onProgress: (p) => p.done === 1 && controller.abort(),
    });
    expect(outcomes.map((o) => o.status)).toEqual(["imported", "cancelled", "cancelled"]);
  });

  it("reads a file only on its turn, and a file that cannot be read fails alone", async () => {
    const read: string[] = [];
    const file = (name: string, body: string | null) => ({
      name,
      arrayBuffer: async () => {
        read.push(name);
        if (body === null) throw new Error("gone");
        return new TextEncoder().encode(body).buffer as ArrayBuffer;
      },
    });
    const sources = [fileSource(file("x.txt", "fine")), fileSource(file("y.txt", null)), fileSource(file("z.txt", "fine"))];
    expect(read).toEqual([]);
    const outcomes = await runImports(sources, importOne);
    expect(read).toEqual(["x.txt", "y.txt", "z.txt"]);
    expect(outcomes.map((o) => o.status)).toEqual(["imported", "failed", "imported"]);
    expect(outcomes[1]).toMatchObject({ error: { code: "unreadable" } });
  });

  it("takes articles from a folder, not images or hidden files", () => {
    expect(["a.txt", "b.MD", "c.html", "d.htm", "dir/e.markdown"].every(isArticleFile)).toBe(true);
    expect(["photo.jpg", ".DS_Store", "dir/.hidden.txt", "notes.docx", "txt"].some(isArticleFile)).toBe(false);
  });
});
