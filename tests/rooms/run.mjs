// The room server's tests, as the README's test command runs them: the API and the faults
// on SQLite, then on a private PostgreSQL cluster, then what only PostgreSQL does (two
// processes, a database crash). Usage: node tests/rooms/run.mjs [dist]
import { tally } from "../e2e/harness.mjs";
import * as api from "./api.mjs";
import * as faults from "./faults.mjs";
import { buildServer, sqliteDatabase, startPostgres } from "./servers.mjs";

const dist = process.argv[2] ?? "dist";
buildServer();

const sqlite = sqliteDatabase();
try {
  await api.run({ label: "SQLite", database: sqlite.url, dist });
  await faults.killedMidBurst({ label: "SQLite", database: sqlite.url });
} finally {
  sqlite.remove();
}

const postgres = await startPostgres();
try {
  await api.run({ label: "PostgreSQL", database: postgres.url, dist });
  await faults.killedMidBurst({ label: "PostgreSQL", database: postgres.url });
  await faults.postgresOnly({ postgres });
} finally {
  postgres.stop();
}

console.log(`rooms: ${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
