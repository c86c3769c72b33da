-- The W3C trace context (traceparent, tracestate) of the work that wrote the row: the relay sends it with the record, so
-- the consumers' work joins the trace of the request that caused it. Empty on older rows and rows written outside a trace.
ALTER TABLE outbox_event
    ADD COLUMN traceparent text,
    ADD COLUMN tracestate text;
