/**
 * The one place for every colour of the UI. Okabe–Ito (colour-blind safe):
 * blue for cooperation, vermillion for conflict, and one hue per actor kind.
 * Charts read these constants directly; CSS reads them as custom properties
 * that `applyPalette` sets on the document root.
 */
import type { ActorKind, Quad } from "./bindings";

export type Polarity = "cooperation" | "conflict";

export const polarityColour: Record<Polarity, string> = {
  cooperation: "#0072B2",
  conflict: "#D55E00",
};

export const kindColour: Record<ActorKind, string> = {
  state: "#009E73",
  organization: "#E69F00",
  person: "#CC79A7",
  group: "#F0E442",
};

export const ui = {
  ink: "#1d2430",
  muted: "#5f6b7a",
  line: "#d5dae1",
  surface: "#ffffff",
  canvas: "#f3f5f8",
  accent: "#0072B2",
  member: "#8a94a3",
  sentence: "#F0E44266",
  sentenceStrong: "#F0E442",
  focus: "#000000",
  error: "#D55E00",
  errorTint: "#D55E0014",
  backdrop: "#1d243059",
  shadow: "#1d243026",
  period: "#56B4E9",
  periodTint: "#56B4E92e",
  warning: "#E69F00",
  warningTint: "#E69F0024",
} as const;

/** Cooperation or conflict, from the CAMEO quad class. */
export function polarityOf(quad: Quad): Polarity {
  return quad.endsWith("cooperation") ? "cooperation" : "conflict";
}

/** A colour with an alpha channel (0–1), as 8-digit hex. */
export function tint(hex: string, alpha: number): string {
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
  return hex.slice(0, 7) + a.toString(16).padStart(2, "0");
}

/** The palette as CSS custom properties (`--coop`, `--kind-state`, …). */
export function cssVariables(): Record<string, string> {
  const vars: Record<string, string> = {
    "--coop": polarityColour.cooperation,
    "--coop-tint": tint(polarityColour.cooperation, 0.14),
    "--conflict": polarityColour.conflict,
    "--conflict-tint": tint(polarityColour.conflict, 0.14),
  };
  for (const [kind, colour] of Object.entries(kindColour)) {
    vars[`--kind-${kind}`] = colour;
    vars[`--kind-${kind}-tint`] = tint(colour, 0.3);
  }
  for (const [name, colour] of Object.entries(ui)) vars[`--${name.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())}`] = colour;
  return vars;
}

/** Sets the palette's custom properties on an element (CSSOM, so CSP-safe). */
export function applyPalette(root: HTMLElement): void {
  for (const [name, value] of Object.entries(cssVariables())) root.style.setProperty(name, value);
}
