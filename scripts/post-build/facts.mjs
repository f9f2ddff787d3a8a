// What the stages need from the Rust code, printed once by crates/cli/src/build_facts.rs
// (a native build): the static answers at first paint, the rules first-paint.js follows,
// the custom element's attributes, and the scenario fields.
import { execFileSync } from "node:child_process";

export function facts(build) {
  if (!build.facts) {
    // A native build: the wasm build's standard-library flags must not reach it.
    const env = { ...process.env };
    for (const name of Object.keys(env)) if (name.startsWith("CARGO_UNSTABLE_") || name === "RUSTC_BOOTSTRAP" || name.startsWith("CARGO_TARGET_WASM32")) delete env[name];
    const output = execFileSync("cargo", ["run", "--quiet", "-p", "cvc-cli", "--bin", "build-facts"], { cwd: build.source, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    build.facts = JSON.parse(output);
  }
  return build.facts;
}
