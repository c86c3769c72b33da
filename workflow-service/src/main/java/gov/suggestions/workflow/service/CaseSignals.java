package gov.suggestions.workflow.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import gov.suggestions.workflow.repository.HandlingCaseRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Overdue cases as operators and supervisors watch them: {@code suggestions_cases_overdue} per congress body and handling
 * unit (unit codes name organisations, not people), one series for each unit that owes a reply or opinion, 0 while none of
 * its cases is overdue. Its cardinality is the unit register's size (a few hundred per congress body); a unit's series
 * goes away once it owes nothing. Counted every {@code signals.refresh-every} from a partial index, never by a scrape, so
 * a scrape works while the database is down; the series then keep their last values.
 */
@Startup
@ApplicationScoped
public class CaseSignals {

    private static final Logger LOG = Logger.getLogger(CaseSignals.class);

    private final HandlingCaseRepository cases;
    private final Clock clock;
    private final AtomicBoolean unreadable = new AtomicBoolean();
    private volatile boolean stopping;
    private final MultiGauge overdue;

    public CaseSignals(HandlingCaseRepository cases, Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.clock = clock;
        this.overdue = MultiGauge.builder("suggestions.cases.overdue")
                .description("Cases past their due date that still owe a reply or opinion, per congress body and handling unit")
                .register(meters);
    }

    /** A count after this would only find the datasource closed. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    @Scheduled(every = "${signals.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (stopping) {
            return;
        }
        List<HandlingCaseRepository.UnitOverdue> units;
        try {
            units = QuarkusTransaction.requiringNew().call(() -> cases.overdueByUnit(LocalDate.now(clock)));
        } catch (RuntimeException e) {
            if (unreadable.compareAndSet(false, true)) {
                LOG.warnf("overdue cases not counted (%s); the gauges keep their last values until the database answers", e.getMessage());
            }
            return;
        }
        if (unreadable.compareAndSet(true, false)) {
            LOG.info("overdue cases counted again");
        }
        overdue.register(units.stream()
                .map(u -> MultiGauge.Row.of(Tags.of("congress_body", u.congressBody(), "unit", u.unitCode()), u.overdue()))
                .toList(), true);
    }
}
