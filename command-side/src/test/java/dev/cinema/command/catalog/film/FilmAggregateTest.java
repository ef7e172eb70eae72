package dev.cinema.command.catalog.film;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import dev.cinema.command.catalog.CatalogRuleException;
import dev.cinema.command.catalog.FakeReferences;
import dev.cinema.command.catalog.Outcome;
import dev.cinema.contracts.catalog.film.AddCredit;
import dev.cinema.contracts.catalog.film.AddGenreToFilm;
import dev.cinema.contracts.catalog.film.ChangeFilmCreationDate;
import dev.cinema.contracts.catalog.film.ChangeFilmDescription;
import dev.cinema.contracts.catalog.film.ChangeFilmType;
import dev.cinema.contracts.catalog.film.CreateFilm;
import dev.cinema.contracts.catalog.film.Credit;
import dev.cinema.contracts.catalog.film.CreditAdded;
import dev.cinema.contracts.catalog.film.CreditRemoved;
import dev.cinema.contracts.catalog.film.CreditRole;
import dev.cinema.contracts.catalog.film.DeleteFilm;
import dev.cinema.contracts.catalog.film.FilmCreated;
import dev.cinema.contracts.catalog.film.FilmCreationDateChanged;
import dev.cinema.contracts.catalog.film.FilmDeleted;
import dev.cinema.contracts.catalog.film.FilmDescriptionChanged;
import dev.cinema.contracts.catalog.film.FilmRated;
import dev.cinema.contracts.catalog.film.FilmRetitled;
import dev.cinema.contracts.catalog.film.FilmType;
import dev.cinema.contracts.catalog.film.FilmTypeChanged;
import dev.cinema.contracts.catalog.film.GenreAddedToFilm;
import dev.cinema.contracts.catalog.film.GenreRemovedFromFilm;
import dev.cinema.contracts.catalog.film.RateFilm;
import dev.cinema.contracts.catalog.film.RemoveCredit;
import dev.cinema.contracts.catalog.film.RemoveGenreFromFilm;
import dev.cinema.contracts.catalog.film.RetitleFilm;
import dev.cinema.contracts.catalog.film.ReviseFilm;
import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilmAggregateTest {

    private final UUID id = UUID.randomUUID();
    private final UUID drama = UUID.randomUUID();
    private final UUID scifi = UUID.randomUUID();
    private final UUID hamill = UUID.randomUUID();
    private final UUID lucas = UUID.randomUUID();
    private final FakeReferences references = new FakeReferences();
    private AggregateTestFixture<Film> fixture;

    @BeforeEach
    void setUp() {
        references.genres.addAll(List.of(drama, scifi));
        references.persons.addAll(List.of(hamill, lucas));
        fixture = new AggregateTestFixture<>(Film.class);
        fixture.registerInjectableResource(references);
    }

    private FilmCreated created() {
        return new FilmCreated(id, "Star Wars", null, null, 8.6, FilmType.MOVIE, List.of(scifi),
                List.of(new Credit(hamill, CreditRole.ACTOR), new Credit(lucas, CreditRole.DIRECTOR)));
    }

    @Test
    void createKeepsGenresAndCreditsInOneEventAndAPersonMayHoldSeveralRoles() {
        List<Credit> credits = List.of(new Credit(lucas, CreditRole.DIRECTOR), new Credit(lucas, CreditRole.WRITER));
        fixture.givenNoPriorActivity()
                .when(new CreateFilm(id, " Star Wars ", "  ", null, 8.6, FilmType.MOVIE, List.of(scifi, scifi), credits))
                .expectEvents(new FilmCreated(id, "Star Wars", null, null, 8.6, FilmType.MOVIE, List.of(scifi), credits));
    }

    @Test
    void createRefusesBadInputNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(new CreateFilm(id, "", null, null, null, FilmType.MOVIE, List.of(), List.of()))
                .expectNoEvents().expectException(InvalidFieldException.class);
        fixture.givenNoPriorActivity()
                .when(new CreateFilm(id, "x".repeat(256), null, null, null, FilmType.MOVIE, List.of(), List.of()))
                .expectNoEvents().expectException(InvalidFieldException.class);
        fixture.givenNoPriorActivity()
                .when(new CreateFilm(id, "Star Wars", null, null, 11.0, FilmType.MOVIE, List.of(), List.of()))
                .expectNoEvents().expectException(InvalidFieldException.class).expectExceptionMessage("rating: must be between 0 and 10");
        fixture.givenNoPriorActivity()
                .when(new CreateFilm(id, "Star Wars", null, null, null, null, List.of(), List.of()))
                .expectNoEvents().expectException(InvalidFieldException.class);
        fixture.givenNoPriorActivity()
                .when(new CreateFilm(id, "Star Wars", null, null, null, FilmType.MOVIE, List.of(),
                        List.of(new Credit(hamill, null))))
                .expectNoEvents().expectException(InvalidFieldException.class);
    }

    @Test
    void createNamesEveryUnknownGenreAndPerson() {
        UUID ghostGenre = UUID.randomUUID();
        UUID ghostPerson = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new CreateFilm(id, "Star Wars", null, null, null, FilmType.MOVIE, List.of(scifi, ghostGenre), List.of()))
                .expectNoEvents().expectException(InvalidFieldException.class)
                .expectExceptionMessage(allOf(containsString(ghostGenre.toString()), containsString("unknown genre")));
        fixture.givenNoPriorActivity()
                .when(new CreateFilm(id, "Star Wars", null, null, null, FilmType.MOVIE, List.of(),
                        List.of(new Credit(ghostPerson, CreditRole.ACTOR))))
                .expectNoEvents().expectException(InvalidFieldException.class)
                .expectExceptionMessage(containsString(ghostPerson.toString()));
    }

    @Test
    void reviseCreatesWhenMissing() {
        fixture.givenNoPriorActivity()
                .when(new ReviseFilm(id, "Star Wars", null, null, 8.6, FilmType.MOVIE, List.of(scifi),
                        List.of(new Credit(hamill, CreditRole.ACTOR), new Credit(lucas, CreditRole.DIRECTOR)), null))
                .expectEvents(created()).expectResultMessagePayload(Outcome.CREATED);
    }

    @Test
    void reviseToTheSameStateEmitsNothing() {
        fixture.given(created())
                .when(new ReviseFilm(id, "Star Wars", null, null, 8.6, FilmType.MOVIE, List.of(scifi),
                        List.of(new Credit(lucas, CreditRole.DIRECTOR), new Credit(hamill, CreditRole.ACTOR)), null))
                .expectNoEvents().expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void reviseEmitsOneFineGrainedEventPerDifference() {
        LocalDate date = LocalDate.of(1977, 5, 25);
        fixture.given(created())
                .when(new ReviseFilm(id, "Star Wars: A New Hope", "A farm boy", date, null, FilmType.TV_SHOW,
                        List.of(drama), List.of(new Credit(hamill, CreditRole.ACTOR), new Credit(hamill, CreditRole.WRITER)), null))
                .expectEvents(
                        new FilmRetitled(id, "Star Wars: A New Hope"),
                        new FilmDescriptionChanged(id, "A farm boy"),
                        new FilmCreationDateChanged(id, date),
                        new FilmRated(id, null),
                        new FilmTypeChanged(id, FilmType.TV_SHOW),
                        new GenreRemovedFromFilm(id, scifi),
                        new GenreAddedToFilm(id, drama),
                        new CreditRemoved(id, lucas, CreditRole.DIRECTOR),
                        new CreditAdded(id, hamill, CreditRole.WRITER))
                .expectResultMessagePayload(Outcome.CHANGED);
    }

    @Test
    void reviseWithAStaleExpectedVersionIsAConflict() {
        fixture.given(created(), new FilmRated(id, 9.0))
                .when(new ReviseFilm(id, "Other", null, null, 9.0, FilmType.MOVIE, List.of(scifi), List.of(), 0L))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
        fixture.given(created(), new FilmRated(id, 9.0))
                .when(new ReviseFilm(id, "Other", null, null, 9.0, FilmType.MOVIE, List.of(scifi),
                        List.of(new Credit(hamill, CreditRole.ACTOR), new Credit(lucas, CreditRole.DIRECTOR)), 1L))
                .expectEvents(new FilmRetitled(id, "Other"));
    }

    @Test
    void reviseRefusesUnknownAddedIdsAndWritesNothing() {
        UUID ghost = UUID.randomUUID();
        fixture.given(created())
                .when(new ReviseFilm(id, "Retitled", null, null, 8.6, FilmType.MOVIE, List.of(scifi, ghost),
                        List.of(new Credit(hamill, CreditRole.ACTOR), new Credit(lucas, CreditRole.DIRECTOR)), null))
                .expectNoEvents().expectException(InvalidFieldException.class)
                .expectExceptionMessage(containsString(ghost.toString()));
    }

    @Test
    void fineGrainedCommandsChangeOneFactOrNothing() {
        fixture.given(created()).when(new RetitleFilm(id, "Star Wars", null)).expectNoEvents();
        fixture.given(created()).when(new RetitleFilm(id, "Episode IV", null)).expectEvents(new FilmRetitled(id, "Episode IV"));
        fixture.given(created()).when(new RetitleFilm(id, " ", null)).expectException(InvalidFieldException.class);
        fixture.given(created()).when(new ChangeFilmDescription(id, "Rebels", null))
                .expectEvents(new FilmDescriptionChanged(id, "Rebels"));
        fixture.given(created()).when(new ChangeFilmDescription(id, null, null)).expectNoEvents();
        fixture.given(created()).when(new RateFilm(id, 8.6, null)).expectNoEvents();
        fixture.given(created()).when(new RateFilm(id, 9.0, null)).expectEvents(new FilmRated(id, 9.0));
        fixture.given(created()).when(new RateFilm(id, -1.0, null)).expectException(InvalidFieldException.class);
        fixture.given(created()).when(new ChangeFilmCreationDate(id, null, null)).expectNoEvents();
        fixture.given(created()).when(new ChangeFilmType(id, FilmType.MOVIE, null)).expectNoEvents();
        fixture.given(created()).when(new ChangeFilmType(id, FilmType.TV_SHOW, null))
                .expectEvents(new FilmTypeChanged(id, FilmType.TV_SHOW));
    }

    @Test
    void genresAndCreditsOneByOne() {
        fixture.given(created()).when(new AddGenreToFilm(id, scifi, null)).expectNoEvents();
        fixture.given(created()).when(new AddGenreToFilm(id, drama, null)).expectEvents(new GenreAddedToFilm(id, drama));
        fixture.given(created()).when(new AddGenreToFilm(id, UUID.randomUUID(), null))
                .expectNoEvents().expectException(InvalidFieldException.class);
        fixture.given(created()).when(new RemoveGenreFromFilm(id, drama, null)).expectNoEvents();
        fixture.given(created()).when(new RemoveGenreFromFilm(id, scifi, null)).expectEvents(new GenreRemovedFromFilm(id, scifi));
        fixture.given(created()).when(new AddCredit(id, hamill, CreditRole.ACTOR, null)).expectNoEvents();
        fixture.given(created()).when(new AddCredit(id, lucas, CreditRole.WRITER, null))
                .expectEvents(new CreditAdded(id, lucas, CreditRole.WRITER));
        fixture.given(created()).when(new AddCredit(id, UUID.randomUUID(), CreditRole.ACTOR, null))
                .expectNoEvents().expectException(InvalidFieldException.class);
        fixture.given(created()).when(new RemoveCredit(id, lucas, CreditRole.WRITER, null)).expectNoEvents();
        fixture.given(created()).when(new RemoveCredit(id, lucas, CreditRole.DIRECTOR, null))
                .expectEvents(new CreditRemoved(id, lucas, CreditRole.DIRECTOR));
    }

    @Test
    void deleteOnceAndThenNothingMore() {
        fixture.given(created()).when(new DeleteFilm(id, null)).expectEvents(new FilmDeleted(id));
        fixture.given(created(), new FilmDeleted(id)).when(new DeleteFilm(id, null))
                .expectNoEvents().expectException(CatalogRuleException.class);
        fixture.given(created(), new FilmDeleted(id))
                .when(new ReviseFilm(id, "Star Wars", null, null, 8.6, FilmType.MOVIE, List.of(), List.of(), null))
                .expectNoEvents().expectException(CatalogRuleException.class);
    }
}
