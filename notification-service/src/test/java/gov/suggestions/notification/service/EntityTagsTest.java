package gov.suggestions.notification.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** If-Match compares strongly (RFC 9110): a weak tag never matches, even with the current version in it. */
class EntityTagsTest {

    @Test
    void theCurrentStrongTagMatches_aWeakOneNever() {
        assertTrue(EntityTags.matches("\"3\"", 3));
        assertTrue(EntityTags.matches("3", 3));
        assertTrue(EntityTags.matches("*", 3));
        assertTrue(EntityTags.matches("\"2\", \"3\"", 3));
        assertFalse(EntityTags.matches("W/\"3\"", 3));
        assertFalse(EntityTags.matches("W/\"3\", \"2\"", 3));
        assertFalse(EntityTags.matches("\"2\"", 3));
        assertFalse(EntityTags.matches("\"33\"", 3));
        assertFalse(EntityTags.matches("\"\"", 3));
    }
}
