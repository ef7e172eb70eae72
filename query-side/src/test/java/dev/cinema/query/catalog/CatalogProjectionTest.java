package dev.cinema.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.cinema.contracts.catalog.film.Credit;
import dev.cinema.contracts.catalog.film.CreditAdded;
import dev.cinema.contracts.catalog.film.CreditRemoved;
import dev.cinema.contracts.catalog.film.CreditRole;
import dev.cinema.contracts.catalog.film.FilmCreated;
import dev.cinema.contracts.catalog.film.FilmDeleted;
import dev.cinema.contracts.catalog.film.FilmRated;
import dev.cinema.contracts.catalog.film.FilmRetitled;
import dev.cinema.contracts.catalog.film.FilmType;
import dev.cinema.contracts.catalog.film.GenreAddedToFilm;
import dev.cinema.contracts.catalog.film.GenreRemovedFromFilm;
import dev.cinema.contracts.catalog.genre.GenreCreated;
import dev.cinema.contracts.catalog.genre.GenreDeleted;
import dev.cinema.contracts.catalog.genre.GenreRenamed;
import dev.cinema.contracts.catalog.person.PersonCreated;
import dev.cinema.contracts.catalog.person.PersonDeleted;
import dev.cinema.contracts.catalog.person.PersonRenamed;
import dev.cinema.query.CatalogEvents;
import dev.cinema.query.QuerySideTest;
import dev.cinema.query.catalog.film.FilmDocument;
import dev.cinema.query.catalog.film.FilmDocument.Ref;
import dev.cinema.query.catalog.person.PersonDocument;
import dev.cinema.query.catalog.person.PersonDocument.FilmEntry;
import dev.cinema.query.search.SearchIndex;
import dev.cinema.query.search.SearchIndices;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The projection rules: names resolved at projection time, fan-out both ways, deletes, any arrival order. */
@QuerySideTest
class CatalogProjectionTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    SearchIndices indices;

    CatalogEvents events;
    final UUID drama = UUID.randomUUID();
    final UUID comedy = UUID.randomUUID();
    final UUID actor = UUID.randomUUID();
    final UUID director = UUID.randomUUID();
    final UUID film = UUID.randomUUID();

    @BeforeEach
    void catalogue() {
        events = new CatalogEvents(eventStore, jdbc);
        events.genre(drama, 0, new GenreCreated(drama, "Drama " + drama, null));
        events.genre(comedy, 0, new GenreCreated(comedy, "Comedy " + comedy, null));
        events.person(actor, 0, new PersonCreated(actor, "Ann Actor"));
        events.person(director, 0, new PersonCreated(director, "Dan Director"));
        events.film(film, 0, new FilmCreated(film, "Star Sailor", "A voyage", LocalDate.of(2001, 2, 3), 7.5,
                FilmType.MOVIE, List.of(drama), List.of(new Credit(actor, CreditRole.ACTOR),
                new Credit(director, CreditRole.DIRECTOR), new Credit(director, CreditRole.WRITER))));
    }

    @Test
    void aFilmCarriesTheNamesOfItsGenresAndPersonsAndThePersonsCarryTheFilm() {
        awaitFilm(f -> {
            assertThat(f.title()).isEqualTo("Star Sailor");
            assertThat(f.imdbRating()).isEqualTo(7.5);
            assertThat(f.creationDate()).isEqualTo("2001-02-03");
            assertThat(f.genres()).containsExactly(new Ref(drama, "Drama " + drama));
            assertThat(f.actors()).containsExactly(new Ref(actor, "Ann Actor"));
            assertThat(f.writers()).containsExactly(new Ref(director, "Dan Director"));
            assertThat(f.directorsNames()).containsExactly("Dan Director");
        });
        awaitPerson(director, p -> assertThat(p.films())
                .containsExactly(new FilmEntry(film, "Star Sailor", 7.5, List.of("director", "writer"))));
    }

    @Test
    void renamesFanOutToTheFilmsAndRetitlesToThePersons() {
        events.person(actor, 1, new PersonRenamed(actor, "Ann Renamed"));
        events.genre(drama, 1, new GenreRenamed(drama, "Tragedy " + drama));
        events.film(film, 1, new FilmRetitled(film, "Star Sailor II"));
        events.film(film, 2, new FilmRated(film, 9.0));

        awaitFilm(f -> {
            assertThat(f.actors()).containsExactly(new Ref(actor, "Ann Renamed"));
            assertThat(f.actorsNames()).containsExactly("Ann Renamed");
            assertThat(f.genres()).containsExactly(new Ref(drama, "Tragedy " + drama));
            assertThat(f.title()).isEqualTo("Star Sailor II");
        });
        awaitPerson(actor, p -> assertThat(p.films()).containsExactly(
                new FilmEntry(film, "Star Sailor II", 9.0, List.of("actor"))));
    }

    @Test
    void linksChangeAndDeletesRemoveDocumentsAndReferences() {
        events.film(film, 1, new GenreAddedToFilm(film, comedy));
        events.film(film, 2, new GenreRemovedFromFilm(film, drama));
        events.film(film, 3, new CreditRemoved(film, director, CreditRole.WRITER));
        events.film(film, 4, new CreditAdded(film, actor, CreditRole.WRITER));
        awaitFilm(f -> {
            assertThat(f.genres()).extracting(Ref::id).containsExactly(comedy);
            assertThat(f.writers()).extracting(Ref::id).containsExactly(actor);
        });
        awaitPerson(director, p -> assertThat(p.films()).extracting(FilmEntry::roles).containsExactly(List.of("director")));

        events.genre(comedy, 1, new GenreDeleted(comedy));
        events.person(director, 1, new PersonDeleted(director));
        awaitFilm(f -> {
            assertThat(f.genres()).isEmpty();
            assertThat(f.directors()).isEmpty();
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> !exists(PersonDocument.INDEX, director)
                && !exists(dev.cinema.query.catalog.genre.GenreDocument.INDEX, comedy));

        events.film(film, 5, new FilmDeleted(film));
        await().atMost(Duration.ofSeconds(15)).until(() -> !exists(FilmDocument.INDEX, film));
        awaitPerson(actor, p -> assertThat(p.films()).isEmpty());
    }

    @Test
    void aPersonOrGenreArrivingAfterTheFilmStillNamesIt() {
        UUID late = UUID.randomUUID();
        UUID lateGenre = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        events.film(other, 0, new FilmCreated(other, "Early Film", null, null, null, FilmType.MOVIE,
                List.of(lateGenre), List.of(new Credit(late, CreditRole.ACTOR))));
        events.person(late, 0, new PersonCreated(late, "Late Person"));
        events.genre(lateGenre, 0, new GenreCreated(lateGenre, "Late Genre " + lateGenre, null));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            FilmDocument f = get(FilmDocument.INDEX, other, FilmDocument.class);
            assertThat(f).isNotNull();
            assertThat(f.actors()).containsExactly(new Ref(late, "Late Person"));
            assertThat(f.genres()).extracting(Ref::name).containsExactly("Late Genre " + lateGenre);
        });
    }

    private void awaitFilm(Consumer<FilmDocument> assertion) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            FilmDocument document = get(FilmDocument.INDEX, film, FilmDocument.class);
            assertThat(document).isNotNull();
            assertion.accept(document);
        });
    }

    private void awaitPerson(UUID person, Consumer<PersonDocument> assertion) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            PersonDocument document = get(PersonDocument.INDEX, person, PersonDocument.class);
            assertThat(document).isNotNull();
            assertion.accept(document);
        });
    }

    private <T> T get(SearchIndex index, UUID id, Class<T> type) throws IOException {
        return client.get(g -> g.index(indices.alias(index)).id(id.toString()), type).source();
    }

    private boolean exists(SearchIndex index, UUID id) throws IOException {
        return client.exists(e -> e.index(indices.alias(index)).id(id.toString())).value();
    }
}
