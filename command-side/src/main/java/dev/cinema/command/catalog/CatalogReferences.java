package dev.cinema.command.catalog;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What a catalogue aggregate must know about the others before it decides: which ids exist, which films use a
 * genre or credit a person, whether a genre name is taken. Answered from the command side's lookup tables,
 * which subscribing processors keep in the same transaction as the events (see {@link CatalogLookupProjector}).
 * Injected into command handlers as a parameter, so aggregate tests can pass an in-memory one.
 */
public interface CatalogReferences {

    /** The ids among {@code genreIds} that name no live genre, in the given order. */
    List<UUID> unknownGenres(Collection<UUID> genreIds);

    /** The ids among {@code personIds} that name no live person, in the given order. */
    List<UUID> unknownPersons(Collection<UUID> personIds);

    /** True when another live genre has this name, compared case-insensitively. */
    boolean genreNameTaken(String name, UUID exceptGenreId);

    /** The live films that carry the genre. */
    List<FilmRef> filmsWithGenre(UUID genreId);

    /** The live films that credit the person in any role. */
    List<FilmRef> filmsCrediting(UUID personId);

    record FilmRef(UUID id, String title) {}
}
