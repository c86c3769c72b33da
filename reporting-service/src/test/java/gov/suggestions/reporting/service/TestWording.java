package gov.suggestions.reporting.service;

import gov.suggestions.reporting.config.SummaryConfig;

/** The summary's wording settings at their defaults, with the unit's own name for itself, for tests without Quarkus. */
final class TestWording {

    private TestWording() {
    }

    static SummaryConfig calling(String self) {
        return new SummaryConfig() {
            public String self() {
                return self;
            }

            public String handledNoun() {
                return "市人大代表建议";
            }

            public String evaluator() {
                return "人大代表";
            }

            public String congress() {
                return "市";
            }

            public String addressee() {
                return "市人大常委会办公厅";
            }

            public int topicCount() {
                return 4;
            }
        };
    }
}
