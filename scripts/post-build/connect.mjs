// What the room server's and the lead endpoint's stages share: an address given in the
// build's environment, read or refused with its variable's name, held to one rule of where
// figures may go, and its origin allowed in the page's Content-Security-Policy
// (connect-src), beside the page's own.

/** The address in the environment variable `variable`, or the build fails naming it. */
export function addressFrom(build, variable) {
  const given = process.env[variable];
  try {
    return new URL(given);
  } catch {
    build.fail(`${variable}=${given} is not an address`);
  }
}

/** Whether figures may be sent to `url`: over https://, or over plain http:// only to this
 * computer (localhost, 127.0.0.1, [::1] and *.localhost, which browsers hold to be secure
 * contexts), for development. The same rule as the element's lead endpoint
 * (cvc_core::leads::endpoint_allowed), so that the room server and a lead's receiver are
 * held to one. */
export function secureOrLocal(url) {
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) || url.hostname.endsWith(".localhost");
  return url.protocol === "https:" || (url.protocol === "http:" && local);
}

/** Allows `origin` in index.html's connect-src; `what` names it if the policy has none. */
export function allowConnect(build, origin, what) {
  const policy = /(content="[^"]*connect-src 'self')([^"]*")/;
  if (!policy.test(build.page)) build.fail(`index.html's policy has no connect-src 'self' to add ${what} to`);
  build.page = build.page.replace(policy, `$1 ${origin}$2`);
}
