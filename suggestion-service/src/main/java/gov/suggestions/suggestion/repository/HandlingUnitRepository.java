package gov.suggestions.suggestion.repository;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.HandlingUnit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HandlingUnitRepository implements PanacheRepositoryBase<HandlingUnit, String> {
}
