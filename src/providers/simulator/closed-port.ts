import net from "node:net";

/**
 * An API URL on a port nothing listens on, for "connection refused" (the request never leaves).
 * A closed simulator's `url` works too.
 */
export async function closedPortUrl(host = "127.0.0.1"): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://${host}:${port}/api/v2`;
}
