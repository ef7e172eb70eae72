package dev.cinema.command.catalog.person;

import dev.cinema.command.catalog.CatalogReferences.FilmRef;
import dev.cinema.command.catalog.CatalogRuleException;
import dev.cinema.command.catalog.FakeReferences;
import dev.cinema.command.catalog.Outcome;
import dev.cinema.contracts.catalog.person.CreatePerson;
import dev.cinema.contracts.catalog.person.DeletePerson;
import dev.cinema.contracts.catalog.person.PersonCreated;
import dev.cinema.contracts.catalog.person.PersonDeleted;
import dev.cinema.contracts.catalog.person.PersonRenamed;
import dev.cinema.contracts.catalog.person.RenamePerson;
import dev.cinema.contracts.catalog.person.RevisePerson;
import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonAggregateTest {

    private final UUID id = UUID.randomUUID();
    private final FakeReferences references = new FakeReferences();
    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(references);
    }

    @Test
    void create() {
        fixture.givenNoPriorActivity().when(new CreatePerson(id, " Mark Hamill "))
                .expectEvents(new PersonCreated(id, "Mark Hamill"));
        fixture.givenNoPriorActivity().when(new CreatePerson(id, ""))
                .expectNoEvents().expectException(InvalidFieldException.class);
        fixture.givenNoPriorActivity().when(new CreatePerson(id, "x".repeat(256)))
                .expectNoEvents().expectException(InvalidFieldException.class);
    }

    @Test
    void reviseCreatesRenamesOrDoesNothing() {
        fixture.givenNoPriorActivity().when(new RevisePerson(id, "Mark Hamill", null))
                .expectEvents(new PersonCreated(id, "Mark Hamill")).expectResultMessagePayload(Outcome.CREATED);
        fixture.given(new PersonCreated(id, "Mark Hamill")).when(new RevisePerson(id, "Mark Hamill", null))
                .expectNoEvents().expectResultMessagePayload(Outcome.UNCHANGED);
        fixture.given(new PersonCreated(id, "Mark Hamil")).when(new RevisePerson(id, "Mark Hamill", null))
                .expectEvents(new PersonRenamed(id, "Mark Hamill")).expectResultMessagePayload(Outcome.CHANGED);
    }

    @Test
    void rename() {
        fixture.given(new PersonCreated(id, "Mark Hamil")).when(new RenamePerson(id, "Mark Hamill", null))
                .expectEvents(new PersonRenamed(id, "Mark Hamill"));
        fixture.given(new PersonCreated(id, "Mark Hamill")).when(new RenamePerson(id, "Mark Hamill", null))
                .expectNoEvents();
        fixture.given(new PersonCreated(id, "Mark Hamill"), new PersonDeleted(id)).when(new RenamePerson(id, "M", null))
                .expectNoEvents().expectException(CatalogRuleException.class);
    }

    @Test
    void deleteIsRefusedWhileFilmsCreditThePerson() {
        references.filmsByPerson.put(id, List.of(new FilmRef(UUID.randomUUID(), "Star Wars")));
        fixture.given(new PersonCreated(id, "Mark Hamill")).when(new DeletePerson(id, null))
                .expectNoEvents().expectException(CatalogRuleException.class);
    }

    @Test
    void deleteOfAnUncreditedPerson() {
        fixture.given(new PersonCreated(id, "Mark Hamill")).when(new DeletePerson(id, null))
                .expectEvents(new PersonDeleted(id));
    }
}
