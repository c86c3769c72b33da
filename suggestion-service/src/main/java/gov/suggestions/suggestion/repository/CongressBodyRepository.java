package gov.suggestions.suggestion.repository;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.CongressBody;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CongressBodyRepository implements PanacheRepositoryBase<CongressBody, String> {
}
