package dev.cinema.command.catalog.genre;

import dev.cinema.command.catalog.CatalogReferences.FilmRef;
import dev.cinema.command.catalog.CatalogRuleException;
import dev.cinema.command.catalog.FakeReferences;
import dev.cinema.command.catalog.Outcome;
import dev.cinema.contracts.catalog.genre.ChangeGenreDescription;
import dev.cinema.contracts.catalog.genre.CreateGenre;
import dev.cinema.contracts.catalog.genre.DeleteGenre;
import dev.cinema.contracts.catalog.genre.GenreCreated;
import dev.cinema.contracts.catalog.genre.GenreDeleted;
import dev.cinema.contracts.catalog.genre.GenreDescriptionChanged;
import dev.cinema.contracts.catalog.genre.GenreRenamed;
import dev.cinema.contracts.catalog.genre.RenameGenre;
import dev.cinema.contracts.catalog.genre.ReviseGenre;
import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenreAggregateTest {

    private final UUID id = UUID.randomUUID();
    private final FakeReferences references = new FakeReferences();
    private AggregateTestFixture<Genre> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Genre.class);
        fixture.registerInjectableResource(references);
    }

    @Test
    void createStripsTheNameAndKeepsTheDescription() {
        fixture.givenNoPriorActivity()
                .when(new CreateGenre(id, "  Noir ", "Shadows"))
                .expectEvents(new GenreCreated(id, "Noir", "Shadows"));
    }

    @Test
    void createRefusesABlankName() {
        fixture.givenNoPriorActivity()
                .when(new CreateGenre(id, " ", null))
                .expectNoEvents().expectException(InvalidFieldException.class);
    }

    @Test
    void createRefusesANameTakenInAnotherCase() {
        references.genreNames.put(UUID.randomUUID(), "Drama");
        fixture.givenNoPriorActivity()
                .when(new CreateGenre(id, "DRAMA", null))
                .expectNoEvents().expectException(CatalogRuleException.class);
    }

    @Test
    void reviseCreatesWhenMissing() {
        fixture.givenNoPriorActivity()
                .when(new ReviseGenre(id, "Noir", null, null))
                .expectEvents(new GenreCreated(id, "Noir", null))
                .expectResultMessagePayload(Outcome.CREATED);
    }

    @Test
    void reviseEmitsOnlyWhatDiffers() {
        fixture.given(new GenreCreated(id, "Noir", "Shadows"))
                .when(new ReviseGenre(id, "Noir", "Rain", null))
                .expectEvents(new GenreDescriptionChanged(id, "Rain"))
                .expectResultMessagePayload(Outcome.CHANGED);
    }

    @Test
    void reviseToTheSameStateEmitsNothing() {
        fixture.given(new GenreCreated(id, "Noir", "Shadows"))
                .when(new ReviseGenre(id, " Noir", "Shadows", null))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void renameChecksUniquenessButAllowsACaseChangeOfItsOwnName() {
        references.genreNames.put(id, "noir");
        fixture.given(new GenreCreated(id, "noir", null))
                .when(new RenameGenre(id, "Noir", null))
                .expectEvents(new GenreRenamed(id, "Noir"));

        references.genreNames.put(UUID.randomUUID(), "Drama");
        fixture.given(new GenreCreated(id, "noir", null))
                .when(new RenameGenre(id, "drama", null))
                .expectNoEvents().expectException(CatalogRuleException.class);
    }

    @Test
    void changeDescriptionClearsWithNullAndIgnoresTheSameValue() {
        fixture.given(new GenreCreated(id, "Noir", "Shadows"))
                .when(new ChangeGenreDescription(id, null, null))
                .expectEvents(new GenreDescriptionChanged(id, null));
        fixture.given(new GenreCreated(id, "Noir", "Shadows"))
                .when(new ChangeGenreDescription(id, "Shadows", null))
                .expectNoEvents();
    }

    @Test
    void deleteIsRefusedWhileFilmsCarryTheGenre() {
        references.filmsByGenre.put(id, List.of(new FilmRef(UUID.randomUUID(), "The Third Man")));
        fixture.given(new GenreCreated(id, "Noir", null))
                .when(new DeleteGenre(id, null))
                .expectNoEvents()
                .expectException(CatalogRuleException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("1 film"));
    }

    @Test
    void deleteOfAnUnusedGenreAndNothingAfterwards() {
        fixture.given(new GenreCreated(id, "Noir", null))
                .when(new DeleteGenre(id, null))
                .expectEvents(new GenreDeleted(id));
        fixture.given(new GenreCreated(id, "Noir", null), new GenreDeleted(id))
                .when(new RenameGenre(id, "Crime", null))
                .expectNoEvents().expectException(CatalogRuleException.class);
    }
}
