package dev.cinema.query.catalog.person;

import dev.cinema.contracts.catalog.person.PersonCreated;
import dev.cinema.contracts.catalog.person.PersonDeleted;
import dev.cinema.contracts.catalog.person.PersonRenamed;
import dev.cinema.query.catalog.CatalogDocuments;
import java.util.UUID;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Projects person events into the lookup state; every change of a person shows in their own document and in
 * every film crediting them, which {@link CatalogDocuments} recomputes. Redelivered events change nothing.
 */
public class PersonProjector {

    private final PersonRows persons;
    private final CatalogDocuments documents;

    public PersonProjector(PersonRows persons, CatalogDocuments documents) {
        this.persons = persons;
        this.documents = documents;
    }

    @EventHandler
    void on(PersonCreated event, @SequenceNumber long seq) {
        name(event.personId(), seq, event.fullName());
    }

    @EventHandler
    void on(PersonRenamed event, @SequenceNumber long seq) {
        name(event.personId(), seq, event.fullName());
    }

    @EventHandler
    void on(PersonDeleted event, @SequenceNumber long seq) {
        if (persons.delete(event.personId(), seq)) {
            documents.changes().personAndItsFilms(event.personId());
        }
    }

    private void name(UUID person, long seq, String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("A person needs a full name");
        }
        if (persons.name(person, seq, fullName)) {
            documents.changes().personAndItsFilms(person);
        }
    }
}
