package gov.suggestions.reporting.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** 统一社会信用代码 as GB 32100-2015 defines it: the seed's code passes, anything else is refused. */
class CreditCodeTest {

    @Test
    void theSeedsCodeAndAnotherRealOneAreValid() {
        assertTrue(CreditCode.valid("11440300MB2C92413C"));
        assertTrue(CreditCode.valid("91350100M000100Y43"));
    }

    @Test
    void aWrongCheckCharacterLengthOrLetterIsRefused() {
        assertFalse(CreditCode.valid("11440300MB2C92413D"), "check character");
        assertFalse(CreditCode.valid("11440300MB2C92413"), "17 characters");
        assertFalse(CreditCode.valid("11440300MB2C92413CC"), "19 characters");
        assertFalse(CreditCode.valid("11440300mb2C92413C"), "lower case");
        assertFalse(CreditCode.valid("11440300IB2C92413C"), "I is not used");
        assertFalse(CreditCode.valid("114403A0MB2C92413C"), "the region code is digits");
        assertFalse(CreditCode.valid(null));
    }
}
