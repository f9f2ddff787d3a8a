// The room API against a real server process, on a real database: create, join, replace,
// withdraw, the five-participant rule, the summary against the command-line tool's own
// figures for the same scenarios, 401/404/409/410, rate and size limits, hostile bodies,
// the stream, CORS, the bundle's hosting rules, logs without figures, and a graceful stop.
// Run once on SQLite and once on PostgreSQL (tests/rooms/run.mjs).
import { existsSync } from "node:fs";
import { assert, check, cliFor, close } from "../e2e/harness.mjs";
import { spawnSync } from "node:child_process";
import { connect } from "node:net";
import { binary, openStream, participantId, someFigures, startServer, until } from "./servers.mjs";

export const FIGURES = ["yearly_cost_of_poor_service", "unhappy_customer_cost", "npv_gain", "roi", "payback_month", "break_even_budget_per_year"];

/** JSON to and from the server. */
export async function call(url, method, path, { body, token, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers["content-type"] = "application/json";
  }
  const answer = await fetch(`${url}${path}`, init);
  const text = await answer.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: answer.status, json, text, headers: answer.headers };
}

export async function openRoom(url, name = "Workshop") {
  const answer = await call(url, "POST", "/api/rooms", { body: { name } });
  assert(answer.status === 201, `a room: ${answer.status} ${answer.text}`);
  return answer.json;
}

/** A raw connection to the server at `url`, recording what it answers and when it closes. */
function rawConnection(url) {
  const socket = connect(Number(new URL(url).port), "127.0.0.1");
  const opened = Date.now();
  const seen = { socket, text: "", closed: false, error: null, gaveUp: false, seconds: Infinity };
  socket.on("data", (chunk) => (seen.text += chunk));
  socket.on("error", (error) => (seen.error = error));
  socket.on("close", () => {
    seen.closed = true;
    if (!seen.gaveUp) seen.seconds = (Date.now() - opened) / 1000;
  });
  return seen;
}

/**
 * Sends `head` on a raw connection and waits until the server lets the connection go, or
 * until `giveUpMs` (then its `seconds` stay Infinity). A socket error fails the check.
 */
async function sentUntilLetGo(url, head, giveUpMs) {
  const seen = rawConnection(url);
  seen.socket.write(head);
  await until(() => seen.closed, { timeout: giveUpMs, what: "the connection let go" }).catch(() => {
    seen.gaveUp = true;
    seen.socket.destroy();
  });
  if (seen.error) throw seen.error;
  return seen;
}

/** Percentiles by linear interpolation between the closest ranks, as the server's. */
function spreadOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction) => {
    const position = fraction * (sorted.length - 1);
    const below = Math.floor(position);
    const above = Math.ceil(position);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  };
  return { count: sorted.length, sum: sorted.reduce((a, b) => a + b, 0), min: sorted[0], p10: at(0.1), median: at(0.5), p90: at(0.9), max: sorted.at(-1) };
}

/** The scenarios six businesses send, and what the command-line tool says of each. */
const BUSINESSES = [
  { lifetime_profit: 45000, currency: "ILS" },
  { lifetime_profit: 20000, acquisition_cost: 1500 },
  { lifetime_profit: 90000, referrals_per_happy: 0.5, lost_per_unhappy: 1.2 },
  { service_budget_per_year: 200000 },
  { unhappy_share_now: 0.15, unhappy_share_invest: 0.3 },
  { lifetime_profit: 12000, new_customers_per_year: 400, horizon_years: 2, count_after_horizon: false },
];

export async function run({ label, database, dist }) {
  const server = await startServer(database, ["--max-participants", "7", "--dist", dist]);
  const { url } = server;
  const expected = BUSINESSES.map((scenario) => cliFor(scenario));
  try {
    let room;
    await check(`${label}: POST /api/rooms opens a room with a short code, a long token and a join link`, async () => {
      room = await openRoom(url, "Haifa, customer service workshop");
      assert(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/.test(room.code), room.code);
      assert(typeof room.presenter_token === "string" && room.presenter_token.length >= 40, "a long token");
      assert(room.join_link === `${url}/?room=${room.code}`, room.join_link);
      const expires = Date.parse(room.expires_at) - Date.now();
      assert(Math.abs(expires - 4 * 3600e3) < 60e3, `expires in 4 hours: ${room.expires_at}`);
      const status = await call(url, "GET", `/api/rooms/${room.code.toLowerCase()}`);
      assert(status.status === 200 && status.json.participants === 0 && status.json.name === "Haifa, customer service workshop" && status.json.revealed === false, status.text);
      for (const [body, why] of [["{", "not JSON"], [{ name: 5 }, "a number for a name"], [{ name: "x".repeat(81) }, "a long name"]]) {
        const refused = await call(url, "POST", "/api/rooms", { body });
        assert(refused.status === 400 && typeof refused.json?.error === "string", `${why}: ${refused.status} ${refused.text}`);
      }
    });

    const phones = Array.from({ length: 7 }, (_, i) => participantId(i));
    await check(`${label}: PUT an entry: 201 the first time, 200 when replaced (one entry per phone), with the tool's results`, async () => {
      const first = await call(url, "PUT", `/api/rooms/${room.code}/entries/${phones[0]}`, { body: BUSINESSES[0] });
      assert(first.status === 201, `${first.status} ${first.text}`);
      for (const name of [...FIGURES, "npv_now", "npv_invest", "lost_to_poor_service"]) {
        const ok = expected[0][name] === null ? first.json.results[name] === null : close(first.json.results[name], expected[0][name]);
        assert(ok, `${name}: ${first.json.results[name]} against the tool's ${expected[0][name]}`);
      }
      assert(first.json.standing === null && first.json.participants === 1, first.text);
      const again = await call(url, "PUT", `/api/rooms/${room.code}/entries/${phones[0]}`, { body: BUSINESSES[0] });
      assert(again.status === 200 && again.json.participants === 1, `${again.status} ${again.text}`);
      for (const bad of ["short", "x".repeat(65), "phone-000000-with space", "ph%C3%B6ne-0000000000000"]) {
        const refused = await call(url, "PUT", `/api/rooms/${room.code}/entries/${bad}`, { body: someFigures });
        assert(refused.status === 400 && refused.json?.error, `${bad}: ${refused.status}`);
      }
    });

    await check(`${label}: the summary shows no figures while fewer than five are in, then each figure against the tool's`, async () => {
      for (let i = 1; i < 4; i++) await call(url, "PUT", `/api/rooms/${room.code}/entries/${phones[i]}`, { body: BUSINESSES[i] });
      const four = await call(url, "GET", `/api/rooms/${room.code}/summary`, { token: room.presenter_token });
      assert(four.status === 200 && four.json.participants === 4 && four.json.figures === null, four.text);
      for (let i = 4; i < 6; i++) await call(url, "PUT", `/api/rooms/${room.code}/entries/${phones[i]}`, { body: BUSINESSES[i] });
      const six = await call(url, "GET", `/api/rooms/${room.code}/summary`, { token: room.presenter_token });
      assert(six.json.participants === 6 && six.json.figures, six.text);
      const paidBack = expected.filter((results, i) => results.payback_month !== null && results.payback_month <= 12 * (BUSINESSES[i].horizon_years ?? 5)).length;
      assert(six.json.paid_back === paidBack && six.json.currency === "ILS", `paid back within their horizon: ${six.json.paid_back}, the tool says ${paidBack}`);
      for (const name of FIGURES) {
        const values = expected.map((results) => results[name]).filter((value) => value !== null);
        const want = spreadOf(values);
        const got = six.json.figures[name];
        for (const key of ["count", "sum", "min", "p10", "median", "p90", "max"]) {
          assert(close(got[key], want[key]), `${name}.${key}: ${got[key]} against ${want[key]}`);
        }
      }
    });

    await check(`${label}: 401 without the token or with a wrong one; 404 for an unknown code; 409 when the room is full`, async () => {
      for (const token of [undefined, "wrong", `${room.presenter_token}x`]) {
        const refused = await call(url, "GET", `/api/rooms/${room.code}/summary`, { token });
        assert(refused.status === 401 && refused.json.error.includes("token"), `${token}: ${refused.status}`);
      }
      const reveal = await call(url, "POST", `/api/rooms/${room.code}/reveal`, { token: "wrong" });
      assert(reveal.status === 401, `reveal: ${reveal.status}`);
      for (const code of ["ZZZZZZ", "ACDEFG", "00000", "acd"]) {
        const unknown = await call(url, "GET", `/api/rooms/${code}`);
        assert(unknown.status === 404 && unknown.json.error, `${code}: ${unknown.status}`);
        const put = await call(url, "PUT", `/api/rooms/${code}/entries/${phones[0]}`, { body: someFigures });
        assert(put.status === 404, `${code}: ${put.status}`);
      }
      const seventh = await call(url, "PUT", `/api/rooms/${room.code}/entries/${phones[6]}`, { body: someFigures });
      assert(seventh.status === 201, `the seventh fits: ${seventh.status}`);
      const eighth = await call(url, "PUT", `/api/rooms/${room.code}/entries/${participantId(99)}`, { body: someFigures });
      assert(eighth.status === 409 && eighth.json.error.includes("full"), `${eighth.status} ${eighth.text}`);
      const replaced = await call(url, "PUT", `/api/rooms/${room.code}/entries/${phones[6]}`, { body: { lifetime_profit: 1000 } });
      assert(replaced.status === 200, `a member of a full room may still update: ${replaced.status}`);
    });

    await check(`${label}: a room counts in one currency: figures in another are refused with the reason`, async () => {
      const dollars = await call(url, "POST", "/api/rooms", { body: { name: "Dollars", currency: "USD" } });
      assert(dollars.status === 201 && dollars.json.currency === "USD", dollars.text);
      const shekels = await call(url, "PUT", `/api/rooms/${dollars.json.code}/entries/${participantId(1)}`, { body: { lifetime_profit: 1 } });
      assert(shekels.status === 422 && shekels.json.error.includes("USD") && shekels.json.error.includes("ILS"), `${shekels.status} ${shekels.text}`);
      const ok = await call(url, "PUT", `/api/rooms/${dollars.json.code}/entries/${participantId(1)}`, { body: { lifetime_profit: 1, currency: "USD" } });
      assert(ok.status === 201, `${ok.status}`);
      // Only as JSON: a text/plain or form post, which any site can make a browser send
      // without asking, opens nothing.
      for (const kind of ["text/plain", "application/x-www-form-urlencoded", null]) {
        const headers = kind ? { "content-type": kind } : {};
        const answer = await fetch(`${url}/api/rooms`, { method: "POST", headers, body: kind ? '{"name":"x"}' : undefined });
        const text = await answer.text();
        assert(answer.status === 415 && text.includes("application/json"), `${kind}: ${answer.status} ${text}`);
      }
      const bad = await call(url, "POST", "/api/rooms", { body: { currency: "dollars" } });
      assert(bad.status === 400 && bad.json.error.includes("currency"), bad.text);
    });

    await check(`${label}: withdrawing removes the phone's entry (204), and again is harmless`, async () => {
      const gone = await call(url, "DELETE", `/api/rooms/${room.code}/entries/${phones[6]}`);
      assert(gone.status === 204, `${gone.status}`);
      const before = (await call(url, "GET", `/api/rooms/${room.code}`)).json.version;
      const again = await call(url, "DELETE", `/api/rooms/${room.code}/entries/${phones[6]}`);
      assert(again.status === 204, `${again.status}`);
      // Nothing withdrawn changes nothing: a made-up id cannot keep a room alive.
      const after = (await call(url, "GET", `/api/rooms/${room.code}`)).json.version;
      assert(after === before, `the version moved from ${before} to ${after} for nothing withdrawn`);
      const own = await call(url, "GET", `/api/rooms/${room.code}/entries/${phones[6]}`);
      assert(own.status === 404, `${own.status}`);
      const summary = await call(url, "GET", `/api/rooms/${room.code}/summary`, { token: room.presenter_token });
      assert(summary.json.participants === 6, summary.text);
    });

    await check(`${label}: once revealed, each phone learns where it stands; hidden, it does not`, async () => {
      const hidden = await call(url, "GET", `/api/rooms/${room.code}/entries/${phones[2]}`);
      assert(hidden.status === 200 && hidden.json.standing === null, hidden.text);
      const revealed = await call(url, "POST", `/api/rooms/${room.code}/reveal`, { token: room.presenter_token });
      assert(revealed.status === 200 && revealed.json.revealed === true, revealed.text);
      const own = await call(url, "GET", `/api/rooms/${room.code}/entries/${phones[2]}`);
      const cost = own.json.standing.figures.unhappy_customer_cost;
      const mine = expected[2].unhappy_customer_cost;
      const below = expected.filter((results) => results.unhappy_customer_cost !== null && results.unhappy_customer_cost < mine).length;
      assert(cost.count === 6 && cost.below === below, `${JSON.stringify(cost)}; ${below} below`);
      const put = await call(url, "PUT", `/api/rooms/${room.code}/entries/${phones[2]}`, { body: BUSINESSES[2] });
      assert(put.json.standing?.figures.unhappy_customer_cost.below === below, put.text);
      await call(url, "POST", `/api/rooms/${room.code}/hide`, { token: room.presenter_token });
      const after = await call(url, "GET", `/api/rooms/${room.code}/entries/${phones[2]}`);
      assert(after.json.standing === null && after.json.revealed === false, after.text);
    });

    if (label === "SQLite") {
      await check(`${label}: a body that trickles in and stops gets 408 with a reason after 20 s, and the connection is let go`, async () => {
        const head = `PUT /api/rooms/${room.code}/entries/${participantId(77)} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"lifetime_`;
        const { text: answer, seconds } = await sentUntilLetGo(url, head, 40000);
        assert(answer.startsWith("HTTP/1.1 408") && answer.includes("did not arrive in time"), `after ${seconds} s: ${answer.slice(0, 200)}`);
        assert(seconds >= 19 && seconds < 30, `answered after ${seconds} s`);
      });
    }

    await check(`${label}: hostile bodies get a 4xx with a reason, or their bad fields ignored with reasons, and never a crash`, async () => {
      const path = `/api/rooms/${room.code}/entries/${phones[3]}`;
      const typed = await call(url, "PUT", path, { body: { lifetime_profit: "abc", acquisition_cost: [1], current_customers: { x: 1 }, colour: "red", referrals_per_happy: 2 } });
      assert(typed.status === 200, `${typed.status} ${typed.text}`);
      const fields = typed.json.ignored.map((item) => item.field);
      for (const field of ["lifetime_profit", "acquisition_cost", "current_customers", "colour"]) assert(fields.includes(field), `${field} in ${fields}`);
      assert(typed.json.ignored.every((item) => typeof item.reason === "string" && item.reason.length > 0), "each with a reason");
      const huge = await call(url, "PUT", path, { body: '{"lifetime_profit": 1.7e308, "acquisition_cost": -1e308, "horizon_years": 1e20, "referrals_per_happy": 2}' });
      assert(huge.status === 200 && huge.json.ignored.length === 3 && Number.isFinite(huge.json.results.npv_gain), `${huge.status} ${huge.text}`);
      // A number no double holds is refused as JSON, as the command-line tool refuses it.
      const overflow = await call(url, "PUT", path, { body: '{"lifetime_profit": 1e400}' });
      assert(overflow.status === 400 && overflow.json.error.includes("out of range"), `${overflow.status} ${overflow.text}`);
      const unknown = { lifetime_profit: 45000, ...Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${i}`, i])) };
      const many = await call(url, "PUT", path, { body: unknown });
      assert(many.status === 200 && many.json.ignored.length <= 5, `${many.status}: ${many.json?.ignored.length} lines`);
      for (const [body, status, why] of [
        ["[".repeat(10000) + "]".repeat(10000), 400, "deep nesting"],
        ["not json", 400, "not JSON"],
        ["[1, 2]", 422, "an array"],
        ["null", 422, "null"],
        ['"a string"', 422, "a string"],
        // Counted, these would be the defaults: figures no one typed.
        ["{}", 422, "no input"],
        ['{"currency": "ILS", "colour": 1}', 422, "only names that are not inputs"],
        ['{"lifetime_profit": -1}', 422, "every input refused"],
        [JSON.stringify(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`key${i}`, 1]))), 422, "more members than a scenario"],
        [JSON.stringify({ lifetime_profit: "x".repeat(1 << 20) }), 413, "a 1 MB string"],
        [Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), 400, "not UTF-8"],
      ]) {
        const answer = await fetch(`${url}${path}`, { method: "PUT", body, headers: { "content-type": "application/json" } });
        const json = await answer.json().catch(() => null);
        assert(answer.status === status && typeof json?.error === "string", `${why}: ${answer.status} ${JSON.stringify(json)?.slice(0, 200)}`);
      }
      // Opening a room: a body that is not an object, or a name with control characters
      // (PostgreSQL refuses a NUL in text), is refused with a reason, not a 500.
      for (const [body, why] of [["[1, 2]", "an array"], ['"room"', "a string"], ['{"name": "a\\u0000b"}', "a NUL in the name"], ['{"name": "a\\u001bb"}', "an escape in the name"]]) {
        const answer = await call(url, "POST", "/api/rooms", { body });
        assert(answer.status === 400 && typeof answer.json?.error === "string", `${why}: ${answer.status} ${answer.text}`);
      }
      assert((await call(url, "GET", "/health")).status === 200, "the server still answers");
    });

    await check(`${label}: a body refused before it is all read is read to its end first, so the answer arrives and the connection serves the next request; a body that stops arriving gets Connection: close`, async () => {
      const path = `/api/rooms/${room.code}/entries/${phones[3]}`;
      // Each answer is JSON: the nth is in once n status lines are, and the text ends a JSON body.
      const answers = (seen) => seen.text.split(/HTTP\/1\.1 (?=\d{3} )/).slice(1);
      const send = async (seen, request) => {
        const before = answers(seen).length;
        seen.socket.write(request);
        await until(() => answers(seen).length === before + 1 && seen.text.endsWith("}"), { what: `answer ${before + 1}` });
        return answers(seen).at(-1);
      };
      const put = (length, body) => `PUT ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n${body}`;
      const kept = rawConnection(url);
      const figures = JSON.stringify(someFigures);
      const entry = await send(kept, put(figures.length, figures));
      assert(entry.startsWith("200") && !/^connection: close/im.test(entry), entry.slice(0, 300));
      // 800 KB: more than the limit and all hyper reads ahead at once, less than the 1 MiB
      // the server reads past its answer.
      const large = `{"lifetime_profit": "${"x".repeat(800000)}"}`;
      const refused = await send(kept, put(large.length, large));
      assert(refused.startsWith("413") && refused.includes("larger than a scenario") && !/^connection: close/im.test(refused), refused.slice(0, 300));
      const health = await send(kept, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assert(health.startsWith("200") && !kept.closed, health.slice(0, 300));
      kept.socket.destroy();
      // 66,000 bytes of a 100,000-byte body: past the 64 KiB limit, and the rest never comes.
      const stopped = rawConnection(url);
      const answer = await send(stopped, put(100000, `{"lifetime_profit": "${"x".repeat(66000)}`));
      assert(answer.startsWith("413") && /^connection: close/im.test(answer), answer.slice(0, 300));
      await until(() => stopped.closed, { what: "the connection let go" });
    });

    await check(`${label}: the stream says the summary at once, each change after it, and the room's closing`, async () => {
      const other = await openRoom(url, "Stream");
      const stream = openStream(url, other.code, other.presenter_token);
      await stream.ready;
      assert(stream.status === 200, `${stream.status}`);
      await until(() => stream.events.length >= 1, { what: "the first summary" });
      assert(stream.events[0].event === "summary" && stream.events[0].json.participants === 0, JSON.stringify(stream.events[0]));
      const put = await call(url, "PUT", `/api/rooms/${other.code}/entries/${participantId(1)}`, { body: someFigures });
      await until(() => stream.events.some((event) => Number(event.id) >= put.json.version), { what: "the entry in the stream" });
      await call(url, "POST", `/api/rooms/${other.code}/close`, { token: other.presenter_token });
      await until(() => stream.events.some((event) => event.event === "closed"), { what: "the closing" });
      await until(() => stream.ended, { what: "the stream's end" });
      const refused = openStream(url, other.code, "wrong");
      await refused.ready;
      assert(refused.status === 410, `a closed room's stream: ${refused.status}`);
    });

    await check(`${label}: a browser's stream opens with the room's stream key in its address, which opens nothing else; the token never needs to be in an address`, async () => {
      const keyed = await openRoom(url, "Keyed");
      assert(/^[0-9a-f]{64}$/.test(keyed.stream_key) && !keyed.stream_key.includes(keyed.presenter_token), `stream_key: ${keyed.stream_key}`);
      const stream = openStream(url, keyed.code, null, { query: `key=${keyed.stream_key}` });
      await stream.ready;
      assert(stream.status === 200, `with the key: ${stream.status}`);
      await until(() => stream.events.length >= 1, { what: "the first summary" });
      const changed = keyed.stream_key.slice(0, -1) + (keyed.stream_key.endsWith("0") ? "1" : "0");
      for (const query of [`key=${changed}`, "key=", `key=${keyed.presenter_token}`, `token=${keyed.stream_key}`]) {
        const refused = openStream(url, keyed.code, null, { query });
        await refused.ready;
        assert(refused.status === 401, `${query.slice(0, 12)}…: ${refused.status}`);
      }
      // As the token, the key opens nothing.
      for (const [method, path] of [["GET", "summary"], ["GET", "entries"], ["POST", "reveal"], ["POST", "reset"], ["POST", "close"]]) {
        const answer = await call(url, method, `/api/rooms/${keyed.code}/${path}`, { token: keyed.stream_key });
        assert(answer.status === 401, `${method} ${path} with the stream key: ${answer.status}`);
      }
      // A presenter's page of an earlier release opens it with the token in the address.
      const earlier = openStream(url, keyed.code, null, { query: `token=${encodeURIComponent(keyed.presenter_token)}` });
      await earlier.ready;
      assert(earlier.status === 200, `with ?token=: ${earlier.status}`);
      // The key shows what the presenter's screen shows: the count, and the figures only
      // once revealed; the token's holder sees them before.
      let last;
      for (let i = 0; i < 5; i += 1) last = await call(url, "PUT", `/api/rooms/${keyed.code}/entries/${participantId(40 + i)}`, { body: BUSINESSES[i] });
      const at = (watched) => watched.events.findLast((event) => Number(event.id) >= last.json.version);
      await until(() => at(stream) && at(earlier), { what: "five entries on both streams" });
      assert(at(stream).json.participants === 5 && at(stream).json.figures === null && at(stream).json.paid_back === null, `the key's stream before the reveal: ${at(stream).data.slice(0, 120)}`);
      assert(at(earlier).json.figures?.unhappy_customer_cost?.count === 5, `the token's stream before the reveal: ${at(earlier).data.slice(0, 120)}`);
      const revealed = await call(url, "POST", `/api/rooms/${keyed.code}/reveal`, { token: keyed.presenter_token });
      await until(() => stream.events.some((event) => Number(event.id) >= revealed.json.version && event.json.figures?.unhappy_customer_cost?.count === 5), { what: "the figures on the key's stream once revealed" });
      stream.close();
      earlier.close();
    });

    await check(`${label}: a room's streams are at most 16 at once: the next is refused with the reason`, async () => {
      const watched = await openRoom(url, "Many screens");
      const streams = Array.from({ length: 16 }, () => openStream(url, watched.code, null, { query: `key=${watched.stream_key}` }));
      await Promise.all(streams.map((stream) => stream.ready));
      assert(streams.every((stream) => stream.status === 200), streams.map((stream) => stream.status).join(" "));
      const refused = await fetch(`${url}/api/rooms/${watched.code}/stream?key=${watched.stream_key}`);
      const reason = await refused.text();
      assert(refused.status === 429 && reason.includes("16 streams"), `the 17th: ${refused.status} ${reason}`);
      for (const stream of streams) stream.close();
    });

    await check(`${label}: a closed room answers 410 to phones and presenter alike, and its entries are gone`, async () => {
      const closed = await openRoom(url, "To close");
      await call(url, "PUT", `/api/rooms/${closed.code}/entries/${participantId(5)}`, { body: someFigures });
      const done = await call(url, "POST", `/api/rooms/${closed.code}/close`, { token: closed.presenter_token });
      assert(done.status === 200, `${done.status}`);
      for (const [method, path, token] of [
        ["GET", `/api/rooms/${closed.code}`],
        ["PUT", `/api/rooms/${closed.code}/entries/${participantId(6)}`],
        ["GET", `/api/rooms/${closed.code}/summary`, closed.presenter_token],
        ["POST", `/api/rooms/${closed.code}/reveal`, closed.presenter_token],
      ]) {
        const answer = await call(url, method, path, { token, body: method === "PUT" ? someFigures : undefined });
        assert(answer.status === 410 && answer.json.error.includes("closed"), `${method} ${path}: ${answer.status}`);
      }
    });

    await check(`${label}: reset empties the room and hides it; the export lists entries without who sent them`, async () => {
      const exported = await call(url, "GET", `/api/rooms/${room.code}/entries`, { token: room.presenter_token });
      assert(exported.status === 200 && exported.json.entries.length === 6, exported.text.slice(0, 200));
      assert(!exported.text.includes(phones[0]), "no participant's id in the export");
      assert(exported.json.entries.every((entry) => entry.scenario.schema_version && typeof entry.figures.npv_gain === "number"), "scenario and figures");
      const unauthorised = await call(url, "GET", `/api/rooms/${room.code}/entries`);
      assert(unauthorised.status === 401, `${unauthorised.status}`);
      const reset = await call(url, "POST", `/api/rooms/${room.code}/reset`, { token: room.presenter_token });
      assert(reset.status === 200 && reset.json.participants === 0 && reset.json.revealed === false, reset.text);
    });

    await check(`${label}: the logs carry the route, status and time of each request, and no figure`, async () => {
      const marked = await openRoom(url, "Marked");
      // Figures of seven digits before the point: no other number in the log is that long
      // (a timestamp's fraction has six digits, and "4242" once turned up in one).
      await call(url, "PUT", `/api/rooms/${marked.code}/entries/${participantId(7)}`, { body: { lifetime_profit: 4242424.5, acquisition_cost: 3133731.25 } });
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert(server.log.includes("/api/rooms/{code}/entries/{participant}"), "the route's pattern is logged");
      for (const figure of ["4242424", "3133731", phones[0]]) assert(!server.log.includes(figure), `the log holds ${figure}`);
    });

    if (existsSync(`${dist}/index.html`)) {
      await check(`${label}: the bundle is served as README.md's hosting rules say`, async () => {
        const page = await fetch(`${url}/`);
        const policy = page.headers.get("content-security-policy") ?? "";
        assert(page.status === 200 && policy.includes("default-src 'self'") && policy.includes("frame-ancestors *"), policy);
        assert(page.headers.get("cache-control") === "no-cache", page.headers.get("cache-control"));
        const html = await page.text();
        const wasm = html.match(/data-cvc-wasm=([^ >]+)/)?.[1]?.replace(/"/g, "");
        const hashed = await fetch(`${url}${wasm}`, { headers: { "accept-encoding": "br, gzip" } });
        assert(hashed.headers.get("content-type") === "application/wasm", hashed.headers.get("content-type"));
        assert(hashed.headers.get("cache-control").includes("immutable"), hashed.headers.get("cache-control"));
        assert(hashed.headers.get("content-encoding") === "br" && hashed.headers.get("vary") === "Accept-Encoding", `${hashed.headers.get("content-encoding")}`);
        const gzip = await fetch(`${url}${wasm}`, { headers: { "accept-encoding": "gzip" } });
        assert(gzip.headers.get("content-encoding") === "gzip", `${gzip.headers.get("content-encoding")}`);
        const embed = await fetch(`${url}/embed.js`);
        assert(embed.headers.get("cache-control") === "no-cache" && embed.headers.get("access-control-allow-origin") === "*", "embed.js");
        const missing = await fetch(`${url}/nothing-here.js`);
        assert(missing.status === 404, `${missing.status}`);
      });
    }
  } finally {
    await server.kill();
  }

  await check(`${label}: rate limits refuse a flood (per phone, per network, rooms per hour) and say so`, async () => {
    const strict = await startServer(database, ["--address-rate", "5", "--rooms-per-hour", "30", "--participant-rate", "1"]);
    try {
      const room = await openRoom(strict.url);
      const phone = participantId(1);
      const answers = [];
      for (let i = 0; i < 30; i++) answers.push((await call(strict.url, "PUT", `/api/rooms/${room.code}/entries/${phone}`, { body: someFigures })).status);
      const taken = answers.filter((status) => status < 300).length;
      assert(taken >= 20 && taken <= 22 && answers.includes(429), `a phone's burst of 20 (and a second's rate): ${answers.join(",")}`);
      const flood = [];
      for (let i = 0; i < 60; i++) flood.push((await call(strict.url, "PUT", `/api/rooms/${room.code}/entries/${participantId(100 + i)}`, { body: someFigures })).status);
      const refused = flood.filter((status) => status === 429).length;
      assert(refused > 0, `the network's rate: ${flood.join(",")}`);
      const answer = await call(strict.url, "PUT", `/api/rooms/${room.code}/entries/${participantId(999)}`, { body: someFigures });
      assert(answer.status !== 429 || (answer.json.error && answer.headers.get("retry-after")), "a reason and Retry-After");
      // The network's bucket refills (five a second here) before the rooms are counted.
      await new Promise((resolve) => setTimeout(resolve, 3500));
      const rooms = [];
      let refusedRoom;
      for (let i = 0; i < 14; i++) {
        const answer = await call(strict.url, "POST", "/api/rooms", { body: {} });
        rooms.push(answer.status);
        if (answer.status === 429) refusedRoom ??= answer;
      }
      assert(rooms.includes(429), `rooms: ${rooms.join(",")}`);
      // 30 rooms an hour: the next comes in 120 s, and Retry-After says so.
      assert(refusedRoom.headers.get("retry-after") === "120", `Retry-After: ${refusedRoom.headers.get("retry-after")}`);
      // Guessing codes meets the same rate on every route that answers 404 for an unknown
      // code, with a token or without (once the bucket refills, at five a second here).
      for (const [method, path] of [["GET", "/api/rooms/ACDEFG"], ["GET", "/api/rooms/ACDEFG/summary"], ["GET", "/api/rooms/ACDEFG/entries"], ["POST", "/api/rooms/ACDEFG/reveal"], ["GET", "/api/rooms/ACDEFG/entries/" + participantId(5)]]) {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const guesses = [];
        for (let i = 0; i < 60; i++) guesses.push((await call(strict.url, method, path, { token: "x".repeat(43) })).status);
        assert(guesses.includes(404) || guesses.includes(401), `${method} ${path}: some answered before the limit: ${[...new Set(guesses)].join(",")}`);
        assert(guesses.includes(429), `${method} ${path}: guessing codes is limited: ${[...new Set(guesses)].join(",")}`);
      }
    } finally {
      await strict.kill();
    }
  });

  await check(`${label}: a room expires after its lifetime of no activity: 410, and the sweep forgets its entries`, async () => {
    const brief = await startServer(database, ["--room-hours", "0.0005"]);
    try {
      const room = await openRoom(brief.url);
      await call(brief.url, "PUT", `/api/rooms/${room.code}/entries/${participantId(1)}`, { body: someFigures });
      await new Promise((resolve) => setTimeout(resolve, 2200));
      const late = await call(brief.url, "PUT", `/api/rooms/${room.code}/entries/${participantId(2)}`, { body: someFigures });
      assert(late.status === 410 && late.json.error.includes("expired"), `${late.status} ${late.text}`);
    } finally {
      await brief.kill();
    }
  });

  await check(`${label}: CORS: only the configured origins may call the API from another origin`, async () => {
    const shared = await startServer(database, ["--allow-origin", "https://calc.example,https://cdn.example"]);
    try {
      const preflight = (origin) => fetch(`${shared.url}/api/rooms`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
      const allowed = await preflight("https://cdn.example");
      assert(allowed.headers.get("access-control-allow-origin") === "https://cdn.example", `${allowed.headers.get("access-control-allow-origin")}`);
      const other = await preflight("https://evil.example");
      assert(!other.headers.get("access-control-allow-origin"), `${other.headers.get("access-control-allow-origin")}`);
    } finally {
      await shared.kill();
    }
  });

  if (label === "SQLite") {
    await check(`${label}: a head that never ends and an idle connection are let go after --request-head-seconds; past --max-connections a client waits its turn; a presenter's stream outlives the deadline`, async () => {
      const guarded = await startServer(database, ["--request-head-seconds", "1", "--max-connections", "3"]);
      try {
        const room = await openRoom(guarded.url);
        const stream = openStream(guarded.url, room.code, room.presenter_token);
        await stream.ready;
        await until(() => stream.events.length >= 1, { what: "the first summary" });
        // Connections the test's own fetches left idle are closed by the server meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 1600));
        const hold = (head) => sentUntilLetGo(guarded.url, head, 8000);
        const trickling = hold("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        const silent = hold("");
        // The stream and the two sockets are the three connections allowed: a fourth
        // client waits until the server lets one of them go.
        await new Promise((resolve) => setTimeout(resolve, 100));
        const asked = Date.now();
        const health = await fetch(`${guarded.url}/health`);
        const waited = (Date.now() - asked) / 1000;
        assert(health.status === 200, `health: ${health.status}`);
        assert(waited >= 0.5, `the fourth connection was served after ${waited} s, while three were open`);
        for (const [what, held] of [["a head that never ends", await trickling], ["a connection that says nothing", await silent]]) {
          assert(held.seconds >= 0.9 && held.seconds < 4, `${what}: closed after ${held.seconds} s`);
          assert(!held.text.includes("200 OK"), `${what} was answered: ${held.text.slice(0, 80)}`);
        }
        // The stream has now been open for more than twice the head's deadline.
        const put = await call(guarded.url, "PUT", `/api/rooms/${room.code}/entries/${participantId(3)}`, { body: someFigures });
        assert(put.status === 201, `${put.status}`);
        await until(() => stream.events.some((event) => Number(event.id) >= put.json.version), { what: "the entry on the stream" });
        assert(!stream.ended, "the stream is still open");
        stream.close();
      } finally {
        await guarded.kill();
      }
    });
  }

  await check(`${label}: behind a trusted proxy each visitor's network has its own limits (X-Forwarded-For); from anyone else the header is ignored`, async () => {
    const openRooms = async (url, forwardedFor, count) => {
      const statuses = [];
      for (let i = 0; i < count; i++) statuses.push((await call(url, "POST", "/api/rooms", { body: {}, headers: { "x-forwarded-for": forwardedFor } })).status);
      return statuses;
    };
    // 30 rooms an hour: a burst of 10 from one network.
    const proxied = await startServer(database, ["--rooms-per-hour", "30", "--trusted-proxy", "10.9.9.9,127.0.0.1"]);
    try {
      const first = await openRooms(proxied.url, "198.51.100.1", 11);
      assert(first.slice(0, 10).every((status) => status === 201) && first[10] === 429, `one network: ${first.join(",")}`);
      const other = await openRooms(proxied.url, "198.51.100.9, 198.51.100.2", 1);
      assert(other[0] === 201, `another network behind the same proxy: ${other.join(",")}`);
    } finally {
      await proxied.kill();
    }
    const direct = await startServer(database, ["--rooms-per-hour", "30"]);
    try {
      const first = await openRooms(direct.url, "198.51.100.1", 11);
      assert(first[10] === 429, `${first.join(",")}`);
      const forged = await openRooms(direct.url, "198.51.100.2", 1);
      assert(forged[0] === 429, `a header from a client that is not a trusted proxy chooses nothing: ${forged.join(",")}`);
    } finally {
      await direct.kill();
    }
  });

  await check(`${label}: a lifetime or a rate out of range is refused at start, with the reason, before anything is served`, async () => {
    for (const flags of [["--room-hours", "1e20"], ["--room-hours", "0"], ["--room-hours", "NaN"], ["--address-rate", "0"], ["--rooms-per-hour", "inf"], ["--max-connections", "0"], ["--request-head-seconds", "0"]]) {
      const run = spawnSync(binary(), ["--listen", "127.0.0.1:0", "--database", database, ...flags], { encoding: "utf8", timeout: 10000 });
      assert(run.status === 2 && /hours|rate|number|seconds/.test(run.stderr), `${flags.join(" ")}: exit ${run.status} ${run.stderr.slice(0, 200)}`);
    }
  });

  await check(`${label}: SIGTERM ends open streams cleanly, without saying the room closed, and the server exits 0; the room carries on after a restart`, async () => {
    const stopping = await startServer(database);
    const room = await openRoom(stopping.url);
    const stream = openStream(stopping.url, room.code, room.presenter_token);
    await stream.ready;
    await until(() => stream.events.length >= 1, { what: "the first summary" });
    const exit = await stopping.kill("SIGTERM");
    await until(() => stream.ended, { what: "the stream's end" });
    // A presenter's page reads `closed` as the room closed, and forgets its token.
    assert(stream.events.every((event) => event.event === "summary"), JSON.stringify(stream.events));
    assert(exit.code === 0, JSON.stringify(exit));
    const restarted = await startServer(database);
    try {
      const again = openStream(restarted.url, room.code, room.presenter_token);
      await again.ready;
      await until(() => again.events.length >= 1, { what: "the summary after the restart" });
      assert(again.events[0].event === "summary", JSON.stringify(again.events[0]));
      again.close();
    } finally {
      await restarted.kill();
    }
  });
}
