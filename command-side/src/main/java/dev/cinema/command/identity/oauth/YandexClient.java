package dev.cinema.command.identity.oauth;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Yandex ID through Spring Security's OAuth2 client: the consent URL, the code exchange, the profile. */
@Component
class YandexClient {

    /** What we use of Yandex's profile ({@code login.yandex.ru/info}). */
    record Profile(String subject, String email, String firstName, String lastName) {}

    private final YandexProperties properties;
    private final RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
    private final DefaultOAuth2UserService users = new DefaultOAuth2UserService();

    YandexClient(YandexProperties properties) {
        this.properties = properties;
        // Yandex documents "Authorization: OAuth <token>" for its info endpoint, not "Bearer".
        users.setRequestEntityConverter(request -> RequestEntity
                .get(URI.create(request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri()))
                .header(HttpHeaders.AUTHORIZATION, "OAuth " + request.getAccessToken().getTokenValue())
                .accept(MediaType.APPLICATION_JSON)
                .build());
    }

    String authorizationUri(String state) {
        return authorizationRequest(registration(), state).getAuthorizationRequestUri();
    }

    Profile profile(String code, String state) {
        ClientRegistration registration = registration();
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
                .redirectUri(registration.getRedirectUri()).state(state).build();
        try {
            OAuth2AccessToken accessToken = tokens.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
                    new OAuth2AuthorizationExchange(authorizationRequest(registration, state), response))).getAccessToken();
            Map<String, Object> info = users.loadUser(new OAuth2UserRequest(registration, accessToken)).getAttributes();
            Object subject = info.get("psuid") != null ? info.get("psuid") : info.get("id");
            Object email = info.get("default_email");
            if (subject == null || email == null) {
                throw new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                        "The Yandex account did not share an id and an e-mail address");
            }
            return new Profile(subject.toString(), email.toString(), (String) info.get("first_name"),
                    (String) info.get("last_name"));
        } catch (OAuth2AuthorizationException | OAuth2AuthenticationException e) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Yandex did not confirm the login");
        }
    }

    private OAuth2AuthorizationRequest authorizationRequest(ClientRegistration registration, String state) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes())
                .state(state)
                .build();
    }

    private ClientRegistration registration() {
        if (!properties.configured()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Login with Yandex is not configured (YANDEX_CLIENT_ID, YANDEX_CLIENT_SECRET)");
        }
        return ClientRegistration.withRegistrationId("yandex")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.redirectUri().toString())
                .scope(properties.scopes())
                .authorizationUri(properties.authorizationUri().toString())
                .tokenUri(properties.tokenUri().toString())
                .userInfoUri(properties.userInfoUri().toString())
                .userNameAttributeName("id")
                .build();
    }
}
