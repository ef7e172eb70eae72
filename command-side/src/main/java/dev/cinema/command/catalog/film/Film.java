package dev.cinema.command.catalog.film;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.cinema.command.catalog.CatalogReferences;
import dev.cinema.command.catalog.CatalogRuleException;
import dev.cinema.command.catalog.Outcome;
import dev.cinema.command.catalog.Rules;
import dev.cinema.contracts.catalog.film.AddCredit;
import dev.cinema.contracts.catalog.film.AddGenreToFilm;
import dev.cinema.contracts.catalog.film.ChangeFilmCreationDate;
import dev.cinema.contracts.catalog.film.ChangeFilmDescription;
import dev.cinema.contracts.catalog.film.ChangeFilmType;
import dev.cinema.contracts.catalog.film.CreateFilm;
import dev.cinema.contracts.catalog.film.Credit;
import dev.cinema.contracts.catalog.film.CreditAdded;
import dev.cinema.contracts.catalog.film.CreditRemoved;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A film or TV show: title, description, creation date, rating, type, a set of genres and a set of credits
 * (person, role), where one person may hold several roles. Every genre and person it refers to must exist
 * (unknown ids are refused, named). Fields are visible to Jackson so that snapshots can store the state.
 */
@Aggregate(cache = "filmCache", snapshotTriggerDefinition = "filmSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class Film {

    @AggregateIdentifier
    private UUID filmId;
    private String title;
    private String description;
    private LocalDate creationDate;
    private Double rating;
    private FilmType type;
    private Set<UUID> genreIds = new LinkedHashSet<>();
    private Set<Credit> credits = new LinkedHashSet<>();
    private boolean deleted;

    protected Film() {
        // Axon rebuilds the aggregate from its events (or a snapshot).
    }

    @CommandHandler
    public Film(CreateFilm command, CatalogReferences references) {
        Desired desired = Desired.of(command.title(), command.description(), command.creationDate(),
                command.rating(), command.type(), command.genreIds(), command.credits());
        create(command.filmId(), desired, references);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(ReviseFilm command, CatalogReferences references) {
        Desired desired = Desired.of(command.title(), command.description(), command.creationDate(),
                command.rating(), command.type(), command.genreIds(), command.credits());
        if (filmId == null) {
            create(command.filmId(), desired, references);
            return Outcome.CREATED;
        }
        requireLive();
        Rules.expectVersion(filmId, command.expectedVersion());
        List<UUID> addedGenres = desired.genreIds().stream().filter(id -> !genreIds.contains(id)).toList();
        List<UUID> removedGenres = genreIds.stream().filter(id -> !desired.genreIds().contains(id)).toList();
        List<Credit> addedCredits = desired.credits().stream().filter(c -> !credits.contains(c)).toList();
        List<Credit> removedCredits = credits.stream().filter(c -> !desired.credits().contains(c)).toList();
        checkReferences(addedGenres, addedCredits, references);
        // Non-short-circuit |: every helper runs and applies its event when its value differs.
        boolean changed = retitle(desired.title()) | describe(desired.description()) | date(desired.creationDate())
                | rate(desired.rating()) | retype(desired.type());
        removedGenres.forEach(id -> apply(new GenreRemovedFromFilm(filmId, id)));
        addedGenres.forEach(id -> apply(new GenreAddedToFilm(filmId, id)));
        removedCredits.forEach(c -> apply(new CreditRemoved(filmId, c.personId(), c.role())));
        addedCredits.forEach(c -> apply(new CreditAdded(filmId, c.personId(), c.role())));
        changed |= !(addedGenres.isEmpty() && removedGenres.isEmpty() && addedCredits.isEmpty() && removedCredits.isEmpty());
        return outcome(changed);
    }

    @CommandHandler
    public Outcome handle(RetitleFilm command) {
        requireLive();
        return outcome(retitle(Rules.requiredText("title", command.title(), Rules.MAX_NAME)));
    }

    @CommandHandler
    public Outcome handle(ChangeFilmDescription command) {
        requireLive();
        return outcome(describe(Rules.optionalText("description", command.description(), Rules.MAX_TEXT)));
    }

    @CommandHandler
    public Outcome handle(ChangeFilmCreationDate command) {
        requireLive();
        return outcome(date(command.creationDate()));
    }

    @CommandHandler
    public Outcome handle(RateFilm command) {
        requireLive();
        return outcome(rate(Rules.rating(command.rating())));
    }

    @CommandHandler
    public Outcome handle(ChangeFilmType command) {
        requireLive();
        return outcome(retype(Rules.required("type", command.type())));
    }

    @CommandHandler
    public Outcome handle(AddGenreToFilm command, CatalogReferences references) {
        requireLive();
        UUID genreId = Rules.required("genreId", command.genreId());
        if (genreIds.contains(genreId)) {
            return Outcome.UNCHANGED;
        }
        checkReferences(List.of(genreId), List.of(), references);
        apply(new GenreAddedToFilm(filmId, genreId));
        return Outcome.CHANGED;
    }

    @CommandHandler
    public Outcome handle(RemoveGenreFromFilm command) {
        requireLive();
        if (!genreIds.contains(command.genreId())) {
            return Outcome.UNCHANGED;
        }
        apply(new GenreRemovedFromFilm(filmId, command.genreId()));
        return Outcome.CHANGED;
    }

    @CommandHandler
    public Outcome handle(AddCredit command, CatalogReferences references) {
        requireLive();
        Credit credit = new Credit(Rules.required("personId", command.personId()), Rules.required("role", command.role()));
        if (credits.contains(credit)) {
            return Outcome.UNCHANGED;
        }
        checkReferences(List.of(), List.of(credit), references);
        apply(new CreditAdded(filmId, credit.personId(), credit.role()));
        return Outcome.CHANGED;
    }

    @CommandHandler
    public Outcome handle(RemoveCredit command) {
        requireLive();
        if (!credits.contains(new Credit(command.personId(), command.role()))) {
            return Outcome.UNCHANGED;
        }
        apply(new CreditRemoved(filmId, command.personId(), command.role()));
        return Outcome.CHANGED;
    }

    @CommandHandler
    public Outcome handle(DeleteFilm command) {
        requireLive();
        apply(new FilmDeleted(filmId));
        return Outcome.CHANGED;
    }

    private void create(UUID id, Desired desired, CatalogReferences references) {
        checkReferences(desired.genreIds(), desired.credits(), references);
        apply(new FilmCreated(id, desired.title(), desired.description(), desired.creationDate(), desired.rating(),
                desired.type(), List.copyOf(desired.genreIds()), List.copyOf(desired.credits())));
    }

    /** Refuses genre and person ids that name nothing, listing all of them at once. */
    private static void checkReferences(Collection<UUID> genres, Collection<Credit> newCredits, CatalogReferences references) {
        List<UUID> unknownGenres = genres.isEmpty() ? List.of() : references.unknownGenres(genres);
        if (!unknownGenres.isEmpty()) {
            throw new InvalidFieldException("genreIds", "unknown genre ids: " + join(unknownGenres));
        }
        Set<UUID> persons = newCredits.stream().map(Credit::personId).collect(Collectors.toCollection(LinkedHashSet::new));
        List<UUID> unknownPersons = persons.isEmpty() ? List.of() : references.unknownPersons(persons);
        if (!unknownPersons.isEmpty()) {
            throw new InvalidFieldException("credits", "unknown person ids: " + join(unknownPersons));
        }
    }

    private static String join(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(", "));
    }

    // Each helper applies one fine-grained event when the value differs and says whether it did.
    private boolean retitle(String newTitle) {
        return !Objects.equals(newTitle, title) && applied(new FilmRetitled(filmId, newTitle));
    }

    private boolean describe(String newDescription) {
        return !Objects.equals(newDescription, description) && applied(new FilmDescriptionChanged(filmId, newDescription));
    }

    private boolean date(LocalDate newDate) {
        return !Objects.equals(newDate, creationDate) && applied(new FilmCreationDateChanged(filmId, newDate));
    }

    private boolean rate(Double newRating) {
        return !Objects.equals(newRating, rating) && applied(new FilmRated(filmId, newRating));
    }

    private boolean retype(FilmType newType) {
        return newType != type && applied(new FilmTypeChanged(filmId, newType));
    }

    private boolean applied(Object event) {
        apply(event);
        return true;
    }

    private static Outcome outcome(boolean changed) {
        return changed ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    private void requireLive() {
        if (deleted) {
            throw CatalogRuleException.deleted("Film", filmId);
        }
    }

    /** The current state for GET (the repository adds the version). */
    public FilmState state() {
        requireLive();
        return new FilmState(filmId, title, description, creationDate, rating, type, List.copyOf(genreIds), List.copyOf(credits));
    }

    public record FilmState(UUID id, String title, String description, LocalDate creationDate, Double rating,
                            FilmType type, List<UUID> genreIds, List<Credit> credits) {}

    /** A command's wished-for state, checked against the input rules and normalised (stripped, de-duplicated). */
    private record Desired(String title, String description, LocalDate creationDate, Double rating, FilmType type,
                           Set<UUID> genreIds, Set<Credit> credits) {

        static Desired of(String title, String description, LocalDate creationDate, Double rating, FilmType type,
                          List<UUID> genreIds, List<Credit> credits) {
            List<Credit> creditList = Rules.noNulls("credits", credits);
            for (int i = 0; i < creditList.size(); i++) {
                Rules.required("credits[" + i + "].personId", creditList.get(i).personId());
                Rules.required("credits[" + i + "].role", creditList.get(i).role());
            }
            return new Desired(
                    Rules.requiredText("title", title, Rules.MAX_NAME),
                    Rules.optionalText("description", description, Rules.MAX_TEXT),
                    creationDate,
                    Rules.rating(rating),
                    Rules.required("type", type),
                    new LinkedHashSet<>(Rules.noNulls("genreIds", genreIds)),
                    new LinkedHashSet<>(creditList));
        }
    }

    @EventSourcingHandler
    void on(FilmCreated event) {
        filmId = event.filmId();
        title = event.title();
        description = event.description();
        creationDate = event.creationDate();
        rating = event.rating();
        type = event.type();
        genreIds = new LinkedHashSet<>(event.genreIds());
        credits = new LinkedHashSet<>(event.credits());
    }

    @EventSourcingHandler
    void on(FilmRetitled event) {
        title = event.title();
    }

    @EventSourcingHandler
    void on(FilmDescriptionChanged event) {
        description = event.description();
    }

    @EventSourcingHandler
    void on(FilmCreationDateChanged event) {
        creationDate = event.creationDate();
    }

    @EventSourcingHandler
    void on(FilmRated event) {
        rating = event.rating();
    }

    @EventSourcingHandler
    void on(FilmTypeChanged event) {
        type = event.type();
    }

    @EventSourcingHandler
    void on(GenreAddedToFilm event) {
        genreIds.add(event.genreId());
    }

    @EventSourcingHandler
    void on(GenreRemovedFromFilm event) {
        genreIds.remove(event.genreId());
    }

    @EventSourcingHandler
    void on(CreditAdded event) {
        credits.add(new Credit(event.personId(), event.role()));
    }

    @EventSourcingHandler
    void on(CreditRemoved event) {
        credits.remove(new Credit(event.personId(), event.role()));
    }

    @EventSourcingHandler
    void on(FilmDeleted event) {
        deleted = true;
    }
}
