package dev.cinema.command.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The RS256 key pair tokens are signed with: configured, or generated once into the data folder. */
@Component
class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    static final String FILE_NAME = "signing-key.jwk.json";

    private final RSAKey key;

    SigningKey(TokenProperties properties) {
        try {
            key = StringUtils.hasText(properties.signingJwk())
                    ? RSAKey.parse(properties.signingJwk())
                    : loadOrGenerate(properties.keyDir());
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The token signing key cannot be read", e);
        }
    }

    String keyId() {
        return key.getKeyID();
    }

    RSAPrivateKey privateKey() throws JOSEException {
        return key.toRSAPrivateKey();
    }

    RSAPublicKey publicKey() throws JOSEException {
        return key.toRSAPublicKey();
    }

    Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    private static RSAKey loadOrGenerate(Path dir) throws ParseException, JOSEException {
        if (dir == null) {
            throw new IllegalStateException("Set cinema.security.signing-jwk or cinema.security.key-dir");
        }
        Path file = dir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey generated = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint(true).generate();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "signing-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, generated.toJSONString());
            try {
                // Atomic and never replacing: when two instances start at once, both end up with the same key.
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                log.info("Generated a new token signing key {} in {}", generated.getKeyID(), file);
                return generated;
            } catch (FileAlreadyExistsException raced) {
                Files.delete(temp);
                return RSAKey.parse(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The token signing key cannot be stored in " + dir, e);
        }
    }
}
