package dev.cinema.command.identity.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.command.CommandSideTest;
import dev.cinema.command.TestUsers;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CommandSideTest
class RolesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestUsers users;

    @Test
    void onlyAdminsManageRolesAndPermissions() throws Exception {
        TestUsers.Session user = users.newUser();
        String body = "{\"name\":\"sneaky\"}";
        List<MockHttpServletRequestBuilder> adminOnly = List.of(
                get("/auth/api/v1/roles"),
                post("/auth/api/v1/roles").content(body),
                get("/auth/api/v1/roles/admin"),
                put("/auth/api/v1/roles/admin").content(body),
                delete("/auth/api/v1/roles/admin"),
                put("/auth/api/v1/roles/admin/permissions/anything"),
                delete("/auth/api/v1/roles/admin/permissions/anything"),
                get("/auth/api/v1/permissions"),
                post("/auth/api/v1/permissions").content(body),
                get("/auth/api/v1/permissions/anything"),
                put("/auth/api/v1/permissions/anything").content(body),
                delete("/auth/api/v1/permissions/anything"),
                get("/auth/api/v1/users/" + user.userId() + "/roles"),
                put("/auth/api/v1/users/" + user.userId() + "/roles/admin"),
                delete("/auth/api/v1/users/" + user.userId() + "/roles/admin"),
                delete("/auth/api/v1/users/" + user.userId()));
        for (MockHttpServletRequestBuilder request : adminOnly) {
            mvc.perform(request.with(user.bearer()).contentType(MediaType.APPLICATION_JSON))
                    .andExpect(status().isForbidden())
                    .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        }
        // The user really is still a plain user: nothing above took effect.
        mvc.perform(get("/auth/api/v1/users/me").with(user.bearer())).andExpect(jsonPath("$.roles").isEmpty());
    }

    @Test
    void grantsDecidePermissionChecksAndDeletingARoleKeepsItsUsers() throws Exception {
        RequestPostProcessor admin = users.admin().bearer();
        TestUsers.Session user = users.newUser();
        String role = "editor-" + UUID.randomUUID().toString().substring(0, 8);
        String permission = "films.edit." + UUID.randomUUID().toString().substring(0, 8);

        mvc.perform(post("/auth/api/v1/roles").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("name", role, "description", "Edits films"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(role));
        mvc.perform(post("/auth/api/v1/roles").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("name", role.toUpperCase()))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/auth/api/v1/permissions").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("name", permission))))
                .andExpect(status().isCreated());
        assertGranted(user, permission, false);

        mvc.perform(put("/auth/api/v1/roles/" + role + "/permissions/" + permission).with(admin))
                .andExpect(status().isNoContent());
        mvc.perform(put("/auth/api/v1/users/" + user.userId() + "/roles/" + role).with(admin))
                .andExpect(status().isNoContent());
        assertGranted(user, permission, true);
        mvc.perform(get("/auth/api/v1/roles/" + role).with(admin))
                .andExpect(jsonPath("$.permissions[0].name").value(permission));
        // The next token carries the role.
        TestUsers.Session again = users.login(user.email(), TestUsers.PASSWORD);
        assertThat(claims(again.accessToken()).get("roles").toString()).contains(role);

        mvc.perform(delete("/auth/api/v1/roles/" + role + "/permissions/" + permission).with(admin))
                .andExpect(status().isNoContent());
        assertGranted(user, permission, false);
        mvc.perform(put("/auth/api/v1/roles/" + role + "/permissions/" + permission).with(admin))
                .andExpect(status().isNoContent());
        assertGranted(user, permission, true);
        mvc.perform(delete("/auth/api/v1/users/" + user.userId() + "/roles/" + role).with(admin))
                .andExpect(status().isNoContent());
        assertGranted(user, permission, false);

        mvc.perform(put("/auth/api/v1/users/" + user.userId() + "/roles/" + role).with(admin))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/auth/api/v1/roles/" + role).with(admin)).andExpect(status().isNoContent());
        mvc.perform(get("/auth/api/v1/roles/" + role).with(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/auth/api/v1/users/" + user.userId() + "/roles").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
        assertGranted(user, permission, false);
        mvc.perform(get("/auth/api/v1/users/me").with(users.login(user.email(), TestUsers.PASSWORD).bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(user.email()));
    }

    @Test
    void aSuperuserHasEveryPermission() throws Exception {
        mvc.perform(get("/auth/api/v1/users/me/permissions/anything-at-all").with(users.admin().bearer()))
                .andExpect(jsonPath("$.granted").value(true));
    }

    @Test
    void grantingAnUnknownRoleIsNotFound() throws Exception {
        RequestPostProcessor admin = users.admin().bearer();
        mvc.perform(put("/auth/api/v1/users/" + users.newUser().userId() + "/roles/no-such-role").with(admin))
                .andExpect(status().isNotFound())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(put("/auth/api/v1/users/" + UUID.randomUUID() + "/roles/admin").with(admin))
                .andExpect(status().isNotFound());
    }

    private void assertGranted(TestUsers.Session user, String permission, boolean granted) throws Exception {
        mvc.perform(get("/auth/api/v1/users/me/permissions/" + permission).with(user.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.granted").value(granted));
    }

    private JsonNode claims(String token) throws Exception {
        return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private String body(Map<String, String> fields) throws Exception {
        return json.writeValueAsString(fields);
    }
}
