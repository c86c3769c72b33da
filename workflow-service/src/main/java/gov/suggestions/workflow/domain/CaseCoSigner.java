package gov.suggestions.workflow.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A deputy who co-signed (附议) the case's suggestion: may follow the case, does not evaluate it. */
@Entity
@Table(name = "case_co_signer")
@IdClass(CaseCoSigner.Key.class)
public class CaseCoSigner {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Id
    @Column(name = "deputy_id")
    public String deputyId;

    /** The co-signer's congress body: the suggestion's (a deputy is (body, roster id); ids repeat between bodies). */
    @Column(name = "congress_body", nullable = false)
    public String congressBody;

    public static class Key implements Serializable {
        public UUID caseId;
        public String deputyId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(caseId, other.caseId) && Objects.equals(deputyId, other.deputyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, deputyId);
        }
    }
}
