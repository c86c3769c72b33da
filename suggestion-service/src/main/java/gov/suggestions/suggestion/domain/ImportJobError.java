package gov.suggestions.suggestion.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A rejected row of an import and why. */
@Entity
@Table(name = "import_job_error")
public class ImportJobError {

    @EmbeddedId
    public Key key;

    public String number;

    @Column(nullable = false)
    public String reason;

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "job_id")
        public UUID jobId;

        @Column(name = "row_number")
        public int rowNumber;

        public Key() {
        }

        public Key(UUID jobId, int rowNumber) {
            this.jobId = jobId;
            this.rowNumber = rowNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(jobId, k.jobId) && rowNumber == k.rowNumber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, rowNumber);
        }
    }
}
