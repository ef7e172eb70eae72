package dev.cinema.command.fuzz;

import static dev.cinema.kit.web.MalformedInput.Shape.DATE;
import static dev.cinema.kit.web.MalformedInput.Shape.EMAIL;
import static dev.cinema.kit.web.MalformedInput.Shape.ENUM;
import static dev.cinema.kit.web.MalformedInput.Shape.NUMBER;
import static dev.cinema.kit.web.MalformedInput.Shape.OBJECT_LIST;
import static dev.cinema.kit.web.MalformedInput.Shape.TEXT;
import static dev.cinema.kit.web.MalformedInput.Shape.UUID_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.command.CommandSideTest;
import dev.cinema.command.TestUsers;
import dev.cinema.kit.web.FuzzClient;
import dev.cinema.kit.web.MalformedInput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated malformed requests against every write endpoint of command-side, over real HTTP: none may be
 * answered with a 5xx or a 2xx, and none may write an event.
 */
@CommandSideTest
class MalformedRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void malformedCatalogueAndAccountRequestsAreRefusedAndWriteNothing() throws Exception {
        FuzzClient client = new FuzzClient("http://127.0.0.1:" + port, users.admin().accessToken());
        String genre = created(client, "/admin/api/v1/genres", "{\"name\":\"Fuzz " + UUID.randomUUID() + "\"}");
        String person = created(client, "/admin/api/v1/persons", "{\"fullName\":\"Fuzz Person\"}");
        String film = created(client, "/admin/api/v1/films", film(genre, person));
        long before = events();

        MalformedInput genres = MalformedInput.from("{\"name\":\"Fuzz " + UUID.randomUUID() + "\",\"description\":\"d\"}")
                .required("name", TEXT).field("description", TEXT);
        MalformedInput persons = MalformedInput.from("{\"fullName\":\"Someone\"}").required("fullName", TEXT);
        MalformedInput films = MalformedInput.from(film(genre, person))
                .required("title", TEXT).field("description", TEXT).field("creationDate", DATE)
                .field("rating", NUMBER).required("type", ENUM).field("genreIds", UUID_LIST).field("credits", OBJECT_LIST);
        fuzz(client, "/admin/api/v1/genres", genre, genres);
        fuzz(client, "/admin/api/v1/persons", person, persons);
        fuzz(client, "/admin/api/v1/films", film, films);

        MalformedInput registration = MalformedInput.from(
                        "{\"email\":\"" + TestUsers.uniqueEmail("fuzz") + "\",\"password\":\"a long enough secret\","
                                + "\"first_name\":\"A\",\"last_name\":\"B\"}")
                .required("email", EMAIL).required("password", TEXT).field("first_name", TEXT).field("last_name", TEXT);
        registration.bodies().forEach(body -> client.expectRefused("POST", "/auth/api/v1/users/register", body));
        MalformedInput.from("{\"email\":\"" + TestUsers.uniqueEmail("fuzz") + "\",\"password\":\"wrong secret\"}")
                .required("email", TEXT).required("password", TEXT)
                .bodies().forEach(body -> client.expectRefused("POST", "/auth/api/v1/users/login", body));
        MalformedInput role = MalformedInput.from("{\"name\":\"fuzz-role\",\"description\":\"d\"}")
                .required("name", TEXT).field("description", TEXT);
        role.bodies().forEach(body -> client.expectRefused("POST", "/auth/api/v1/roles", body));
        role.bodies().forEach(body -> client.expectRefused("POST", "/auth/api/v1/permissions", body));
        MalformedInput.from("{\"first_name\":\"A\",\"last_name\":\"B\"}").field("first_name", TEXT).field("last_name", TEXT)
                .partialBodies().forEach(body -> client.expectRefused("PATCH", "/auth/api/v1/users/me", body));

        for (String id : badIds()) {
            for (String kind : List.of("genres", "persons", "films")) {
                String path = "/admin/api/v1/" + kind + "/" + id;
                MalformedInput.Body empty = new MalformedInput.Body("bad id", "application/json", "{}".getBytes());
                client.expectRefused("PUT", path, empty);
                client.expectRefused("PATCH", path, empty);
                client.expectNoServerError("DELETE", path);
                client.expectNoServerError("GET", path + "/history");
            }
        }

        assertThat(client.wrongAnswers()).as("answers other than 4xx").isEmpty();
        assertThat(client.sent()).isGreaterThanOrEqualTo(1_000);
        assertThat(events()).as("events written by malformed requests").isEqualTo(before);
    }

    private static void fuzz(FuzzClient client, String collection, String existing, MalformedInput input) {
        input.bodies().forEach(body -> client.expectRefused("POST", collection, body));
        input.bodies().forEach(body -> client.expectRefused("PUT", collection + "/" + existing, body));
        input.partialBodies().forEach(body -> client.expectRefused("PATCH", collection + "/" + existing, body));
    }

    private static List<String> badIds() {
        return MalformedInput.INJECTIONS.stream().filter(text -> !text.isBlank() && text.length() < 1_000)
                .map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8))
                .toList();
    }

    private static String film(String genre, String person) {
        return """
                {"title":"Fuzz","description":"d","creationDate":"2001-02-03","rating":5.5,"type":"movie",
                 "genreIds":["%s"],"credits":[{"personId":"%s","role":"actor"}]}""".formatted(genre, person);
    }

    private String created(FuzzClient client, String path, String body) throws Exception {
        var response = client.exchange("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
