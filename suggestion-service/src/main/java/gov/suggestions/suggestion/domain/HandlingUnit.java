package gov.suggestions.suggestion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A handling unit (承办单位); its unified social credit code heads its disclosure index numbers. */
@Entity
@Table(name = "handling_unit")
public class HandlingUnit {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "unified_social_credit_code", nullable = false)
    public String unifiedSocialCreditCode;

    @Version
    public long version;
}
