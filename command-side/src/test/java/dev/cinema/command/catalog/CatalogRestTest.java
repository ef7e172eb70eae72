package dev.cinema.command.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import dev.cinema.command.CommandSideTest;
import dev.cinema.command.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The catalogue REST API against the real PostgreSQL event store: conflicts, validation, history. */
@CommandSideTest
class CatalogRestTest {

    private static final String API = "/admin/api/v1";
    /** Every request of this class is an admin's, with this JWT subject (the acting user in event metadata). */
    private static final String ADMIN = "catalog-test-admin";

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestUsers users;

    MockMvc mvc;

    @BeforeEach
    void actAsAdmin() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").with(users.jwt(ADMIN, "admin")))
                .build();
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String create(String kind, String body) throws Exception {
        String response = send(post(API + "/" + kind), body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("id").asText();
    }

    private String genre() throws Exception {
        return create("genres", "{\"name\":\"Genre " + UUID.randomUUID() + "\"}");
    }

    private String person(String name) throws Exception {
        return create("persons", "{\"fullName\":\"" + name + "\"}");
    }

    private String film(String genre, String person) throws Exception {
        return create("films", """
                {"title":"Star Wars","rating":8.6,"type":"movie","genreIds":["%s"],
                 "credits":[{"personId":"%s","role":"actor"},{"personId":"%s","role":"writer"}]}""".formatted(genre, person, person));
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void filmLifecycleWithVersionsEtagsAndConsistencyTokens() throws Exception {
        String genre = genre();
        String person = person("Mark Hamill");
        String film = film(genre, person);

        mvc.perform(get(API + "/films/" + film)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.title").value("Star Wars"))
                .andExpect(jsonPath("$.type").value("movie"))
                .andExpect(jsonPath("$.credits", hasSize(2)));

        send(patch(API + "/films/" + film).header("If-Match", "\"0\""), "{\"title\":\"Episode IV\",\"rating\":null}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(header().exists("X-Consistency-Token"));

        // The same PATCH again changes nothing and writes nothing: the version stays.
        long before = events();
        send(patch(API + "/films/" + film), "{\"title\":\"Episode IV\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        assertThat(events()).isEqualTo(before);

        String position = mvc.perform(delete(API + "/films/" + film).header("If-Match", "2"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(3))
                .andReturn().getResponse().getHeader("X-Consistency-Token");
        assertThat(jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, film)).isEqualTo(Long.parseLong(position));
        mvc.perform(get(API + "/films/" + film)).andExpect(status().isNotFound());
    }

    @Test
    void staleIfMatchIsAConflictNamingTheCurrentVersionAndWritesNothing() throws Exception {
        String genre = create("genres", "{\"name\":\"Conflict " + UUID.randomUUID() + "\"}");
        send(patch(API + "/genres/" + genre).header("If-Match", "0"), "{\"description\":\"first\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));

        long before = events();
        send(put(API + "/genres/" + genre).header("If-Match", "\"0\""), "{\"name\":\"Late edit\"}")
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(delete(API + "/genres/" + genre).header("If-Match", "5")).andExpect(status().isConflict());
        send(put(API + "/genres/" + genre).header("If-Match", "one"), "{\"name\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        assertThat(events()).isEqualTo(before);
    }

    /**
     * Rounds of 100 clients each sending a PATCH with the same If-Match: per version exactly one wins, the others
     * get 409, and what the winners wrote is exactly the film's history (no update lost, none applied twice).
     */
    @Test
    void concurrentPatchesWithTheSameVersionHaveExactlyOneWinnerPerVersion() throws Exception {
        String film = film(genre(), person("Carrie Fisher"));
        int clients = 100;
        List<String> winners = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int version = 0; version < 3; version++) {
                long ifMatch = version;
                List<Future<String>> titles = IntStream.range(0, clients).mapToObj(i -> pool.submit(() -> {
                    String title = "Take " + ifMatch + "." + i;
                    int status = send(patch(API + "/films/" + film).header("If-Match", String.valueOf(ifMatch)),
                            "{\"title\":\"" + title + "\"}").andReturn().getResponse().getStatus();
                    assertThat(status).as(title).isIn(200, 409);
                    return status == 200 ? title : null;
                })).toList();
                List<String> won = new ArrayList<>();
                for (Future<String> title : titles) {
                    String winner = title.get(60, TimeUnit.SECONDS);
                    if (winner != null) {
                        won.add(winner);
                    }
                }
                assertThat(won).as("winners at version " + version).hasSize(1);
                winners.add(won.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
        mvc.perform(get(API + "/films/" + film)).andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.title").value(winners.get(2)));
        String history = mvc.perform(get(API + "/films/" + film + "/history")).andReturn().getResponse().getContentAsString();
        List<String> retitles = new ArrayList<>();
        json.readTree(history).forEach(event -> {
            if (event.get("type").asText().equals("FilmRetitled")) {
                retitles.add(event.get("payload").get("title").asText());
            }
        });
        assertThat(retitles).containsExactlyElementsOf(winners);
    }

    @Test
    void badFilmInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        String genre = genre();
        String person = person("Carrie Fisher");
        long before = events();
        String valid = "\"type\":\"movie\",\"genreIds\":[\"" + genre + "\"]";

        send(post(API + "/films"), "{\"title\":\"A\",\"rating\":11," + valid + "}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("rating"));
        send(post(API + "/films"), "{\"title\":\"\"," + valid + "}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("title"));
        send(post(API + "/films"), "{\"title\":\"A\"," + valid + ",\"credits\":[{\"personId\":\"" + person + "\",\"role\":\"grip\"}]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("credits[0].role"));
        send(post(API + "/films"), "{\"title\":\"A\",\"type\":\"opera\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("type"));
        send(post(API + "/films"), "{\"title\":\"A\",\"rating\":\"high\"," + valid + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rating"));
        send(post(API + "/films"), "{\"title\":")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));

        UUID ghostGenre = UUID.randomUUID();
        UUID ghostPerson = UUID.randomUUID();
        send(post(API + "/films"), "{\"title\":\"A\",\"type\":\"movie\",\"genreIds\":[\"" + genre + "\",\"" + ghostGenre + "\"]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("genreIds"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(ghostGenre.toString())));
        send(post(API + "/films"), "{\"title\":\"A\",\"type\":\"movie\",\"credits\":[{\"personId\":\"" + ghostPerson + "\",\"role\":\"actor\"}]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("credits"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(ghostPerson.toString())));
        assertThat(events()).isEqualTo(before);

        String film = film(genre, person);
        before = events();
        send(patch(API + "/films/" + film), "{\"rating\":10.5}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("rating"));
        send(patch(API + "/films/" + film), "{\"rating\":\"high\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rating"));
        send(patch(API + "/films/" + film), "{\"titel\":\"typo\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("titel"));
        send(patch(API + "/films/" + film), "{\"credits\":[{\"personId\":\"" + person + "\",\"role\":\"grip\"}]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("credits[0].role"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void genreNamesAreUniqueIgnoringCase() throws Exception {
        String name = "Unique " + UUID.randomUUID();
        create("genres", "{\"name\":\"" + name + "\"}");
        send(post(API + "/genres"), "{\"name\":\"" + name.toUpperCase() + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void deletingAGenreOrPersonInUseIsRefusedListingTheFilms() throws Exception {
        String genre = genre();
        String person = person("Harrison Ford");
        String film = film(genre, person);

        mvc.perform(delete(API + "/genres/" + genre)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.films[0].id").value(film))
                .andExpect(jsonPath("$.films[0].title").value("Star Wars"));
        mvc.perform(delete(API + "/persons/" + person)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.films", hasSize(1)));

        send(patch(API + "/films/" + film), "{\"genreIds\":[],\"credits\":[]}").andExpect(status().isOk());
        mvc.perform(delete(API + "/genres/" + genre)).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(delete(API + "/persons/" + person)).andExpect(status().isOk());
        mvc.perform(get(API + "/persons/" + person)).andExpect(status().isNotFound());
    }

    @Test
    void historyListsEventsWithTimeAndTheActingUser() throws Exception {
        String person = person("Alec Guiness");
        send(put(API + "/persons/" + person).header("If-Match", "0").with(users.jwt("editor-42", "admin")),
                "{\"fullName\":\"Alec Guinness\"}")
                .andExpect(status().isOk());

        mvc.perform(get(API + "/persons/" + person + "/history")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].type").value("PersonCreated"))
                .andExpect(jsonPath("$[0].userId").value(ADMIN))
                .andExpect(jsonPath("$[0].version").value(0))
                .andExpect(jsonPath("$[0].time").exists())
                .andExpect(jsonPath("$[1].type").value("PersonRenamed"))
                .andExpect(jsonPath("$[1].userId").value("editor-42"))
                .andExpect(jsonPath("$[1].payload.fullName").value("Alec Guinness"));

        mvc.perform(get(API + "/films/" + person + "/history")).andExpect(status().isNotFound());
        mvc.perform(get(API + "/films/" + person)).andExpect(status().isNotFound());
        mvc.perform(delete(API + "/films/" + UUID.randomUUID())).andExpect(status().isNotFound());
        send(put(API + "/films/" + person), "{\"title\":\"Hijack\",\"type\":\"movie\"}").andExpect(status().isConflict());
        mvc.perform(get(API + "/genres/not-a-uuid")).andExpect(status().isUnprocessableEntity());
        mvc.perform(get(API + "/genres/" + UUID.randomUUID() + "/history")).andExpect(status().isNotFound());
    }

    @Test
    void putCreatesUnderAClientChosenId() throws Exception {
        UUID id = UUID.randomUUID();
        send(put(API + "/persons/" + id), "{\"fullName\":\"Peter Cushing\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(0));
        send(put(API + "/persons/" + id), "{\"fullName\":\"Peter Cushing\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(0));
    }
}
