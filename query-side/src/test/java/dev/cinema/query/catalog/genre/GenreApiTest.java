package dev.cinema.query.catalog.genre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.contracts.catalog.genre.GenreCreated;
import dev.cinema.query.CatalogEvents;
import dev.cinema.query.QuerySideTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@QuerySideTest
class GenreApiTest {

    private static final String GENRES = "/movies/api/v1/genres";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void anUnknownGenreIsA404Problem() throws Exception {
        UUID id = UUID.randomUUID();
        mvc.perform(get(GENRES + "/{id}", id))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(containsString(id.toString())));
    }

    @Test
    void aMalformedIdIsA422NamingIt() throws Exception {
        mvc.perform(get(GENRES + "/{id}", "not-a-uuid"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @ParameterizedTest
    @CsvSource({
            "page_size, 0", "page_size, 101", "page_size, -1", "page_size, x",
            "page_number, 0", "page_number, -5", "page_number, x",
            "page[size], 0", "page[size], 101", "page[number], 0"})
    void outOfRangePagingIsA422NamingTheParameter(String parameter, String value) throws Exception {
        mvc.perform(get(GENRES).param(parameter, value))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
    }

    @Test
    void genresAreListedByNameWithTheirTotal() throws Exception {
        String prefix = "Listed " + UUID.randomUUID() + " ";
        List<UUID> ids = new ArrayList<>();
        for (String suffix : List.of("b", "c", "a")) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            genre(id, prefix + suffix, "listed");
        }

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<GenreView> all = allPages();
            List<String> ours = all.stream().map(GenreView::name).filter(n -> n.startsWith(prefix)).toList();
            assertThat(ours).containsExactly(prefix + "a", prefix + "b", prefix + "c");
            assertThat(all).extracting(GenreView::uuid).containsAll(ids);
            assertThat(all).extracting(GenreView::name).isSortedAccordingTo(String::compareTo);
        });
    }

    @Test
    void theBracketDialectPagesToo() throws Exception {
        genre(UUID.randomUUID(), "Bracket " + UUID.randomUUID(), null);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                mvc.perform(get(GENRES).param("page[number]", "1").param("page[size]", "1"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.length()").value(1))
                        .andExpect(jsonPath("$[0].uuid").isString())
                        .andExpect(jsonPath("$[0].name").isString())
                        .andExpect(jsonPath("$[0].description").doesNotExist()));
    }

    @Test
    void aPageBeyondTheEndIsEmptyWithTheTotal() throws Exception {
        genre(UUID.randomUUID(), "Beyond " + UUID.randomUUID(), null);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(total(GENRES)).isPositive());

        // Within Elasticsearch's from/size window (the test index holds far fewer than 9,800 genres) ...
        mvc.perform(get(GENRES).param("page_number", "99").param("page_size", "100"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"))
                .andExpect(header().exists("X-Total-Count"));
        assertThat(total(GENRES + "?page_number=99&page_size=100")).isPositive();
        // ... and far past it.
        mvc.perform(get(GENRES).param("page_number", String.valueOf(Integer.MAX_VALUE)).param("page_size", "100"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        assertThat(total(GENRES + "?page_number=" + Integer.MAX_VALUE + "&page_size=100")).isPositive();
    }

    private void genre(UUID id, String name, String description) {
        new CatalogEvents(eventStore, jdbc).genre(id, 0, new GenreCreated(id, name, description));
    }

    private long total(String uri) throws Exception {
        MvcResult result = mvc.perform(get(uri)).andExpect(status().isOk()).andReturn();
        return Long.parseLong(result.getResponse().getHeader("X-Total-Count"));
    }

    private List<GenreView> allPages() throws Exception {
        List<GenreView> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            MvcResult result = mvc.perform(get(GENRES).param("page_number", String.valueOf(page)).param("page_size", "100"))
                    .andExpect(status().isOk()).andReturn();
            List<GenreView> genres = json.readValue(result.getResponse().getContentAsString(), new TypeReference<>() {});
            all.addAll(genres);
            if (genres.size() < 100) {
                return all;
            }
        }
    }
}
