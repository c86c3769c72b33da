package gov.suggestions.reporting.service;

import java.util.UUID;

/** A rebuild is asked for while another one runs: one at a time (409). */
public class RebuildRunningException extends RuntimeException {

    private final UUID running;

    public RebuildRunningException(UUID running) {
        super("rebuild " + running + " is still running");
        this.running = running;
    }

    public UUID running() {
        return running;
    }
}
