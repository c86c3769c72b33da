package gov.suggestions.suggestion.domain;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A deputy (or CPPCC member) on a congress body's roster. Phone and e-mail are personal data. */
@Entity
@Table(name = "deputy")
public class Deputy {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String name;

    public String delegation;

    public String phone;

    public String email;

    @Version
    public long version;

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "congress_body")
        public String congressBody;

        @Column(name = "id")
        public String id;

        public Key() {
        }

        public Key(String congressBody, String id) {
            this.congressBody = congressBody;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(congressBody, k.congressBody) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(congressBody, id);
        }
    }
}
