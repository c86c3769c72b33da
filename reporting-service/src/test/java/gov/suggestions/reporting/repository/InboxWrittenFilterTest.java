package gov.suggestions.reporting.repository;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.suggestions.reporting.domain.InboxEvent;

/** The rebuild's filter of written inbox keys may answer "maybe" wrongly (then the table is asked), never "no" wrongly. */
class InboxWrittenFilterTest {

    @Test
    void everyWrittenKeyIsAMaybeAndFewOthersAre() {
        InboxEventRepository.Written written = new InboxEventRepository.Written(100_000);
        assertFalse(written.mightContain(new InboxEvent.Key("/workflow-service", "e-1")));
        String[] ids = new String[100_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID().toString();
            written.add(i % 2 == 0 ? "/workflow-service" : "/suggestion-service", ids[i]);
        }
        for (int i = 0; i < ids.length; i++) {
            assertTrue(written.mightContain(new InboxEvent.Key(i % 2 == 0 ? "/workflow-service" : "/suggestion-service", ids[i])));
        }
        int falseMaybes = 0;
        for (int i = 0; i < 100_000; i++) {
            if (written.mightContain(new InboxEvent.Key("/workflow-service", UUID.randomUUID().toString()))) {
                falseMaybes++;
            }
        }
        assertTrue(falseMaybes < 100, falseMaybes + " of 100000 unseen keys answered maybe");
    }
}
