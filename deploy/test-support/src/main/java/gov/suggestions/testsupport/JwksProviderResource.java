package gov.suggestions.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service's token verification at a {@link JwksProvider} instead of the local public key file, as a
 * deployment does with {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION=<the provider's JWKS URL>}; the issuer stays the test
 * issuer. Tests get the provider injected into a field annotated with {@link InjectJwksProvider}.
 */
public class JwksProviderResource implements QuarkusTestResourceLifecycleManager {

    private JwksProvider provider;

    @Override
    public Map<String, String> start() {
        provider = JwksProvider.start();
        return Map.of("mp.jwt.verify.publickey.location", provider.jwksUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(provider,
                new TestInjector.AnnotatedAndMatchesType(InjectJwksProvider.class, JwksProvider.class));
    }

    @Override
    public void stop() {
        if (provider != null) {
            provider.close();
        }
    }
}
