package dev.cinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The token rules checked on the running apps, each token against all three (command-side, query-side,
 * ugc-projection), so that e.g. a token revoked at command-side is refused by the others for real: alg none,
 * tampered claims, a refresh token used as access, revoked (logout), signed by another issuer's key → 401; a
 * user's token on the admin APIs → 403; login guessing → 429 (from an address of its own); and an OAuth callback
 * whose state does not match → 400 (503 when the stack has no Yandex client configured). Non-destructive.
 */
final class SecurityMatrix {

    private final Platform platform;
    private final List<String> failures = new ArrayList<>();
    private int checks;

    SecurityMatrix(Platform platform) {
        this.platform = platform;
    }

    /** Every broken expectation; empty when all hold. */
    List<String> check() throws Exception {
        String email = "chaos-" + UUID.randomUUID() + "@cinema.local";
        String password = "chaos password 1";
        platform.http().send("POST", platform.commandUrl() + "/auth/api/v1/users/register",
                Http.JSON.writeValueAsString(Map.of("email", email, "password", password)), 201, "X-Forwarded-For", address());
        JsonNode login = login(email, password);
        String access = login.get("access_token").asText();
        String refresh = login.get("refresh_token").asText();

        Map<String, String> rejected = new LinkedHashMap<>();
        rejected.put("alg none", unsigned(access));
        rejected.put("tampered claims (roles: admin)", tampered(access));
        rejected.put("signature cut off", access.substring(0, access.lastIndexOf('.') + 1));
        rejected.put("refresh token as access", refresh);
        rejected.put("another issuer's key", OtherIssuer.token(subject(access)));
        rejected.put("garbage", "not-a-token");

        expectOnAll("genuine user token", access, 200);
        for (Map.Entry<String, String> token : rejected.entrySet()) {
            expectOnAll(token.getKey(), token.getValue(), 401);
        }
        expect("user token on command-side's admin API", platform.commandUrl() + "/admin/api/v1/genres", "POST",
                "{\"name\":\"escalation " + UUID.randomUUID() + "\"}", access, 403);
        expect("user token on the roles API", platform.commandUrl() + "/auth/api/v1/roles", "GET", null, access, 403);
        expect("user token on query-side's admin API", platform.queryUrl() + "/movies/api/v1/admin/reindex", "POST", null,
                access, 403);

        platform.http().send("POST", platform.commandUrl() + "/auth/api/v1/users/logout", null, 204,
                "Authorization", Http.bearer(access), "X-Forwarded-For", address());
        expectOnAll("revoked by logout", access, 401);

        int oauth = platform.http().send("GET", platform.commandUrl()
                + "/auth/api/v1/oauth/yandex/callback?code=x&state=forged", null, 0, "X-Forwarded-For", address()).statusCode();
        checks++;
        if (oauth != 400 && oauth != 503) {
            failures.add("OAuth callback with a forged state: expected 400 (503 without a Yandex client), got " + oauth);
        }
        System.err.println("  OAuth state mismatch → " + oauth + (oauth == 503 ? " (no Yandex client configured here)" : ""));

        String guesser = address();
        int status = 0;
        for (int attempt = 1; attempt <= 40 && status != 429; attempt++) {
            status = platform.http().send("POST", platform.commandUrl() + "/auth/api/v1/users/login",
                    Http.JSON.writeValueAsString(Map.of("email", "nobody-" + attempt + "@cinema.local", "password", "guess " + attempt)),
                    0, "X-Forwarded-For", guesser).statusCode();
        }
        checks++;
        if (status != 429) {
            failures.add("40 failed logins from one address: no 429");
        }
        System.err.printf("  security: %d checks, %d failed%n", checks, failures.size());
        return failures;
    }

    private void expectOnAll(String label, String token, int expected) throws Exception {
        expect(label + " @command-side", platform.commandUrl() + "/auth/api/v1/users/me", "GET", null, token, expected);
        expect(label + " @query-side", platform.queryUrl() + "/movies/api/v1/genres", "GET", null, token, expected);
        expect(label + " @ugc-projection", platform.ugcUrl() + "/ugc/api/v1/users/me/bookmarks", "GET", null, token, expected);
    }

    private void expect(String label, String url, String method, String body, String token, int expected) throws Exception {
        HttpResponse<String> response = platform.http().send(method, url, body, 0, "Authorization", Http.bearer(token),
                "X-Forwarded-For", address());
        checks++;
        System.err.printf("  %-55s → %d%s%n", label, response.statusCode(), response.statusCode() == expected ? "" : "  (expected " + expected + ")");
        if (response.statusCode() != expected) {
            failures.add(label + ": expected " + expected + ", got " + response.statusCode());
        }
    }

    private JsonNode login(String email, String password) throws Exception {
        return platform.http().json("POST", platform.commandUrl() + "/auth/api/v1/users/login",
                Http.JSON.writeValueAsString(Map.of("email", email, "password", password)), 200, "X-Forwarded-For", address());
    }

    private static String subject(String token) throws Exception {
        return Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
    }

    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String original = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String claims = original.replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"admin\"]");
        if (claims.equals(original)) {
            claims = "{\"roles\":[\"admin\"]," + original.substring(1);
        }
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** Logins and registrations from one address would meet the per-IP rate limit of /auth. */
    private static String address() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "10.78." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
