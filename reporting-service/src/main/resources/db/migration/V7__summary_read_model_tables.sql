-- The summary's per-communication and per-reply tables are projected from the cases topic like the rest of the read
-- model, so a rebuild (POST /api/v1/read-model/rebuilds) must rebuild them too; drafts and narratives are the
-- office's own writing and stay unmarked.
COMMENT ON TABLE report_communication IS 'read model: rebuilt from the topics';
COMMENT ON TABLE report_reply_measures IS 'read model: rebuilt from the topics';
