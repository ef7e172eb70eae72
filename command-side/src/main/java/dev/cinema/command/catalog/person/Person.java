package dev.cinema.command.catalog.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.command.catalog.CatalogReferences;
import dev.cinema.command.catalog.CatalogRuleException;
import dev.cinema.command.catalog.Outcome;
import dev.cinema.command.catalog.Rules;
import dev.cinema.contracts.catalog.person.CreatePerson;
import dev.cinema.contracts.catalog.person.DeletePerson;
import dev.cinema.contracts.catalog.person.PersonCreated;
import dev.cinema.contracts.catalog.person.PersonDeleted;
import dev.cinema.contracts.catalog.person.PersonRenamed;
import dev.cinema.contracts.catalog.person.RenamePerson;
import dev.cinema.contracts.catalog.person.RevisePerson;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person who can be credited on films. Names are not unique (two actors may share one). A person whom films
 * still credit cannot be deleted: the refusal lists those films.
 */
@Aggregate(cache = "personCache")
public class Person {

    @AggregateIdentifier
    private UUID personId;
    private String fullName;
    private boolean deleted;

    protected Person() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Person(CreatePerson command) {
        apply(new PersonCreated(command.personId(), Rules.requiredText("fullName", command.fullName(), Rules.MAX_NAME)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(RevisePerson command) {
        String name = Rules.requiredText("fullName", command.fullName(), Rules.MAX_NAME);
        if (personId == null) {
            apply(new PersonCreated(command.personId(), name));
            return Outcome.CREATED;
        }
        Rules.expectVersion(personId, command.expectedVersion());
        return rename(name);
    }

    @CommandHandler
    public Outcome handle(RenamePerson command) {
        return rename(Rules.requiredText("fullName", command.fullName(), Rules.MAX_NAME));
    }

    @CommandHandler
    public Outcome handle(DeletePerson command, CatalogReferences references) {
        requireLive();
        List<CatalogReferences.FilmRef> films = references.filmsCrediting(personId);
        if (!films.isEmpty()) {
            throw CatalogRuleException.inUse("Person " + personId, films);
        }
        apply(new PersonDeleted(personId));
        return Outcome.CHANGED;
    }

    private Outcome rename(String name) {
        requireLive();
        if (name.equals(fullName)) {
            return Outcome.UNCHANGED;
        }
        apply(new PersonRenamed(personId, name));
        return Outcome.CHANGED;
    }

    private void requireLive() {
        if (deleted) {
            throw CatalogRuleException.deleted("Person", personId);
        }
    }

    /** The current state for GET (the repository adds the version). */
    public PersonState state() {
        requireLive();
        return new PersonState(personId, fullName);
    }

    public record PersonState(UUID id, String fullName) {}

    @EventSourcingHandler
    void on(PersonCreated event) {
        personId = event.personId();
        fullName = event.fullName();
    }

    @EventSourcingHandler
    void on(PersonRenamed event) {
        fullName = event.fullName();
    }

    @EventSourcingHandler
    void on(PersonDeleted event) {
        deleted = true;
    }
}
