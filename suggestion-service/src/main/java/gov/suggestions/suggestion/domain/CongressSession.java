package gov.suggestions.suggestion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One session of a term, e.g. 第六届人民代表大会第八次会议 (term 6, session 8). */
@Embeddable
public class CongressSession {

    @Column(nullable = false)
    public short term;

    @Column(nullable = false)
    public short session;

    @Column(nullable = false)
    public short year;

    @Column(nullable = false)
    public String name;

    public CongressSession() {
    }

    public CongressSession(int term, int session, int year, String name) {
        this.term = (short) term;
        this.session = (short) session;
        this.year = (short) year;
        this.name = name;
    }
}
