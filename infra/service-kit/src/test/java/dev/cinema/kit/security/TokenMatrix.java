package dev.cinema.kit.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The token checks every app must pass, whatever its endpoints: a genuine token opens a protected endpoint, and
 * each forgery, and a genuine token after it was revoked, gets 401. The app's test supplies how a request with a
 * given bearer token is answered.
 */
public final class TokenMatrix {

    @FunctionalInterface
    public interface Request {
        /** The status of the app's protected request carrying {@code token} (null: no Authorization header). */
        int statusWith(String token) throws Exception;
    }

    private TokenMatrix() {
    }

    /** Every departure from the expected answers, as {@code case: expected → actual}; empty when all hold. */
    public static List<String> check(TokenForge forge, TokenDenyList denyList, int acceptedStatus, Request request)
            throws Exception {
        String subject = UUID.randomUUID().toString();
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> actual = new LinkedHashMap<>();
        expected.put("genuine", acceptedStatus);
        actual.put("genuine", request.statusWith(forge.access(subject)));
        expected.put("no token", 401);
        actual.put("no token", request.statusWith(null));
        for (TokenForge.Forgery forgery : TokenForge.Forgery.values()) {
            expected.put(forgery.name(), 401);
            actual.put(forgery.name(), request.statusWith(forge.forge(forgery, subject, "admin")));
        }
        String revoked = forge.access(subject);
        var claims = TokenForge.claimsOf(revoked);
        expected.put("revoked, accepted before", acceptedStatus);
        actual.put("revoked, accepted before", request.statusWith(revoked));
        denyList.deny(claims.getJWTID(), claims.getExpirationTime().toInstant());
        expected.put("revoked", 401);
        actual.put("revoked", request.statusWith(revoked));

        List<String> wrong = new ArrayList<>();
        expected.forEach((name, status) -> {
            if (!status.equals(actual.get(name))) {
                wrong.add(name + ": expected " + status + ", got " + actual.get(name));
            }
        });
        return wrong;
    }
}
