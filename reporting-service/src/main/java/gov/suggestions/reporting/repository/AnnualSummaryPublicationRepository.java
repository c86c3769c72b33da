package gov.suggestions.reporting.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.reporting.domain.AnnualSummaryPublication;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AnnualSummaryPublicationRepository implements PanacheRepositoryBase<AnnualSummaryPublication, UUID> {

    /** The unit's publication row for the year, public or withdrawn. */
    public Optional<AnnualSummaryPublication> findFor(String unitCode, int year) {
        return find("unitCode = ?1 and year = ?2", unitCode, year).firstResultOptional();
    }

    /** The public (published, not withdrawn) summary of the unit for the year. */
    public Optional<AnnualSummaryPublication> findPublic(String unitCode, int year) {
        return find("unitCode = ?1 and year = ?2 and withdrawnAt is null", unitCode, year).firstResultOptional();
    }

    /** A page of the public summaries, newest publication first, with the total; {@code unitCode} and {@code year} narrow it when given. */
    public Map.Entry<List<AnnualSummaryPublication>, Long> listPublic(String unitCode, Integer year, int page, int size) {
        StringBuilder query = new StringBuilder("withdrawnAt is null");
        Map<String, Object> parameters = new HashMap<>();
        if (unitCode != null) {
            query.append(" and unitCode = :unit");
            parameters.put("unit", unitCode);
        }
        if (year != null) {
            query.append(" and year = :year");
            parameters.put("year", year);
        }
        var found = find(query.toString(), Sort.descending("publishedOn").and("unitCode").and("year"), parameters);
        long total = found.count();
        return Map.entry(found.page(Page.of(page, size)).list(), total);
    }
}
