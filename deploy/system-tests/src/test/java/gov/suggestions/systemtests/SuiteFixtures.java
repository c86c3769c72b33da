package gov.suggestions.systemtests;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;

/** What several system tests set up through suggestion-service's public API: handling units and registered suggestions. */
public final class SuiteFixtures {

    /** The characters a unified social credit code (统一社会信用代码) may hold: digits and capitals without I, O, S, V, Z. */
    private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private SuiteFixtures() {
    }

    /** A unified social credit code of a Shenzhen organisation (prefix 91440300), random in its last ten characters. */
    public static String creditCode() {
        StringBuilder code = new StringBuilder("91440300");
        for (int i = 0; i < 10; i++) {
            code.append(CREDIT_CODE_CHARACTERS.charAt(ThreadLocalRandom.current().nextInt(CREDIT_CODE_CHARACTERS.length())));
        }
        return code.toString();
    }

    /** A unit code no other test run uses: the prefix and eight random characters. */
    public static String freshUnitCode(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Adds a handling unit to the shared register (a {@code system} caller's right).
     *
     * @return its code: {@code codePrefix} and eight random characters; its name is {@code name} followed by the code
     */
    public static String createUnit(String suggestionService, String systemToken, String codePrefix, String name) {
        String code = freshUnitCode(codePrefix);
        given().baseUri(suggestionService).auth().oauth2(systemToken).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"%s","unifiedSocialCreditCode":"%s"}""".formatted(code, name + code, creditCode()))
                .when().post("/api/v1/units")
                .then().statusCode(201);
        return code;
    }

    /**
     * Registers a suggestion of Shenzhen's People's Congress (6th term, 8th session, 2020) as its office.
     *
     * @param leadDeputy the {@code leadDeputy} object as JSON
     * @return its id
     */
    public static String register(String suggestionService, String officeToken, String number, String title, String body,
            String leadDeputy) {
        return given().baseUri(suggestionService).auth().oauth2(officeToken).contentType(ContentType.JSON)
                .body("""
                        {"congressBody":"shenzhen-npc","number":"%s","kind":"SUGGESTION","title":"%s","body":"%s",
                         "leadDeputy":%s,"term":6,"session":8,"year":2020,"submittedOn":"2020-05-10"}"""
                        .formatted(number, title, body, leadDeputy))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201)
                .extract().path("id");
    }
}
