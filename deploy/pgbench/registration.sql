-- One registration's statements, exactly as suggestion-service sends them for POST /api/v1/suggestions (one
-- transaction), copied from PostgreSQL's statement log (log_statement = all) of a registration on 2026-12-04, with
-- each value made unique per transaction. deploy/benchmark.sh replays it with pgbench as the fair reference for the
-- intake rate: the database doing a registration's work and nothing else (no HTTP, token, JSON, search tokenizing in
-- Java, outbox relay or consumers). Keep it in step with the service: capture the log again after changing what a
-- registration writes (the root README, "Benchmark", says how).
\set n random(1, 9000000000000000000)
BEGIN;
INSERT INTO idempotency_record (tenant_scope, caller, idempotency_key, request_hash, created_at)
  VALUES ((SELECT value FROM bench_literal WHERE name = 'tenant_scope'), 'pgbench-' || :client_id::text, 'key-' || :n::text,
          'c0a19d54167ec3657d77e2c39c1acedf2194501e2d204e162ba2ed524a1d6930', now())
  ON CONFLICT DO NOTHING;
INSERT INTO suggestion (assigned_on, body, congress_body, kind, lead_deputy_delegation, lead_deputy_id, lead_deputy_name,
    number, priority, registered_at, registered_by, search_tokens, session, state, subject_category, submitted_on,
    supervision_level, term, title, version, withdrawal_reason, withdrawn_at, withdrawn_by, year, id)
  VALUES (NULL, '建议进一步完善相关制度,明确责任单位和完成时限,定期向代表反馈办理进展。', 'shenzhen-npc', 'SUGGESTION', '南山代表团',
          'D-12', '代表D-12', 'PGB-' || :n::text, 'ORDINARY', now(), 'congress-office-user',
          suggestion_tokens(E'推进 数据 立法\t政务 服务\t完善 相关 制度 明确 责任 单位 完成 时限 定期 向 代表 反馈 办理 进展'), 8,
          'REGISTERED', NULL, '2021-05-10', 'ORDINARY', 6, '关于推进数据立法的建议', 0, NULL, NULL, NULL, 2021,
          md5('s' || :n::text)::uuid);
INSERT INTO suggestion_topic (suggestion_id, position, topic) VALUES (md5('s' || :n::text)::uuid, 0, '政务服务');
INSERT INTO outbox_event (aggregate_id, event_id, event_type, key_slot, occurred_at, payload, published_at)
  VALUES (md5('s' || :n::text)::uuid::text, md5('e' || :n::text)::uuid, 'suggestion.submitted.v1', 10, now(),
          (SELECT value FROM bench_literal WHERE name = 'submitted_event')::jsonb,
          NULL)
  RETURNING *;
INSERT INTO suggestion_history (action, actor, changes, hash, occurred_at, prev_hash, seq, suggestion_id)
  VALUES ('REGISTERED', 'congress-office-user',
          (SELECT value FROM bench_literal WHERE name = 'history_changes'),
          '97725a0424a683e7e81e750eb6c45b9414ce83d6c46d65aba1470e04d9a082de', now(),
          '0000000000000000000000000000000000000000000000000000000000000000', 1, md5('s' || :n::text)::uuid)
  RETURNING *;
UPDATE idempotency_record
  SET status = 201, body = (SELECT value FROM bench_literal WHERE name = 'response_body')::jsonb, etag = '"0"',
      location = 'http://localhost:8081/api/v1/suggestions/' || md5('s' || :n::text)::uuid
  WHERE tenant_scope = (SELECT value FROM bench_literal WHERE name = 'tenant_scope')
    AND caller = 'pgbench-' || :client_id::text AND idempotency_key = 'key-' || :n::text;
COMMIT;
