package gov.suggestions.workflow.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A communication counted by one case, in the round the case was in when it was recorded. */
@Entity
@Table(name = "communication_case")
@IdClass(CommunicationLink.Key.class)
public class CommunicationLink {

    @Id
    @Column(name = "communication_id")
    public UUID communicationId;

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(nullable = false)
    public short round;

    public static class Key implements Serializable {
        public UUID communicationId;
        public UUID caseId;

        public Key() {
        }

        public Key(UUID communicationId, UUID caseId) {
            this.communicationId = communicationId;
            this.caseId = caseId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(communicationId, other.communicationId) && Objects.equals(caseId, other.caseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communicationId, caseId);
        }
    }
}
