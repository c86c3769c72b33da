package gov.suggestions.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "reporting.ledger")
public interface LedgerConfig {

    /** Largest ledger one .xlsx export may hold; beyond it the caller narrows the filters. */
    @WithDefault("100000")
    int exportMaxRows();
}
