package dev.cinema.command.identity.oauth;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Yandex ID as an OAuth provider (defaults in application.yml). Client id and secret come from the environment
 * (YANDEX_CLIENT_ID, YANDEX_CLIENT_SECRET); without them the Yandex endpoints answer 503. The endpoint URIs are
 * properties so that tests can point them at a local fake.
 */
@ConfigurationProperties("cinema.oauth.yandex")
record YandexProperties(
        String clientId,
        String clientSecret,
        URI redirectUri,
        URI authorizationUri,
        URI tokenUri,
        URI userInfoUri,
        Set<String> scopes,
        Duration stateTtl) {

    boolean configured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }
}
