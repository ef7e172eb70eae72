package dev.cinema.command.identity.user;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cinema.command.CommandSideTest;
import dev.cinema.command.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CommandSideTest
class UserDirectoryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void adminsFindAccountsByPartOfTheEmailAnyCaseWithRolesAndTotal() throws Exception {
        RequestPostProcessor admin = users.admin().bearer();
        String tag = "dir" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : new String[] {"carol", "alice", "bob"}) {
            users.register(name + "-" + tag + "@test.cinema.dev", TestUsers.PASSWORD);
        }
        TestUsers.Session alice = users.login("alice-" + tag + "@test.cinema.dev", TestUsers.PASSWORD);
        mvc.perform(put("/auth/api/v1/users/" + alice.userId() + "/roles/admin").with(admin))
                .andExpect(status().isNoContent());

        mvc.perform(get("/auth/api/v1/users").param("query", tag.toUpperCase()).param("page_size", "2").with(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "3"))
                .andExpect(jsonPath("$[*].email").value(contains(
                        "alice-" + tag + "@test.cinema.dev", "bob-" + tag + "@test.cinema.dev")))
                .andExpect(jsonPath("$[0].roles").value(contains("admin")))
                .andExpect(jsonPath("$[0].active").value(true))
                .andExpect(jsonPath("$[1].roles").isEmpty());
        mvc.perform(get("/auth/api/v1/users").param("query", tag).param("page_number", "2").param("page_size", "2")
                        .with(admin))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].email").value("carol-" + tag + "@test.cinema.dev"));
        // LIKE's wildcards in the query are plain characters.
        mvc.perform(get("/auth/api/v1/users").param("query", tag + "%").with(admin))
                .andExpect(header().string("X-Total-Count", "0"));
    }

    @Test
    void adminsReadOneAccountAndItsLoginHistoryOthersAreRefused() throws Exception {
        RequestPostProcessor admin = users.admin().bearer();
        TestUsers.Session user = users.newUser();

        mvc.perform(get("/auth/api/v1/users/" + user.userId()).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(user.email()))
                .andExpect(jsonPath("$.superuser").value(false));
        mvc.perform(get("/auth/api/v1/users/" + user.userId() + "/login-history").with(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].method").value("password"));
        mvc.perform(get("/auth/api/v1/users/" + UUID.randomUUID()).with(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/auth/api/v1/users").param("page_size", "0").with(admin))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("page_size"));

        for (String path : new String[] {"/auth/api/v1/users", "/auth/api/v1/users/" + user.userId(),
                "/auth/api/v1/users/" + user.userId() + "/login-history"}) {
            mvc.perform(get(path).with(user.bearer())).andExpect(status().isForbidden());
        }
    }
}
