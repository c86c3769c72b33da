package gov.suggestions.suggestion.repository;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.Deputy;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DeputyRepository implements PanacheRepositoryBase<Deputy, Deputy.Key> {
}
