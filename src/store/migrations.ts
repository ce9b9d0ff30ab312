export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Versioned, append-only. Never edit a released migration; add a new one.
 * Every domain adds its own entries here so the order is visible in one place.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'api_tokens',
    sql: `
      CREATE TABLE api_tokens (
        name        text PRIMARY KEY,
        role        text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
        secret_hash text NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    version: 2,
    name: 'audit_log',
    sql: `
      -- The append-only, hash-chained truth: one record when an action is intended, one when
      -- its outcome is known. Never updated; pruning removes a prefix and moves the anchor.
      CREATE TABLE audit_records (
        seq        bigint PRIMARY KEY,
        event_id   uuid NOT NULL,
        phase      text NOT NULL CHECK (phase IN ('intent', 'outcome')),
        body       text NOT NULL,
        prev_hash  text NOT NULL,
        hash       text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_records_event ON audit_records (event_id);
      CREATE TABLE audit_anchor (
        id        integer PRIMARY KEY CHECK (id = 1),
        seq       bigint NOT NULL,
        prev_hash text NOT NULL
      );
      -- The queryable projection of the chain (verifyAuditLog checks it against the records).
      CREATE TABLE audit_events (
        id              uuid PRIMARY KEY,
        ts              timestamptz NOT NULL,
        actor           text NOT NULL,
        actor_role      text NOT NULL,
        source          text NOT NULL,
        action          text NOT NULL,
        verb            text NOT NULL,
        target_id       text NOT NULL,
        target          jsonb NOT NULL,
        parameters      jsonb NOT NULL,
        dry_run         boolean NOT NULL,
        status          text NOT NULL,
        error           jsonb,
        before          jsonb,
        after           jsonb,
        message         text,
        duration_ms     integer,
        request_id      text,
        idempotency_key text,
        input_hash      text,
        reverts         uuid,
        instance_id     text NOT NULL,
        intent_seq      bigint NOT NULL,
        last_seq        bigint NOT NULL
      );
      CREATE INDEX audit_events_ts ON audit_events (ts DESC, id DESC);
      CREATE INDEX audit_events_target ON audit_events (target_id, ts DESC, id DESC);
      CREATE INDEX audit_events_action ON audit_events (action, ts DESC, id DESC);
      CREATE INDEX audit_events_actor ON audit_events (actor, ts DESC, id DESC);
      CREATE INDEX audit_events_pending ON audit_events (instance_id) WHERE status = 'PENDING';
      CREATE INDEX audit_events_intent_seq ON audit_events (intent_seq);
      CREATE UNIQUE INDEX audit_events_idempotency ON audit_events (actor, idempotency_key)
        WHERE idempotency_key IS NOT NULL;
      -- Liveness of orchestrator processes, so a PENDING event is reconciled only when the
      -- process that wrote it is gone.
      CREATE TABLE orchestrator_instances (
        instance_id text PRIMARY KEY,
        last_seen   timestamptz NOT NULL
      );`,
  },
  {
    version: 3,
    name: 'chat',
    sql: `
      -- ChatOps conversation memory, shared by every replica ("it", "do the same for …").
      CREATE TABLE chat_conversations (
        id         uuid PRIMARY KEY,
        owner      text NOT NULL,
        memory     jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX chat_conversations_updated ON chat_conversations (updated_at);
      CREATE TABLE chat_messages (
        conversation_id uuid NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
        seq             bigserial,
        role            text NOT NULL CHECK (role IN ('user', 'assistant')),
        content         text NOT NULL,
        intent          jsonb,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, seq)
      );
      -- Plans awaiting confirmation: only a hash of the token is kept; used_at makes it
      -- single-use across replicas (one UPDATE … WHERE used_at IS NULL wins).
      CREATE TABLE chat_plans (
        token_hash      text PRIMARY KEY,
        conversation_id uuid NOT NULL,
        viewer          text NOT NULL,
        plan            jsonb NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        expires_at      timestamptz NOT NULL,
        used_at         timestamptz
      );
      CREATE INDEX chat_plans_expires ON chat_plans (expires_at);`,
  },
  {
    version: 4,
    name: 'recommendations',
    sql: `
      CREATE TABLE recommendations (
        id               uuid PRIMARY KEY,
        target_id        text NOT NULL,
        target_kind      text NOT NULL,
        target_name      text NOT NULL,
        target_namespace text,
        type             text NOT NULL,
        status           text NOT NULL CHECK (status IN
                           ('OPEN', 'APPLIED', 'REJECTED', 'EXPIRED', 'SUPERSEDED', 'FAILED')),
        status_reason    text,
        title            text NOT NULL,
        summary          text NOT NULL,
        current          jsonb,
        recommended      jsonb,
        evidence         jsonb NOT NULL,
        confidence       double precision NOT NULL,
        savings          double precision,
        risk             text NOT NULL,
        source           text NOT NULL,
        action           jsonb,
        audit_event_id   uuid,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        resolved_at      timestamptz
      );
      -- One OPEN recommendation per target and type, whichever replica writes it.
      CREATE UNIQUE INDEX recommendations_open ON recommendations (target_id, type)
        WHERE status = 'OPEN';
      CREATE INDEX recommendations_status ON recommendations (status);
      CREATE INDEX recommendations_target ON recommendations (target_id);
      CREATE TABLE recommendation_suppressions (
        target_id text NOT NULL,
        type      text NOT NULL,
        until     timestamptz NOT NULL,
        reason    text NOT NULL,
        actor     text NOT NULL,
        PRIMARY KEY (target_id, type)
      );
      CREATE TABLE recommendation_agents (
        name              text PRIMARY KEY,
        url               text,
        capabilities      jsonb NOT NULL DEFAULT '[]',
        registered_at     timestamptz NOT NULL DEFAULT now(),
        last_heartbeat_at timestamptz,
        last_error        text,
        last_error_at     timestamptz
      );`,
  },
  {
    version: 5,
    name: 'metric_rollups',
    sql: `
      -- Collector rollups: resolution 60 (1-minute, kept a day) and 3600 (1-hour, kept 30 days).
      -- avg/max hold one entry per metric in the order of METRIC_NAMES (append-only).
      CREATE TABLE metric_rollups (
        resolution integer NOT NULL,
        target_id  text NOT NULL,
        bucket     timestamptz NOT NULL,
        avg        double precision[] NOT NULL,
        max        double precision[] NOT NULL,
        samples    integer NOT NULL,
        PRIMARY KEY (resolution, target_id, bucket)
      );
      CREATE INDEX metric_rollups_bucket ON metric_rollups (resolution, bucket);`,
  },
  {
    version: 30,
    name: 'audit_merkle',
    sql: `
      -- RFC 9162 Merkle tree over audit_records: leaf i is the body of record base_seq + i.
      -- Every complete subtree's hash is stored (level 0 = leaf hashes), so a proof or a root
      -- at any size is a handful of point reads; the frontier makes an append O(log n).
      CREATE TABLE audit_tree_nodes (
        level smallint NOT NULL,
        idx   bigint NOT NULL,
        hash  bytea NOT NULL,
        PRIMARY KEY (level, idx)
      );
      CREATE TABLE audit_tree (
        id       integer PRIMARY KEY CHECK (id = 1),
        base_seq bigint NOT NULL,
        size     bigint NOT NULL,
        frontier bytea NOT NULL
      );
      -- A log written before the tree existed is added to it at the next start.
      INSERT INTO audit_tree (id, base_seq, size, frontier)
        SELECT 1, COALESCE((SELECT min(seq) FROM audit_records),
                           (SELECT seq FROM audit_anchor WHERE id = 1), 1), 0, ''::bytea;
      -- Signed checkpoints (C2SP tlog-checkpoint notes), newest by size.
      CREATE TABLE audit_checkpoints (
        size       bigint PRIMARY KEY,
        root       bytea NOT NULL,
        note       text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    version: 31,
    name: 'audit_events_last_seq',
    sql: `
      -- Incremental verification reads the projection rows written since its last check.
      CREATE INDEX audit_events_last_seq ON audit_events (last_seq);`,
  },
  {
    version: 41,
    name: 'audit_untargeted_events_agent_tokens',
    sql: `
      -- Changes to the orchestrator itself (agents, tokens, recommendation runs) have no resource.
      ALTER TABLE audit_events ALTER COLUMN target_id DROP NOT NULL;
      -- Agents get their own role, never a name match on a token of another role.
      ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check;
      ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check
        CHECK (role IN ('viewer', 'agent', 'operator', 'admin'));`,
  },
  {
    version: 44,
    name: 'recommendation_last_run',
    sql: `
      -- The latest analysis pass of any replica, so recommendationRun answers the same on all.
      CREATE TABLE recommendation_last_run (
        id         integer PRIMARY KEY CHECK (id = 1),
        started_at timestamptz NOT NULL,
        report     jsonb NOT NULL
      );`,
  },
  {
    version: 70,
    name: 'cost_allocation',
    sql: `
      -- What cost allocation needs beyond metric_rollups: each pod's place (node, controller,
      -- labels) and each node's price, kept after they are gone; and per-day sums per pod and
      -- per node, recomputed as hours are folded, so 30-day windows read 30 rows per pod.
      CREATE TABLE cost_pods (
        target_id       text PRIMARY KEY,
        cluster         text NOT NULL,
        namespace       text NOT NULL,
        name            text NOT NULL,
        node_id         text,
        controller_kind text,
        controller_name text,
        labels          jsonb NOT NULL,
        gpus            double precision NOT NULL,
        seen_at         timestamptz NOT NULL
      );
      CREATE TABLE cost_nodes (
        target_id       text PRIMARY KEY,
        cluster         text NOT NULL,
        name            text NOT NULL,
        labels          jsonb NOT NULL,
        cpu_cores       double precision NOT NULL,
        memory_bytes    double precision NOT NULL,
        gpus            double precision NOT NULL,
        hourly          double precision,
        cpu_rate        double precision,
        ram_rate        double precision,
        gpu_rate        double precision,
        price_source    text,
        price_reason    text,
        seen_at         timestamptz NOT NULL
      );
      CREATE TABLE cost_pod_days (
        day          timestamptz NOT NULL,
        pod_id       text NOT NULL,
        node_id      text,
        hours        double precision NOT NULL,
        unpriced_h   double precision NOT NULL,
        cpu_req_h    double precision NOT NULL,
        cpu_use_h    double precision NOT NULL,
        ram_req_h    double precision NOT NULL,
        ram_use_h    double precision NOT NULL,
        cpu_cost     double precision NOT NULL,
        ram_cost     double precision NOT NULL,
        gpu_cost     double precision NOT NULL,
        cpu_req_cost double precision NOT NULL,
        cpu_use_cost double precision NOT NULL,
        ram_req_cost double precision NOT NULL,
        ram_use_cost double precision NOT NULL,
        PRIMARY KEY (day, pod_id)
      );
      CREATE TABLE cost_node_days (
        day        timestamptz NOT NULL,
        node_id    text NOT NULL,
        hours      double precision NOT NULL,
        unpriced_h double precision NOT NULL,
        cpu_cost   double precision NOT NULL,
        ram_cost   double precision NOT NULL,
        gpu_cost   double precision NOT NULL,
        PRIMARY KEY (day, node_id)
      );
      -- How far each day's sums go: the end of the last hour they include.
      CREATE TABLE cost_days (
        day     timestamptz PRIMARY KEY,
        through timestamptz NOT NULL
      );`,
  },
  {
    version: 105,
    name: 'audit_append_assert',
    sql: `
      -- An audit append is one statement (records, tree, projection) with no transaction
      -- around it; this lets the statement refuse itself, so a condition it checks (the tree
      -- still at the size this writer cached, every outcome's event still PENDING) either
      -- holds or nothing of it is written.
      CREATE FUNCTION audit_assert(ok boolean, reason text) RETURNS boolean
        LANGUAGE plpgsql VOLATILE AS $$
        BEGIN
          IF ok IS NOT TRUE THEN
            RAISE EXCEPTION USING MESSAGE = reason, ERRCODE = 'P0001';
          END IF;
          RETURN true;
        END $$;`,
  },
  {
    version: 110,
    name: 'cost_workload_days',
    sql: `
      -- Per-day sums per (cluster, namespace, controller): 30-day allocation by namespace or
      -- controller reads ~100 rows a day instead of one per pod. '' stands for no controller
      -- (a key column); reasons are the unpriced reasons, newline-joined. Filled from the
      -- per-pod sums already there; from now on kept with them, hour by hour.
      CREATE TABLE cost_workload_days (
        day             timestamptz NOT NULL,
        cluster         text NOT NULL,
        namespace       text NOT NULL,
        controller_kind text NOT NULL,
        controller_name text NOT NULL,
        hours           double precision NOT NULL,
        unpriced_h      double precision NOT NULL,
        cpu_req_h       double precision NOT NULL,
        cpu_use_h       double precision NOT NULL,
        ram_req_h       double precision NOT NULL,
        ram_use_h       double precision NOT NULL,
        cpu_cost        double precision NOT NULL,
        ram_cost        double precision NOT NULL,
        gpu_cost        double precision NOT NULL,
        cpu_req_cost    double precision NOT NULL,
        cpu_use_cost    double precision NOT NULL,
        ram_req_cost    double precision NOT NULL,
        ram_use_cost    double precision NOT NULL,
        reasons         text NOT NULL,
        PRIMARY KEY (day, cluster, namespace, controller_kind, controller_name)
      );
      INSERT INTO cost_workload_days
      SELECT d.day, p.cluster, p.namespace, coalesce(p.controller_kind, ''),
             coalesce(p.controller_name, ''), sum(d.hours), sum(d.unpriced_h), sum(d.cpu_req_h),
             sum(d.cpu_use_h), sum(d.ram_req_h), sum(d.ram_use_h), sum(d.cpu_cost),
             sum(d.ram_cost), sum(d.gpu_cost), sum(d.cpu_req_cost), sum(d.cpu_use_cost),
             sum(d.ram_req_cost), sum(d.ram_use_cost),
             coalesce(string_agg(DISTINCT coalesce(n.price_reason, 'node unknown'), E'\\n')
                        FILTER (WHERE d.unpriced_h > 0), '')
        FROM cost_pod_days d JOIN cost_pods p ON p.target_id = d.pod_id
        LEFT JOIN cost_nodes n ON n.target_id = d.node_id
       GROUP BY d.day, p.cluster, p.namespace, coalesce(p.controller_kind, ''),
                coalesce(p.controller_name, '');`,
  },
  {
    version: 140,
    name: 'audit_actor_name',
    sql: `
      -- A signed-in person's display name beside their subject; the intent record's hash covers
      -- it (verifyAuditLog compares the two). Null for tokens, agents and older records.
      ALTER TABLE audit_events ADD COLUMN actor_name text;`,
  },
  {
    version: 150,
    name: 'cost_containers',
    sql: `
      -- OpenCost's container grain: each container's rollups are its own target
      -- (<pod target>/<container>); this maps them to their pod, with the GPUs they request.
      -- The per-pod day sums are kept per container ('' for hours collected before container
      -- rows existed, which are costed per pod).
      CREATE TABLE cost_containers (
        target_id text PRIMARY KEY,
        pod_id    text NOT NULL,
        name      text NOT NULL,
        gpus      double precision NOT NULL,
        seen_at   timestamptz NOT NULL
      );
      CREATE INDEX cost_containers_pod ON cost_containers (pod_id);
      ALTER TABLE cost_pod_days ADD COLUMN container text NOT NULL DEFAULT '';
      ALTER TABLE cost_pod_days DROP CONSTRAINT cost_pod_days_pkey;
      ALTER TABLE cost_pod_days ADD PRIMARY KEY (day, pod_id, container);`,
  },
  {
    version: 160,
    name: 'cost_volumes',
    sql: `
      -- PersistentVolumes priced per GiB-hour (null with the reason when unknown), which minutes
      -- of each hour each existed (a bit per minute) and the claim it was bound to then; the
      -- claims each pod mounts; and storage in the per-day sums (cost, and GiB-hours unpriced).
      CREATE TABLE cost_volumes (
        target_id       text PRIMARY KEY,
        cluster         text NOT NULL,
        name            text NOT NULL,
        storage_class   text,
        gib             double precision NOT NULL,
        gib_hour_rate   double precision,
        price_source    text,
        price_reason    text,
        seen_at         timestamptz NOT NULL
      );
      CREATE TABLE cost_volume_hours (
        bucket          timestamptz NOT NULL,
        volume_id       text NOT NULL,
        claim_namespace text,
        claim_name      text,
        minutes         bigint NOT NULL,
        PRIMARY KEY (bucket, volume_id)
      );
      ALTER TABLE cost_pods ADD COLUMN claims text[] NOT NULL DEFAULT '{}';
      ALTER TABLE cost_pod_days ADD COLUMN storage_cost double precision NOT NULL DEFAULT 0;
      ALTER TABLE cost_pod_days ADD COLUMN storage_unpriced_gibh double precision NOT NULL DEFAULT 0;
      ALTER TABLE cost_workload_days ADD COLUMN storage_cost double precision NOT NULL DEFAULT 0;
      ALTER TABLE cost_workload_days
        ADD COLUMN storage_unpriced_gibh double precision NOT NULL DEFAULT 0;`,
  },
  {
    version: 170,
    name: 'audit_append_function',
    sql: `
      -- A batch of audit records appended by one call: the chain lock tried (a writer that
      -- read the head under it is never overtaken), the tree row locked and still at the size
      -- the writer started from, then the records, the subtrees they complete, the projection
      -- rows (intents inserted, outcomes applied to PENDING events) and the new head. Any
      -- refusal raises: nothing of the batch is written. The plans of its statements are
      -- cached per connection; the one-statement append it replaces (a CTE of five writes) was
      -- planned anew each time, 0.3-5 ms of the embedded store's 1-8 ms append.
      CREATE FUNCTION audit_append(
        a_from_size bigint, a_size bigint, a_frontier text, a_lock bigint, a_moved text,
        a_seq bigint[], a_event uuid[], a_phase text[], a_body text[], a_prev text[],
        a_hash text[], a_level smallint[], a_idx bigint[], a_node text[],
        a_intents jsonb, a_outcomes jsonb, a_not_pending text
      ) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
          at_size bigint;
          applied integer;
          events json;
        BEGIN
          IF NOT pg_try_advisory_xact_lock(a_lock) THEN
            RAISE EXCEPTION USING MESSAGE = a_moved, ERRCODE = 'P0001';
          END IF;
          SELECT t.size INTO at_size FROM audit_tree t WHERE t.id = 1 FOR UPDATE;
          IF at_size IS DISTINCT FROM a_from_size THEN
            RAISE EXCEPTION USING MESSAGE = a_moved, ERRCODE = 'P0001';
          END IF;
          UPDATE audit_tree t SET size = a_size, frontier = decode(a_frontier, 'hex') WHERE t.id = 1;
          INSERT INTO audit_records (seq, event_id, phase, body, prev_hash, hash)
            SELECT * FROM unnest(a_seq, a_event, a_phase, a_body, a_prev, a_hash);
          INSERT INTO audit_tree_nodes (level, idx, hash)
            SELECT l, i, decode(h, 'hex') FROM unnest(a_level, a_idx, a_node) AS x(l, i, h);
          WITH i AS (
            INSERT INTO audit_events (id, ts, actor, actor_name, actor_role, source, action, verb,
              target_id, target, parameters, dry_run, status, request_id, idempotency_key,
              input_hash, reverts, instance_id, intent_seq, last_seq)
            SELECT x.id, x.ts, x.actor, x.actor_name, x.actor_role, x.source, x.action, x.verb,
              x.target_id, COALESCE(x.target, 'null'::jsonb), x.parameters, x.dry_run, 'PENDING',
              x.request_id, x.idempotency_key, x.input_hash, x.reverts, x.instance_id, x.seq, x.seq
            FROM jsonb_to_recordset(a_intents) AS x(id uuid, ts timestamptz, actor text,
              actor_name text, actor_role text, source text, action text, verb text,
              target_id text, target jsonb, parameters jsonb, dry_run boolean, request_id text,
              idempotency_key text, input_hash text, reverts uuid, instance_id text, seq bigint)
            RETURNING *
          ), o AS (
            UPDATE audit_events e SET status = x.status, error = x.error, before = x.before,
              after = x.after, message = x.message, duration_ms = x.duration_ms, last_seq = x.seq
            FROM jsonb_to_recordset(a_outcomes) AS x(id uuid, status text, error jsonb,
              before jsonb, after jsonb, message text, duration_ms integer, seq bigint)
            WHERE e.id = x.id AND e.status = 'PENDING'
            RETURNING e.*
          )
          SELECT (SELECT count(*) FROM o),
            (SELECT COALESCE(json_agg(y), '[]'::json) FROM (SELECT * FROM i UNION ALL SELECT * FROM o) y)
            INTO applied, events;
          IF applied <> jsonb_array_length(a_outcomes) THEN
            RAISE EXCEPTION USING MESSAGE = a_not_pending, ERRCODE = 'P0001';
          END IF;
          RETURN events;
        END $$;`,
  },
  {
    version: 180,
    name: 'cost_unmounted_days',
    sql: `
      -- Per-day sums of the volume hours no running pod mounted (OpenCost's __unmounted__), per
      -- volume and claim namespace ('' when unclaimed): a whole-day window read them from the
      -- hourly rows each time (seconds at 1,100 volumes over 30 days). The per-day sums are
      -- derived data; emptied here so that every day is rebuilt with its unmounted part when
      -- next asked for (or when the collector next folds an hour of it).
      CREATE TABLE cost_unmounted_days (
        day                   timestamptz NOT NULL,
        volume_id             text NOT NULL,
        namespace             text NOT NULL,
        cluster               text NOT NULL,
        storage_cost          double precision NOT NULL,
        storage_unpriced_gibh double precision NOT NULL,
        PRIMARY KEY (day, volume_id, namespace)
      );
      -- Resource.cost of a PersistentVolume (by id) or of a claim (the hours bound to it).
      CREATE INDEX cost_volume_hours_volume ON cost_volume_hours (volume_id, bucket);
      CREATE INDEX cost_volume_hours_claim
        ON cost_volume_hours (claim_namespace, claim_name, bucket);
      DELETE FROM cost_pod_days;
      DELETE FROM cost_workload_days;
      DELETE FROM cost_node_days;
      DELETE FROM cost_days;`,
  },
  {
    version: 190,
    name: 'audit_two_phase_append',
    sql: `
      -- Two-phase appends (as Tessera sequences, then integrates): an append only sequences
      -- and stores its records with their projection rows; the Merkle tree (subtrees, frontier,
      -- size) is brought up to the records afterwards, in batches, by audit_integrate (the
      -- writer a moment later, and before every checkpoint). A lone writer's commit touches two
      -- tables, not four. No query reads records by event: its index goes.
      DROP FUNCTION audit_append(bigint, bigint, text, bigint, text, bigint[], uuid[], text[],
        text[], text[], text[], smallint[], bigint[], text[], jsonb, jsonb, text);
      DROP INDEX audit_records_event;
      -- The chain lock tried (a writer that read the head under it is never overtaken), the
      -- batch's first record linked to the newest stored one (or to the start of the kept log),
      -- so nothing is skipped, the records' primary key (nothing overwritten), then the
      -- records and the projection rows (intents inserted, outcomes applied to PENDING events).
      -- Any refusal raises: nothing of the batch is written.
      CREATE FUNCTION audit_sequence(
        a_lock bigint, a_moved text, a_seq bigint[], a_event uuid[], a_phase text[],
        a_body text[], a_prev text[], a_hash text[], a_intents jsonb, a_outcomes jsonb,
        a_not_pending text
      ) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
          prior text;
          applied integer;
          events jsonb;
          outcome_rows jsonb;
        BEGIN
          IF NOT pg_try_advisory_xact_lock(a_lock) THEN
            RAISE EXCEPTION USING MESSAGE = a_moved, ERRCODE = 'P0001';
          END IF;
          SELECT r.hash INTO prior FROM audit_records r WHERE r.seq = a_seq[1] - 1;
          IF prior IS NULL THEN
            SELECT COALESCE(a.prev_hash, repeat('0', 64)) INTO prior
              FROM audit_tree t LEFT JOIN audit_anchor a ON a.id = 1
              WHERE t.id = 1 AND a_seq[1] = COALESCE(a.seq, t.base_seq);
          END IF;
          IF prior IS DISTINCT FROM a_prev[1] THEN
            RAISE EXCEPTION USING MESSAGE = a_moved, ERRCODE = 'P0001';
          END IF;
          INSERT INTO audit_records (seq, event_id, phase, body, prev_hash, hash)
            SELECT * FROM unnest(a_seq, a_event, a_phase, a_body, a_prev, a_hash);
          -- Each half only when the batch has some (a lone writer's batch has one record).
          IF jsonb_array_length(a_intents) > 0 THEN
            WITH i AS (
              INSERT INTO audit_events (id, ts, actor, actor_name, actor_role, source, action,
                verb, target_id, target, parameters, dry_run, status, request_id,
                idempotency_key, input_hash, reverts, instance_id, intent_seq, last_seq)
              SELECT x.id, x.ts, x.actor, x.actor_name, x.actor_role, x.source, x.action, x.verb,
                x.target_id, COALESCE(x.target, 'null'::jsonb), x.parameters, x.dry_run,
                'PENDING', x.request_id, x.idempotency_key, x.input_hash, x.reverts,
                x.instance_id, x.seq, x.seq
              FROM jsonb_to_recordset(a_intents) AS x(id uuid, ts timestamptz, actor text,
                actor_name text, actor_role text, source text, action text, verb text,
                target_id text, target jsonb, parameters jsonb, dry_run boolean,
                request_id text, idempotency_key text, input_hash text, reverts uuid,
                instance_id text, seq bigint)
              RETURNING *
            ) SELECT jsonb_agg(i) INTO events FROM i;
          END IF;
          IF jsonb_array_length(a_outcomes) > 0 THEN
            WITH o AS (
              UPDATE audit_events e SET status = x.status, error = x.error, before = x.before,
                after = x.after, message = x.message, duration_ms = x.duration_ms,
                last_seq = x.seq
              FROM jsonb_to_recordset(a_outcomes) AS x(id uuid, status text, error jsonb,
                before jsonb, after jsonb, message text, duration_ms integer, seq bigint)
              WHERE e.id = x.id AND e.status = 'PENDING'
              RETURNING e.*
            ) SELECT count(*), jsonb_agg(o) INTO applied, outcome_rows FROM o;
            IF applied <> jsonb_array_length(a_outcomes) THEN
              RAISE EXCEPTION USING MESSAGE = a_not_pending, ERRCODE = 'P0001';
            END IF;
          END IF;
          RETURN COALESCE(events, '[]'::jsonb) || COALESCE(outcome_rows, '[]'::jsonb);
        END $$;
      -- Records a_from_size.. (read by the caller) added to the tree: refused unless the tree,
      -- its row locked, still has a_from_size leaves (another process integrated them first).
      CREATE FUNCTION audit_integrate(
        a_from_size bigint, a_size bigint, a_frontier text, a_level smallint[], a_idx bigint[],
        a_node text[], a_moved text
      ) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
          at_size bigint;
        BEGIN
          SELECT t.size INTO at_size FROM audit_tree t WHERE t.id = 1 FOR UPDATE;
          IF at_size IS DISTINCT FROM a_from_size THEN
            RAISE EXCEPTION USING MESSAGE = a_moved, ERRCODE = 'P0001';
          END IF;
          INSERT INTO audit_tree_nodes (level, idx, hash)
            SELECT l, i, decode(h, 'hex') FROM unnest(a_level, a_idx, a_node) AS x(l, i, h);
          UPDATE audit_tree t SET size = a_size, frontier = decode(a_frontier, 'hex') WHERE t.id = 1;
        END $$;`,
  },
  {
    version: 200,
    name: 'audit_one_record_append',
    sql: `
      -- A lone writer's batch is one record: it is appended by a call with plain arguments
      -- (audit_sequence_intent or audit_sequence_outcome: one record row and one projection
      -- row, no jsonb to unpack or to build), which on the embedded store cost about half of
      -- audit_sequence's call. The checks every append makes first (the chain lock tried, the
      -- first record linked to the newest stored one or to the start of the kept log) are
      -- audit_link, called by all three.
      CREATE FUNCTION audit_link(a_lock bigint, a_moved text, a_seq bigint, a_prev text)
        RETURNS void LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
          prior text;
        BEGIN
          IF NOT pg_try_advisory_xact_lock(a_lock) THEN
            RAISE EXCEPTION USING MESSAGE = a_moved, ERRCODE = 'P0001';
          END IF;
          SELECT r.hash INTO prior FROM audit_records r WHERE r.seq = a_seq - 1;
          IF prior IS NULL THEN
            SELECT COALESCE(a.prev_hash, repeat('0', 64)) INTO prior
              FROM audit_tree t LEFT JOIN audit_anchor a ON a.id = 1
              WHERE t.id = 1 AND a_seq = COALESCE(a.seq, t.base_seq);
          END IF;
          IF prior IS DISTINCT FROM a_prev THEN
            RAISE EXCEPTION USING MESSAGE = a_moved, ERRCODE = 'P0001';
          END IF;
        END $$;
      CREATE OR REPLACE FUNCTION audit_sequence(
        a_lock bigint, a_moved text, a_seq bigint[], a_event uuid[], a_phase text[],
        a_body text[], a_prev text[], a_hash text[], a_intents jsonb, a_outcomes jsonb,
        a_not_pending text
      ) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
          applied integer;
          events jsonb;
          outcome_rows jsonb;
        BEGIN
          PERFORM audit_link(a_lock, a_moved, a_seq[1], a_prev[1]);
          INSERT INTO audit_records (seq, event_id, phase, body, prev_hash, hash)
            SELECT * FROM unnest(a_seq, a_event, a_phase, a_body, a_prev, a_hash);
          IF jsonb_array_length(a_intents) > 0 THEN
            WITH i AS (
              INSERT INTO audit_events (id, ts, actor, actor_name, actor_role, source, action,
                verb, target_id, target, parameters, dry_run, status, request_id,
                idempotency_key, input_hash, reverts, instance_id, intent_seq, last_seq)
              SELECT x.id, x.ts, x.actor, x.actor_name, x.actor_role, x.source, x.action, x.verb,
                x.target_id, COALESCE(x.target, 'null'::jsonb), x.parameters, x.dry_run,
                'PENDING', x.request_id, x.idempotency_key, x.input_hash, x.reverts,
                x.instance_id, x.seq, x.seq
              FROM jsonb_to_recordset(a_intents) AS x(id uuid, ts timestamptz, actor text,
                actor_name text, actor_role text, source text, action text, verb text,
                target_id text, target jsonb, parameters jsonb, dry_run boolean,
                request_id text, idempotency_key text, input_hash text, reverts uuid,
                instance_id text, seq bigint)
              RETURNING *
            ) SELECT jsonb_agg(i) INTO events FROM i;
          END IF;
          IF jsonb_array_length(a_outcomes) > 0 THEN
            WITH o AS (
              UPDATE audit_events e SET status = x.status, error = x.error, before = x.before,
                after = x.after, message = x.message, duration_ms = x.duration_ms,
                last_seq = x.seq
              FROM jsonb_to_recordset(a_outcomes) AS x(id uuid, status text, error jsonb,
                before jsonb, after jsonb, message text, duration_ms integer, seq bigint)
              WHERE e.id = x.id AND e.status = 'PENDING'
              RETURNING e.*
            ) SELECT count(*), jsonb_agg(o) INTO applied, outcome_rows FROM o;
            IF applied <> jsonb_array_length(a_outcomes) THEN
              RAISE EXCEPTION USING MESSAGE = a_not_pending, ERRCODE = 'P0001';
            END IF;
          END IF;
          RETURN COALESCE(events, '[]'::jsonb) || COALESCE(outcome_rows, '[]'::jsonb);
        END $$;
      -- One intent: its record and its projection row (PENDING). Nothing is returned: the
      -- writer has every value it wrote (a returned row cost as much as the call).
      CREATE FUNCTION audit_sequence_intent(
        a_lock bigint, a_moved text, a_seq bigint, a_body text, a_prev text, a_hash text,
        a_id uuid, a_ts timestamptz, a_actor text, a_actor_name text, a_actor_role text,
        a_source text, a_action text, a_verb text, a_target_id text, a_target jsonb,
        a_parameters jsonb, a_dry_run boolean, a_request_id text, a_idempotency_key text,
        a_input_hash text, a_reverts uuid, a_instance_id text
      ) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
        BEGIN
          PERFORM audit_link(a_lock, a_moved, a_seq, a_prev);
          INSERT INTO audit_records (seq, event_id, phase, body, prev_hash, hash)
            VALUES (a_seq, a_id, 'intent', a_body, a_prev, a_hash);
          INSERT INTO audit_events (id, ts, actor, actor_name, actor_role, source, action, verb,
            target_id, target, parameters, dry_run, status, request_id, idempotency_key,
            input_hash, reverts, instance_id, intent_seq, last_seq)
          VALUES (a_id, a_ts, a_actor, a_actor_name, a_actor_role, a_source, a_action, a_verb,
            a_target_id, COALESCE(a_target, 'null'::jsonb), a_parameters, a_dry_run, 'PENDING',
            a_request_id, a_idempotency_key, a_input_hash, a_reverts, a_instance_id, a_seq,
            a_seq);
        END $$;
      -- One outcome: applied to its event only while PENDING (else nothing is written), then
      -- its record; the event returned as it now stands (a writer that wrote its intent asks
      -- for the id only).
      CREATE FUNCTION audit_sequence_outcome(
        a_lock bigint, a_moved text, a_seq bigint, a_body text, a_prev text, a_hash text,
        a_id uuid, a_status text, a_error jsonb, a_before jsonb, a_after jsonb, a_message text,
        a_duration_ms integer, a_not_pending text
      ) RETURNS audit_events LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
          e audit_events;
        BEGIN
          PERFORM audit_link(a_lock, a_moved, a_seq, a_prev);
          UPDATE audit_events SET status = a_status, error = a_error, before = a_before,
            after = a_after, message = a_message, duration_ms = a_duration_ms, last_seq = a_seq
            WHERE id = a_id AND status = 'PENDING'
            RETURNING * INTO e;
          IF NOT FOUND THEN
            RAISE EXCEPTION USING MESSAGE = a_not_pending, ERRCODE = 'P0001';
          END IF;
          INSERT INTO audit_records (seq, event_id, phase, body, prev_hash, hash)
            VALUES (a_seq, a_id, 'outcome', a_body, a_prev, a_hash);
          RETURN e;
        END $$;`,
  },
];
