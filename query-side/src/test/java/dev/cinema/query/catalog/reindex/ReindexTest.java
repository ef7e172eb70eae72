package dev.cinema.query.catalog.reindex;

import static dev.cinema.query.AuthenticatedRequests.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.jayway.jsonpath.JsonPath;
import dev.cinema.contracts.catalog.film.Credit;
import dev.cinema.contracts.catalog.film.CreditRole;
import dev.cinema.contracts.catalog.film.FilmCreated;
import dev.cinema.contracts.catalog.film.FilmRetitled;
import dev.cinema.contracts.catalog.film.FilmType;
import dev.cinema.contracts.catalog.genre.GenreCreated;
import dev.cinema.contracts.catalog.person.PersonCreated;
import dev.cinema.query.CatalogEvents;
import dev.cinema.query.QuerySideTest;
import dev.cinema.query.catalog.film.FilmDocument;
import dev.cinema.query.catalog.genre.GenreDocument;
import dev.cinema.query.catalog.person.PersonDocument;
import dev.cinema.query.consistency.ProcessorPositions;
import dev.cinema.query.search.SearchIndex;
import dev.cinema.query.search.SearchIndices;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reindexing by event replay against the real servers: the swap, a write during the reindex, the one-job lock, a
 * resume after the runner stopped, a cancel. A test that needs the replay held part-way holds its write lock (the
 * advisory lock every replay batch takes before writing) from a connection of its own.
 */
@QuerySideTest
class ReindexTest {

    private static final String REINDEX = "/movies/api/v1/admin/reindex";
    private static final List<SearchIndex> INDICES = ReindexRunner.INDICES;

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    SearchIndices indices;
    @Autowired
    ProcessorPositions positions;
    @Autowired
    ReindexRunner runner;

    CatalogEvents events;
    final UUID genre = UUID.randomUUID();
    final UUID person = UUID.randomUUID();
    final UUID film = UUID.randomUUID();

    @BeforeEach
    void catalogue() {
        events = new CatalogEvents(eventStore, jdbc);
        events.genre(genre, 0, new GenreCreated(genre, "Reindexed " + genre, null));
        events.person(person, 0, new PersonCreated(person, "Rita Replay"));
        events.film(film, 0, new FilmCreated(film, "Before the swap", null, null, 6.0, FilmType.MOVIE,
                List.of(genre), List.of(new Credit(person, CreditRole.ACTOR))));
        awaitLiveCaughtUp();
    }

    @Test
    void aReindexBuildsTheNextVersionsAndSwapsTheAliasesWithTheSameDocuments() throws Exception {
        Map<SearchIndex, Integer> before = liveVersions();
        Map<SearchIndex, Long> counts = counts();

        String job = start();
        awaitState(job, "COMPLETED");

        mvc.perform(get(REINDEX + "/" + job).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.percent").value(100.0))
                .andExpect(jsonPath("$.indices.length()").value(3));
        for (SearchIndex index : INDICES) {
            int version = before.get(index) + 1;
            assertThat(indices.target(indices.alias(index))).contains(indices.concreteName(index, version));
            assertThat(exists(indices.concreteName(index, before.get(index)))).isFalse();
            assertThat(exists(indices.alias(index) + "_reindex")).isFalse();
        }
        awaitLiveCaughtUp();
        assertThat(counts()).isEqualTo(counts);
        assertThat(counts().get(FilmDocument.INDEX)).isEqualTo(
                jdbc.sql("SELECT count(*) FROM catalog_film WHERE NOT deleted").query(Long.class).single());
        mvc.perform(get("/movies/api/v1/films/" + film))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actors[0].full_name").value("Rita Replay"));
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'query_side_replay'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFilmEditedDuringTheReindexShowsItsNewStateAfterTheSwap() throws Exception {
        String job;
        try (HeldReplay held = holdReplay()) {
            job = start();
            awaitPrepared(job);
            events.film(film, 1, new FilmRetitled(film, "Edited during the reindex"));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(get("/movies/api/v1/films/" + film))
                    .andExpect(jsonPath("$.title").value("Edited during the reindex")));
        }
        awaitState(job, "COMPLETED");

        mvc.perform(get("/movies/api/v1/films/" + film))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Edited during the reindex"));
        FilmDocument document = client.get(g -> g.index(indices.alias(FilmDocument.INDEX)).id(film.toString()),
                FilmDocument.class).source();
        assertThat(document.title()).isEqualTo("Edited during the reindex");
    }

    @Test
    void aSecondReindexWhileOneRunsIsAConflict() throws Exception {
        String job;
        try (HeldReplay held = holdReplay()) {
            job = start();
            mvc.perform(post(REINDEX).with(admin()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"indices\":[\"films\"]}"))
                    .andExpect(status().isConflict());
            // Operators see the replay processor next to the live one while the job runs.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    mvc.perform(get("/movies/api/v1/admin/processors").with(admin()))
                            .andExpect(jsonPath("$[1].name").value(ReplayProcessor.NAME))
                            .andExpect(jsonPath("$[1].running").value(true))
                            .andExpect(jsonPath("$[1].replaying").value(true))
                            .andExpect(jsonPath("$[1].segments.length()").value(4)));
        }
        awaitState(job, "COMPLETED");
    }

    @Test
    void aReindexWhoseRunnerStoppedResumesFromItsTokens() throws Exception {
        Map<SearchIndex, Integer> before = liveVersions();
        String building = indices.concreteName(FilmDocument.INDEX, before.get(FilmDocument.INDEX) + 1);
        String job;
        String buildingIndexUuid;
        try (HeldReplay held = holdReplay()) {
            job = start();
            awaitPrepared(job);
            buildingIndexUuid = uuidOf(building);
            assertThat(buildingIndexUuid).isNotBlank();
            // As a shutdown would: the runner stops the replay (its batches in flight finish once the lock is free).
            CompletableFuture<Void> suspended = CompletableFuture.runAsync(runner::suspend);
            Thread.sleep(200);
            held.close();
            suspended.get();
        }
        assertThat(state(job)).isEqualTo("RUNNING");
        assertThat(positions.segments(ReplayProcessor.NAME)).hasSize(4);

        runner.resumeRunningJob();
        awaitState(job, "COMPLETED");
        // Resumed, not started over: the index it was building is the one now live.
        assertThat(uuidOf(indices.alias(FilmDocument.INDEX))).isEqualTo(buildingIndexUuid);
        awaitLiveCaughtUp();
        assertThat(counts().get(FilmDocument.INDEX)).isEqualTo(
                jdbc.sql("SELECT count(*) FROM catalog_film WHERE NOT deleted").query(Long.class).single());
        assertThat(counts().get(PersonDocument.INDEX)).isEqualTo(
                jdbc.sql("SELECT count(*) FROM catalog_person WHERE NOT deleted").query(Long.class).single());
        assertThat(counts().get(GenreDocument.INDEX)).isEqualTo(
                jdbc.sql("SELECT count(*) FROM catalog_genre WHERE NOT deleted").query(Long.class).single());
    }

    @Test
    void aCancelledReindexDropsWhatItBuiltAndLeavesTheLiveIndicesAlone() throws Exception {
        Map<SearchIndex, Integer> before = liveVersions();
        Map<SearchIndex, Long> counts = counts();
        String job;
        try (HeldReplay held = holdReplay()) {
            job = start();
            awaitPrepared(job);
            assertThat(exists(indices.concreteName(FilmDocument.INDEX, before.get(FilmDocument.INDEX) + 1))).isTrue();
            mvc.perform(delete(REINDEX + "/" + job).with(admin())).andExpect(status().isAccepted());
        }
        awaitState(job, "CANCELLED");

        assertThat(liveVersions()).isEqualTo(before);
        for (SearchIndex index : INDICES) {
            assertThat(exists(indices.concreteName(index, before.get(index) + 1))).isFalse();
        }
        assertThat(counts()).isEqualTo(counts);
        assertThat(positions.segments(ReplayProcessor.NAME)).isEmpty();
        mvc.perform(get("/movies/api/v1/films/" + film)).andExpect(status().isOk());
    }

    @Test
    void reindexingNeedsTheAdminRole() throws Exception {
        mvc.perform(post(REINDEX).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(REINDEX).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indices\":[\"films\",\"movies\"]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("indices"));
    }

    private String start() throws Exception {
        String body = mvc.perform(post(REINDEX).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indices\":[\"films\",\"persons\",\"genres\"]}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private String state(String job) throws Exception {
        return JsonPath.read(mvc.perform(get(REINDEX + "/" + job).with(admin())).andReturn().getResponse()
                .getContentAsString(), "$.state");
    }

    private void awaitState(String job, String state) {
        await().atMost(Duration.ofSeconds(90)).until(() -> state(job).equals(state));
    }

    private void awaitPrepared(String job) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT prepared FROM reindex_job WHERE id = ?::uuid")
                .param(job).query(Boolean.class).single());
    }

    /** The live projection has handled everything in the event store (documents and counts are settled). */
    private void awaitLiveCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> positions.segments("catalog").stream()
                .allMatch(s -> s.position().orElse(-1) >= positions.head()));
    }

    private Map<SearchIndex, Integer> liveVersions() throws IOException {
        Map<SearchIndex, Integer> versions = new HashMap<>();
        for (SearchIndex index : INDICES) {
            versions.put(index, indices.liveVersion(index));
        }
        return versions;
    }

    private Map<SearchIndex, Long> counts() throws IOException {
        Map<SearchIndex, Long> counts = new HashMap<>();
        for (SearchIndex index : INDICES) {
            String alias = indices.alias(index);
            client.indices().refresh(r -> r.index(alias));
            counts.put(index, client.count(c -> c.index(alias)).count());
        }
        return counts;
    }

    private String uuidOf(String index) throws IOException {
        return client.indices().get(g -> g.index(index)).result().values().iterator().next()
                .settings().index().uuid();
    }

    private boolean exists(String index) throws IOException {
        return client.indices().exists(e -> e.index(index)).value();
    }

    /** Holds the replay's write lock: replay batches wait before writing, so the job cannot finish until closed. */
    private HeldReplay holdReplay() throws Exception {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + ReindexRunner.REPLAY_WRITE_LOCK + ")");
        }
        return new HeldReplay(connection);
    }

    private static final class HeldReplay implements AutoCloseable {

        private Connection connection;

        HeldReplay(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() throws Exception {
            if (connection == null) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock(" + ReindexRunner.REPLAY_WRITE_LOCK + ")");
            } finally {
                connection.close();
                connection = null;
            }
        }
    }
}
