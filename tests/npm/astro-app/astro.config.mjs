// Astro renders the page on the server at build time; the calculator defines itself in the
// browser.
import { defineConfig } from "astro/config";

export default defineConfig({});
