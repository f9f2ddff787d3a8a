// What the room server's and the lead endpoint's stages share: an address given in the
// build's environment, read or refused with its variable's name, and its origin allowed in
// the page's Content-Security-Policy (connect-src), beside the page's own.

/** The address in the environment variable `variable`, or the build fails naming it. */
export function addressFrom(build, variable) {
  const given = process.env[variable];
  try {
    return new URL(given);
  } catch {
    build.fail(`${variable}=${given} is not an address`);
  }
}

/** Allows `origin` in index.html's connect-src; `what` names it if the policy has none. */
export function allowConnect(build, origin, what) {
  const policy = /(content="[^"]*connect-src 'self')([^"]*")/;
  if (!policy.test(build.page)) build.fail(`index.html's policy has no connect-src 'self' to add ${what} to`);
  build.page = build.page.replace(policy, `$1 ${origin}$2`);
}
