package dev.cinema.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cinema.contracts.catalog.film.Credit;
import dev.cinema.contracts.catalog.film.CreditRole;
import dev.cinema.contracts.catalog.film.FilmCreated;
import dev.cinema.contracts.catalog.film.FilmRetitled;
import dev.cinema.contracts.catalog.film.FilmType;
import dev.cinema.contracts.catalog.person.PersonCreated;
import dev.cinema.contracts.catalog.person.PersonRenamed;
import dev.cinema.query.CatalogEvents;
import dev.cinema.query.QuerySideTest;
import dev.cinema.query.consistency.ConsistencyInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Answers come from Redis until a projection rewrites what they contain; then the next answer is fresh. */
@QuerySideTest
class ResponseCacheTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RedissonClient redisson;
    @Autowired
    ResponseCache.Properties properties;

    @Test
    void anEditIsNeverAnsweredStaleFromTheCache() throws Exception {
        CatalogEvents events = new CatalogEvents(eventStore, jdbc);
        UUID film = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        events.person(person, 0, new PersonCreated(person, "Cached Person"));
        long created = events.film(film, 0, new FilmCreated(film, "Cached Title", null, null, 5.0, FilmType.MOVIE,
                List.of(), List.of(new Credit(person, CreditRole.ACTOR))));
        read("/movies/api/v1/films/{id}", created, film).andExpect(jsonPath("$.title").value("Cached Title"));
        read("/movies/api/v1/persons/{id}/film", created, person).andExpect(jsonPath("$[0].title").value("Cached Title"));
        assertThat(redisson.getKeys().getKeysStreamByPattern(properties.keyPrefix() + "film:" + film + ":*").count())
                .isEqualTo(1);

        long retitled = events.film(film, 1, new FilmRetitled(film, "Edited Title"));
        long renamed = events.person(person, 1, new PersonRenamed(person, "Renamed Person"));

        read("/movies/api/v1/films/{id}", retitled, film).andExpect(jsonPath("$.title").value("Edited Title"));
        read("/movies/api/v1/persons/{id}/film", retitled, person).andExpect(jsonPath("$[0].title").value("Edited Title"));
        read("/movies/api/v1/films/{id}", renamed, film).andExpect(jsonPath("$.actors[0].full_name").value("Renamed Person"));
    }

    @Test
    void aMissIsNotCached() throws Exception {
        UUID film = UUID.randomUUID();
        mvc.perform(get("/movies/api/v1/films/{id}", film)).andExpect(status().isNotFound());
        new CatalogEvents(eventStore, jdbc).film(film, 0,
                new FilmCreated(film, "Appeared", null, null, null, FilmType.MOVIE, List.of(), List.of()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(get("/movies/api/v1/films/{id}", film))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("Appeared")));
    }

    private org.springframework.test.web.servlet.ResultActions read(String path, long token, UUID id) throws Exception {
        return mvc.perform(get(path, id).header(ConsistencyInterceptor.HEADER, token)).andExpect(status().isOk());
    }
}
