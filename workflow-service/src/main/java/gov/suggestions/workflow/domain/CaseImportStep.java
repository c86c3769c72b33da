package gov.suggestions.workflow.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A step of the old platform imported into a case: what makes the same import again a no-op. */
@Entity
@Table(name = "case_import_step")
@IdClass(CaseImportStep.Key.class)
public class CaseImportStep {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    /** The old platform's record of the case, as the import names it. */
    @Id
    @Column(name = "source_record")
    public String sourceRecord;

    /** The step's index in the record's steps, from 0. */
    @Id
    @Column(name = "step_index")
    public short stepIndex;

    @Column(name = "step_kind", nullable = false)
    public String stepKind;

    /** SHA-256 (hex) of the step's canonical JSON. */
    @Column(nullable = false)
    public String fingerprint;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    /** The migrator's token subject. */
    @Column(name = "imported_by", nullable = false)
    public String importedBy;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public UUID caseId;
        public String sourceRecord;
        public short stepIndex;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(caseId, k.caseId) && Objects.equals(sourceRecord, k.sourceRecord) && stepIndex == k.stepIndex;
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, sourceRecord, stepIndex);
        }
    }
}
