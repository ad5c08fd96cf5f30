/**
 * Entry point: sets the palette as CSS custom properties and mounts the app.
 */
import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { applyPalette } from "./lib/palette";

applyPalette(document.documentElement);

const target = document.getElementById("app");
if (!target) throw new Error("The page has no #app element.");

export default mount(App, { target });
