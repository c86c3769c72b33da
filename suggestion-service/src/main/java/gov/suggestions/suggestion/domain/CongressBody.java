package gov.suggestions.suggestion.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A congress body (e.g. 深圳市人民代表大会) or CPPCC committee, with its terms and sessions. */
@Entity
@Table(name = "congress_body")
public class CongressBody {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CongressKind kind;

    @ElementCollection
    @CollectionTable(name = "congress_session", joinColumns = @JoinColumn(name = "congress_body"))
    @OrderColumn(name = "position")
    public List<CongressSession> sessions = new ArrayList<>();

    @Version
    public long version;
}
