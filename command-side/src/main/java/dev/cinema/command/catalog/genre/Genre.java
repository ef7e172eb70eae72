package dev.cinema.command.catalog.genre;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.command.catalog.CatalogReferences;
import dev.cinema.command.catalog.CatalogRuleException;
import dev.cinema.command.catalog.Outcome;
import dev.cinema.command.catalog.Rules;
import dev.cinema.contracts.catalog.genre.ChangeGenreDescription;
import dev.cinema.contracts.catalog.genre.CreateGenre;
import dev.cinema.contracts.catalog.genre.DeleteGenre;
import dev.cinema.contracts.catalog.genre.GenreCreated;
import dev.cinema.contracts.catalog.genre.GenreDeleted;
import dev.cinema.contracts.catalog.genre.GenreDescriptionChanged;
import dev.cinema.contracts.catalog.genre.GenreRenamed;
import dev.cinema.contracts.catalog.genre.RenameGenre;
import dev.cinema.contracts.catalog.genre.ReviseGenre;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A genre: a name unique in the catalogue (case-insensitively) and an optional description. A genre that films
 * still carry cannot be deleted: the refusal lists those films, and the editor removes the genre from them first.
 */
@Aggregate(cache = "genreCache")
public class Genre {

    @AggregateIdentifier
    private UUID genreId;
    private String name;
    private String description;
    private boolean deleted;

    protected Genre() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Genre(CreateGenre command, CatalogReferences references) {
        String name = Rules.requiredText("name", command.name(), Rules.MAX_NAME);
        String description = Rules.optionalText("description", command.description(), Rules.MAX_TEXT);
        ensureNameFree(name, command.genreId(), references);
        apply(new GenreCreated(command.genreId(), name, description));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(ReviseGenre command, CatalogReferences references) {
        String name = Rules.requiredText("name", command.name(), Rules.MAX_NAME);
        String description = Rules.optionalText("description", command.description(), Rules.MAX_TEXT);
        if (genreId == null) {
            ensureNameFree(name, command.genreId(), references);
            apply(new GenreCreated(command.genreId(), name, description));
            return Outcome.CREATED;
        }
        requireLive();
        Rules.expectVersion(genreId, command.expectedVersion());
        boolean renamed = rename(name, references);
        boolean described = describe(description);
        return renamed || described ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    @CommandHandler
    public Outcome handle(RenameGenre command, CatalogReferences references) {
        requireLive();
        return rename(Rules.requiredText("name", command.name(), Rules.MAX_NAME), references)
                ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    @CommandHandler
    public Outcome handle(ChangeGenreDescription command) {
        requireLive();
        return describe(Rules.optionalText("description", command.description(), Rules.MAX_TEXT))
                ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    @CommandHandler
    public Outcome handle(DeleteGenre command, CatalogReferences references) {
        requireLive();
        List<CatalogReferences.FilmRef> films = references.filmsWithGenre(genreId);
        if (!films.isEmpty()) {
            throw CatalogRuleException.inUse("Genre " + genreId, films);
        }
        apply(new GenreDeleted(genreId));
        return Outcome.CHANGED;
    }

    private boolean rename(String newName, CatalogReferences references) {
        if (newName.equals(name)) {
            return false;
        }
        if (!newName.equalsIgnoreCase(name)) {
            ensureNameFree(newName, genreId, references);
        }
        apply(new GenreRenamed(genreId, newName));
        return true;
    }

    private boolean describe(String newDescription) {
        if (Objects.equals(newDescription, description)) {
            return false;
        }
        apply(new GenreDescriptionChanged(genreId, newDescription));
        return true;
    }

    private static void ensureNameFree(String name, UUID genreId, CatalogReferences references) {
        if (references.genreNameTaken(name, genreId)) {
            throw CatalogRuleException.genreNameTaken(name);
        }
    }

    private void requireLive() {
        if (deleted) {
            throw CatalogRuleException.deleted("Genre", genreId);
        }
    }

    /** The current state for GET (the repository adds the version). */
    public GenreState state() {
        requireLive();
        return new GenreState(genreId, name, description);
    }

    public record GenreState(UUID id, String name, String description) {}

    @EventSourcingHandler
    void on(GenreCreated event) {
        genreId = event.genreId();
        name = event.name();
        description = event.description();
    }

    @EventSourcingHandler
    void on(GenreRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(GenreDescriptionChanged event) {
        description = event.description();
    }

    @EventSourcingHandler
    void on(GenreDeleted event) {
        deleted = true;
    }
}
