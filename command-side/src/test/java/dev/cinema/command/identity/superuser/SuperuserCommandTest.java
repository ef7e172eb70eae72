package dev.cinema.command.identity.superuser;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cinema.command.CommandSideApplication;
import dev.cinema.command.CommandSideTest;
import dev.cinema.command.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** What `make superuser` runs: the app in CLI mode, next to the running one, against the same stores. */
@CommandSideTest
class SuperuserCommandTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void theCliMakesASuperuserWhoseTokenOpensTheAdminApi() throws Exception {
        String email = TestUsers.uniqueEmail("root");
        String password = "superuser password " + UUID.randomUUID();
        users.register(email, "first password");

        // Promotes the existing account and sets the given password.
        runCli(email, password);

        TestUsers.Session root = users.login(email, password);
        mvc.perform(get("/auth/api/v1/users/me").with(root.bearer()))
                .andExpect(jsonPath("$.superuser").value(true))
                .andExpect(jsonPath("$.roles[0]").value("admin"));
        mvc.perform(post("/admin/api/v1/genres").with(root.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Root's genre " + UUID.randomUUID() + "\"}"))
                .andExpect(status().isCreated());

        // Running it again changes nothing and fails nothing.
        runCli(email, password);
        users.login(email, password);
    }

    private static void runCli(String email, String password) {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .properties("cinema.cli=superuser", "cinema.superuser.email=" + email,
                        "cinema.superuser.password=" + password)
                .run()) {
            // The runner has run by the time run() returns.
        }
    }
}
