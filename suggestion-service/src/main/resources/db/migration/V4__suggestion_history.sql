-- Append-only history of each suggestion: entry n carries SHA-256(hash of entry n-1 + canonical form of entry n).
CREATE TABLE suggestion_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    suggestion_id uuid          NOT NULL REFERENCES suggestion (id),
    seq           integer       NOT NULL,
    action        varchar(40)   NOT NULL,
    actor         varchar(200)  NOT NULL,
    occurred_at   timestamptz   NOT NULL,
    changes       text          NOT NULL,
    prev_hash     varchar(64)   NOT NULL,
    hash          varchar(64)   NOT NULL,
    CONSTRAINT uq_suggestion_history_seq UNIQUE (suggestion_id, seq)
);

-- The application only appends; an UPDATE or DELETE is refused here as well (the hash chain still catches
-- whoever disables this trigger first).
CREATE FUNCTION suggestion_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'suggestion_history is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_suggestion_history_append_only BEFORE UPDATE OR DELETE ON suggestion_history
    FOR EACH ROW EXECUTE FUNCTION suggestion_history_append_only();
