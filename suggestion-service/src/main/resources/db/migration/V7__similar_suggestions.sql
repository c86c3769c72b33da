-- Chinese full text: tokens come from Lucene's smart Chinese analyser in the application (the same on every
-- replica) and are stored as lexemes as they are (like the `simple` configuration: no stemming, no stop words
-- by the database). Title weighs A, topics B, body D.
ALTER TABLE suggestion ADD COLUMN search_tokens tsvector;
CREATE INDEX ix_suggestion_search ON suggestion USING gin (search_tokens);

-- The encoded form is "title tokens<TAB>topic tokens<TAB>body tokens", tokens separated by single spaces.
CREATE FUNCTION suggestion_tokens(encoded text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(array_to_tsvector(array_remove(string_to_array(split_part(encoded, E'\t', 1), ' '), '')), 'A')
        || setweight(array_to_tsvector(array_remove(string_to_array(split_part(encoded, E'\t', 2), ' '), '')), 'B')
        || setweight(array_to_tsvector(array_remove(string_to_array(split_part(encoded, E'\t', 3), ' '), '')), 'D')
$$;

-- Suggestions handled together (并案); each pair is stored in both directions.
CREATE TABLE suggestion_link (
    suggestion_id uuid         NOT NULL REFERENCES suggestion (id),
    linked_id     uuid         NOT NULL REFERENCES suggestion (id),
    linked_at     timestamptz  NOT NULL,
    linked_by     varchar(200) NOT NULL,
    CONSTRAINT pk_suggestion_link PRIMARY KEY (suggestion_id, linked_id)
);
