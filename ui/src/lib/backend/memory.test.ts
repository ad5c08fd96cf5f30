import { describe, expect, it } from "vitest";
import { createMemoryBackend, splitSentences } from "./memory";
import { version } from "../../../package.json";

describe("in-memory backend", () => {
  it("splits sentences on '. '", () => {
    const t = "First one. Second one.  Third";
    expect(splitSentences(t).map(([s, e]) => t.slice(s, e))).toEqual(["First one.", "Second one.", "Third"]);
  });

  it("serves the fixture dossier with UTF-16 offsets", async () => {
    const docs = await createMemoryBackend().sampleDossier();
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) expect(d.briefing.offsets).toBe("utf16");
  });

  it("analyses text and rejects empty or binary input with an ApiError", async () => {
    const b = createMemoryBackend();
    const briefing = await b.analyseText("x", "One. Two.");
    expect(briefing.sentences).toEqual([
      [0, 4],
      [5, 9],
    ]);
    await expect(b.analyseText("x", "  ")).rejects.toMatchObject({ code: "empty" });
    await expect(b.analyseFile("x.bin", [1, 0, 2])).rejects.toMatchObject({ code: "binary" });
    await expect(b.analyseFile("x.txt", [0xff, 0xfe, 0x41])).rejects.toMatchObject({ code: "encoding" });
    const fromFile = await b.analyseFile("x.txt", [...new TextEncoder().encode("Grüße. Tschüss.")]);
    expect(fromFile.text).toBe("Grüße. Tschüss.");
  });

  it("reports the package version", async () => {
    expect(await createMemoryBackend().appInfo()).toEqual({ name: "Lagebild", version });
  });
});
