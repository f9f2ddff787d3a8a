// Stage 3: what other sites load by URLs that never change, told this build's names:
// - embed.js, which defines <customer-value-calculator> and mounts containers, given the
//   hashed names of the embed entry's JS and main module and the stylesheet, and the
//   element's attributes (from the Rust code: crates/core/src/codec/attributes.rs);
// - frame.js, the host page's listener for the iframe embed;
// - customer-value-calculator.d.ts, the element's TypeScript declarations (the element in
//   HTMLElementTagNameMap, its attributes and properties, the events' detail, and the JSX
//   intrinsic element for React), and custom-elements.json, its Custom Elements Manifest,
//   both written from the same facts so that they cannot drift from the element.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { facts } from "./facts.mjs";
import { minified } from "./minify.mjs";


/** What an attribute holds, in words, for the declarations. */
function describe(name, fields) {
  const key = name.replaceAll("-", "_");
  const field = fields.find((field) => field.name === key);
  if (field) return `${field.name}: ${field.unit}, ${field.min} to ${field.max} (default ${field.default}); rates as fractions, as in the scenario file.`;
  if (key.endsWith("_range")) return `The uncertainty range of ${key.slice(0, -6)}: "LOW..HIGH".`;
  if (key.endsWith("_varies")) return `Whether ${key.slice(0, -7)} varies in the Monte Carlo: "1" or "0".`;
  return {
    lang: 'The language: "he" or "en" (by default the visitor\'s).',
    currency: "An ISO 4217 currency code, such as ILS, USD or EUR.",
    preset: "An example business to start from: small-service-israel, retail-shop, b2b-services, subscription.",
    show: '"full" (the default: inputs, answers and charts) or "headline" (the answers only).',
    accent: "A CSS colour for the accent (#0b5cad, rgb(…), hsl(…), or a colour name).",
    count_after_horizon: '"true" or "false": count what customers still there bring after the last year.',
    monte_carlo_draws: "Monte Carlo draws, 1 to 20000.",
    "data-layer": "Present: each change is also pushed to window.dataLayer (business figures only).",
    "lead-form": "A selector of one <form> of the page: its hidden cv_* fields get the figures, the link and the attribution (README.md, \"Leads\").",
    "lead-endpoint": "An https address: a capture form after the answers posts each lead there as JSON (README.md, \"Leads\").",
    "lead-consent": "The required consent's text, in every language (lead-consent-he, lead-consent-en: in one).",
    "lead-marketing": "The separate marketing consent's text, in every language (lead-marketing-he, lead-marketing-en: in one).",
    variant: "A name for this set-up, sent with each lead and its dataLayer entry, to compare two set-ups.",
    consent: '"denied" holds dataLayer entries until the visitor consents; "granted" lets them go (the current state once, then each change). Events to the page are never held.',
  }[name] ?? (name.startsWith("lead-consent-") ? `The required consent's text in ${name.slice(13)}.` : name.startsWith("lead-marketing-") ? `The marketing consent's text in ${name.slice(15)}.` : "");
}

function declarations(TAG, events, attributes, fields, figures) {
  const [ready, change, lead] = events;
  // Attributes are strings in HTML; JSX may give a number (lifetime-profit={45000}) or, for
  // a presence attribute, true.
  const names = attributes.map((name) => `  "${name}"?: string | number | boolean;`).join("\n");
  return `// TypeScript declarations for <${TAG}> (written by the build; see README.md "Embedding").
// The npm package names them in its package.json; a page that loads the element from its
// own folder can copy this file into its project.

/** A scenario as the command-line tool reads it (model.md's field names; rates as fractions). */
export interface CustomerValueScenario {
  schema_version?: number;
  currency?: string;
${fields.map((field) => `  ${field.name}?: number${field.name === "profit_margin" ? " | null" : ""};`).join("\n")}
  count_after_horizon?: boolean;
  monte_carlo_draws?: number;
  uncertainty?: Record<string, { low?: number; high?: number; varies?: boolean } | null>;
}

/** The results, with the command-line tool's names; null where the model gives no figure. */
export interface CustomerValueResults {
  word_of_mouth_now: number;
  word_of_mouth_invest: number;
${figures.map((name) => `  ${name}: number | null;`).join("\n")}
  /** Why each null figure is null (a reason's name, such as "word_of_mouth_unbounded"). */
  null_reasons: Record<string, string>;
}

/** The detail of ${ready} and ${change}. */
export interface CustomerValueEventDetail {
  version: 1;
  scenario: CustomerValueScenario;
  results: CustomerValueResults;
  link: string;
}

/** The detail of ${lead}: the figures sent and where the visitor came from (never the contact). */
export interface CustomerValueLeadDetail extends CustomerValueEventDetail {
  attribution: { referrer: string; variant: string | null; [utm: string]: string | null };
}

/** The element's attributes (strings in HTML; a number or a presence in JSX). */
export interface CustomerValueCalculatorAttributes {
  loading?: "lazy" | "eager";
  /** The calculator's own page, for its share link and "Open the full calculator". */
  "calculator-page"?: string;
${names}
}

export interface CustomerValueCalculatorElement extends HTMLElement {
  /** The scenario on screen; set it to apply an object field by field. */
  scenario: CustomerValueScenario | null;
  /** Analytics consent, reflected to the consent attribute: "denied" holds dataLayer entries. */
  consent: "granted" | "denied" | null;
  /** The results on screen (read-only). */
  readonly results: CustomerValueResults | null;
  /** The share link of what is on screen (read-only). */
  readonly link: string | null;
}

declare global {
  interface HTMLElementTagNameMap {
    "${TAG}": CustomerValueCalculatorElement;
  }
  // The events bubble and cross the shadow root: the document and the window hear them too.
  interface CustomerValueCalculatorEventMap {
    "${ready}": CustomEvent<CustomerValueEventDetail>;
    "${change}": CustomEvent<CustomerValueEventDetail>;
    "${lead}": CustomEvent<CustomerValueLeadDetail>;
  }
  interface HTMLElementEventMap extends CustomerValueCalculatorEventMap {}
  interface DocumentEventMap extends CustomerValueCalculatorEventMap {}
  interface WindowEventMap extends CustomerValueCalculatorEventMap {}
  namespace JSX {
    interface IntrinsicElements {
      "${TAG}": CustomerValueCalculatorAttributes & { [attribute: string]: unknown };
    }
  }
}

// React 19 sets an element's properties (scenario, consent) and adds a listener for an
// on<event> prop. Written without React's own types, so that a project without them still
// type-checks this file; hyphenated attributes (aria-*, data-*) need no declaration.
declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "${TAG}": Omit<CustomerValueCalculatorAttributes, "consent"> & {
        ref?: unknown;
        key?: string | number | bigint | null;
        children?: unknown;
        id?: string;
        class?: string;
        className?: string;
        style?: unknown;
        hidden?: boolean;
        title?: string;
        slot?: string;
        role?: string;
        tabIndex?: number;
        suppressHydrationWarning?: boolean;
        scenario?: CustomerValueScenario | null;
        consent?: "granted" | "denied" | null;
        "on${ready}"?: (event: CustomEvent<CustomerValueEventDetail>) => void;
        "on${change}"?: (event: CustomEvent<CustomerValueEventDetail>) => void;
        "on${lead}"?: (event: CustomEvent<CustomerValueLeadDetail>) => void;
        [handler: \`on\${Capitalize<string>}\`]: ((event: any) => void) | undefined;
      };
    }
  }
}
`;
}

function manifest(TAG, events, attributes, fields) {
  const [ready, change, lead] = events;
  const event = (name, description) => ({ name, type: { text: "CustomEvent<CustomerValueEventDetail>" }, description });
  return {
    schemaVersion: "1.0.0",
    readme: "README.md",
    modules: [
      {
        kind: "javascript-module",
        path: "embed.js",
        declarations: [
          {
            kind: "class",
            name: "CustomerValueCalculator",
            tagName: TAG,
            customElement: true,
            description: "What poor customer service costs a small business, and what investing in service returns.",
            attributes: [{ name: "loading", type: { text: '"lazy" | "eager"' }, description: "lazy: mounted only once the element comes within a screen of the viewport." }, { name: "calculator-page", type: { text: "string" }, description: "The calculator's own page (an http(s) address), for the share link and \"Open the full calculator\"; by default the folder the element's files are served from." }, ...attributes.map((name) => ({ name, type: { text: "string" }, description: describe(name, fields) }))],
            members: [
              { kind: "field", name: "scenario", type: { text: "CustomerValueScenario | null" }, description: "The scenario on screen, as the command-line tool reads it; set an object to apply it field by field." },
              { kind: "field", name: "results", type: { text: "CustomerValueResults | null" }, readonly: true, description: "The results on screen, with the command-line tool's names." },
              { kind: "field", name: "link", type: { text: "string | null" }, readonly: true, description: "The share link of what is on screen." },
              { kind: "field", name: "consent", type: { text: '"granted" | "denied" | null' }, description: "Analytics consent, reflected to the consent attribute: \"denied\" holds dataLayer entries until it is granted." },
            ],
            events: [event(ready, "Once, when the calculator shows its first answer."), event(change, "After each edit, once typing pauses."), { ...event(lead, "When a visitor's lead is delivered (or the host's own lead-form is sent): the figures and the attribution, never the contact."), type: { text: "CustomEvent<CustomerValueLeadDetail>" } }],
            slots: [{ name: "", description: "What shows until the calculator has drawn (and where scripts do not run): a fallback, such as a link to the calculator's page." }],
            cssProperties: [
              { name: "--cvc-accent", description: "The accent colour (buttons, links, the gain); the accent attribute, when set, wins." },
              { name: "--cvc-accent-dark", description: "The accent colour in dark mode." },
              { name: "--cvc-font-family", description: "The font; inherit uses the host page's." },
              { name: "--cvc-radius", description: "The corner radius of cards and fields." },
              { name: "--cvc-background", description: "The calculator's background." },
              { name: "--cvc-surface", description: "The background of its cards and panels." },
              { name: "--cvc-text", description: "The text colour." },
              { name: "--cvc-background-dark", description: "The background in dark mode." },
              { name: "--cvc-surface-dark", description: "The cards' background in dark mode." },
              { name: "--cvc-text-dark", description: "The text colour in dark mode." },
            ],
            cssParts: [
              { name: "calculator", description: "The whole calculator." },
              { name: "answers", description: "The answers: the cards and the sentence." },
              { name: "form", description: "The inputs." },
              { name: "charts", description: "The charts." },
              { name: "notice", description: "What a setting had that was not taken." },
              { name: "footer", description: "The link to the full calculator and the privacy line." },
              { name: "tools", description: "The tools bar (on the calculator's own page only)." },
            ],
          },
        ],
        exports: [{ kind: "custom-element-definition", name: TAG, declaration: { name: "CustomerValueCalculator", module: "embed.js" } }],
      },
    ],
  };
}

export async function run(build) {
  const { element_attributes: scenarioAttributes, fields, frame, element: named, result_figures: figures } = facts(build);
  const TAG = named.tag;
  if (frame.events.length !== 3) build.fail(`the declarations name three events; the Rust code has ${frame.events.join(", ")}`);
  // The element's own attributes and lead capture's (crates/core/src/leads.rs).
  const attributes = [...scenarioAttributes, ...frame.lead.attributes, frame.consent];
  const { css, embedJs, embedWasm } = build.names;
  const names = { __EMBED_JS__: embedJs, __EMBED_WASM__: embedWasm, __CSS__: css, __ELEMENT_ATTRIBUTES__: JSON.stringify(attributes), __ELEMENT_TAG__: JSON.stringify(named.tag), __ELEMENT_MARKER__: JSON.stringify(named.marker) };
  let loader = readFileSync(join(build.source, "web/embed.js"), "utf8");
  for (const [placeholder, name] of Object.entries(names)) loader = loader.replaceAll(placeholder, name);
  writeFileSync(join(build.staging, "embed.js"), await minified(build, loader));
  const frameJs = readFileSync(join(build.source, "web/frame.js"), "utf8").replaceAll("__FRAME_FACTS__", JSON.stringify(frame));
  writeFileSync(join(build.staging, "frame.js"), await minified(build, frameJs));
  writeFileSync(join(build.staging, `${TAG}.d.ts`), declarations(TAG, frame.events, attributes, fields, figures));
  writeFileSync(join(build.staging, "custom-elements.json"), `${JSON.stringify(manifest(TAG, frame.events, attributes, fields), null, 2)}\n`);
}
