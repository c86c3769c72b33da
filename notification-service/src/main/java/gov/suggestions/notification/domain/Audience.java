package gov.suggestions.notification.domain;

/** Who a rule addresses, resolved from the event: the suggestion's deputies or staff of the units concerned. */
public enum Audience {
    LEAD_DEPUTY, CO_SIGNERS, UNIT_OFFICE, UNIT_LEADER, HANDLER;

    public boolean deputies() {
        return this == LEAD_DEPUTY || this == CO_SIGNERS;
    }

    /** The staff role that makes someone part of this audience. */
    public String staffRole() {
        return switch (this) {
            case UNIT_OFFICE -> "unit-office";
            case UNIT_LEADER -> "unit-leader";
            case HANDLER -> "handler";
            default -> null;
        };
    }
}
