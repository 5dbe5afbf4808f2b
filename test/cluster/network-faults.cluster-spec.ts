import { eventually, report, sleep } from '../faults/fault-harness';
import { jobWhereabouts } from '../faults/job-whereabouts';
import { openEventStream, pointsOf } from '../sse-client';
import { Answer, ClientLoad, POINTS } from './client-load';
import { Cluster, HOSTS, REDIS_PORT, SENTINEL_PORT, TIMINGS } from './cluster';
import { leftovers } from './network';

const LEASE_MS = Number(TIMINGS.LEASE_MS);

describe('the service on ten hosts, and the network between them failing', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start();
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    // No namespace or link (and so no rule or queueing discipline) is left, nor any process.
    expect(leftovers()).toEqual([]);
    expect(cluster?.network.survivors).toEqual([]);
  });

  const host = (name: string) => cluster.host(name);

  /** Every simulation a client was told about ends, or the error says what is left. */
  const untilAllEnded = async (ids: number[], timeoutMs: number) => {
    await eventually(
      async () => {
        const { rows } = await cluster.db.query(
          `SELECT count(*)::int AS n FROM simulations
           WHERE simulation_id = ANY($1) AND status IN ('pending', 'running')`,
          [ids],
        );
        return rows[0].n === 0 ? true : undefined;
      },
      { timeoutMs, intervalMs: 250, what: `${ids.length} simulations to end` },
    ).catch(async (error: Error) => {
      const { rows } = await cluster.db.query(
        `SELECT simulation_id, attempt, machine_id, status FROM simulations
         WHERE simulation_id = ANY($1) AND status IN ('pending', 'running')`,
        [ids],
      );
      const client = cluster.redisClient();
      try {
        throw new Error(
          `${error.message}\n${await jobWhereabouts(client, rows, [...cluster.apps.values()])}`,
        );
      } finally {
        client.disconnect();
      }
    });
  };

  /**
   * The invariants of every scenario, from Postgres and from what the client
   * saw; answers the figures to print.
   */
  const expectInvariants = async (answers: Answer[], ids: number[]) => {
    const { rows } = await cluster.db.query(
      `SELECT s.simulation_id, s.status, s.attempt,
              count(p.*)::int AS stored,
              count(p.*) FILTER (WHERE p.attempt = s.attempt)::int AS current,
              count(DISTINCT p.seconds)::int AS distinct_seconds
       FROM simulations s LEFT JOIN convergence_points p USING (simulation_id)
       WHERE s.simulation_id = ANY($1) GROUP BY s.simulation_id ORDER BY s.simulation_id`,
      [ids],
    );
    // Every simulation a client was told was created exists and finished once, with one whole curve.
    expect(rows.map((row) => Number(row.simulation_id))).toEqual([...ids].sort((a, b) => a - b));
    for (const row of rows)
      expect(row).toMatchObject({
        status: 'finished',
        stored: POINTS,
        current: POINTS,
        distinct_seconds: POINTS,
      });
    // Nothing answered a 5xx but the documented 503.
    const serverErrors = answers.filter((a) => a.status >= 500 && a.status !== 503);
    expect(serverErrors).toEqual([]);
    // One key, one simulation: a repeat through the other API host says the same.
    const byKey = new Map<string, Set<number>>();
    for (const answer of answers.filter((a) => a.key && a.id !== undefined))
      byKey.set(answer.key!, (byKey.get(answer.key!) ?? new Set()).add(answer.id!));
    expect([...byKey.values()].filter((ids) => ids.size > 1)).toEqual([]);
    const failed = answers.filter((a) => a.status === 0 || a.status >= 400);
    const how = Object.entries(
      failed.reduce<Record<string, number>>((counts, a) => {
        const label = a.status === 0 ? `no answer (${a.error})` : String(a.status);
        counts[label] = (counts[label] ?? 0) + 1;
        return counts;
      }, {}),
    )
      .map(([label, n]) => `${n} × ${label}`)
      .join(', ');
    const times = answers.map((a) => a.ms).sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    return {
      latency: `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${times.at(-1)} ms`,
      slowest: times.at(-1) ?? 0,
      retried: rows.filter((row) => row.attempt > 1).length,
      failed: failed.length ? how : 'none',
      requests: answers.length,
    };
  };

  /** Stale writes the workers' fencing refused since `since` (their own log lines). */
  const staleWritesSince = (since: number) =>
    [...cluster.apps.values()]
      .filter((app) => app.name.startsWith('worker'))
      .flatMap((app) => app.lines)
      .filter(
        (line) =>
          /rejected stale|is no longer ours/.test(line) &&
          Date.parse(JSON.parse(line).time) >= since,
      ).length;

  /**
   * A scenario under steady client load: `fault` breaks something and,
   * unless the scenario leaves it broken, heals it; then every simulation
   * created must end, and the invariants hold. One line of figures each.
   */
  const underLoad = async (
    name: string,
    fault: (load: ClientLoad) => Promise<void>,
    { leftCut = false, recoveryMs = 60_000 } = {},
  ) => {
    const load = new ClientLoad(cluster).start();
    await sleep(2_000);
    const faultAt = Date.now();
    await fault(load);
    const healedAt = Date.now();
    await sleep(2_000);
    await load.stop();
    const ids = load.created;
    await untilAllEnded(ids, recoveryMs);
    const recovered = Date.now();
    const figures = await expectInvariants(load.answers, ids);
    const held = leftCut
      ? `left in place; all ${ids.length} ended ${((recovered - faultAt) / 1000).toFixed(1)} s after it began`
      : `held ${((healedAt - faultAt) / 1000).toFixed(1)} s; all ${ids.length} ended ` +
        `${((recovered - healedAt) / 1000).toFixed(1)} s after it was healed`;
    report(
      `${name}: fault ${held}; ${figures.retried} runs retried; ` +
        `${staleWritesSince(faultAt)} stale writes refused; ${figures.requests} requests (${figures.latency}), failed: ${figures.failed}`,
    );
    // No client waits past the API's statement deadline (DATABASE_QUERY_TIMEOUT_MS, 5 s) and a second.
    expect(figures.slowest).toBeLessThan(6_000);
    return figures;
  };

  it('a worker host cut from Postgres past its lease, then healed: its runs move to its peer, its late writes are refused', async () => {
    const worker = host('worker-1');
    const figures = await underLoad(
      'worker-1 cut from Postgres, healed after the lease',
      async () => {
        cluster.network.cut(worker, { peers: [host(HOSTS.postgres)] });
        await sleep(LEASE_MS + 3_000);
        cluster.network.heal(worker);
      },
    );
    expect(figures.retried).toBeGreaterThan(0);
  });

  it('a worker host cut from Redis past its lease, then healed: every run still ends once', async () => {
    const worker = host('worker-2');
    await underLoad('worker-2 cut from Redis, healed after the lease', async () => {
      cluster.network.cut(worker, { peers: HOSTS.redis.map(host) });
      await sleep(LEASE_MS + 3_000);
      cluster.network.heal(worker);
    });
  });

  it('a worker host cut from Postgres and Redis both past its lease, then healed', async () => {
    const worker = host('worker-1');
    await underLoad('worker-1 cut from Postgres and Redis, healed after the lease', async () => {
      cluster.network.cut(worker, { peers: [host(HOSTS.postgres), ...HOSTS.redis.map(host)] });
      await sleep(LEASE_MS + 3_000);
      cluster.network.heal(worker);
    });
  });

  it.each([
    ['Postgres', () => [host(HOSTS.postgres)]],
    ['Redis', () => HOSTS.redis.map(host)],
    ['Postgres and Redis', () => [host(HOSTS.postgres), ...HOSTS.redis.map(host)]],
  ])('a worker host left cut from %s: its peer finishes every run', async (what, peers) => {
    const worker = host('worker-2');
    try {
      await underLoad(
        `worker-2 left cut from ${what}`,
        async () => {
          cluster.network.cut(worker, { peers: peers() });
          await sleep(LEASE_MS + 3_000);
        },
        { leftCut: true },
      );
    } finally {
      cluster.network.heal(worker);
    }
  });

  it('a worker host whose packets reach Postgres but not the answers, then healed', async () => {
    const worker = host('worker-1');
    await underLoad(
      'worker-1 hears nothing back from Postgres, healed after the lease',
      async () => {
        cluster.network.cut(worker, { peers: [host(HOSTS.postgres)], direction: 'inbound' });
        await sleep(LEASE_MS + 3_000);
        cluster.network.heal(worker);
      },
    );
  });

  it('30 % packet loss between the workers and Postgres: slower, retried statements, every run ends once', async () => {
    await underLoad('30 % loss between workers and Postgres for 10 s', async () => {
      for (const name of HOSTS.workers)
        cluster.network.cut(host(name), { peers: [host(HOSTS.postgres)], lossPercent: 30 });
      await sleep(10_000);
      for (const name of HOSTS.workers) cluster.network.heal(host(name));
    });
  });

  it('the workers squeezed to 64 kbit/s towards Postgres: every run ends once', async () => {
    await underLoad('workers → Postgres at 64 kbit/s for 10 s', async () => {
      for (const name of HOSTS.workers)
        cluster.network.squeeze(host(name), host(HOSTS.postgres), '64kbit');
      await sleep(10_000);
      for (const name of HOSTS.workers) cluster.network.heal(host(name));
    });
  });

  it('the Redis master host lost and back: the Sentinels promote a replica, nothing is lost', async () => {
    await underLoad('the Redis master host cut for 8 s', async () => {
      const master = await currentRedisMaster();
      cluster.network.cut(host(master));
      await sleep(8_000);
      cluster.network.heal(host(master));
    });
  });

  it('the Postgres host lost mid-run and back: 503s meanwhile, every run ends once', async () => {
    await underLoad('the Postgres host cut for 8 s', async () => {
      cluster.network.cut(host(HOSTS.postgres));
      await sleep(8_000);
      cluster.network.heal(host(HOSTS.postgres));
    });
  });

  it('150 ms each way between an API host and Redis: it answers slower, refuses nothing, and streams every point', async () => {
    const api = host('api-1');
    const delayMs = 150;
    const direct: Answer[] = [];
    let streamed: Array<{ seconds: number; loss: number }> = [];
    let watchedId = 0;
    let moved = { reset: 0, ms: 0 };
    await underLoad(`api-1 ↔ Redis ${delayMs} ms each way for 10 s`, async (load) => {
      const delayedAt = Date.now();
      const { reset } = await cluster.network.delay(api, {
        peers: HOSTS.redis.map(host),
        ports: [REDIS_PORT, SENTINEL_PORT],
        ms: delayMs,
      });
      moved = { reset, ms: Date.now() - delayedAt };
      const until = Date.now() + 10_000;
      // A client watching a curve live through the slow host: its points come through Redis.
      watchedId = (await load.createVia('api-1')).id!;
      const stream = openEventStream(
        `${cluster.apiUrl('api-1')}/converge/${watchedId}/stream`,
        cluster.token(),
      );
      // Creates straight to each API host in turn, to set the slow one against the other.
      while (Date.now() < until) {
        direct.push(await load.createVia('api-1'), await load.createVia('api-2'));
        await sleep(100);
      }
      await stream.until((events) => events.some((event) => event.event === 'end'), 20_000);
      streamed = pointsOf(stream.events);
      stream.close();
      cluster.network.heal(api);
    });
    const creates = (name: string) => direct.filter((answer) => answer.via === name);
    const p50 = (answers: Answer[]) =>
      answers.map((answer) => answer.ms).sort((a, b) => a - b)[Math.floor(answers.length / 2)];
    const { rows } = await cluster.db.query(
      `SELECT seconds, loss FROM convergence_points WHERE simulation_id = $1 ORDER BY seconds`,
      [watchedId],
    );
    report(
      `api-1 ↔ Redis ${delayMs} ms each way: its ${moved.reset} Redis and Sentinel connections ` +
        `made again through the delay in ${(moved.ms / 1000).toFixed(1)} s; creates straight to api-1 p50 ${p50(creates('api-1'))} ms, ` +
        `to api-2 p50 ${p50(creates('api-2'))} ms (${creates('api-1').length} each); ` +
        `a live stream through api-1 received ${streamed.length} points of ${rows.length}`,
    );
    for (const answer of direct) expect(answer.status).toBe(201);
    // The delay is real: a create through the slow host waits on Redis at least one round trip
    // (but for those in the moment its connections are made again, which Redis does not see).
    expect(p50(creates('api-1'))).toBeGreaterThanOrEqual(2 * delayMs);
    expect(rows).toHaveLength(POINTS);
    expect(streamed).toEqual(rows);
    // Every reset connection was made again quietly: ioredis' errors stay out of stderr.
    expect(cluster.apps.get('api-1')!.lines.filter((line) => /Unhandled error/.test(line))).toEqual(
      [],
    );
  });

  /** The Redis host the Sentinels name as master now. */
  const currentRedisMaster = async (): Promise<string> => {
    const address = await cluster.sentinelMaster();
    const name = HOSTS.redis.find((name) => host(name).address === address);
    if (!name) throw new Error(`the Sentinels name ${address}, not a Redis host`);
    return name;
  };

  /** The live curve streams API host `name` serves now, as its /metrics says. */
  const streamsServedBy = async (name: string): Promise<number> => {
    const metrics = await fetch(`${cluster.apiUrl(name)}/metrics`).then((response) =>
      response.text(),
    );
    return Number(/^live_curve_streams_open (\d+)$/m.exec(metrics)?.[1]);
  };

  /** A simulation of `points` points at 100 ms each, created through the balancer. */
  const createWatched = async (name: string, points: number): Promise<number> => {
    const created = await fetch(`${cluster.url}/simulation`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${cluster.token()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name,
        machine: { machine_id: 1, name: 'machine 1' },
        emulation: { points, tick_ms: 100 },
      }),
    }).then((response) => response.json());
    return created.id;
  };

  /**
   * A client following one curve live through the balancer to its end: when
   * its stream drops, it connects again with the last event's id, as an
   * EventSource does. Bounded in rounds.
   */
  const followCurve = (id: number) => {
    const follower = {
      received: [] as Array<{ seconds: number; loss: number }>,
      reconnects: 0,
      /** When the stream first dropped, and when the first point came again after it. */
      droppedAt: 0,
      resumedAt: 0,
      current: undefined as ReturnType<typeof openEventStream> | undefined,
      done: Promise.resolve(),
    };
    follower.done = (async () => {
      let lastId: string | undefined;
      for (let round = 0; round < 20; round++) {
        const stream = openEventStream(
          `${cluster.url}/converge/${id}/stream`,
          cluster.token(),
          lastId,
        );
        follower.current = stream;
        if (follower.droppedAt && !follower.resumedAt)
          stream
            .until((events) => pointsOf(events).length > 0, 30_000)
            .then(() => (follower.resumedAt ||= Date.now()))
            .catch(() => undefined);
        await stream.ended;
        follower.received.push(...pointsOf(stream.events));
        lastId = [...stream.events].reverse().find((event) => event.id)?.id ?? lastId;
        if (stream.events.some((event) => event.event === 'end')) return;
        follower.droppedAt ||= Date.now();
        follower.reconnects++;
        await sleep(500);
      }
    })();
    return follower;
  };

  it('an API host cut from everything while clients stream curves: the streams it served resume on the other host, no gap, no duplicate', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push(await createWatched(`watched across hosts ${i}`, 100));
    const followers = ids.map(followCurve);
    await eventually(async () =>
      followers.every((f) => f.current && pointsOf(f.current.events).length >= 10)
        ? true
        : undefined,
    );
    // Cut the API host serving the most of these streams, mid-curve.
    const served = await Promise.all(
      HOSTS.apis.map(async (name) => [name, await streamsServedBy(name)] as const),
    );
    expect(served.reduce((sum, [, n]) => sum + n, 0)).toBe(followers.length);
    const [serving, streamsThere] = [...served].sort((a, b) => b[1] - a[1])[0];
    const cutAt = Date.now();
    cluster.network.cut(host(serving));
    try {
      await Promise.all(followers.map((f) => f.done));
    } finally {
      cluster.network.heal(host(serving));
    }
    const moved = followers.filter((f) => f.reconnects > 0);
    report(
      `${serving} cut from everything mid-stream, ${followers.length} clients streaming (${streamsThere} through it): ` +
        `${moved.length} resumed through the balancer with Last-Event-ID ` +
        moved.map((f) => `${((f.resumedAt - cutAt) / 1000).toFixed(1)} s`).join(', ') +
        ` after the cut; the others went on; ` +
        `${followers.map((f) => f.received.length).join(', ')} points received of 100 each`,
    );
    expect(moved.length).toBe(streamsThere);
    for (const [index, id] of ids.entries()) {
      const { rows } = await cluster.db.query(
        `SELECT seconds, loss FROM convergence_points WHERE simulation_id = $1 ORDER BY seconds`,
        [id],
      );
      expect(rows).toHaveLength(100);
      expect(followers[index].received).toEqual(rows);
    }
  });
});
