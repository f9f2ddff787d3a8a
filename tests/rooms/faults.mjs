// The room server under faults, on its real databases: killed (-9) in the middle of a
// burst and started again, every entry that was answered 2xx is there (SQLite and
// PostgreSQL); PostgreSQL crashed and restarted under load, the server answers 503
// meanwhile and recovers by itself, and the presenter's stream goes on; and with
// PostgreSQL, two server processes serve one room: an entry sent to one appears in the
// presenter's stream on the other.
import { assert, check } from "../e2e/harness.mjs";
import { call, openRoom } from "./api.mjs";
import { openStream, participantId, someFigures, startServer, until } from "./servers.mjs";

/** Sends `count` entries, `inFlight` at a time, to `url`; resolves with each one's status. */
async function burst(url, code, count, inFlight, { body = (i) => ({ lifetime_profit: 10000 + i }), stop = () => false } = {}) {
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < count && !stop()) {
      const i = next++;
      const participant = participantId(i);
      try {
        const answer = await call(url, "PUT", `/api/rooms/${code}/entries/${participant}`, { body: body(i) });
        results.push({ i, participant, status: answer.status });
      } catch {
        results.push({ i, participant, status: 0 });
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return results;
}

export async function killedMidBurst({ label, database }) {
  await check(`${label}: killed with -9 in the middle of a burst and started again, every entry answered 2xx is there`, async () => {
    const flags = ["--address-rate", "100000", "--max-participants", "5000"];
    const first = await startServer(database, flags);
    const room = await openRoom(first.url, "Crash");
    let killed = false;
    const sending = burst(first.url, room.code, 3000, 32, { stop: () => killed });
    // Kill it once a few hundred entries are in.
    await until(async () => (await call(first.url, "GET", `/api/rooms/${room.code}`)).json?.participants >= 300, { every: 20, what: "300 entries" });
    await first.kill("SIGKILL");
    killed = true;
    const results = await sending;
    const acknowledged = results.filter((result) => result.status >= 200 && result.status < 300);
    assert(acknowledged.length >= 300, `${acknowledged.length} acknowledged before the kill`);
    const second = await startServer(database, flags, { port: first.port });
    try {
      const missing = [];
      for (const { participant } of acknowledged) {
        const own = await call(second.url, "GET", `/api/rooms/${room.code}/entries/${participant}`);
        if (own.status !== 200) missing.push(`${participant}: ${own.status}`);
      }
      assert(missing.length === 0, `${missing.length} acknowledged entries lost: ${missing.slice(0, 3).join(", ")}`);
      console.log(`     (${acknowledged.length} entries answered 2xx before the kill, all there after the restart)`);
    } finally {
      await second.kill();
    }
  });
}

export async function postgresOnly({ postgres }) {
  await check("PostgreSQL: two server processes share the rooms; an entry sent to one appears in the presenter's stream on the other", async () => {
    const a = await startServer(postgres.url);
    const b = await startServer(postgres.url);
    try {
      const room = await openRoom(a.url, "Two processes");
      const stream = openStream(b.url, room.code, room.presenter_token);
      await stream.ready;
      await until(() => stream.events.length >= 1, { what: "the first summary on B" });
      const put = await call(a.url, "PUT", `/api/rooms/${room.code}/entries/${participantId(1)}`, { body: { lifetime_profit: 50000 } });
      assert(put.status === 201, `${put.status}`);
      await until(() => stream.events.some((event) => Number(event.id) >= put.json.version && event.json.participants === 1), { what: "the entry on B's stream", timeout: 5000 });
      const reveal = await call(b.url, "POST", `/api/rooms/${room.code}/reveal`, { token: room.presenter_token });
      assert(reveal.status === 200, `${reveal.status}`);
      const status = await call(a.url, "GET", `/api/rooms/${room.code}`);
      assert(status.json.revealed === true, "A sees what B did");
      stream.close();
    } finally {
      await a.kill();
      await b.kill();
    }
  });

  await check("PostgreSQL: a room that expires while another process holds its presenter's stream: that stream is told it ended", async () => {
    const brief = ["--room-hours", "0.0005"];
    const a = await startServer(postgres.url, brief);
    const b = await startServer(postgres.url, brief);
    let c;
    try {
      const room = await openRoom(a.url, "Expires elsewhere");
      const stream = openStream(b.url, room.code, room.presenter_token);
      await stream.ready;
      await until(() => stream.events.length >= 1, { what: "the first summary on B" });
      // The room's 1.8 s go by; a third process's first sweep (at its start) ends it.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      c = await startServer(postgres.url, brief);
      await until(() => stream.events.some((event) => event.event === "closed"), { what: "closed on B's stream", timeout: 10000 });
      const closed = stream.events.find((event) => event.event === "closed");
      assert(closed.data.includes("expired"), closed.data);
      stream.close();
    } finally {
      await a.kill();
      await b.kill();
      if (c) await c.kill();
    }
  });

  await check("PostgreSQL: crashed and restarted under load, the server answers 503 meanwhile, recovers by itself, and the presenter's stream goes on", async () => {
    const server = await startServer(postgres.url, ["--address-rate", "100000", "--max-participants", "5000"]);
    try {
      const room = await openRoom(server.url, "Database crash");
      const stream = openStream(server.url, room.code, room.presenter_token);
      await stream.ready;
      await until(() => stream.events.length >= 1, { what: "the first summary" });
      let stop = false;
      const statuses = [];
      const load = (async () => {
        let i = 0;
        while (!stop) {
          const answer = await call(server.url, "PUT", `/api/rooms/${room.code}/entries/${participantId(i++)}`, { body: someFigures }).catch(() => ({ status: 0 }));
          statuses.push(answer.status);
          if (answer.status !== 201) await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      await until(() => statuses.filter((status) => status === 201).length >= 20, { what: "load before the crash" });
      postgres.crash();
      await until(() => statuses.includes(503), { what: "a 503 while the database is down", timeout: 20000 });
      const health = await fetch(`${server.url}/health`);
      assert(health.status === 503, `health while down: ${health.status}`);
      postgres.start();
      const before = statuses.length;
      await until(() => statuses.slice(before).filter((status) => status === 201).length >= 20, { what: "201s after the restart", timeout: 30000 });
      stop = true;
      await load;
      assert(statuses.every((status) => [201, 503].includes(status)), `only 201 and 503: ${[...new Set(statuses)]}`);
      const put = await call(server.url, "PUT", `/api/rooms/${room.code}/entries/${participantId(99999)}`, { body: someFigures });
      await until(() => stream.events.some((event) => Number(event.id) >= put.json.version), { what: "the stream after the restart", timeout: 10000 });
      assert(!stream.ended, "the stream is still open");
      const count = Number(postgres.psql(`select count(*) from entries where code = '${room.code}'`));
      const answered = statuses.filter((status) => status === 201).length + 1;
      assert(count === answered, `${count} entries stored, ${answered} answered 201`);
      stream.close();
    } finally {
      await server.kill();
    }
  });
}
