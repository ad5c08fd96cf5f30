import { describe, expect, it } from "vitest";
import { de } from "./de";
import { en } from "./en";
import { isMessageKey, pickLocale, translate, translatePlural } from "./index";
import { formatMonth, formatSigned, formatSize, formatWhen } from "./format";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n", () => {
  it("follows the system's first language it speaks, English otherwise", () => {
    expect(pickLocale(["de-DE", "en-US"])).toBe("de");
    expect(pickLocale(["fr-FR", "de-AT"])).toBe("de");
    expect(pickLocale(["en-GB"])).toBe("en");
    expect(pickLocale(["de_CH.UTF-8"])).toBe("de");
    // WebKitGTK under LANG=C reports "C".
    expect(pickLocale(["C"])).toBe("en");
    expect(pickLocale([])).toBe("en");
  });

  it("has every string in both languages, none empty, with the same placeholders", () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(de[key].trim(), key).not.toBe("");
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("en", "filter.actor", { name: "Russia" })).toBe("Events involving Russia");
    expect(translate("de", "filter.actor", { name: "Russland" })).toBe("Ereignisse mit Russland");
    expect(translate("en", "filter.actor")).toBe("Events involving {name}");
  });

  it("chooses the plural form by count", () => {
    expect(translatePlural("en", "count.events", 1)).toBe("1 event");
    expect(translatePlural("en", "count.events", 3)).toBe("3 events");
    expect(translatePlural("de", "count.events", 1)).toBe("1 Ereignis");
    expect(translatePlural("de", "count.events", 0)).toBe("0 Ereignisse");
  });

  it("names every event type, quad, modality and error code", () => {
    for (const key of ["type.FIGHT", "quad.verbal_conflict", "modality.negated", "error.not_available", "action.split_actor"]) {
      expect(isMessageKey(key), key).toBe(true);
    }
    expect(isMessageKey("type.NOPE")).toBe(false);
  });
});

describe("formatting", () => {
  it("writes dates in each language, as precise as they are", () => {
    expect(formatWhen("2024-06-19", "en")).toBe("19 June 2024");
    expect(formatWhen("2024-06-19", "de")).toBe("19. Juni 2024");
    expect(formatWhen("2024-08", "de", "START")).toBe("Anfang August 2024");
    expect(formatWhen("2024-08", "en", "START")).toBe("early August 2024");
    expect(formatWhen("2023", "en")).toBe("2023");
    expect(formatWhen(null, "de")).toBe("undatiert");
    expect(formatMonth("2024-09", "de")).toMatch(/^Sept?\.? 2024$/);
  });

  it("signs numbers and sizes files", () => {
    expect(formatSigned(3.5, "en")).toBe("+3.5");
    expect(formatSigned(-7.2, "de")).toBe("−7,2");
    expect(formatSigned(0, "en")).toBe("0");
    expect(formatSize(812, "en")).toBe("812 B");
    expect(formatSize(14_300, "en")).toBe("14.3 kB");
    expect(formatSize(2_345_678, "de")).toBe("2,3 MB");
  });
});
