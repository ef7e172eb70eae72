package dev.cinema.query.catalog.film;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.cinema.contracts.catalog.film.Credit;
import dev.cinema.contracts.catalog.film.CreditRole;
import dev.cinema.contracts.catalog.film.FilmCreated;
import dev.cinema.contracts.catalog.film.FilmType;
import dev.cinema.contracts.catalog.genre.GenreCreated;
import dev.cinema.contracts.catalog.person.PersonCreated;
import dev.cinema.query.CatalogEvents;
import dev.cinema.query.QuerySideTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The films and persons content API: shapes and field names as in the seed, sort, genre filter, search, 404s. */
@QuerySideTest
class FilmApiTest {

    private static final String FILMS = "/movies/api/v1/films";
    private static final String PERSONS = "/movies/api/v1/persons";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final UUID genre = UUID.randomUUID();
    final String genreName = "Genre" + tag;
    final UUID person = UUID.randomUUID();
    final UUID low = UUID.randomUUID();
    final UUID high = UUID.randomUUID();
    final UUID unrated = UUID.randomUUID();

    @BeforeEach
    void catalogue() {
        CatalogEvents events = new CatalogEvents(eventStore, jdbc);
        events.genre(genre, 0, new GenreCreated(genre, genreName, null));
        events.person(person, 0, new PersonCreated(person, "Grigory Kampf" + tag));
        events.film(low, 0, new FilmCreated(low, "Alpha " + tag, "quiet evening", null, 3.0, FilmType.MOVIE,
                List.of(genre), List.of(new Credit(person, CreditRole.ACTOR))));
        events.film(high, 0, new FilmCreated(high, "Beta " + tag, "loud morning", null, 9.5, FilmType.MOVIE,
                List.of(genre), List.of(new Credit(person, CreditRole.DIRECTOR), new Credit(person, CreditRole.ACTOR))));
        events.film(unrated, 0, new FilmCreated(unrated, "Gamma " + tag, null, null, null, FilmType.TV_SHOW,
                List.of(genre), List.of()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(get(FILMS).param("genre", genreName))
                .andExpect(header().string("X-Total-Count", "3")));
        // The person's own events sit in another segment, which may be projected in a later batch than the films.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(get(PERSONS + "/{id}", person))
                .andExpect(jsonPath("$.films.length()").value(2)));
    }

    @Test
    void theListSortsByRatingOrTitleAndFiltersByGenreIdOrName() throws Exception {
        mvc.perform(get(FILMS).param("genre", genre.toString()).param("sort", "-imdb_rating"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "3"))
                .andExpect(jsonPath("$[*].uuid").value(contains(high.toString(), low.toString(), unrated.toString())))
                .andExpect(jsonPath("$[0].title").value("Beta " + tag))
                .andExpect(jsonPath("$[0].imdb_rating").value(9.5))
                .andExpect(jsonPath("$[0].description").doesNotExist());
        mvc.perform(get(FILMS).param("genre", genreName.toLowerCase()).param("sort", "title").param("page_size", "2"))
                .andExpect(jsonPath("$[*].title").value(contains("Alpha " + tag, "Beta " + tag)));
        mvc.perform(get(FILMS).param("genre", genreName).param("page[number]", "2").param("page[size]", "2"))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get(FILMS).param("genre", genreName).param("page_number", "3"))
                .andExpect(status().isOk()).andExpect(content().json("[]"))
                .andExpect(header().string("X-Total-Count", "3"));
    }

    @Test
    void anUnknownSortIsA422NamingIt() throws Exception {
        mvc.perform(get(FILMS).param("sort", "popularity"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void searchIsFuzzyOverTitleDescriptionAndPersonNames() throws Exception {
        mvc.perform(get(FILMS + "/search").param("query", "Kampf" + tag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].uuid").value(containsInAnyOrder(high.toString(), low.toString())));
        mvc.perform(get(FILMS + "/search").param("query", "Alpah " + tag)) // a typo still finds the title first
                .andExpect(jsonPath("$[0].uuid").value(low.toString()));
        mvc.perform(get(FILMS + "/search").param("query", "zzqxv" + tag))
                .andExpect(status().isOk()).andExpect(content().json("[]"))
                .andExpect(header().string("X-Total-Count", "0"));
    }

    @Test
    void searchCanBeNarrowedToAGenre() throws Exception {
        UUID otherGenre = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        CatalogEvents events = new CatalogEvents(eventStore, jdbc);
        events.genre(otherGenre, 0, new GenreCreated(otherGenre, "Other" + tag, null));
        events.film(elsewhere, 0, new FilmCreated(elsewhere, "Delta " + tag, "quiet evening", null, 5.0,
                FilmType.MOVIE, List.of(otherGenre), List.of()));
        // The genres are this test's own, so the filter alone decides which of the matches remain.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(get(FILMS + "/search")
                        .param("query", "Delta " + tag).param("genre", "other" + tag))
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[*].uuid").value(contains(elsewhere.toString()))));
        mvc.perform(get(FILMS + "/search").param("query", "Delta " + tag).param("genre", genre.toString()))
                .andExpect(jsonPath("$[*].uuid").value(containsInAnyOrder(low.toString(), high.toString(),
                        unrated.toString())));
    }

    @Test
    void thePersonsListIsByNameWithTheTotal() throws Exception {
        // Page through the whole list (other tests' persons are in it too).
        List<String> names = new ArrayList<>();
        long total = -1;
        for (int page = 1; total < 0 || names.size() < total; page++) {
            var response = mvc.perform(get(PERSONS).param("page_number", String.valueOf(page)).param("page_size", "100"))
                    .andExpect(status().isOk()).andReturn().getResponse();
            total = Long.parseLong(response.getHeader("X-Total-Count"));
            List<String> onPage = JsonPath.read(response.getContentAsString(), "$[*].full_name");
            if (onPage.isEmpty()) {
                break;
            }
            names.addAll(onPage);
        }
        assertThat(names).contains("Grigory Kampf" + tag).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void detailsHaveGenresAndPersonsByRole() throws Exception {
        mvc.perform(get(FILMS + "/{id}", high))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.uuid").value(high.toString()))
                .andExpect(jsonPath("$.imdb_rating").value(9.5))
                .andExpect(jsonPath("$.description").value("loud morning"))
                .andExpect(jsonPath("$.genres[0].uuid").value(genre.toString()))
                .andExpect(jsonPath("$.genres[0].name").value(genreName))
                .andExpect(jsonPath("$.actors[0].full_name").value("Grigory Kampf" + tag))
                .andExpect(jsonPath("$.directors[0].uuid").value(person.toString()))
                .andExpect(jsonPath("$.writers").isEmpty());
    }

    @Test
    void personsAreSearchedByNameWithTheirFilmsAndRoles() throws Exception {
        mvc.perform(get(PERSONS + "/search").param("query", "grigory kampf" + tag))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].uuid").value(person.toString()))
                .andExpect(jsonPath("$[0].full_name").value("Grigory Kampf" + tag));
        mvc.perform(get(PERSONS + "/{id}", person))
                .andExpect(jsonPath("$.films.length()").value(2))
                .andExpect(jsonPath("$.films[?(@.uuid == '" + high + "')].roles[*]")
                        .value(containsInAnyOrder("actor", "director")));
        mvc.perform(get(PERSONS + "/{id}/film", person).param("page_size", "1"))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[0].uuid").value(high.toString()))
                .andExpect(jsonPath("$[0].title").value("Beta " + tag))
                .andExpect(jsonPath("$[0].imdb_rating").value(9.5));
    }

    @Test
    void unknownIdsAre404Problems() throws Exception {
        UUID unknown = UUID.randomUUID();
        for (String path : List.of(FILMS + "/{id}", PERSONS + "/{id}", PERSONS + "/{id}/film")) {
            mvc.perform(get(path, unknown))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString(unknown.toString())));
        }
    }
}
