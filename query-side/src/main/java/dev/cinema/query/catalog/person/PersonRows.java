package dev.cinema.query.catalog.person;

import static dev.cinema.query.catalog.CatalogRows.idArray;

import dev.cinema.query.catalog.CatalogTarget;
import dev.cinema.query.catalog.person.PersonDocument.FilmEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The persons' lookup state ({@code catalog_person}) and the person documents computed from it and the films. */
public class PersonRows {

    private final JdbcClient jdbc;
    private final CatalogTarget target;

    public PersonRows(JdbcClient jdbc, CatalogTarget target) {
        this.jdbc = jdbc;
        this.target = target;
    }

    /** Records the person's name as of event {@code seq} (created or renamed); false when applied already. */
    boolean name(UUID person, long seq, String fullName) {
        return jdbc.sql(target.sql("""
                        INSERT INTO catalog_person AS p (id, seq, full_name) VALUES (?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, full_name = excluded.full_name
                        WHERE p.seq < excluded.seq"""))
                .params(person, seq, fullName).update() == 1;
    }

    /** Marks the person deleted as of event {@code seq} (the row stays, a tombstone); false when applied already. */
    boolean delete(UUID person, long seq) {
        return jdbc.sql(target.sql("UPDATE catalog_person SET deleted = true, seq = ? WHERE id = ? AND seq < ?"))
                .params(seq, person, seq).update() == 1;
    }

    /** The live persons credited on any of {@code films} (deleted films included: their entries must go). */
    public Set<UUID> personsOfFilms(Collection<UUID> films) {
        return films.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql(target.sql("""
                        SELECT DISTINCT c.person_id FROM catalog_film_credit c
                        JOIN catalog_person p ON p.id = c.person_id AND NOT p.deleted
                        WHERE c.film_id = ANY(?::uuid[])"""))
                .param(idArray(films)).query(UUID.class).list());
    }

    /** The documents of the live persons among {@code ids}, with their live films' current titles and ratings. */
    public Map<UUID, PersonDocument> documents(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String[] idArray = idArray(ids);
        Map<UUID, Map<UUID, FilmEntry>> films = new HashMap<>();
        jdbc.sql(target.sql("""
                        SELECT c.person_id, f.id, f.title, f.imdb_rating, c.role FROM catalog_film_credit c
                        JOIN catalog_film f ON f.id = c.film_id AND NOT f.deleted
                        WHERE c.person_id = ANY(?::uuid[]) ORDER BY f.title, f.id, c.role"""))
                .param(idArray).query(row -> {
                    UUID film = row.getObject(2, UUID.class);
                    String title = row.getString(3);
                    Double rating = row.getObject(4, Double.class);
                    films.computeIfAbsent(row.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                            .computeIfAbsent(film, k -> new FilmEntry(film, title, rating, new ArrayList<>()))
                            .roles().add(row.getString(5).toLowerCase(Locale.ROOT));
                });
        Map<UUID, PersonDocument> documents = new LinkedHashMap<>();
        jdbc.sql(target.sql("SELECT id, full_name FROM catalog_person WHERE id = ANY(?::uuid[]) AND NOT deleted"))
                .param(idArray).query(row -> {
                    UUID id = row.getObject(1, UUID.class);
                    documents.put(id, new PersonDocument(id, row.getString(2),
                            List.copyOf(films.getOrDefault(id, Map.of()).values())));
                });
        return documents;
    }
}
