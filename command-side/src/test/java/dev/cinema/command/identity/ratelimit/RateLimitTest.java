package dev.cinema.command.identity.ratelimit;

import static dev.cinema.command.TestUsers.fromIp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.command.CommandSideTest;
import dev.cinema.command.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The limits are the configured defaults (application.yml): 20 failed logins per IP per minute, etc. */
@CommandSideTest
class RateLimitTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestUsers users;

    @Autowired
    RateLimitProperties limits;

    @Autowired
    RateLimits rateLimits;

    @Autowired
    RedissonClient redisson;

    @Test
    void aLimiterWhoseSettingsExpiredAfterBeingSetIsSetAgainInsteadOfFailing() {
        RateLimits.Limiter limiter = rateLimits.limiter("test-expired", UUID.randomUUID().toString(),
                limits.requestsPerIp());
        assertThat(limiter.tryAcquire()).isTrue();
        // The settings' key expires a window after the last use, possibly between setting and acquiring.
        redisson.getKeys().delete(limiter.name());

        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.availablePermits()).isEqualTo(limits.requestsPerIp().permits() - 2);
    }

    @Test
    void theTwentyFirstFailedLoginFromOneAddressInAMinuteIsRefused() throws Exception {
        String ip = TestUsers.randomIp();
        for (int i = 0; i < limits.failedLoginsPerIp().permits(); i++) {
            login(TestUsers.uniqueEmail("guess"), "wrong password", ip).andExpect(status().isUnauthorized());
        }
        expectTooMany(login(TestUsers.uniqueEmail("guess"), "wrong password", ip));
        // Even the right password waits now; another address is unaffected.
        TestUsers.Session user = users.newUser();
        expectTooMany(login(user.email(), TestUsers.PASSWORD, ip));
        login(user.email(), TestUsers.PASSWORD, TestUsers.randomIp()).andExpect(status().isOk());
    }

    @Test
    void failedLoginsForOneAccountAreLimitedFromAnyAddress() throws Exception {
        TestUsers.Session user = users.newUser();
        for (int i = 0; i < limits.failedLoginsPerAccount().permits(); i++) {
            login(user.email(), "wrong password", TestUsers.randomIp()).andExpect(status().isUnauthorized());
        }
        expectTooMany(login(user.email().toUpperCase(), TestUsers.PASSWORD, TestUsers.randomIp()));
    }

    @Test
    void everyAuthEndpointCountsAgainstTheClientAddress() throws Exception {
        String ip = TestUsers.randomIp();
        for (int i = 0; i < limits.requestsPerIp().permits(); i++) {
            mvc.perform(get("/auth/.well-known/jwks.json").with(fromIp(ip))).andExpect(status().isOk());
        }
        expectTooMany(mvc.perform(get("/auth/.well-known/jwks.json").with(fromIp(ip))));
        mvc.perform(get("/auth/.well-known/jwks.json").with(fromIp(TestUsers.randomIp()))).andExpect(status().isOk());
    }

    private ResultActions login(String email, String password, String ip) throws Exception {
        return mvc.perform(post("/auth/api/v1/users/login").with(fromIp(ip)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("email", email, "password", password))));
    }

    private static void expectTooMany(ResultActions result) throws Exception {
        result.andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, matchesPattern("[1-9][0-9]*")))
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    }
}
