package dev.cinema.command.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.command.CommandSideTest;
import dev.cinema.command.TestUsers;
import dev.cinema.command.eventstore.upcasting.LegacyFilmRatingUpcaster;
import dev.cinema.contracts.catalog.film.CreateFilm;
import dev.cinema.contracts.catalog.film.FilmType;
import dev.cinema.contracts.catalog.film.RateFilm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Snapshots, the aggregate cache and upcasting, against the real PostgreSQL event store. */
@CommandSideTest
class CatalogStorageTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestUsers users;

    /** The admin API needs the admin role: every request here is an admin's. */
    MockMvc mvc;

    @BeforeEach
    void actAsAdmin() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").with(users.jwtWithRoles("admin")))
                .build();
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    Cache filmCache;

    @Autowired
    ObjectMapper json;

    @Test
    void aFilmIsSnapshottedAfter150EventsAndLoadsFromTheSnapshot() throws Exception {
        UUID film = UUID.randomUUID();
        commandGateway.sendAndWait(new CreateFilm(film, "Groundhog Day", null, null, 0.0, FilmType.MOVIE, List.of(), List.of()));
        for (int i = 1; i <= 160; i++) {
            commandGateway.sendAndWait(new RateFilm(film, (i % 100) / 10.0, null));
        }
        assertThat(jdbc.queryForList("SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, film.toString())).isNotEmpty().allMatch(seq -> seq >= 149);

        filmCache.removeAll(); // force a load from the store: snapshot + the events after it
        mvc.perform(get("/admin/api/v1/films/" + film)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"160\""))
                .andExpect(jsonPath("$.rating").value(6.0))
                .andExpect(jsonPath("$.title").value("Groundhog Day"));
        mvc.perform(post("/admin/api/v1/films/" + film).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void aStoredEventOfAnOlderShapeIsUpcastForAggregateAndHistory() throws Exception {
        UUID film = UUID.randomUUID();
        commandGateway.sendAndWait(new CreateFilm(film, "Heat", null, null, null, FilmType.MOVIE, List.of(), List.of()));
        String legacy = "{\"filmId\":\"" + film + "\",\"imdbRating\":8.3}";
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    payload_type, payload_revision, payload, meta_data, time_stamp)
                VALUES (nextval('domain_event_entry_seq'), ?, 1, 'Film', ?, ?, NULL, ?, ?, ?)""",
                film.toString(), UUID.randomUUID().toString(), LegacyFilmRatingUpcaster.LEGACY_TYPE,
                legacy.getBytes(StandardCharsets.UTF_8), "{\"userId\":\"legacy-admin\"}".getBytes(StandardCharsets.UTF_8),
                Instant.now().toString());
        filmCache.removeAll();

        mvc.perform(get("/admin/api/v1/films/" + film)).andExpect(status().isOk())
                .andExpect(jsonPath("$.rating").value(8.3)).andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/admin/api/v1/films/" + film + "/history")).andExpect(status().isOk())
                .andExpect(jsonPath("$[1].type").value("FilmRated"))
                .andExpect(jsonPath("$[1].payload.rating").value(8.3))
                .andExpect(jsonPath("$[1].userId").value("legacy-admin"));
    }
}
