package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A front end's use of the four services keeps compiling: deploy/frontend-contract generates TypeScript types from each
 * service's OpenAPI document as its build stored it (openapi-typescript) and compiles a typed program (openapi-fetch
 * clients) that walks one flow per service with {@code tsc}. A document change that breaks a front end's code (a path,
 * a parameter, a field, a required property, an enum value) fails the test command.
 */
class FrontEndContractIT {

    @Test
    void theTypedFlowsCompileAgainstTheDocumentsAsBuilt() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        for (String service : List.of("suggestion-service", "workflow-service", "notification-service", "reporting-service")) {
            Path document = root.resolve(service).resolve("target/openapi/openapi.json");
            assertTrue(Files.isRegularFile(document), () -> document + " is missing: the service's build stores it");
        }
        NpmProject contract = new NpmProject(root.resolve("deploy/frontend-contract"));
        contract.install("tsc");

        NpmProject.Run generate = contract.run(List.of("node", "generate.mjs"), 300);
        assertEquals(0, generate.exitCode(), () -> "generating the types failed:\n" + generate.output());
        NpmProject.Run tsc = contract.run(List.of(contract.tool("tsc"), "-p", "."), 300);
        System.out.println("Front-end contract (openapi-typescript, tsc): " + (tsc.exitCode() == 0 ? "compiles" : "does not compile"));
        assertEquals(0, tsc.exitCode(), () -> "deploy/frontend-contract/src/flows.ts no longer compiles against the services' OpenAPI"
                + " documents:\n" + tsc.output());
    }
}
