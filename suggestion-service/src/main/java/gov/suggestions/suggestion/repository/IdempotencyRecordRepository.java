package gov.suggestions.suggestion.repository;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.IdempotencyRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IdempotencyRecordRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {
}
