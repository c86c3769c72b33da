package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Keycloak realm in deploy/k8s/identity gives what the services read from a token: every role of the
 * authorization model (root README) and nothing else, roles in {@code groups}, the scope claims {@code congress_body},
 * {@code unit} and {@code deputy} from user attributes only an administrator may set, and tokens that live no longer
 * than the services accept.
 */
class IdentityRealmTest {

    private static final Path ROOT = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
    private static final Set<String> SCOPE_CLAIMS = Set.of("congress_body", "unit", "deputy");

    private final JsonNode realm = read(ROOT.resolve("deploy/k8s/identity/suggestions-realm.json"));

    @Test
    void theRealmHasExactlyTheRolesOfTheAuthorizationModelAndEveryRoleAServiceChecks() throws IOException {
        Set<String> model = rolesOfTheAuthorizationModel();
        assertTrue(model.size() >= 7, "the authorization model's table was found: " + model);
        Set<String> realmRoles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(role -> realmRoles.add(role.path("name").asText()));
        assertEquals(model, realmRoles, "realm roles = the roles of the root README's authorization model");
        Set<String> checked = rolesTheServicesCheck();
        assertTrue(model.containsAll(checked), "every role in a @RolesAllowed is in the model: " + checked);
    }

    @Test
    void everyClientsTokensCarryTheRolesAsGroupsAndTheScopeClaimsFromAdministratorSetAttributes() throws IOException {
        JsonNode scope = null;
        for (JsonNode candidate : realm.path("clientScopes")) {
            if (candidate.path("name").asText().equals("suggestions-claims")) {
                scope = candidate;
            }
        }
        assertTrue(scope != null, "client scope suggestions-claims");
        Map<String, JsonNode> byClaim = new HashMap<>();
        scope.path("protocolMappers").forEach(m -> byClaim.put(m.path("config").path("claim.name").asText(), m));
        JsonNode groups = byClaim.get("groups");
        assertEquals("oidc-usermodel-realm-role-mapper", groups.path("protocolMapper").asText());
        assertEquals("true", groups.path("config").path("multivalued").asText());
        assertEquals("true", groups.path("config").path("access.token.claim").asText());
        for (String claim : SCOPE_CLAIMS) {
            JsonNode mapper = byClaim.get(claim);
            assertTrue(mapper != null, "a mapper for " + claim);
            assertEquals("oidc-usermodel-attribute-mapper", mapper.path("protocolMapper").asText(), claim);
            assertEquals(claim, mapper.path("config").path("user.attribute").asText(), claim + " from the same-named attribute");
            assertEquals("String", mapper.path("config").path("jsonType.label").asText(), claim);
            assertEquals("false", mapper.path("config").path("multivalued").asText(), claim + " is one value");
            assertEquals("true", mapper.path("config").path("access.token.claim").asText(), claim + " in access tokens");
        }
        assertTrue(realm.path("clients").size() > 0);
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            Set<String> scopes = new TreeSet<>();
            client.path("defaultClientScopes").forEach(s -> scopes.add(s.asText()));
            assertTrue(scopes.contains("suggestions-claims"), id + " gives the suite's claims by default: " + scopes);
            assertFalse(client.has("secret"), id + ": no client secret is committed (Keycloak makes one on import)");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(), id + ": no implicit flow");
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), id + ": no password grant");
        }

        // the scope claims decide what a caller sees: users must not be able to set them on themselves
        JsonNode profile = new ObjectMapper().readTree(realm.path("components")
                .path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asText());
        Set<String> adminOnly = new TreeSet<>();
        for (JsonNode attribute : profile.path("attributes")) {
            String name = attribute.path("name").asText();
            if (SCOPE_CLAIMS.contains(name)) {
                assertEquals("[\"admin\"]", attribute.path("permissions").path("edit").toString(), name + " edited by admins only");
                adminOnly.add(name);
            }
        }
        assertEquals(new TreeSet<>(SCOPE_CLAIMS), adminOnly, "the user profile declares the scope attributes");
    }

    @Test
    void tokensLiveNoLongerThanTheServicesAccept() throws IOException {
        long lifespan = realm.path("accessTokenLifespan").asLong();
        assertTrue(lifespan > 0, "accessTokenLifespan set");
        try (Stream<Path> services = Files.list(ROOT).filter(d -> d.getFileName().toString().endsWith("-service"))) {
            for (Path service : services.toList()) {
                Matcher ttl = Pattern.compile("(?m)^smallrye\\.jwt\\.time-to-live=(\\d+)$")
                        .matcher(Files.readString(service.resolve("src/main/resources/application.properties")));
                assertTrue(ttl.find(), service + " sets smallrye.jwt.time-to-live");
                assertTrue(lifespan <= Long.parseLong(ttl.group(1)), service + " accepts the realm's token lifetime");
            }
        }
        assertEquals("RS256", realm.path("defaultSignatureAlgorithm").asText(), "the services verify RS256");
    }

    /** The first column of the root README's role table ("Authorization model"). */
    private static Set<String> rolesOfTheAuthorizationModel() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Authorization model"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        String table = section.substring(section.indexOf("| role |"));
        table = table.substring(0, table.indexOf("\n\n"));
        Set<String> roles = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)`(?:, `([a-z-]+)`)?(?:, `([a-z-]+)`)? \\|").matcher(table);
        while (row.find()) {
            for (int g = 1; g <= 3; g++) {
                if (row.group(g) != null) {
                    roles.add(row.group(g));
                }
            }
        }
        return roles;
    }

    /** Role names in every service's {@code @RolesAllowed}, literals or the constants they name. */
    private static Set<String> rolesTheServicesCheck() throws IOException {
        Map<String, String> constants = new HashMap<>();
        StringBuilder annotations = new StringBuilder();
        Pattern constant = Pattern.compile("static final String ([A-Z_]+) = \"([a-z-]+)\";");
        Pattern rolesAllowed = Pattern.compile("@RolesAllowed\\(([^)]*)\\)");
        try (Stream<Path> sources = Files.walk(ROOT).filter(p -> p.toString().endsWith(".java"))
                .filter(p -> p.toString().contains("-service/src/main/java/"))) {
            for (Path source : sources.toList()) {
                String text = Files.readString(source);
                Matcher c = constant.matcher(text);
                while (c.find()) {
                    constants.put(c.group(1), c.group(2));
                }
                Matcher r = rolesAllowed.matcher(text);
                while (r.find()) {
                    annotations.append(r.group(1)).append(',');
                }
            }
        }
        Set<String> roles = new TreeSet<>();
        Matcher name = Pattern.compile("\"([a-z-]+)\"|Caller\\.([A-Z_]+)").matcher(annotations);
        while (name.find()) {
            roles.add(name.group(1) != null ? name.group(1) : constants.getOrDefault(name.group(2), "unknown constant " + name.group(2)));
        }
        assertFalse(roles.isEmpty(), "@RolesAllowed found in the services");
        return roles;
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
