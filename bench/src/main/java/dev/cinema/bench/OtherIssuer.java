package dev.cinema.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A well-formed RS256 token for the same user from an issuer of its own (its own key pair), as another IdP would mint. */
final class OtherIssuer {

    private OtherIssuer() {
    }

    static String token(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        String header = encode(Http.JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "other-" + UUID.randomUUID())));
        String claims = encode(Http.JSON.writeValueAsBytes(Map.of("iss", "https://other-issuer.example", "sub", subject,
                "jti", UUID.randomUUID().toString(), "iat", now, "exp", now + 900, "typ", "access", "roles", List.of("admin"))));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + encode(signature.sign());
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
