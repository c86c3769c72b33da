package gov.suggestions.workflow.service;

import static gov.suggestions.workflow.support.CaseDriver.awaitCase;
import static gov.suggestions.workflow.support.CaseDriver.unitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.workflow.support.CaseDriver;
import gov.suggestions.workflow.support.SettableClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The operators' gauge of overdue cases: one series per congress body and unit that owes replies, counting those past due. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CaseSignalsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CaseSignals signals;

    @Inject
    SettableClock clock;

    @Inject
    MeterRegistry meters;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aUnitsCasesPastTheirDueDateAreCountedUnderItsCongressBodyAndUnit() {
        String suggestion = UUID.randomUUID().toString();
        String soon = unitCode();
        String later = unitCode();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(soon, "SEPARATE", today.plusDays(2)),
                    CaseDriver.unit(later, "SEPARATE", today.plusDays(20))));
        }
        awaitCase(suggestion, soon);
        awaitCase(suggestion, later);

        signals.refresh();
        assertEquals(0.0, overdue(soon), "due in 2 days: owing, not overdue");
        assertEquals(0.0, overdue(later));

        clock.advance(Duration.ofDays(3));
        signals.refresh();
        assertEquals(1.0, overdue(soon), "3 days on, the case due in 2 is overdue");
        assertEquals(0.0, overdue(later), "the case due in 20 days is not");
        assertNull(meters.find("suggestions.cases.overdue").tag("unit", unitCode()).gauge(), "a unit that owes nothing has no series");
    }

    private double overdue(String unit) {
        Gauge gauge = meters.find("suggestions.cases.overdue").tag("congress_body", CaseDriver.BODY).tag("unit", unit).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }
}
