package dev.cinema.command.identity.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tokens", description = "Public keys that verify the platform's tokens")
class JwksController {

    private final SigningKey signingKey;

    JwksController(SigningKey signingKey) {
        this.signingKey = signingKey;
    }

    @GetMapping("/auth/.well-known/jwks.json")
    @Operation(summary = "The JSON Web Key Set of the token signing keys (public parts only)")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(signingKey.publicJwks());
    }
}
