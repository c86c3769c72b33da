package gov.suggestions.reporting.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.reporting.domain.ReadModelRebuild;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReadModelRebuildRepository implements PanacheRepositoryBase<ReadModelRebuild, UUID> {

    public Optional<ReadModelRebuild> running() {
        return find("state in ?1", java.util.List.of(ReadModelRebuild.State.RUNNING, ReadModelRebuild.State.SWITCHING)).firstResultOptional();
    }

    /** A running job whose replica stopped writing its heartbeat is failed, so another can start. */
    public int failAbandoned(Instant heartbeatBefore, Instant now) {
        return update("state = ?1, error = ?2, finishedAt = ?3 where state in ?4 and heartbeatAt < ?5", ReadModelRebuild.State.FAILED,
                "abandoned: its replica stopped", now,
                java.util.List.of(ReadModelRebuild.State.RUNNING, ReadModelRebuild.State.SWITCHING), heartbeatBefore);
    }
}
