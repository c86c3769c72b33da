package gov.suggestions.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For a {@code @QuarkusIntegrationTest}: the packaged application does not see the test classpath, where the local
 * public key is ({@code jwt/local-public.pem}, what {@link TestTokens} signs for), so it is given the key as a file.
 */
public class LocalKeyFileResource implements QuarkusTestResourceLifecycleManager {

    private Path file;

    @Override
    public Map<String, String> start() {
        try (InputStream key = LocalKeyFileResource.class.getResourceAsStream("/jwt/local-public.pem")) {
            if (key == null) {
                throw new IllegalStateException("jwt/local-public.pem is not on the test classpath");
            }
            file = Files.createTempFile("local-public", ".pem");
            Files.copy(key, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("mp.jwt.verify.publickey.location", file.toString());
    }

    @Override
    public void stop() {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }
}
