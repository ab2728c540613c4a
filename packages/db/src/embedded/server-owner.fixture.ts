// A separate process that owns an embedded server, for database.embedded-owner.test.ts.
// argv: <data directory> <"hold" | "exit">. Prints "ready <url port>" once the server is up;
// "hold" then waits to be killed, "exit" exits at once without closing the database.
import { openDatabase } from "../database";

const [dataDirectory, mode] = process.argv.slice(2);
if (!dataDirectory) throw new Error("usage: server-owner.fixture.ts <data directory> <hold|exit>");
const database = await openDatabase({ dataDirectory });
process.stdout.write(`ready ${new URL(database.url).port}\n`);
if (mode === "exit") process.exit(0);
setInterval(() => undefined, 60_000);
