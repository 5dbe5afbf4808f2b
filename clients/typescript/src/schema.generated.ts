// Generated from the API's OpenAPI document (/docs-json) by `npm run generate:api-types`.
// Do not edit. The document itself is clients/typescript/openapi.json.
export interface paths {
  '/auth/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Exchange client credentials for an access token
     * @description The token carries the client as `sub`, its role, `iss`, `aud`, `iat`, `exp`, `jti` and the signing key as `kid`.
     */
    post: operations['ApiClientsController_issueToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List API clients (never their secrets)
     * @description Oldest first; the first 1,000.
     */
    get: operations['ApiClientsController_list'];
    put?: never;
    /** Create an API client; its secret is shown once, in this answer */
    post: operations['ApiClientsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/clients/{client_id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Disable a client: its tokens stop working at once */
    post: operations['ApiClientsController_disable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/clients/{client_id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enable a disabled client again */
    post: operations['ApiClientsController_enable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/clients/{client_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a client: its tokens stop working at once */
    delete: operations['ApiClientsController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List simulations
     * @description Sorted by `order_by` in `order` (ascending by default), ties by id. Page with `cursor`: every page costs the same however deep, and no simulation that existed when paging began is skipped or repeated while others are created (sorted by `update_date`, a simulation updated meanwhile moves to its new place). The total counts the matches exactly up to 10,000 (1,000 for a `filter` naming params, tags or metrics) and estimates beyond (`X-Total-Count-Exact: false`). `filter` narrows the list with the search language (docs/search.md).
     */
    get: operations['SimulationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One simulation, with its attempt history
     * @description Also served at /simulations/{simulation_id}.
     */
    get: operations['SimulationsController_get[0]'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulations/{simulation_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One simulation, with its attempt history
     * @description Also served at /simulations/{simulation_id}.
     */
    get: operations['SimulationsController_get[1]'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A run's metrics, each with its summary
     * @description Every metric of the current attempt, by name: how many points, the last value, the minimum and where it was first reached, the maximum. `loss` is the curve of GET /converge/{id}.
     */
    get: operations['SimulationsController_metrics'];
    put?: never;
    /**
     * An external run reports points, params and tags (run token)
     * @description One report, stored whole or not at all, and once: its `sequence` numbers it, and the same report sent again changes nothing (`duplicate: true`). Points of any metrics, each going forward in time; params are written once, tags set. Reporting keeps the run’s lease.
     */
    post: operations['RunReportsController_report'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Set and remove a run's tags
     * @description `set` adds tags or replaces their values; `remove` deletes keys. Both apply together, and the run may have at most 200 tags after. Answers the tags after the change. Operators may tag only simulations they created (403 otherwise); admins any.
     */
    patch: operations['SimulationsController_changeTags'];
    trace?: never;
  };
  '/simulation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a simulation
     * @description Saves the simulation as pending and queues it; a worker runs it. Answers at once. An unknown machine is registered when `machine.name` is given.
     */
    post: operations['SimulationsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulations/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create up to 1,000 simulations at once
     * @description A sweep in one request and one transaction: every simulation is created and queued, or none is. Each item is what `POST /simulation` takes; problems are named by index (`simulations[3]: …`). One `Idempotency-Key` covers the whole batch, and the per-client pending cap counts all of it. Bodies up to 4 MiB.
     */
    post: operations['SimulationsController_createBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a pending or running simulation
     * @description A pending one is cancelled at once; a running one is cancelled at once and its worker stops within one tick. Operators may cancel only simulations they created (403 otherwise); admins any.
     */
    post: operations['SimulationsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run a failed or cancelled simulation again
     * @description It goes back to pending as a new attempt, with a fresh budget of automatic attempts; history is kept. An external run answers the run token of its next attempt (`run_token`). Operators may retry only simulations they created (403 otherwise); admins any.
     */
    post: operations['SimulationsController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An external run starts (run token)
     * @description pending → running for the attempt the token is for. Sent again for that attempt, the same answer.
     */
    post: operations['RunReportsController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}/heartbeat': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An external run is still going (run token)
     * @description Keeps the lease of a run with nothing to report yet. A run silent for the lease (LEASE_MS) is failed as lost.
     */
    post: operations['RunReportsController_heartbeat'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An external run ends (run token)
     * @description `finished` or `failed`, with its exit code and, for a failure, a reason. Sent again, the same answer.
     */
    post: operations['RunReportsController_end'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}/logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A program run's output, stdout and stderr, an attempt at a time
     * @description The lines its program printed, in the order its worker read them, numbered by `seq`; the current attempt's unless `attempt` says which. `tail` answers the last lines, `after` pages on from an earlier answer (`next_after`). A log outgrowing its program's `logs.max_bytes` keeps its tail, and `dropped` counts what went. Runs of the emulator and external runs print nothing here. `format=text` answers the lines alone.
     */
    get: operations['RunLogsController_read'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}/logs/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A program run's output, live (Server-Sent Events)
     * @description The lines stored so far, then each as its worker stores it, a few times a second, attempt after attempt, and `end` once the run has ended (then closes). Events: `lines` {attempt, lines:[{seq, stream, at, text, cut}]} with id `<attempt>:<seq>`; `attempt` {attempt} when a new attempt starts its output over; `end` {attempt, status}. Reconnect with `Last-Event-ID`, to this API or another, to go on after the last line received.
     */
    get: operations['RunLogsController_follow'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The projects the caller sees, each with its role there */
    get: operations['ProjectsController_list'];
    put?: never;
    /** Make a project (admin without project scope) */
    post: operations['ProjectsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One project (a project the caller does not see is not found) */
    get: operations['ProjectsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a project's description, retention, machines or quotas (its name never changes) */
    patch: operations['ProjectsController_update'];
    trace?: never;
  };
  '/machines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List machines with their status and load
     * @description Ordered by machine_id; the first 10,000. The load counts the runs of the projects the caller sees; with `project`, that project's runs, and only the machines it may use.
     */
    get: operations['MachinesController_list'];
    put?: never;
    /**
     * Register a machine
     * @description It is offline until a worker serves it (MACHINE_ID, or a pool worker).
     */
    post: operations['MachinesController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/machine/{machine_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One machine with its status and load */
    get: operations['MachinesController_get'];
    put?: never;
    post?: never;
    /**
     * Delete a machine
     * @description Deletes the machine with its finished, failed and cancelled simulations. Refused (409) while it has pending or running simulations, or a live worker of its own.
     */
    delete: operations['MachinesController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/machine/{machine_id}/drain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop new runs on a machine
     * @description Running simulations finish; pending ones wait.
     */
    post: operations['MachinesController_drain'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/machine/{machine_id}/undrain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Let a drained machine take new runs again */
    post: operations['MachinesController_undrain'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/converge/{simulation_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A simulation's convergence curve (loss by seconds), sampled or exported
     * @description Without parameters, a curve of up to 10,000 points comes back whole (the original service's answer, plus `meta`); a longer one is sampled into 1,000 logarithmic buckets. `from`/`to` select a window first; `points`, `scale` and `agg` control the sampling. The first and last point of the window are always included as they are. `format=csv|ndjson` streams every point of the window instead.
     */
    get: operations['ConvergenceController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}/metrics/{metric}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One metric of a run, by seconds or by step: sampled or exported
     * @description Everything GET /converge/{id} does, for any metric of the current attempt (`loss` is the same series): `from`/`to`, `points`, `scale`, `agg`, `format=csv|ndjson`; and `x=step` to read it along the steps the run gave. Points carry `value`, and `step` where the run reported one. Percent-encode the name in the path. A metric the current attempt has not reported is a 404.
     */
    get: operations['ConvergenceController_metric'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/converge/{simulation_id}/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A simulation's convergence curve, live (Server-Sent Events)
     * @description Sends the points stored so far, then each batch as the worker writes it, status changes, and `end` at a terminal status (then closes). Events: `status` {attempt, status}; `points` {attempt, points:[{seconds, loss}]} with id `<attempt>:<seconds>`; `attempt` {attempt} when a new attempt restarts the curve; `end` {attempt, status}. Reconnect with `Last-Event-ID` to resume after the last point received, with no gap and no duplicate.
     */
    get: operations['ConvergenceController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/simulation/{simulation_id}/metrics/{metric}/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One metric of a run, live (Server-Sent Events)
     * @description GET /converge/{id}/stream for any metric (`loss` included), with points shaped as /simulation/{id}/metrics/{name} shapes them: `points` {attempt, points:[{seconds, value, step?}]}. A run that has not reported the metric yet may still: the stream waits for it (each new attempt starts it over). For a run that has ended without it, a 404.
     */
    get: operations['ConvergenceController_metricStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compare': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Compare runs side by side
     * @description Up to 100 runs: their params (which differ, which every run shares), tags and metric summaries, and one metric of each sampled to the same number of points (the last value of each bucket, on a log scale by default) for an overlay chart. An id that does not exist is a 404 naming it.
     */
    get: operations['CompareController_compare'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness: the process answers
     * @description Checks nothing else; restart the process only when this fails. No token needed.
     */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness: Postgres and Redis reachable; whether any worker consumes
     * @description 503 while Postgres or Redis is unreachable. `info.workers.consuming` is false when no live worker takes jobs: the API still accepts work, which waits. No token needed.
     */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Postgres and Redis reachability
     * @description No token needed.
     */
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics of this API process and of the service
     * @description Prometheus text format: requests by route and status, latency, simulations pending and running, queue jobs by machine and state, pending work, live workers and heartbeat age by machine, process and event-loop metrics. No token needed; expose it to the scraper only.
     */
    get: operations['MetricsController_metrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sign-in page for the queue dashboard (/admin/queues), for browsers */
    get: operations['AdminLoginController_loginPage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/login.js': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sign-in page’s script (a file, as the content security policy wants) */
    get: operations['AdminLoginController_loginScript'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open a browser session for the queue dashboard
     * @description Sets an HttpOnly, SameSite=Strict cookie holding the admin bearer token sent, valid on /admin paths only, until the token expires (8 hours at most).
     */
    post: operations['AdminLoginController_openSession'];
    /** Close the browser session (clears the cookie) */
    delete: operations['AdminLoginController_closeSession'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The web dashboard: simulations, live curves and machines, for browsers
     * @description Sign in on the page with client credentials or a token. Its script and styles are under /assets.
     */
    get: operations['DashboardController_page'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/favicon.ico': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The site's icon, which browsers ask for on their own */
    get: operations['DashboardController_favicon'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The dashboard's scripts and styles */
    get: operations['DashboardController_asset'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    TokenRequestDto: {
      /** @example cl_3f1c0d4a9b2e7f6a1c2d3e4f */
      client_id: string;
      /**
       * @description The secret shown once when the client was created.
       * @example bV9…
       */
      client_secret: string;
    };
    TokenResponse: {
      /** @example eyJhbGciOiJIUzI1NiIsImtpZCI6InByaW1hcnkifQ… */
      access_token: string;
      /**
       * @example Bearer
       * @enum {string}
       */
      token_type: 'Bearer';
      /**
       * @description Seconds until it expires.
       * @example 3600
       */
      expires_in: number;
    };
    ErrorResponse: {
      /** @example 404 */
      statusCode: number;
      /** @example Not Found */
      error: string;
      /** @example simulation 42 not found */
      message: string;
      /**
       * @description Every problem found, when validation found more than one.
       * @example [
       *       "name must be 1 to 255 characters",
       *       "property colour should not exist"
       *     ]
       */
      details?: string[];
    };
    CreateApiClientDto: {
      /** @example nightly-reports */
      name: string;
      /**
       * @description Its role (with `projects`, its tokens carry the highest of those instead).
       * @example operator
       * @enum {string}
       */
      role: 'viewer' | 'operator' | 'admin';
      /**
       * @description Its role in each project it may use (docs/projects.md). Left out: the `default` project only (every project, for an admin).
       * @example {
       *       "vision": "operator",
       *       "nlp": "viewer"
       *     }
       */
      projects?: {
        [key: string]: 'viewer' | 'operator' | 'admin';
      };
    };
    CreatedApiClientResponse: {
      /** @example cl_3f1c0d4a9b2e7f6a1c2d3e4f */
      client_id: string;
      /** @example nightly-reports */
      name: string;
      /**
       * @example operator
       * @enum {string}
       */
      role: 'viewer' | 'operator' | 'admin';
      /**
       * @description Its role per project; empty: no project scope.
       * @example {
       *       "vision": "operator"
       *     }
       */
      projects: {
        [key: string]: 'viewer' | 'operator' | 'admin';
      };
      /**
       * @description Who created it.
       * @example e2e-admin
       */
      created_by: string | null;
      /** Format: date-time */
      created_at: string;
      /** @example false */
      disabled: boolean;
      /** Format: date-time */
      last_used_at: string | null;
      /**
       * @description Shown only now: only a salted hash is kept. Store it like a password.
       * @example bV9xY…
       */
      client_secret: string;
    };
    ApiClientResponse: {
      /** @example cl_3f1c0d4a9b2e7f6a1c2d3e4f */
      client_id: string;
      /** @example nightly-reports */
      name: string;
      /**
       * @example operator
       * @enum {string}
       */
      role: 'viewer' | 'operator' | 'admin';
      /**
       * @description Its role per project; empty: no project scope.
       * @example {
       *       "vision": "operator"
       *     }
       */
      projects: {
        [key: string]: 'viewer' | 'operator' | 'admin';
      };
      /**
       * @description Who created it.
       * @example e2e-admin
       */
      created_by: string | null;
      /** Format: date-time */
      created_at: string;
      /** @example false */
      disabled: boolean;
      /** Format: date-time */
      last_used_at: string | null;
    };
    EmulationResponse: {
      /** @example 10 */
      points: number;
      /** @example 100 */
      span_seconds: number;
      /**
       * @description Null: the worker's default pace (a run as long as the default ten-point run).
       * @example null
       */
      tick_ms: number | null;
      /** @example 0 */
      noise: number;
      /** @example 0 */
      seed: number;
      /** @example 3 */
      decimals: number;
    };
    SimulationAttemptResponse: {
      /** @example 1 */
      attempt: number;
      /**
       * @description The worker process that ran it.
       * @example worker-7f3a:4211:9c1e
       */
      worker_id: string;
      /** Format: date-time */
      started_at: string;
      /** Format: date-time */
      ended_at: string | null;
      /**
       * @example finished
       * @enum {string}
       */
      outcome:
        'running' | 'finished' | 'failed' | 'timed_out' | 'lost' | 'cancelled' | 'handed_back';
      /** @example null */
      reason: string | null;
      /**
       * @description The GPUs its program was given (CUDA_VISIBLE_DEVICES); left out when it needed none.
       * @example [
       *       "0",
       *       "1"
       *     ]
       */
      gpus?: string[];
    };
    SimulationDetailResponse: {
      /** @example 1 */
      simulation_id: number;
      /** @example A */
      name: string;
      /** @example 102 */
      machine_id: number;
      /**
       * @description The project it belongs to (docs/projects.md).
       * @example default
       */
      project: string;
      /**
       * @example finished
       * @enum {string}
       */
      status: 'pending' | 'running' | 'finished' | 'failed' | 'cancelled';
      /**
       * Format: date-time
       * @example 2024-03-06T08:02:46.295Z
       */
      creation_date: string;
      /**
       * Format: date-time
       * @description Changes on every change of the simulation (heartbeats excepted).
       * @example 2024-03-06T08:02:56.312Z
       */
      update_date: string;
      /**
       * @description Attempts started so far (0 until a worker first takes it).
       * @example 1
       */
      attempt: number;
      /**
       * @description Automatic attempts each run request is granted (at creation, and again on each manual retry).
       * @example 3
       */
      attempt_budget: number;
      /**
       * @description A failure on this attempt number is final.
       * @example 3
       */
      final_attempt: number;
      /**
       * @deprecated
       * @description Deprecated: the earlier name of `final_attempt`, still sent for one release.
       * @example 3
       */
      max_attempts: number;
      /**
       * Format: date-time
       * @example 2024-03-06T08:02:46.401Z
       */
      started_at: string | null;
      /**
       * Format: date-time
       * @example 2024-03-06T08:02:56.312Z
       */
      finished_at: string | null;
      /**
       * Format: date-time
       * @description Last sign of life from the worker running it.
       * @example 2024-03-06T08:02:54.307Z
       */
      heartbeat_at: string | null;
      /**
       * @description Why the last attempt failed; present on failed simulations and on ones waiting to be retried.
       * @example timed out: still running 120000 ms after its planned end
       */
      failure_reason?: string;
      /**
       * @description What runs it: `external` (a run that reports from anywhere) or a program its machine declared; left out for the emulator (the contract’s run).
       * @example external
       */
      program?: string;
      /**
       * Format: int32
       * @description How the run ended by its exit code: as an external run reported it, or as a program exited (null until then, and for a program killed by a signal).
       * @example 0
       */
      exit_code?: number | null;
      /**
       * @description In a list asked for `columns` only: each column named there with this run's value, null where it has none.
       * @example {
       *       "params.lr": 0.01,
       *       "metrics.val_loss.min": 0.21
       *     }
       */
      columns?: {
        [key: string]: (number | null) | string | boolean;
      };
      /** @description How its curve is emulated. */
      emulation: components['schemas']['EmulationResponse'];
      /**
       * @description Whether a worker serves its machine now: a pending simulation on an offline machine waits for one.
       * @example online
       * @enum {string}
       */
      machine_status: 'online' | 'offline' | 'draining';
      /** @description Every attempt, oldest first (the latest 1000 when there were more). */
      attempts: components['schemas']['SimulationAttemptResponse'][];
      /**
       * @description Its params, each with the type it was given; {} when it has none.
       * @example {
       *       "lr": 0.01,
       *       "optimizer": "adam"
       *     }
       */
      params: {
        [key: string]: number | string | boolean;
      };
      /**
       * @description Its tags; {} when it has none.
       * @example {
       *       "team": "vision"
       *     }
       */
      tags: {
        [key: string]: string;
      };
    };
    ChangeTagsDto: {
      /**
       * @description Tags to add, or to replace when the key is there already.
       * @example {
       *       "stage": "reviewed"
       *     }
       */
      set?: {
        [key: string]: string;
      };
      /**
       * @description Keys of tags to remove; a key the run does not have is no error.
       * @example [
       *       "draft"
       *     ]
       */
      remove?: string[];
    };
    MachineReferenceDto: {
      /**
       * Format: int32
       * @example 101
       */
      machine_id: number;
      /**
       * @description Registers the machine under this name if it is unknown. An existing machine keeps its name.
       * @example Machine A
       */
      name?: string;
    };
    EmulationDto: {
      /**
       * Format: int32
       * @description Points in the curve.
       * @default 10
       * @example 10
       */
      points?: number;
      /**
       * @description Simulated seconds the curve covers: point i of n sits at span_seconds · i / n.
       * @default 100
       * @example 100
       */
      span_seconds?: number;
      /**
       * Format: int32
       * @description Real milliseconds between points; 0 writes as fast as the database takes them. Left out, a run lasts as long as the default ten-point run (about 10 s) whatever its length. points × tick_ms may not exceed 24 hours.
       * @example 1000
       */
      tick_ms?: number;
      /**
       * @description Noise level: the loss is multiplied by e^(noise·z), z standard normal. 0 gives a smooth curve.
       * @default 0
       * @example 0.1
       */
      noise?: number;
      /**
       * Format: int32
       * @description Seeds the noise: the same seed gives the same curve. Left out, one is drawn and recorded.
       * @example 42
       */
      seed?: number;
      /**
       * Format: int32
       * @description Decimal places the loss is rounded to.
       * @default 3
       * @example 3
       */
      decimals?: number;
    };
    CreateSimulationDto: {
      /**
       * Format: int64
       * @description Choose the id, or leave it out to have one generated. A taken id is a 409.
       * @example 1
       */
      simulation_id?: number;
      /** @example Sample Simulation */
      name: string;
      /**
       * Format: int32
       * @description The machine to run on. Give this, `machine.machine_id`, or both (then they must agree).
       * @example 101
       */
      machine_id?: number;
      /**
       * @description Every simulation starts pending; any other value is a 400.
       * @example pending
       * @enum {string}
       */
      status?: 'pending';
      /**
       * Format: date-time
       * @description Accepted for compatibility and ignored: the server records when it created the simulation.
       * @example 2024-03-05T14:30:00Z
       */
      creation_date?: string;
      /**
       * Format: date-time
       * @description Accepted for compatibility and ignored: the server records every change.
       * @example 2024-03-05T15:00:00Z
       */
      update_date?: string;
      /**
       * Format: int32
       * @description Automatic attempts before a failing run is given up (a manual retry grants as many again).
       * @default 3
       * @example 3
       */
      attempt_budget?: number;
      /**
       * Format: int32
       * @deprecated
       * @description Deprecated: the earlier name of `attempt_budget`, still read for one release. Given with `attempt_budget`, the two must agree.
       * @example 3
       */
      max_attempts?: number;
      /**
       * @description What runs it: `emulate` (the contract's run: a worker serving the machine emulates the curve), `external` (a run reporting from anywhere: no worker takes it; the answer carries its run-scoped token, and its client reports its start, metrics and end; docs/runs.md), or a program the machine's worker declared (GET /machines lists them with their params; docs/programs.md): `params` are then checked against its params and their bounds, defaults filled in. An external run has one attempt (`attempt_budget` 1): its client, not a worker, decides about retries.
       * @default emulate
       * @example emulate
       */
      program?: string;
      machine?: components['schemas']['MachineReferenceDto'];
      /**
       * @description The project it belongs to (docs/projects.md): creating takes the operator role in it. Left out: the only project of a token scoped to one, else `default`.
       * @example vision
       */
      project?: string;
      /** @description How the convergence curve is emulated; left out, the contract's ten points. */
      emulation?: components['schemas']['EmulationDto'];
      /**
       * @description The run's params: up to 200 keys (1 to 250 letters, digits, spaces and _ - . / :, not . or .. alone), each a number, a string (at most 500 characters) or a boolean. Written once; search compares numbers as numbers (docs/search.md).
       * @example {
       *       "lr": 0.01,
       *       "optimizer": "adam",
       *       "augment": true
       *     }
       */
      params?: {
        [key: string]: number | string | boolean;
      };
      /**
       * @description The run's tags: up to 200 keys (1 to 250 letters, digits, spaces and _ - . / :, not . or .. alone), each a string of at most 5000 characters. Changed later with PATCH /simulation/{id}/tags.
       * @example {
       *       "team": "vision"
       *     }
       */
      tags?: {
        [key: string]: string;
      };
    };
    CreateSimulationResponse: {
      /**
       * @description The simulation id; also in the Location header.
       * @example 1
       */
      id: number;
      /**
       * @example pending
       * @enum {string}
       */
      status: 'pending';
      /**
       * @description For `program: "external"` only: the run-scoped token its client starts, reports and ends it with (POST /simulation/{id}/start, /metrics, /heartbeat, /end). Good for that run’s next attempt only and for nothing else; not stored, so keep it (the same request replayed with its Idempotency-Key answers a fresh one).
       * @example eyJhbGciOiJIUzI1NiIs…
       */
      run_token?: string;
    };
    CreateSimulationBatchDto: {
      /** @description 1 to 1000 simulations, each as `POST /simulation` takes it. */
      simulations: components['schemas']['CreateSimulationDto'][];
    };
    CreateSimulationBatchResponse: {
      /** @description The simulations created, in the order they were sent. */
      simulations: components['schemas']['CreateSimulationResponse'][];
    };
    SimulationResponse: {
      /** @example 1 */
      simulation_id: number;
      /** @example A */
      name: string;
      /** @example 102 */
      machine_id: number;
      /**
       * @description The project it belongs to (docs/projects.md).
       * @example default
       */
      project: string;
      /**
       * @example finished
       * @enum {string}
       */
      status: 'pending' | 'running' | 'finished' | 'failed' | 'cancelled';
      /**
       * Format: date-time
       * @example 2024-03-06T08:02:46.295Z
       */
      creation_date: string;
      /**
       * Format: date-time
       * @description Changes on every change of the simulation (heartbeats excepted).
       * @example 2024-03-06T08:02:56.312Z
       */
      update_date: string;
      /**
       * @description Attempts started so far (0 until a worker first takes it).
       * @example 1
       */
      attempt: number;
      /**
       * @description Automatic attempts each run request is granted (at creation, and again on each manual retry).
       * @example 3
       */
      attempt_budget: number;
      /**
       * @description A failure on this attempt number is final.
       * @example 3
       */
      final_attempt: number;
      /**
       * @deprecated
       * @description Deprecated: the earlier name of `final_attempt`, still sent for one release.
       * @example 3
       */
      max_attempts: number;
      /**
       * Format: date-time
       * @example 2024-03-06T08:02:46.401Z
       */
      started_at: string | null;
      /**
       * Format: date-time
       * @example 2024-03-06T08:02:56.312Z
       */
      finished_at: string | null;
      /**
       * Format: date-time
       * @description Last sign of life from the worker running it.
       * @example 2024-03-06T08:02:54.307Z
       */
      heartbeat_at: string | null;
      /**
       * @description Why the last attempt failed; present on failed simulations and on ones waiting to be retried.
       * @example timed out: still running 120000 ms after its planned end
       */
      failure_reason?: string;
      /**
       * @description What runs it: `external` (a run that reports from anywhere) or a program its machine declared; left out for the emulator (the contract’s run).
       * @example external
       */
      program?: string;
      /**
       * Format: int32
       * @description How the run ended by its exit code: as an external run reported it, or as a program exited (null until then, and for a program killed by a signal).
       * @example 0
       */
      exit_code?: number | null;
      /**
       * @description In a list asked for `columns` only: each column named there with this run's value, null where it has none.
       * @example {
       *       "params.lr": 0.01,
       *       "metrics.val_loss.min": 0.21
       *     }
       */
      columns?: {
        [key: string]: (number | null) | string | boolean;
      };
    };
    RetriedSimulationResponse: {
      /** @example 1 */
      simulation_id: number;
      /** @example A */
      name: string;
      /** @example 102 */
      machine_id: number;
      /**
       * @description The project it belongs to (docs/projects.md).
       * @example default
       */
      project: string;
      /**
       * @example finished
       * @enum {string}
       */
      status: 'pending' | 'running' | 'finished' | 'failed' | 'cancelled';
      /**
       * Format: date-time
       * @example 2024-03-06T08:02:46.295Z
       */
      creation_date: string;
      /**
       * Format: date-time
       * @description Changes on every change of the simulation (heartbeats excepted).
       * @example 2024-03-06T08:02:56.312Z
       */
      update_date: string;
      /**
       * @description Attempts started so far (0 until a worker first takes it).
       * @example 1
       */
      attempt: number;
      /**
       * @description Automatic attempts each run request is granted (at creation, and again on each manual retry).
       * @example 3
       */
      attempt_budget: number;
      /**
       * @description A failure on this attempt number is final.
       * @example 3
       */
      final_attempt: number;
      /**
       * @deprecated
       * @description Deprecated: the earlier name of `final_attempt`, still sent for one release.
       * @example 3
       */
      max_attempts: number;
      /**
       * Format: date-time
       * @example 2024-03-06T08:02:46.401Z
       */
      started_at: string | null;
      /**
       * Format: date-time
       * @example 2024-03-06T08:02:56.312Z
       */
      finished_at: string | null;
      /**
       * Format: date-time
       * @description Last sign of life from the worker running it.
       * @example 2024-03-06T08:02:54.307Z
       */
      heartbeat_at: string | null;
      /**
       * @description Why the last attempt failed; present on failed simulations and on ones waiting to be retried.
       * @example timed out: still running 120000 ms after its planned end
       */
      failure_reason?: string;
      /**
       * @description What runs it: `external` (a run that reports from anywhere) or a program its machine declared; left out for the emulator (the contract’s run).
       * @example external
       */
      program?: string;
      /**
       * Format: int32
       * @description How the run ended by its exit code: as an external run reported it, or as a program exited (null until then, and for a program killed by a signal).
       * @example 0
       */
      exit_code?: number | null;
      /**
       * @description In a list asked for `columns` only: each column named there with this run's value, null where it has none.
       * @example {
       *       "params.lr": 0.01,
       *       "metrics.val_loss.min": 0.21
       *     }
       */
      columns?: {
        [key: string]: (number | null) | string | boolean;
      };
      /**
       * @description For an external run only: the run token of its next attempt (the old one is superseded).
       * @example eyJhbGciOiJIUzI1NiIs…
       */
      run_token?: string;
    };
    ReportedPointDto: {
      /** @example val_loss */
      metric: string;
      /**
       * @description A number, or "NaN", "Infinity", "-Infinity" (JSON has no such numbers).
       * @example 0.42
       */
      value: number | ('NaN' | 'Infinity' | '-Infinity');
      /**
       * @description Seconds since the run started (the curves' x-axis). Left out, the time the report arrives; a metric's points must go forward in time.
       * @example 12.5
       */
      seconds?: number;
      /**
       * Format: int64
       * @example 1200
       */
      step?: number;
    };
    RunReportDto: {
      /**
       * Format: int64
       * @description Numbers this report among the run’s reports (per attempt). The same report sent again (a retry after a lost answer) is stored once; another report under a used number is a 409.
       * @example 1
       */
      sequence: number;
      points?: components['schemas']['ReportedPointDto'][];
      /**
       * @description Params to add; written once (the same value again is fine, another a 409).
       * @example {
       *       "lr": 0.01
       *     }
       */
      params?: {
        [key: string]: number | string | boolean;
      };
      /**
       * @description Tags to set.
       * @example {
       *       "stage": "training"
       *     }
       */
      tags?: {
        [key: string]: string;
      };
    };
    RunReportResponse: {
      /** Format: int64 */
      sequence: number;
      /**
       * Format: int32
       * @description Points in the report.
       * @example 1000
       */
      points: number;
      /**
       * @description True when this report was stored before (sent again): nothing changed.
       * @example false
       */
      duplicate: boolean;
    };
    RunEndDto: {
      /**
       * @example finished
       * @enum {string}
       */
      status: 'finished' | 'failed';
      /**
       * Format: int32
       * @description The program's exit code, if it has one.
       * @example 0
       */
      exit_code?: number;
      /**
       * @description Why it failed, as the run says; shown in its attempt history.
       * @example CUDA out of memory
       */
      reason?: string;
    };
    RunLogLineResponse: {
      /**
       * Format: int64
       * @description Its place in the attempt’s output.
       * @example 1
       */
      seq: number;
      /**
       * @example stdout
       * @enum {string}
       */
      stream: 'stdout' | 'stderr';
      /**
       * Format: date-time
       * @description When the worker read it.
       */
      at: string;
      /** @example epoch 1 loss 2.30 */
      text: string;
      /** @description The line went on past its program's max_line_bytes; this is its start. */
      cut: boolean;
    };
    RunLogsResponse: {
      /**
       * Format: int32
       * @example 1
       */
      attempt: number;
      lines: components['schemas']['RunLogLineResponse'][];
      /**
       * Format: int64
       * @description Lines of the attempt's output no longer kept: its log outgrew its program's logs.max_bytes, and the oldest went.
       */
      dropped: number;
      /**
       * Format: int64
       * @description The seq to pass as `after` for the lines that follow (the last one answered, or `after` itself).
       */
      next_after: number;
      /** @description More lines follow now (a later `after` page holds them). */
      more: boolean;
    };
    ProjectResponse: {
      /**
       * Format: int32
       * @example 2
       */
      project_id: number;
      /** @example vision */
      name: string;
      /** @example Image models of the vision team */
      description: string;
      /**
       * Format: int32
       * @example 90
       */
      retention_days: number | null;
      /**
       * @example [
       *       101,
       *       102
       *     ]
       */
      machine_ids: number[] | null;
      /**
       * Format: int32
       * @example 500
       */
      max_pending: number | null;
      /**
       * Format: int32
       * @example 6000
       */
      rate_per_minute: number | null;
      /** Format: date-time */
      created_at: string;
      /**
       * @description The caller's role in the project.
       * @example operator
       * @enum {string}
       */
      role: 'viewer' | 'operator' | 'admin';
    };
    CreateProjectDto: {
      /** @example Image models of the vision team */
      description?: string;
      /**
       * Format: int32
       * @description Days the curves of its ended runs are kept; null: HISTORY_RETENTION_DAYS.
       * @example 90
       */
      retention_days?: number | null;
      /**
       * @description The machines its runs may use; null: any machine.
       * @example [
       *       101,
       *       102
       *     ]
       */
      machine_ids?: number[] | null;
      /**
       * Format: int32
       * @description Pending runs the project may have at once, all its clients together; null: no bound of its own.
       * @example 500
       */
      max_pending?: number | null;
      /**
       * Format: int32
       * @description Requests per minute in the project, all its clients together; null: no budget of its own.
       * @example 6000
       */
      rate_per_minute?: number | null;
      /** @example vision */
      name: string;
    };
    UpdateProjectDto: {
      /** @example Image models of the vision team */
      description?: string;
      /**
       * Format: int32
       * @description Days the curves of its ended runs are kept; null: HISTORY_RETENTION_DAYS.
       * @example 90
       */
      retention_days?: number | null;
      /**
       * @description The machines its runs may use; null: any machine.
       * @example [
       *       101,
       *       102
       *     ]
       */
      machine_ids?: number[] | null;
      /**
       * Format: int32
       * @description Pending runs the project may have at once, all its clients together; null: no bound of its own.
       * @example 500
       */
      max_pending?: number | null;
      /**
       * Format: int32
       * @description Requests per minute in the project, all its clients together; null: no budget of its own.
       * @example 6000
       */
      rate_per_minute?: number | null;
    };
    ProgramParamResponse: {
      /**
       * @example number
       * @enum {string}
       */
      type: 'number' | 'integer' | 'string' | 'boolean';
      description?: string;
      /** @description Used when a run does not give it; absent: a run must. */
      default?: number | string | boolean;
      /** @example 0.0001 */
      min?: number;
      /** @example 1 */
      max?: number;
      choices?: string[];
    };
    ProgramResponse: {
      /** @example train-digits */
      name: string;
      description?: string;
      /** @description The params a run of it may give (as the run's params), their bounds and defaults. */
      params: {
        [key: string]: components['schemas']['ProgramParamResponse'];
      };
      /**
       * @description GPUs each run of it is given.
       * @example 0
       */
      gpus: number;
      /**
       * @description A run still going after this long is stopped and fails.
       * @example 3600
       */
      time_limit_seconds: number;
    };
    MachineGpusResponse: {
      /**
       * Format: int32
       * @description GPUs its worker found (nvidia-smi) or was told of (GPUS) at its last start.
       * @example 4
       */
      total: number;
      /**
       * Format: int32
       * @description Given to its running attempts.
       * @example 1
       */
      in_use: number;
      /**
       * Format: int32
       * @example 3
       */
      free: number;
    };
    MachineResponse: {
      /** @example 102 */
      machine_id: number;
      /** @example Machine A */
      name: string;
      /**
       * @description online: a live worker serves it (its own, or a pool worker); offline: none does, its work waits; draining: takes no new runs.
       * @example online
       * @enum {string}
       */
      status: 'online' | 'offline' | 'draining';
      /**
       * Format: date-time
       * @description Last heartbeat of a worker serving it; null if none ever did.
       */
      last_seen_at: string | null;
      /**
       * @description Simulations its live workers can run at once.
       * @example 100
       */
      capacity: number;
      /** @example 3 */
      running: number;
      /** @example 0 */
      pending: number;
      /** @description What a run on it may name as `program`: the built-in `emulate`, then the programs its worker declared at its last start (docs/programs.md). `external` runs need no machine's program. */
      programs: components['schemas']['ProgramResponse'][];
      gpus: components['schemas']['MachineGpusResponse'];
    };
    RegisterMachineDto: {
      /** @example 103 */
      machine_id: number;
      /** @example Machine C */
      name: string;
    };
    ConvergencePointResponse: {
      /**
       * @description Simulated seconds since the run started (the mean of a bucket with agg=mean).
       * @example 10
       */
      seconds: number;
      /**
       * @description A number; "NaN", "Infinity" or "-Infinity" where an external run reported one.
       * @example 0.042
       */
      loss: number | ('NaN' | 'Infinity' | '-Infinity');
      /**
       * @description agg=minmax: the lowest loss in this point's bucket.
       * @example 0.041
       */
      loss_min?: number | ('NaN' | 'Infinity' | '-Infinity');
      /**
       * @description agg=minmax: the highest loss in this point's bucket.
       * @example 0.043
       */
      loss_max?: number | ('NaN' | 'Infinity' | '-Infinity');
    };
    CurveWindowResponse: {
      /** @example null */
      from: number | null;
      /** @example null */
      to: number | null;
    };
    ConvergenceMetaResponse: {
      /**
       * @description The attempt whose curve this is (the current one).
       * @example 1
       */
      attempt: number;
      /**
       * @example finished
       * @enum {string}
       */
      status: 'pending' | 'running' | 'finished' | 'failed' | 'cancelled';
      /**
       * @description Points in the whole curve.
       * @example 10
       */
      total_points: number;
      /**
       * @description Points inside the window.
       * @example 10
       */
      window_points: number;
      /**
       * @description Points in `data`.
       * @example 10
       */
      returned_points: number;
      /**
       * @description True when `data` is sampled from the window.
       * @example false
       */
      downsampled: boolean;
      /**
       * @description Buckets sampled into; null when the window came back whole.
       * @example null
       */
      buckets: number | null;
      /**
       * @example log
       * @enum {string}
       */
      scale: 'linear' | 'log';
      /**
       * @example last
       * @enum {string}
       */
      agg: 'last' | 'mean' | 'minmax';
      /** @description The window asked for (null: open). */
      window: components['schemas']['CurveWindowResponse'];
    };
    ConvergenceResponse: {
      /** @description Ordered by seconds. While the run is in progress, the points written so far. When sampled, the first and last point of the window are always included as they are. */
      data: components['schemas']['ConvergencePointResponse'][];
      meta: components['schemas']['ConvergenceMetaResponse'];
    };
    MetricPointResponse: {
      /**
       * @description Seconds since the run started (the mean of a bucket with agg=mean).
       * @example 10
       */
      seconds: number;
      /**
       * @description The metric's value (a bucket's mean of its finite values with agg=mean): a number, or "NaN", "Infinity", "-Infinity" where the run reported one.
       * @example 0.31
       */
      value: number | ('NaN' | 'Infinity' | '-Infinity');
      /**
       * Format: int64
       * @description The step the run reported with this point; absent where it gave none, and for a mean.
       * @example 1200
       */
      step?: number;
      /**
       * @description agg=minmax: the bucket's lowest value (NaN only where it holds nothing else).
       * @example 0.3
       */
      value_min?: number | ('NaN' | 'Infinity' | '-Infinity');
      /**
       * @description agg=minmax: the bucket's highest value (NaN only where it holds nothing else).
       * @example 0.33
       */
      value_max?: number | ('NaN' | 'Infinity' | '-Infinity');
    };
    MetricCurveMetaResponse: {
      /**
       * @description The attempt whose curve this is (the current one).
       * @example 1
       */
      attempt: number;
      /**
       * @example finished
       * @enum {string}
       */
      status: 'pending' | 'running' | 'finished' | 'failed' | 'cancelled';
      /**
       * @description Points in the whole curve.
       * @example 10
       */
      total_points: number;
      /**
       * @description Points inside the window.
       * @example 10
       */
      window_points: number;
      /**
       * @description Points in `data`.
       * @example 10
       */
      returned_points: number;
      /**
       * @description True when `data` is sampled from the window.
       * @example false
       */
      downsampled: boolean;
      /**
       * @description Buckets sampled into; null when the window came back whole.
       * @example null
       */
      buckets: number | null;
      /**
       * @example log
       * @enum {string}
       */
      scale: 'linear' | 'log';
      /**
       * @example last
       * @enum {string}
       */
      agg: 'last' | 'mean' | 'minmax';
      /** @description The window asked for (null: open). */
      window: components['schemas']['CurveWindowResponse'];
      /** @example val_loss */
      metric: string;
      /**
       * @description The axis read along (`x`): buckets and the window are in its units.
       * @example seconds
       * @enum {string}
       */
      x: 'seconds' | 'step';
    };
    MetricCurveResponse: {
      /** @description Ordered by seconds (and so by step, with x=step). While the run is in progress, the points reported so far. When sampled, the first and last point of the window are always included as they are. */
      data: components['schemas']['MetricPointResponse'][];
      meta: components['schemas']['MetricCurveMetaResponse'];
    };
    RunMetricResponse: {
      /** @example val_loss */
      name: string;
      /**
       * Format: int32
       * @description Points stored.
       * @example 1000
       */
      count: number;
      /**
       * @description The latest value (a number, or "NaN", "Infinity", "-Infinity" as reported).
       * @example 0.21
       */
      last: number | ('NaN' | 'Infinity' | '-Infinity');
      /**
       * @description Seconds since the run started at the latest value.
       * @example 98.5
       */
      last_seconds: number;
      /**
       * @description The lowest value; NaN only when every value was.
       * @example 0.2
       */
      min: number | ('NaN' | 'Infinity' | '-Infinity');
      /**
       * @description Where the minimum was first reached.
       * @example 61.2
       */
      min_seconds: number;
      /**
       * @description The highest value (Infinity where one was); NaN only when every value was.
       * @example 2.3
       */
      max: number | ('NaN' | 'Infinity' | '-Infinity');
      /**
       * Format: int64
       * @description The step reported with the latest value; null where the run gave none.
       * @example 1200
       */
      last_step: number | null;
      /**
       * Format: int64
       * @description The step reported where the minimum was first reached; null where none was.
       * @example 800
       */
      min_step: number | null;
      /**
       * @description Whether the metric can be sampled by step (`x=step`): every point gave a step and none was lower than the one before.
       * @example true
       */
      by_step: boolean;
    };
    ComparedRunResponse: {
      /** @example 1 */
      simulation_id: number;
      /** @example sweep lr=0.01 */
      name: string;
      /**
       * @example finished
       * @enum {string}
       */
      status: 'pending' | 'running' | 'finished' | 'failed' | 'cancelled';
      /** @example 101 */
      machine_id: number;
      /**
       * @example {
       *       "lr": 0.01
       *     }
       */
      params: {
        [key: string]: number | string | boolean;
      };
      /** @example {} */
      tags: {
        [key: string]: string;
      };
      /** @description Its current attempt's metric summaries. */
      metrics: components['schemas']['RunMetricResponse'][];
    };
    ComparedParamsResponse: {
      /**
       * @description Params whose value is not the same in every run (missing in some counts).
       * @example [
       *       "lr"
       *     ]
       */
      differing: string[];
      /**
       * @description Params every run has, with the same value.
       * @example {
       *       "optimizer": "adam"
       *     }
       */
      shared: {
        [key: string]: number | string | boolean;
      };
    };
    ComparedCurveResponse: {
      /** @example 1 */
      simulation_id: number;
      data: components['schemas']['MetricPointResponse'][];
      /**
       * @description Points in the whole curve.
       * @example 1000
       */
      total_points: number;
      /** @example true */
      downsampled: boolean;
      /**
       * @description Present and true when history retention removed this curve (`data` is empty).
       * @example true
       */
      expired?: boolean;
      /**
       * @description Present and false when the run has not reported this metric (`data` is empty).
       * @example false
       */
      reported?: boolean;
    };
    CompareResponse: {
      /** @example loss */
      metric: string;
      /** @description In the order asked. */
      runs: components['schemas']['ComparedRunResponse'][];
      params: components['schemas']['ComparedParamsResponse'];
      /** @description In the order asked. */
      curves: components['schemas']['ComparedCurveResponse'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ApiClientsController_issueToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TokenRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponse'];
        };
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Unknown client, wrong secret or disabled client (one answer for all three). */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ApiClientsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiClientResponse'][];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ApiClientsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiClientDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiClientResponse'];
        };
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ApiClientsController_disable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        client_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiClientResponse'];
        };
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A client cannot disable itself. */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ApiClientsController_enable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        client_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiClientResponse'];
        };
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ApiClientsController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        client_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A client cannot delete itself. */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SimulationsController_list: {
    parameters: {
      query?: {
        /** @description The sort key: name, creation_date, update_date, or `params.<key>` (numbers first, numerically, then strings, then booleans), `tags.<key>` or `metrics.<name>.(last|min|max|count)`; runs without it come last either way. Ties by simulation_id, in the same direction. */
        order_by?: string;
        /** @description Ascending (the original service's order) or descending (newest first). */
        order?: 'asc' | 'desc';
        /** @description The next page: the `X-Next-Cursor` (or the `Link` rel="next") of the page before. Made for one listing: order_by, order, status, machine_id and filter must stay as they were. Each page costs the same however deep it is; not together with `offset`. */
        cursor?: string;
        /** @description Only the runs this expression matches: comparisons (`= != < <= > >=`, `IN (…)`, `LIKE`) on simulation_id, name, status, machine_id, attempt, program, created_by, creation_date, update_date, started_at, finished_at, experiment_id, `params.<key>` (numbers compare as numbers), `tags.<key>` and `metrics.<name>.(last|min|max|count)`, joined with `AND`, `OR`, `NOT` and parentheses. Strings in single or double quotes. A malformed filter is a 400 naming the character where it goes wrong. The reference: docs/search.md. */
        filter?: string;
        /** @description Up to 20 params, tags or metric summaries, comma-separated and named as in `filter`: each run of the page then carries `columns` with their values (null where it has none). */
        columns?: string;
        status?: 'pending' | 'running' | 'finished' | 'failed' | 'cancelled';
        machine_id?: number;
        /** @description Only the runs of this project (docs/projects.md); left out, every project the caller sees. A project the caller does not see is not found. */
        project?: string;
        limit?: number;
        /** @description Skips this many matches first: kept for compatibility, and its cost grows with the offset (Postgres walks every skipped row). Page with `cursor` instead. */
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description Matches before paging: exact up to 10,000 (1,000 for a filter on run data), estimated beyond. */
          'X-Total-Count'?: number;
          /** @description `true` when X-Total-Count is exact, `false` when it is an estimate. */
          'X-Total-Count-Exact'?: 'true' | 'false';
          /** @description The `cursor` of the next page; absent on the last page. */
          'X-Next-Cursor'?: string;
          /** @description The next page's URL as `<…>; rel="next"` (RFC 8288); absent on the last page. */
          Link?: string;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SimulationResponse'][];
        };
      };
      /** @description A parameter or the body is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description `project` names no project the caller sees. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  'SimulationsController_get[0]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SimulationDetailResponse'];
        };
      };
      /** @description A parameter or the body is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  'SimulationsController_get[1]': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SimulationDetailResponse'];
        };
      };
      /** @description A parameter or the body is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SimulationsController_metrics: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunMetricResponse'][];
        };
      };
      /** @description A parameter or the body is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RunReportsController_report: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    /** @description As JSON (up to 10,000 points, 4 MiB), or as NDJSON (up to 100,000 points, 16 MiB): the first line the report without its points, then one point per line. */
    requestBody: {
      content: {
        'application/json': components['schemas']['RunReportDto'];
        /**
         * @example {"sequence":2}
         *     {"metric":"loss","value":0.5,"step":10}
         */
        'application/x-ndjson': string;
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunReportResponse'];
        };
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the run role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No such simulation. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The token’s attempt was superseded, has not started, or has ended; or the report is refused (a used sequence with another report, a point back in time, a param given another value). */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SimulationsController_changeTags: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeTagsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: string;
          };
        };
      };
      /** @description A parameter or the body is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the operator role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SimulationsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1–255 printable characters. A repeat with the same key and body returns the first answer (with `Idempotent-Replayed: true`) instead of creating another simulation; keys are kept 24 h. */
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSimulationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description URL of the new simulation. */
          Location?: string;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateSimulationResponse'];
        };
      };
      /** @description A parameter or the body is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the operator role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The machine is unknown and no name was given to register it. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The simulation_id is taken. */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The Idempotency-Key was already used with a different body. */
      422: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SimulationsController_createBatch: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1–255 printable characters. A repeat with the same key and body returns the first answer (with `Idempotent-Replayed: true`) instead of creating another batch; keys are kept 24 h. */
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSimulationBatchDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateSimulationBatchResponse'];
        };
      };
      /** @description An item is invalid (named by index), two items choose one simulation_id, or there are more than 1,000. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the operator role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A machine is unknown and no item names it to register it. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A chosen simulation_id is taken. */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 4 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The Idempotency-Key was already used with a different body. */
      422: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SimulationsController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SimulationResponse'];
        };
      };
      /** @description A parameter or the body is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the operator role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description It is already finished, failed or cancelled. */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SimulationsController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RetriedSimulationResponse'];
        };
      };
      /** @description A parameter or the body is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the operator role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description It is pending, running or finished. */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RunReportsController_start: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SimulationResponse'];
        };
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the run role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No such simulation. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The token’s attempt was superseded, has not started, or has ended; or the report is refused (a used sequence with another report, a point back in time, a param given another value). */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RunReportsController_heartbeat: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The lease is kept. */
      204: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the run role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No such simulation. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The token’s attempt was superseded, has not started, or has ended; or the report is refused (a used sequence with another report, a point back in time, a param given another value). */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RunReportsController_end: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RunEndDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SimulationResponse'];
        };
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the run role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No such simulation. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The token’s attempt was superseded, has not started, or has ended; or the report is refused (a used sequence with another report, a point back in time, a param given another value). */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RunLogsController_read: {
    parameters: {
      query?: {
        /** @description The attempt whose output to read; left out, the run's current one. */
        attempt?: number;
        /** @description Only lines after this seq (the `next_after` of an earlier answer). */
        after?: number;
        /** @description Only the last this many lines (of those after `after`). */
        tail?: number;
        /** @description Lines at most (default and most: 10000). */
        limit?: number;
        /** @description `text`: the lines alone, as the program printed them (stdout and stderr interleaved). */
        format?: 'json' | 'text';
      };
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The lines as JSON, or as plain text (`format=text`). */
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunLogsResponse'];
          'text/plain': string;
        };
      };
      /** @description A parameter is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RunLogsController_follow: {
    parameters: {
      query?: never;
      header?: {
        /** @description The id of the last `points` event received, to resume after it. */
        'Last-Event-ID'?: string;
      };
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An event stream. */
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description A parameter is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectResponse'][];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProjectDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectResponse'];
        };
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A project has this name. */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectResponse'];
        };
      };
      /** @description A parameter is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProjectDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectResponse'];
        };
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  MachinesController_list: {
    parameters: {
      query?: {
        /** @description Only this project's (docs/projects.md); left out, every project the caller sees. A project the caller does not see is not found. */
        project?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MachineResponse'][];
        };
      };
      /** @description The project is no project name. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No project of that name that the caller sees. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  MachinesController_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterMachineDto'];
      };
    };
    responses: {
      201: {
        headers: {
          Location?: string;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MachineResponse'];
        };
      };
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The machine_id is taken. */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  MachinesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        machine_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MachineResponse'];
        };
      };
      /** @description A parameter is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  MachinesController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        machine_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  MachinesController_drain: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        machine_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MachineResponse'];
        };
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  MachinesController_undrain: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        machine_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MachineResponse'];
        };
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ConvergenceController_get: {
    parameters: {
      query?: {
        /** @description How bucket edges are spaced in seconds: evenly, or evenly on a logarithmic axis. */
        scale?: 'linear' | 'log';
        /** @description Buckets to sample into. A window holding no more points than this comes back whole. Without it, up to 10000 points come back whole and longer curves are sampled into 1000 logarithmic buckets. */
        points?: number;
        /** @description Keep only points at or after this many seconds (applied before sampling). */
        from?: number;
        /** @description Keep only points at or before this many seconds (applied before sampling). */
        to?: number;
        /** @description What stands for a bucket: its last point, its mean (of seconds and of loss), or its last point with the bucket's lowest and highest loss (`loss_min`, `loss_max`). */
        agg?: 'last' | 'mean' | 'minmax';
        /** @description csv and ndjson stream every point of the window (no sampling), for export. `points`, `scale` and `agg` apply to JSON only. */
        format?: 'json' | 'csv' | 'ndjson';
      };
      header?: never;
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The curve as JSON, or every point of the window as CSV or NDJSON (`format`). */
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConvergenceResponse'];
          'text/csv': string;
          'application/x-ndjson': string;
        };
      };
      /** @description A parameter is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No such simulation, or (for a named metric) none reported by that name. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The simulation exists but its curve has expired: history retention (HISTORY_RETENTION_DAYS) removes the curves of runs that ended longer ago than that. */
      410: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ConvergenceController_metric: {
    parameters: {
      query?: {
        /** @description How bucket edges are spaced in seconds: evenly, or evenly on a logarithmic axis. */
        scale?: 'linear' | 'log';
        /** @description Buckets to sample into. A window holding no more points than this comes back whole. Without it, up to 10000 points come back whole and longer curves are sampled into 1000 logarithmic buckets. */
        points?: number;
        /** @description Keep only points at or after this many seconds (applied before sampling). */
        from?: number;
        /** @description Keep only points at or before this many seconds (applied before sampling). */
        to?: number;
        /** @description What stands for a bucket: its last point, its mean (of seconds and of loss), or its last point with the bucket's lowest and highest loss (`loss_min`, `loss_max`). */
        agg?: 'last' | 'mean' | 'minmax';
        /** @description csv and ndjson stream every point of the window (no sampling), for export. `points`, `scale` and `agg` apply to JSON only. */
        format?: 'json' | 'csv' | 'ndjson';
        /** @description The x-axis: seconds, or the steps the run gave. With `step`, `from`/`to` and the bucket edges are steps (log buckets are spaced over step + 1, as steps start at 0) and `agg=mean` is refused. Only a metric whose every point gave a step, none lower than the one before, can be read by step (`by_step` in its summary); another is a 409. */
        x?: 'seconds' | 'step';
      };
      header?: never;
      path: {
        simulation_id: number;
        metric: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The series as JSON, or every point of the window as CSV or NDJSON (`format`). */
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricCurveResponse'];
          'text/csv': string;
          'application/x-ndjson': string;
        };
      };
      /** @description A parameter is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No such simulation, or (for a named metric) none reported by that name. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description x=step for a metric that cannot be read by step (a point without a step, or a step lower than the one before). */
      409: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The simulation exists but its curve has expired: history retention (HISTORY_RETENTION_DAYS) removes the curves of runs that ended longer ago than that. */
      410: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ConvergenceController_stream: {
    parameters: {
      query?: never;
      header?: {
        /** @description The id of the last `points` event received, to resume after it. */
        'Last-Event-ID'?: string;
      };
      path: {
        simulation_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An event stream. */
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description A parameter is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No such simulation, or (for a named metric) none reported by that name. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The simulation exists but its curve has expired: history retention (HISTORY_RETENTION_DAYS) removes the curves of runs that ended longer ago than that. */
      410: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ConvergenceController_metricStream: {
    parameters: {
      query?: never;
      header?: {
        /** @description The id of the last `points` event received, to resume after it. */
        'Last-Event-ID'?: string;
      };
      path: {
        simulation_id: number;
        metric: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An event stream. */
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description A parameter is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No such simulation, or (for a named metric) none reported by that name. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The simulation exists but its curve has expired: history retention (HISTORY_RETENTION_DAYS) removes the curves of runs that ended longer ago than that. */
      410: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CompareController_compare: {
    parameters: {
      query: {
        /** @description The runs to compare: 1 to 100 simulation ids, comma-separated. */
        ids: string;
        /** @description The metric whose curves are overlaid (any named metric); a run that has not reported it has an empty curve, marked `reported: false`. */
        metric?: string;
        /** @description Points each curve is sampled to (the last value of each bucket), the same for every run. */
        points?: number;
        /** @description Bucket scale of the seconds axis. */
        scale?: 'linear' | 'log';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompareResponse'];
        };
      };
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the viewer role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
          };
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Postgres and Redis reachable. */
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status?: 'ok' | 'error';
            info?: {
              [key: string]: unknown;
            };
            error?: {
              [key: string]: unknown;
            };
            details?: {
              [key: string]: unknown;
            };
          };
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis unreachable; `error` says which. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status?: 'ok' | 'error';
            info?: {
              [key: string]: unknown;
            };
            error?: {
              [key: string]: unknown;
            };
            details?: {
              [key: string]: unknown;
            };
          };
        };
      };
    };
  };
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Both reachable. */
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status?: 'ok' | 'error';
            info?: {
              [key: string]: unknown;
            };
            error?: {
              [key: string]: unknown;
            };
            details?: {
              [key: string]: unknown;
            };
          };
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description At least one is not reachable; `error` says which. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status?: 'ok' | 'error';
            info?: {
              [key: string]: unknown;
            };
            error?: {
              [key: string]: unknown;
            };
            details?: {
              [key: string]: unknown;
            };
          };
        };
      };
    };
  };
  MetricsController_metrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AdminLoginController_loginPage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AdminLoginController_loginScript: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'text/javascript': string;
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AdminLoginController_openSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The session cookie is set. */
      204: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The body is not valid JSON, or a field is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Requires the admin role or higher. */
      403: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is over 1 MiB. */
      413: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8). */
      415: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AdminLoginController_closeSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The session cookie is cleared. */
      204: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  DashboardController_page: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description Not modified (If-None-Match). */
      304: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The dashboard was not built. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  DashboardController_favicon: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'image/x-icon': string;
        };
      };
      /** @description Not modified (If-None-Match). */
      304: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  DashboardController_asset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        file: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'text/javascript': string;
          'text/css': string;
          'application/json': Record<string, never>;
        };
      };
      /** @description Not modified (If-None-Match). */
      304: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is invalid; the message names it. */
      400: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No such file in the build. */
      404: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description A rate limit is spent; the message names it. Retry after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until the budget refills. */
          'Retry-After'?: number;
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The request line and headers are over 16 KB; shorten the query. */
      431: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Postgres or Redis is unreachable; nothing was changed. Retry shortly. */
      503: {
        headers: {
          /** @description The X-Request-Id sent, or one made up; it is on the log lines of this request. */
          'X-Request-Id'?: string;
          /** @description The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default). */
          'Access-Control-Allow-Origin'?: string;
          /** @description The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`. */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
}
