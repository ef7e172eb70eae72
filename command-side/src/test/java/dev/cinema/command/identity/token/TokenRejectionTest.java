package dev.cinema.command.identity.token;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cinema.command.CommandSideTest;
import dev.cinema.command.OtherServiceDecoder;
import dev.cinema.command.TestUsers;
import dev.cinema.kit.security.TokenForge;
import dev.cinema.kit.security.TokenForge.Forgery;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every way a token can be forged or stale is refused, here and by the service kit as other apps use it. */
@CommandSideTest
class TokenRejectionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SigningKey signingKey;

    @LocalServerPort
    int port;

    /** The control: minted like the real thing, so the refusals below are about the one thing changed. */
    @Test
    void aTokenMintedWithTheRealKeyIsAccepted() throws Exception {
        String token = forge().access(UUID.randomUUID().toString(), "admin");
        mvc.perform(get("/auth/api/v1/roles").with(TestUsers.bearer(token))).andExpect(status().isOk());
        assertThatCode(() -> OtherServiceDecoder.forJwksAt(port).decode(token)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void forgedOrStaleTokensAreRefused(Forgery forgery) throws Exception {
        String token = forge().forge(forgery, UUID.randomUUID().toString(), "admin");

        mvc.perform(get("/auth/api/v1/roles").with(TestUsers.bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(401));
        assertThatThrownBy(() -> OtherServiceDecoder.forJwksAt(port).decode(token)).isInstanceOf(Exception.class);
    }

    private TokenForge forge() throws Exception {
        return new TokenForge(signingKey.privateKey(), signingKey.keyId());
    }
}
