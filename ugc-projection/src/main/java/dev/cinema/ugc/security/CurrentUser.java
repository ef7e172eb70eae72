package dev.cinema.ugc.security;

import java.util.UUID;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in user's id: the access token's {@code sub}, a UUID by the identity service's contract. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static UUID id(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            // An authentication failure (401 through the entry point), not a server error.
            throw new BadCredentialsException("The token's subject is not a user id");
        }
    }
}
