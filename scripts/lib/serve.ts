// Next.js behind a small Node HTTP server (Next's documented custom server), for `npm run dev`,
// `npm start` and the e2e server. It exists for two reasons:
// - Only here is the socket address known, so this is where the client address is computed
//   (TRUSTED_PROXY_HOPS) and written into the one header the app trusts, overwriting whatever the
//   client sent (lib/http/client-ip.ts).
// - In production, the metering hot path's route handlers are called directly, without Next's
//   router (lib/http/lean-routes.ts explains why and what that keeps).
import { createServer } from "node:http";
import next from "next";
import { parseEnv } from "@/lib/env";
import { CLIENT_IP_HEADER, computeClientIp } from "@/lib/http/client-ip";
import { leanFor, serveLean } from "@/lib/http/lean-routes";

export async function serveNext(opts: { dev: boolean; port: number; hostname?: string }) {
  const hostname = opts.hostname ?? "localhost";
  const server = createServer();
  // Keep idle connections longer than the clients and load balancers in front (commonly 60 s):
  // with Node's default of 5 s, a client reusing a socket just as the server closes it gets
  // ECONNRESET on a request that never reached the app.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const app = next({ dev: opts.dev, hostname, port: opts.port, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Read after prepare(): Next has loaded the .env files into process.env by then.
  const hops = parseEnv(process.env).TRUSTED_PROXY_HOPS;
  server.on("request", (req, res) => {
    req.headers[CLIENT_IP_HEADER] = computeClientIp(
      req.headers["x-forwarded-for"],
      req.socket.remoteAddress,
      hops,
    );
    const lean = opts.dev ? undefined : leanFor(req);
    if (lean) void serveLean(lean, req, res);
    else void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // No host: listen on every interface, as `next start` does.
    server.listen(opts.port, () => resolve());
  });
  console.log(`Ready on http://${hostname}:${opts.port}${opts.dev ? " (development)" : ""}`);
  return {
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
