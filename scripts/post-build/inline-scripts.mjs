// Stage 11: a release's index.html must hold no inline script, so that its strict
// Content-Security-Policy (no 'unsafe-inline') cannot be broken by a later change
// unnoticed. `trunk serve` adds its own inline live-reload script to development builds
// (the policy blocks it, and only reloading by hand is lost), so those are let through.
export async function run(build) {
  const inline = [...build.page.matchAll(/<script\b([^>]*)>/g)].filter(([, attributes]) => !/\bsrc=/.test(attributes));
  if (inline.length > 0 && build.release) build.fail(`index.html has ${inline.length} inline script(s); the Content-Security-Policy forbids them`);
}
