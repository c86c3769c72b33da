package gov.suggestions.workflow.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.ReplyLetter;
import gov.suggestions.workflow.domain.ReplyPublication;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class ReplyPublicationRepository implements PanacheRepositoryBase<ReplyPublication, UUID> {

    /** A publication still published, with its letter. */
    public record Published(ReplyPublication publication, ReplyLetter letter) {
    }

    public Optional<Published> published(UUID id) {
        return getEntityManager().createQuery("select p, l from ReplyPublication p, ReplyLetter l where l.id = p.letterId and p.id = :id"
                + " and p.withdrawnAt is null", Object[].class).setParameter("id", id).getResultStream().findFirst()
                .map(row -> new Published((ReplyPublication) row[0], (ReplyLetter) row[1]));
    }

    /** Still published, newest first; {@code unit} and {@code year} narrow when given. */
    public List<Published> page(String unit, Integer year, int page, int size) {
        var query = getEntityManager().createQuery("select p, l from ReplyPublication p, ReplyLetter l where l.id = p.letterId"
                + " and p.withdrawnAt is null" + where(unit, year) + " order by p.publishedOn desc, p.publishedAt desc, p.id", Object[].class);
        bind(query, unit, year);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(row -> new Published((ReplyPublication) row[0], (ReplyLetter) row[1])).toList();
    }

    public long count(String unit, Integer year) {
        var query = getEntityManager().createQuery("select count(p) from ReplyPublication p where p.withdrawnAt is null" + where(unit, year), Long.class);
        bind(query, unit, year);
        return query.getSingleResult();
    }

    private static String where(String unit, Integer year) {
        return (unit == null ? "" : " and p.unitCode = :unit") + (year == null ? "" : " and p.year = :year");
    }

    private static void bind(jakarta.persistence.Query query, String unit, Integer year) {
        if (unit != null) {
            query.setParameter("unit", unit);
        }
        if (year != null) {
            query.setParameter("year", year.shortValue());
        }
    }

    public Optional<ReplyPublication> ofLetter(UUID letterId) {
        return find("letterId", letterId).firstResultOptional();
    }

    public List<ReplyPublication> ofCase(UUID caseId) {
        return list("caseId = :case", Parameters.with("case", caseId));
    }

    /** The next 索引号 sequence of the organisation and year, taken under that sequence row's lock. */
    public int nextIndexSequence(String organisationCode, int year) {
        Number value = (Number) getEntityManager().createNativeQuery("""
                INSERT INTO index_number_sequence (organisation_code, year, last_value) VALUES (:code, :year, 1)
                ON CONFLICT (organisation_code, year) DO UPDATE SET last_value = index_number_sequence.last_value + 1
                RETURNING last_value""")
                .setParameter("code", organisationCode)
                .setParameter("year", (short) year)
                .getSingleResult();
        return value.intValue();
    }
}
