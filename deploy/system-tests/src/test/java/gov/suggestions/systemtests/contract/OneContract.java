package gov.suggestions.systemtests.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gov.suggestions.testsupport.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The same malformed, stale and conflicting requests sent to every service, and the same problem back from each: the
 * type and status of the suite's catalogue (root README, "Problem types"), its title in the language asked for,
 * {@code application/problem+json}, and the field at fault where there is one. Each service names where such a request
 * goes (a {@link Target}); the requests and the expected answers are the same for all.
 */
public final class OneContract {

    private static final String PREFIX = "urn:gov-suggestions:problem:";

    /** A request to a service: method, path, token (null: none), JSON body (null: none), If-Match (null: none). */
    public record Call(String method, String path, String token, String body, String ifMatch) {

        public Call withBody(String newBody) {
            return new Call(method, path, token, newBody, ifMatch);
        }

        public Call withToken(String newToken) {
            return new Call(method, path, newToken, body, ifMatch);
        }

        public Call withIfMatch(String newIfMatch) {
            return new Call(method, path, token, body, newIfMatch);
        }
    }

    /**
     * Where a service takes each kind of request.
     *
     * @param write a write that parses a JSON body (the malformed bodies go there; it fails before changing anything)
     * @param wrongTypeBody {@code write}'s body with one field of the wrong JSON type, named {@code wrongTypeField}
     * @param change a change to an existing object that needs If-Match (sent without it, stale, and weak)
     * @param currentTag the object's current ETag, as its last read gave it
     * @param conflict a change the object's state does not allow now, with a valid If-Match where one is needed
     * @param conflictType the catalogue's 409 type the service answers it with
     * @param forbidden a call by a role the operation does not admit
     * @param unknown a read of an object that does not exist
     */
    public record Target(String service, String baseUri, Call write, String wrongTypeBody, String wrongTypeField, Call change,
            String currentTag, Call conflict, String conflictType, Call forbidden, Call unknown) {
    }

    /** What came back for one request to one service, and what the catalogue says should have. */
    private record Outcome(String service, String request, int status, String type, String title, String field, String contentType,
            String etag, int expectedStatus, String expectedType, String expectedTitle, String expectedField, String expectedEtag) {

        boolean right() {
            return status == expectedStatus && (PREFIX + expectedType).equals(type) && expectedTitle.equals(title)
                    && contentType != null && contentType.startsWith("application/problem+json")
                    && (expectedField == null || expectedField.equals(field)) && (expectedEtag == null || expectedEtag.equals(etag));
        }

        /** A stale change is answered with the object's current ETag, so the client can retry without reading again. */
        Outcome withCurrentTag(String tag) {
            return new Outcome(service, request, status, type, title, field, contentType, etag, expectedStatus, expectedType, expectedTitle,
                    expectedField, tag);
        }

        String line() {
            return "%-12s %-34s %d %-40s %-28s %-12s %s".formatted(service, request, status, type, title, field == null ? "" : field,
                    right() ? "ok" : "WRONG: expected " + expectedStatus + " " + expectedType + " " + expectedTitle
                            + (expectedField == null ? "" : " naming " + expectedField)
                            + (expectedEtag == null ? "" : " with ETag " + expectedEtag + " (got " + etag + ")"));
        }
    }

    /** The catalogue entries these requests meet: type → status, zh-CN title, English title. */
    private static final Map<String, Object[]> CATALOGUE = Map.ofEntries(
            Map.entry("malformed-json", new Object[] { 400, "请求体不是有效的 JSON", "The request body is not valid JSON" }),
            Map.entry("unknown-field", new Object[] { 400, "请求包含未知字段", "The request has an unknown field" }),
            Map.entry("wrong-type", new Object[] { 400, "请求字段类型错误", "A request field has the wrong type" }),
            Map.entry("unsupported-media-type", new Object[] { 415, "不支持的媒体类型", "Unsupported media type" }),
            Map.entry("unauthenticated", new Object[] { 401, "未认证", "Not authenticated" }),
            Map.entry("forbidden", new Object[] { 403, "无权访问", "Forbidden" }),
            Map.entry("not-found", new Object[] { 404, "未找到", "Not found" }),
            Map.entry("precondition-required", new Object[] { 428, "缺少 If-Match", "If-Match is required" }),
            Map.entry("precondition-failed", new Object[] { 412, "版本已变化", "The version has changed" }),
            Map.entry("conflict", new Object[] { 409, "与当前状态冲突", "Conflict with the current state" }),
            Map.entry("not-published", new Object[] { 409, "总结未公开", "The summary is not published" }));

    private OneContract() {
    }

    /** Sends every request to every target, prints what each answered, and fails naming each answer that is not the catalogue's. */
    public static void check(List<Target> targets) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Target t : targets) {
            String unknownField = t.write().body().replaceFirst("\\{", "{\"zzUnknownField\":1,");
            outcomes.add(send(t, "malformed JSON", t.write().withBody("{\"unclosed\": "), "zh", "malformed-json", null));
            outcomes.add(send(t, "unknown field", t.write().withBody(unknownField), "zh", "unknown-field", "zzUnknownField"));
            outcomes.add(send(t, "wrong type", t.write().withBody(t.wrongTypeBody()), "zh", "wrong-type", t.wrongTypeField()));
            outcomes.add(send(t, "body as text/plain", t.write(), "zh", "unsupported-media-type", null, "text/plain"));
            outcomes.add(send(t, "no token", t.unknown().withToken(null), "zh", "unauthenticated", null));
            outcomes.add(send(t, "role not admitted", t.forbidden(), "zh", "forbidden", null));
            outcomes.add(send(t, "unknown object", t.unknown(), "zh", "not-found", null));
            outcomes.add(send(t, "unknown path", new Call("GET", "/api/v1/no-such-resource", t.unknown().token(), null, null), "zh",
                    "not-found", null));
            outcomes.add(send(t, "change without If-Match", t.change().withIfMatch(null), "zh", "precondition-required", null));
            outcomes.add(send(t, "change with a stale If-Match", t.change().withIfMatch("\"987654\""), "zh", "precondition-failed", null)
                    .withCurrentTag(t.currentTag()));
            outcomes.add(send(t, "change with a weak current tag", t.change().withIfMatch("W/" + t.currentTag()), "zh",
                    "precondition-failed", null).withCurrentTag(t.currentTag()));
            outcomes.add(send(t, "stale If-Match, English", t.change().withIfMatch("\"987654\""), "en", "precondition-failed", null)
                    .withCurrentTag(t.currentTag()));
            outcomes.add(send(t, "change the state forbids", t.conflict(), "zh", t.conflictType(), null));
        }
        StringBuilder table = new StringBuilder("[figures] one contract: the same requests to every service\n");
        outcomes.forEach(o -> table.append(o.line()).append('\n'));
        System.out.print(table);
        List<String> wrong = outcomes.stream().filter(o -> !o.right()).map(Outcome::line).toList();
        assertTrue(wrong.isEmpty(), "answers that are not the catalogue's:\n" + String.join("\n", wrong));
    }

    private static Outcome send(Target t, String request, Call call, String language, String expectedType, String expectedField) {
        return send(t, request, call, language, expectedType, expectedField, "application/json");
    }

    private static Outcome send(Target t, String request, Call call, String language, String expectedType, String expectedField,
            String contentType) {
        RequestSpecification spec = given().baseUri(t.baseUri()).header("Accept-Language", language).accept("application/json");
        if (call.token() != null) {
            spec.auth().oauth2(call.token());
        }
        if (call.ifMatch() != null) {
            spec.header("If-Match", call.ifMatch());
        }
        if (call.body() != null) {
            spec.contentType(contentType).body(call.body());
        }
        Response response = spec.when().request(call.method(), call.path());
        String type = null;
        String title = null;
        String field = null;
        try {
            type = response.path("type");
            title = response.path("title");
            field = response.path("violations[0].field");
        } catch (RuntimeException notJson) {
            title = response.asString();
        }
        Object[] entry = CATALOGUE.get(expectedType);
        return new Outcome(t.service(), request, response.statusCode(), type, title, field, response.contentType(), response.header("ETag"),
                (Integer) entry[0], expectedType, (String) ("en".equals(language) ? entry[2] : entry[1]), expectedField, null);
    }

    /** A token of {@code role} for {@code unit}, for the targets' calls. */
    public static String unitToken(String role, String unit) {
        return TestTokens.role(role).unit(unit).subject(role + "-" + unit).sign();
    }
}
