package gov.suggestions.suggestion.config;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Deadlines of an assignment (交办); defaults are the handling rules: a reply within 3 months, a joint opinion within 1 month, reassignment asked within 10 days (README, "Settings"). */
@ConfigMapping(prefix = "assignment")
public interface AssignmentRules {

    /** Reply to the deputy within this period of assignment (SOLE, LEAD, SEPARATE). */
    @WithDefault("P3M")
    Period replyPeriod();

    /** Joint opinion to the lead unit within this period of assignment (JOINT). */
    @WithDefault("P1M")
    Period jointOpinionPeriod();

    /** A unit may ask for reassignment within this period of assignment. */
    @WithDefault("P10D")
    Period reassignmentWindow();
}
