package gov.suggestions.reporting.service;

import java.time.ZoneId;

/** Dates in the reports are Shanghai dates. */
public final class Clocks {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Clocks() {
    }
}
