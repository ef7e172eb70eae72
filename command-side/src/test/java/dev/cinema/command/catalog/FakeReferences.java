package dev.cinema.command.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** In-memory {@link CatalogReferences} for aggregate tests: what exists and who uses what is set by the test. */
public class FakeReferences implements CatalogReferences {

    public final Set<UUID> genres = new HashSet<>();
    public final Set<UUID> persons = new HashSet<>();
    public final Map<UUID, String> genreNames = new HashMap<>();
    public final Map<UUID, List<FilmRef>> filmsByGenre = new HashMap<>();
    public final Map<UUID, List<FilmRef>> filmsByPerson = new HashMap<>();

    @Override
    public List<UUID> unknownGenres(Collection<UUID> genreIds) {
        return genreIds.stream().distinct().filter(id -> !genres.contains(id)).toList();
    }

    @Override
    public List<UUID> unknownPersons(Collection<UUID> personIds) {
        return personIds.stream().distinct().filter(id -> !persons.contains(id)).toList();
    }

    @Override
    public boolean genreNameTaken(String name, UUID exceptGenreId) {
        return genreNames.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(exceptGenreId) && e.getValue().equalsIgnoreCase(name));
    }

    @Override
    public List<FilmRef> filmsWithGenre(UUID genreId) {
        return new ArrayList<>(filmsByGenre.getOrDefault(genreId, List.of()));
    }

    @Override
    public List<FilmRef> filmsCrediting(UUID personId) {
        return new ArrayList<>(filmsByPerson.getOrDefault(personId, List.of()));
    }
}
