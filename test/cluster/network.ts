// Hosts on one machine: each a Linux network namespace with one interface on
// a private switch (a bridge inside a namespace of its own), so nothing of
// the machine's own networking changes but one veth in the root namespace,
// through which the test runner is the client host. Every name carries the
// run's tag, every address is in one /24 that no route here already covers,
// and `teardown` (also run on exit and on a signal) removes all of it.
import { ChildProcess, execFileSync, spawn, SpawnOptions } from 'node:child_process';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../scripts/lib/local-services');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const processes = require('../../scripts/lib/processes');

/** Every namespace and link of the suite starts with this, and nothing else here does. */
export const PREFIX = 'aisim';

export interface Host {
  readonly name: string;
  readonly namespace: string;
  readonly address: string;
  /** The host's interface, inside its namespace. */
  readonly device: string;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' }).toString();

/** Runs `command` inside `namespace`. */
function within(namespace: string, command: string, ...args: string[]): string {
  return execFileSync('ip', ['netns', 'exec', namespace, command, ...args], {
    stdio: 'pipe',
  }).toString();
}

/** A /24 of 10.213.0.0/16 that no route or address here covers. */
function freeSubnet(): string {
  const routes = ip('-4', 'route', 'show', 'table', 'all') + ip('-4', 'addr');
  for (let third = 10; third < 250; third++) {
    const subnet = `10.213.${third}`;
    if (!routes.includes(`${subnet}.`) && !routes.includes('10.213.0.0/16')) return subnet;
  }
  throw new Error('no free /24 in 10.213.0.0/16 for the cluster suite');
}

export class ClusterNetwork {
  readonly hosts = new Map<string, Host>();
  /** The runner's own address on the switch: the client host. */
  readonly clientAddress: string;
  private readonly switchNamespace: string;
  private readonly clientLink: string;
  private tornDown = false;
  /** Processes that were in the hosts at teardown and outlived it. */
  readonly survivors: number[] = [];
  private readonly onExit = () => this.teardown();
  /** The delaying relay running in a host, and the address its connections leave from. */
  private readonly relays = new Map<string, { relay: ChildProcess; source: string }>();

  private constructor(
    private readonly tag: string,
    private readonly subnet: string,
  ) {
    this.switchNamespace = `${PREFIX}-${tag}-switch`;
    this.clientLink = `${PREFIX}${tag}c`;
    this.clientAddress = `${subnet}.1`;
  }

  /** Creates the switch, one namespace per name, and the runner's link. */
  static create(names: string[]): ClusterNetwork {
    services.ensureDebianCommand('nft', 'nftables');
    const tag = `${process.pid.toString(36)}${Date.now().toString(36).slice(-3)}`;
    const network = new ClusterNetwork(tag, freeSubnet());
    process.once('exit', network.onExit);
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => {
        network.teardown();
        process.exit(130);
      });
    try {
      network.build(names);
    } catch (error) {
      network.teardown();
      throw error;
    }
    return network;
  }

  /** The hosts' network, as a CIDR. */
  get cidr(): string {
    return `${this.subnet}.0/24`;
  }

  host(name: string): Host {
    const host = this.hosts.get(name);
    if (!host) throw new Error(`no host ${name}`);
    return host;
  }

  /** A command's process inside `host`, spawned as `ip netns exec` (which execs it: same pid). */
  spawn(host: Host, command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
    return spawn('ip', ['netns', 'exec', host.namespace, command, ...args], options);
  }

  /** Runs an nft script inside `host`'s namespace. */
  nft(host: Host, script: string): void {
    try {
      execFileSync('ip', ['netns', 'exec', host.namespace, 'nft', '-f', '-'], {
        input: script,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`nft in ${host.name} refused:\n${script}\n${stderr}`);
    }
  }

  /** Runs `tc` inside `host`'s namespace; `command` is its arguments, space-separated. */
  tc(host: Host, command: string): void {
    within(host.namespace, 'tc', ...command.split(' '));
  }

  /**
   * Drops `host`'s traffic with `peers` (every host when none are named):
   * what it receives from them (`inbound`), what it sends them (`outbound`),
   * or both. With `lossPercent`, only that share of the packets, at random.
   * Adds to the faults already on the host; `heal` removes them all.
   */
  cut(
    host: Host,
    {
      peers,
      direction = 'both',
      lossPercent,
    }: { peers?: Host[]; direction?: 'both' | 'inbound' | 'outbound'; lossPercent?: number } = {},
  ): void {
    const set = peers && `{ ${peers.map((peer) => peer.address).join(', ')} }`;
    const random = lossPercent === undefined ? '' : `numgen random mod 100 < ${lossPercent} `;
    const rules: string[] = [];
    if (direction !== 'outbound')
      rules.push(
        `add rule inet fault in iifname "${host.device}" ${set ? `ip saddr ${set} ` : ''}${random}drop`,
      );
    if (direction !== 'inbound')
      rules.push(
        `add rule inet fault out oifname "${host.device}" ${set ? `ip daddr ${set} ` : ''}${random}drop`,
      );
    this.nft(
      host,
      [
        'add table inet fault',
        'add chain inet fault in { type filter hook input priority 0; }',
        'add chain inet fault out { type filter hook output priority 0; }',
        ...rules,
        '',
      ].join('\n'),
    );
  }

  /**
   * Limits what `host` sends to `peer` to `rate` (tc's units, e.g. 64kbit);
   * the rest of its traffic goes on at full speed. HTB and u32, since this
   * kernel has neither prio nor netem.
   */
  squeeze(host: Host, peer: Host, rate: string): void {
    const dev = `dev ${host.device}`;
    this.tc(host, `qdisc add ${dev} root handle 1: htb default 10`);
    this.tc(host, `class add ${dev} parent 1: classid 1:10 htb rate 10gbit`);
    this.tc(host, `class add ${dev} parent 1: classid 1:30 htb rate ${rate} ceil ${rate}`);
    this.tc(
      host,
      `filter add ${dev} parent 1: protocol ip u32 match ip dst ${peer.address}/32 flowid 1:30`,
    );
  }

  /**
   * Holds what `host` and `peers` send each other on `ports` for `ms` each
   * way, through a relay inside `host` (delaying-proxy.js) that nft redirects
   * those connections to. The connections open when it begins are reset so
   * they are made again through the relay: a connection's path cannot be
   * changed under it. `heal` removes the relay, and so resets the delayed
   * connections once more. Resolves once as many connections go through the
   * relay as were reset, answering how many.
   */
  async delay(
    host: Host,
    { peers, ports, ms }: { peers: Host[]; ports: number[]; ms: number },
  ): Promise<{ reset: number }> {
    // The relay's own connections leave from a second address, which the rules let through.
    const source = `${this.subnet}.${Number(host.address.split('.')[3]) + 100}`;
    within(host.namespace, 'ip', 'addr', 'add', `${source}/24`, 'dev', host.device);
    const routes = peers.flatMap((peer) => ports.map((port) => ({ peer, port })));
    const listenPort = (index: number) => 20_000 + index;
    const relay = this.spawn(
      host,
      process.execPath,
      [
        path.join(__dirname, 'delaying-proxy.js'),
        String(ms),
        source,
        ...routes.map(({ peer, port }, index) => `${listenPort(index)}=${peer.address}:${port}`),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    this.relays.set(host.name, { relay, source });
    await new Promise<void>((resolve, reject) => {
      relay.stdout!.once('data', () => resolve());
      relay.once('exit', (code) =>
        reject(new Error(`the delaying relay in ${host.name} exited (${code})`)),
      );
    });
    this.nft(
      host,
      [
        'add table ip delay',
        'add chain ip delay out { type nat hook output priority -100; }',
        ...routes.map(
          ({ peer, port }, index) =>
            `add rule ip delay out ip saddr != ${source} ip daddr ${peer.address} tcp dport ${port} redirect to :${listenPort(index)}`,
        ),
        '',
      ].join('\n'),
    );
    const established = (filter: string[]) =>
      within(host.namespace, 'ss', '-Htn', 'state', 'established', ...filter)
        .split('\n')
        .filter(Boolean).length;
    const resetByPort = new Map<number, number>();
    for (const { peer, port } of routes) {
      const killed = within(
        host.namespace,
        'ss',
        '-HK',
        'dst',
        peer.address,
        'dport',
        '=',
        String(port),
      );
      resetByPort.set(
        port,
        (resetByPort.get(port) ?? 0) + killed.split('\n').filter(Boolean).length,
      );
    }
    // In place once, port by port, as many connections as were reset go through the relay.
    const relayed = (port: number) => established(['src', source, 'dport', '=', String(port)]);
    const until = Date.now() + 15_000;
    for (const [port, reset] of resetByPort)
      while (relayed(port) < reset) {
        if (Date.now() > until)
          throw new Error(
            `${relayed(port)} of the ${reset} connections to port ${port} reset in ${host.name} came back through the relay`,
          );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    const reset = [...resetByPort.values()].reduce((sum, n) => sum + n, 0);
    return { reset };
  }

  /** Removes every fault from `host`: its rules, its queueing discipline, its delaying relay. */
  heal(host: Host): void {
    quietly(() => within(host.namespace, 'nft', 'delete', 'table', 'inet', 'fault'));
    quietly(() => this.tc(host, `qdisc del dev ${host.device} root`));
    const delayed = this.relays.get(host.name);
    if (delayed) {
      this.relays.delete(host.name);
      quietly(() => within(host.namespace, 'nft', 'delete', 'table', 'ip', 'delay'));
      delayed.relay.kill('SIGKILL');
      quietly(() =>
        within(host.namespace, 'ip', 'addr', 'del', `${delayed.source}/24`, 'dev', host.device),
      );
    }
  }

  private build(names: string[]): void {
    ip('netns', 'add', this.switchNamespace);
    within(this.switchNamespace, 'ip', 'link', 'add', 'br0', 'type', 'bridge');
    within(this.switchNamespace, 'ip', 'link', 'set', 'br0', 'up');
    within(this.switchNamespace, 'ip', 'link', 'set', 'lo', 'up');
    // The runner's link: one end here in the root namespace, one on the switch.
    ip('link', 'add', this.clientLink, 'type', 'veth', 'peer', 'name', `${this.clientLink}p`);
    this.plug(`${this.clientLink}p`, 'port-client');
    ip('addr', 'add', `${this.clientAddress}/24`, 'dev', this.clientLink);
    ip('link', 'set', this.clientLink, 'up');
    names.forEach((name, index) => {
      const namespace = `${PREFIX}-${this.tag}-${name}`;
      const address = `${this.subnet}.${index + 10}`;
      ip('netns', 'add', namespace);
      const outer = `${PREFIX}${this.tag}${index.toString(36)}`;
      ip('link', 'add', outer, 'type', 'veth', 'peer', 'name', `${outer}h`);
      ip('link', 'set', `${outer}h`, 'netns', namespace);
      within(namespace, 'ip', 'link', 'set', `${outer}h`, 'name', 'eth0');
      within(namespace, 'ip', 'addr', 'add', `${address}/24`, 'dev', 'eth0');
      within(namespace, 'ip', 'link', 'set', 'eth0', 'up');
      within(namespace, 'ip', 'link', 'set', 'lo', 'up');
      this.plug(outer, `port-${index}`);
      this.hosts.set(name, { name, namespace, address, device: 'eth0' });
    });
  }

  /** Moves a veth end onto the switch and attaches it to the bridge. */
  private plug(device: string, portName: string): void {
    ip('link', 'set', device, 'netns', this.switchNamespace);
    within(this.switchNamespace, 'ip', 'link', 'set', device, 'name', portName);
    within(this.switchNamespace, 'ip', 'link', 'set', portName, 'master', 'br0');
    within(this.switchNamespace, 'ip', 'link', 'set', portName, 'up');
  }

  /**
   * Kills every process left in the hosts, then removes the namespaces (and
   * with them every veth, rule and qdisc inside) and the runner's link.
   */
  teardown(): void {
    if (this.tornDown) return;
    this.tornDown = true;
    process.removeListener('exit', this.onExit);
    const namespaces = [...[...this.hosts.values()].map((h) => h.namespace), this.switchNamespace];
    const pids = namespaces.flatMap((namespace) =>
      String(quietly(() => ip('netns', 'pids', namespace)))
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    );
    for (const pid of pids) quietly(() => process.kill(pid, 'SIGKILL'));
    for (const namespace of namespaces) quietly(() => ip('netns', 'delete', namespace));
    quietly(() => ip('link', 'delete', this.clientLink));
    // SIGKILL cannot be refused: a process still there a moment later is a leak.
    const until = Date.now() + 5_000;
    let alive = pids.filter(isAlive);
    while (alive.length > 0 && Date.now() < until) {
      execFileSync('sleep', ['0.1']);
      alive = alive.filter(isAlive);
    }
    this.survivors.push(...alive);
  }
}

const isAlive = (pid: number): boolean => processes.isRunning(pid);

function quietly<T>(action: () => T): T | '' {
  try {
    return action();
  } catch {
    return '';
  }
}

/** What of the suite is left on this machine: namespaces, links and processes in them. */
export function leftovers(): string[] {
  const namespaces = ip('netns', 'list')
    .split('\n')
    .map((line) => line.split(' ')[0])
    .filter((name) => name.startsWith(`${PREFIX}-`));
  const links = ip('-o', 'link')
    .split('\n')
    .map((line) => line.split(':')[1]?.trim().split('@')[0])
    .filter((name): name is string => !!name && name.startsWith(PREFIX));
  return [...namespaces.map((n) => `namespace ${n}`), ...links.map((l) => `link ${l}`)];
}
