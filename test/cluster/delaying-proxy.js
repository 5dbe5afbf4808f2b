// A TCP relay that holds every chunk for a while before passing it on, in
// both directions: latency on a link, since this kernel has no netem. Run
// inside a host's namespace, where nft redirects the connections to be
// delayed onto its ports; its own connections leave from an address of
// their own, which those rules leave alone.
//
//   node delaying-proxy.js <delay ms> <source address> <listen port>=<host>:<port> ...
//
// Prints "ready" once every port listens. Stops with its host.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const net = require('node:net');

const [delayArg, sourceAddress, ...routes] = process.argv.slice(2);
const delayMs = Number(delayArg);
if (!Number.isFinite(delayMs) || !sourceAddress || routes.length === 0) {
  process.stderr.write(
    'usage: delaying-proxy.js <delay ms> <source address> <port>=<host>:<port> ...\n',
  );
  process.exit(2);
}

/** Everything `from` sends reaches `to` `delayMs` later, its end and its failure too. */
function relay(from, to) {
  from.on('data', (chunk) => setTimeout(() => to.destroyed || to.write(chunk), delayMs));
  from.on('end', () => setTimeout(() => to.end(), delayMs));
  from.on('error', () => setTimeout(() => to.destroy(), delayMs));
  from.on('close', () => setTimeout(() => to.destroy(), delayMs));
}

let listening = 0;
for (const route of routes) {
  const [listenPort, target] = route.split('=');
  const [host, port] = target.split(':');
  // No Nagle on either side: the relay adds its delay and nothing of TCP's own.
  const server = net.createServer({ noDelay: true }, (client) => {
    const upstream = net.connect({
      host,
      port: Number(port),
      localAddress: sourceAddress,
      noDelay: true,
    });
    relay(client, upstream);
    relay(upstream, client);
  });
  server.listen(Number(listenPort), '127.0.0.1', () => {
    if (++listening === routes.length) process.stdout.write('ready\n');
  });
}
