import { describe, expect, it } from "vitest";
import { createMemoryBackend, decodeText, guessLanguage, htmlText, splitSentences, standInBriefing } from "./memory";
import { version } from "../../../package.json";

const bytes = (...xs: number[]) => new Uint8Array(xs);

describe("in-memory backend", () => {
  it("splits sentences on '. '", () => {
    const t = "First one. Second one.  Third";
    expect(splitSentences(t).map(([s, e]) => t.slice(s, e))).toEqual(["First one.", "Second one.", "Third"]);
  });

  it("decodes UTF-8, UTF-16 with a byte order mark and Windows-1252, and refuses binary data", () => {
    expect(decodeText("a.txt", new TextEncoder().encode("Grüße."))).toBe("Grüße.");
    expect(decodeText("b.txt", bytes(0xff, 0xfe, 0x47, 0x00, 0xfc, 0x00))).toBe("Gü");
    expect(decodeText("c.txt", bytes(0xfe, 0xff, 0x00, 0x47, 0x00, 0xfc))).toBe("Gü");
    // German from Windows: "Grüße" in Windows-1252 is not valid UTF-8.
    expect(decodeText("d.txt", bytes(0x47, 0x72, 0xfc, 0xdf, 0x65))).toBe("Grüße");
    expect(() => decodeText("e.bin", bytes(0x89, 0x00, 0x01))).toThrow(expect.objectContaining({ code: "binary" }));
    expect(() => decodeText("f.txt", bytes(0xff, 0xfe, 0x41))).toThrow(expect.objectContaining({ code: "encoding" }));
    expect(() => decodeText("g.txt", bytes())).toThrow(expect.objectContaining({ code: "empty" }));
  });

  it("keeps the readable text of a page, without scripts, navigation or tags", () => {
    const page = "<html><head><style>p{}</style><script>x()</script></head><body><nav>Home | News</nav><h1>Title</h1><p>One &amp; two.</p><footer>©</footer></body></html>";
    expect(htmlText(page)).toBe("Title\nOne & two.");
  });

  it("tells German from English by their common words", () => {
    expect(guessLanguage("Die Truppen und der Krieg mit Russland")).toBe("de");
    expect(guessLanguage("The troops and the war with Russia")).toBe("en");
  });

  it("marks the actors it knows by whole words, the longer name first", () => {
    const known = [
      { id: "north_korea", name: "North Korea", kind: "state" as const, member_of: null, forms: ["North Korean", "North Korea"] },
      { id: "korea", name: "Korea", kind: "state" as const, member_of: null, forms: ["Korea"] },
    ];
    const text = "North Korean troops. Korea. Koreans.";
    const b = standInBriefing(text, known);
    expect(b.actors.map((a) => [a.id, a.mentions.map(([s, e]) => text.slice(s, e))])).toEqual([
      ["north_korea", ["North Korean"]],
      ["korea", ["Korea"]],
    ]);
    expect(b.events).toEqual([]);
    expect(() => standInBriefing("   ")).toThrow(expect.objectContaining({ code: "empty" }));
  });

  it("imports a pasted text with the fixture's actors found in it, and reports the package version", async () => {
    const b = createMemoryBackend();
    const summary = await b.importArticle({ kind: "text", name: "x", text: "Nordkorea schickt Truppen nach Russland. Die NATO warnt." });
    expect(summary).toMatchObject({ language: "de", actor_count: 3 });
    const article = await b.article(summary.id);
    expect(article.briefing.actors.map((a) => a.id).sort()).toEqual(["nato", "north_korea", "russia"]);
    await expect(b.importArticle({ kind: "file", name: "x.bin", bytes: bytes(1, 0, 2) })).rejects.toMatchObject({ code: "binary" });
    const page = await b.importArticle({ kind: "file", name: "p.html", bytes: new TextEncoder().encode("<p>China &amp; Japan.</p>") });
    expect((await b.article(page.id)).briefing.text).toBe("China & Japan.");
    expect(await b.appInfo()).toEqual({ name: "Lagebild", version });
  });
});
