package gov.suggestions.notification.config;

import java.time.LocalTime;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The SMS gateway (URL under quarkus.rest-client.sms-gateway.url) and when SMS may be sent. */
@ConfigMapping(prefix = "notification.sms")
public interface SmsConfig {

    /** Account the gateway knows this service by. */
    @WithDefault("suggestions")
    String accessKey();

    /** Secret of that account (sent as HTTP Basic credentials). */
    Optional<String> accessSecret();

    /** The provider's approved template id; the rendered notice fills its {@code content} parameter. */
    @WithDefault("SMS_NOTICE")
    String templateId();

    /** The approved signature (签名) shown before the text. */
    @WithDefault("人大建议办理")
    String signName();

    /** No SMS from this time (Asia/Shanghai)...; equal start and end mean no quiet hours. */
    @WithDefault("22:00")
    LocalTime quietStart();

    /** ...until this time; SMS due in between wait until then. */
    @WithDefault("08:00")
    LocalTime quietEnd();
}
