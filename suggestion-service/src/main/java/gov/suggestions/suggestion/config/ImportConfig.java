package gov.suggestions.suggestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk import of suggestions. */
@ConfigMapping(prefix = "suggestion-import")
public interface ImportConfig {

    /** Batches up to this many rows are imported within the request (200); larger ones run as a job (202). */
    @WithDefault("200")
    int syncMaxRows();

    /** Rows stored per transaction; the job's progress advances chunk by chunk. */
    @WithDefault("500")
    int chunkSize();

    /** Most rows one import may hold. */
    @WithDefault("20000")
    int maxRows();
}
