package gov.suggestions.suggestion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A deputy who co-signed (附议) a suggestion. */
@Embeddable
public class CoSigner {

    @Column(name = "deputy_id", nullable = false)
    public String deputyId;

    @Column(nullable = false)
    public String name;

    public String delegation;

    public CoSigner() {
    }

    public CoSigner(String deputyId, String name, String delegation) {
        this.deputyId = deputyId;
        this.name = name;
        this.delegation = delegation;
    }
}
