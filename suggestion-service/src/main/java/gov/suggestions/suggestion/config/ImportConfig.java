package gov.suggestions.suggestion.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import gov.suggestions.suggestion.domain.Limits;
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

    /** Most rows one import may hold; the API documents {@link Limits#IMPORT_ROWS}, so a larger setting refuses to start. */
    @WithDefault("20000")
    @Min(1)
    @Max(Limits.IMPORT_ROWS)
    int maxRows();
}
