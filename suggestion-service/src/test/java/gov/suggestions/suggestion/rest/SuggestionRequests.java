package gov.suggestions.suggestion.rest;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import gov.suggestions.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request bodies and callers shared by this module's API tests; every number is fresh so tests never share data. */
public final class SuggestionRequests {

    public static final String BODY = "shenzhen-npc";

    private SuggestionRequests() {
    }

    public static String freshNumber() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static String registration(String number, String deputyId) {
        return """
                {
                  "congressBody": "%s",
                  "number": "%s",
                  "kind": "SUGGESTION",
                  "title": "关于加快推进政务数据共享的建议",
                  "body": "建议进一步打通部门间数据壁垒,推动政务数据按需共享。",
                  "leadDeputy": { "id": "%s", "name": "王某某", "delegation": "福田代表团" },
                  "term": 6,
                  "session": 8,
                  "year": 2020,
                  "submittedOn": "2020-05-10"
                }""".formatted(BODY, number, deputyId);
    }

    /** A registration with every optional field: topics, category, co-signers, supervision and priority. */
    public static String fullRegistration(String number, String leadId, String coSignerId, String topic, String level) {
        return """
                {
                  "congressBody": "%s",
                  "number": "%s",
                  "kind": "PROPOSAL",
                  "title": "关于推进智慧城市建设的建议",
                  "body": "建议统筹推进城市数字化转型。",
                  "leadDeputy": { "id": "%s", "name": "王某某", "delegation": "福田代表团" },
                  "coSigners": [ { "id": "%s", "name": "李某某", "delegation": "南山代表团" } ],
                  "topics": ["%s", "数字政府"],
                  "subjectCategory": "城市建设",
                  "supervisionLevel": "%s",
                  "priority": "HOT",
                  "term": 6,
                  "session": 8,
                  "year": 2020,
                  "submittedOn": "2020-05-10"
                }""".formatted(BODY, number, leadId, coSignerId, topic, level);
    }

    public static RequestSpecification asDeputy(String deputyId) {
        return as(TestTokens.role("deputy").congressBody(BODY).deputy(deputyId).sign());
    }

    public static RequestSpecification asOffice() {
        return as(TestTokens.role("congress-office").congressBody(BODY).sign());
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
