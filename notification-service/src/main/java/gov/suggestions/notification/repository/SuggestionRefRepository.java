package gov.suggestions.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.SuggestionRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SuggestionRefRepository implements PanacheRepositoryBase<SuggestionRef, UUID> {
}
