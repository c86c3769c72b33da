package gov.suggestions.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Weights of the rates in a unit's combined score (any non-negative numbers; a rate with nothing to divide by is
 * left out and the others' weights count in proportion).
 */
@ConfigMapping(prefix = "reporting.scorecard.weights")
public interface ScorecardConfig {

    @WithDefault("25")
    double onTimeReply();

    @WithDefault("10")
    double onTimeJointOpinion();

    @WithDefault("10")
    double communication();

    @WithDefault("10")
    double faceToFace();

    @WithDefault("20")
    double satisfaction();

    @WithDefault("10")
    double basicSatisfaction();

    /** Weighs 1 − the re-handling rate. */
    @WithDefault("5")
    double notRehandled();

    /** Weighs the share of the unit's cases that are not overdue. */
    @WithDefault("10")
    double notOverdue();
}
