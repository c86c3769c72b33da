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

    /** The level of the congress answered, as in 市人大常委会, 市六届人大八次会议. */
    @WithDefault("市")
    String congress();

    /** Whom the summary is addressed to. */
    @WithDefault("市人大常委会办公厅")
    String addressee();

    /** How many of the most frequent topics the first section names. */
    @WithDefault("4")
    int topicCount();
}
