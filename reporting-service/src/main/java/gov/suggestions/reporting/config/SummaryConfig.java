package gov.suggestions.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Wording of the annual work summary; defaults are the seed's words (a municipal bureau answering the city congress). */
@ConfigMapping(prefix = "reporting.summary")
public interface SummaryConfig {

    /** How the unit names itself in its report. */
    @WithDefault("我局")
    String self();

    /** What is handled, as counted in the first sentence. */
    @WithDefault("市人大代表建议")
    String handledNoun();

    /** Who evaluates the replies. */
    @WithDefault("人大代表")
    String evaluator();

    /** How many of the most frequent topics the first section names. */
    @WithDefault("4")
    int topicCount();
}
