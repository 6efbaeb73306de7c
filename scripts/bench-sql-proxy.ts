// A loopback TCP proxy in front of PostgreSQL that counts the statements a server sends, without touching the
// app: the server under test gets DATABASE_URL pointing at the proxy, the proxy forwards every byte both ways and
// parses only the frontend (client → server) stream of the PostgreSQL wire protocol (v3):
//   - the first packet(s) of a connection have no type byte: int32 length, int32 code — SSLRequest (80877103) and
//     GSSENCRequest (80877104), answered by one byte from the server, then the StartupMessage (protocol 3.0);
//   - every later message is one type byte and an int32 length that counts itself but not the type byte.
// A statement is a simple Query ('Q': BEGIN, COMMIT, SET … sent as text) or an extended-protocol Execute ('E':
// Parse/Bind/Describe/Execute/Sync — node-postgres with parameters, Prisma's adapter). A Query holding several
// statements separated by semicolons counts once (one round trip); the app sends none of those on a page. With
// `keepText` the proxy also remembers the SQL of each statement (the Parse text, or the Query text) so that a
// reader can see what a page sends. SSL is refused on the proxy's side ('N'), so the stream stays readable.
import net from "node:net";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export type SqlCounter = {
  /** Host and port to put in the server's DATABASE_URL. */
  port: number;
  /** Statements so far: simple queries + executes. */
  statements(): number;
  counts(): { queries: number; executes: number; connections: number };
  /** The SQL text of the statements counted since the last call (with keepText), then forgets them. */
  takeLog(): string[];
  close(): Promise<void>;
};

export async function startSqlCounter(target: { host: string; port: number }, options: { keepText?: boolean } = {}): Promise<SqlCounter> {
  const tally = { queries: 0, executes: 0, connections: 0 };
  let log: string[] = [];
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    tally.connections += 1;
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", end);
    upstream.on("error", end);
    client.on("close", end);
    upstream.on("close", end);
    upstream.pipe(client);

    let buffered: Buffer = Buffer.alloc(0);
    let startup = true; // until the StartupMessage: packets without a type byte
    // Statement texts by name ("" = the unnamed one) and the text of the last Bind: an Execute runs the portal
    // bound last (node-postgres binds and executes one portal at a time).
    const parsed = new Map<string, string>();
    let bound = "";
    client.on("data", (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      let forward: Buffer[] = [];
      for (;;) {
        if (startup) {
          if (buffered.length < 8) break;
          const length = buffered.readInt32BE(0);
          if (buffered.length < length) break;
          const code = buffered.readInt32BE(4);
          const packet = buffered.subarray(0, length);
          buffered = buffered.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            // Answer "no" ourselves: the connection then continues in the clear with the StartupMessage.
            if (forward.length) upstream.write(Buffer.concat(forward));
            forward = [];
            client.write("N");
            continue;
          }
          startup = false;
          forward.push(packet);
          continue;
        }
        if (buffered.length < 5) break;
        const type = String.fromCharCode(buffered[0]!);
        const length = buffered.readInt32BE(1);
        if (buffered.length < 1 + length) break;
        const body = buffered.subarray(5, 1 + length);
        forward.push(buffered.subarray(0, 1 + length));
        buffered = buffered.subarray(1 + length);
        if (type === "Q") {
          tally.queries += 1;
          if (options.keepText) log.push(body.toString("utf8", 0, Math.max(0, body.length - 1)));
        } else if (type === "P" && options.keepText) {
          // Parse: statement name (cstring), query text (cstring), parameter types.
          const nameEnd = body.indexOf(0);
          const textEnd = body.indexOf(0, nameEnd + 1);
          parsed.set(body.toString("utf8", 0, nameEnd), body.toString("utf8", nameEnd + 1, textEnd));
        } else if (type === "B" && options.keepText) {
          // Bind: portal name (cstring), statement name (cstring), …
          const portalEnd = body.indexOf(0);
          bound = parsed.get(body.toString("utf8", portalEnd + 1, body.indexOf(0, portalEnd + 1))) ?? "?";
        } else if (type === "E") {
          tally.executes += 1;
          if (options.keepText) log.push(bound);
        }
      }
      if (forward.length) upstream.write(forward.length === 1 ? forward[0]! : Buffer.concat(forward));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the SQL counting proxy has no port");
  return {
    port: address.port,
    statements: () => tally.queries + tally.executes,
    counts: () => ({ ...tally }),
    takeLog() {
      const out = log;
      log = [];
      return out;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** DATABASE_URL with its host and port replaced by the proxy's (user, password, database and options kept). */
export function viaProxy(url: string, port: number): string {
  const u = new URL(url);
  u.hostname = "127.0.0.1";
  u.port = String(port);
  u.searchParams.delete("sslmode");
  return u.toString();
}

/** Host and port of DATABASE_URL (PostgreSQL's default port when the URL names none). */
export function databaseAddress(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname || "127.0.0.1", port: Number(u.port || 5432) };
}
