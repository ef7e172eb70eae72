package dev.cinema.query.catalog.film;

import static dev.cinema.query.catalog.CatalogRows.idArray;

import dev.cinema.contracts.catalog.film.Credit;
import dev.cinema.contracts.catalog.film.CreditRole;
import dev.cinema.contracts.catalog.film.FilmCreated;
import dev.cinema.query.catalog.CatalogTarget;
import dev.cinema.query.catalog.film.FilmDocument.Ref;
import java.sql.Date;
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

/** The films' lookup state ({@code catalog_film} and its links) and the film documents computed from it. */
public class FilmRows {

    /** The columns a single film event sets (named in lower case); fixed here, never taken from input. */
    enum Column { TITLE, DESCRIPTION, IMDB_RATING, CREATION_DATE, TYPE, DELETED }

    private final JdbcClient jdbc;
    private final CatalogTarget target;

    public FilmRows(JdbcClient jdbc, CatalogTarget target) {
        this.jdbc = jdbc;
        this.target = target;
    }

    /** Records a created film with its links; false when it was recorded already (a redelivery). */
    boolean create(FilmCreated event, long seq) {
        int inserted = jdbc.sql(target.sql("""
                        INSERT INTO catalog_film (id, seq, title, description, imdb_rating, creation_date, type)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"""))
                .params(event.filmId(), seq, event.title(), event.description(), event.rating(),
                        event.creationDate() == null ? null : Date.valueOf(event.creationDate()),
                        event.type() == null ? null : event.type().name())
                .update();
        if (inserted == 0) {
            return false;
        }
        // The links in one statement each (a film has a few genres and many credits; replays create many films).
        List<UUID> genres = event.genreIds() == null ? List.of() : event.genreIds();
        if (!genres.isEmpty()) {
            jdbc.sql(target.sql("""
                            INSERT INTO catalog_film_genre (film_id, genre_id) SELECT ?, unnest(?::uuid[])
                            ON CONFLICT DO NOTHING"""))
                    .params(event.filmId(), idArray(genres)).update();
        }
        List<Credit> credits = event.credits() == null ? List.of() : event.credits();
        if (!credits.isEmpty()) {
            jdbc.sql(target.sql("""
                            INSERT INTO catalog_film_credit (film_id, person_id, role)
                            SELECT ?, person, role FROM unnest(?::uuid[], ?::text[]) AS c(person, role)
                            ON CONFLICT DO NOTHING"""))
                    .params(event.filmId(), idArray(credits.stream().map(Credit::personId).toList()),
                            credits.stream().map(credit -> credit.role().name()).toArray(String[]::new))
                    .update();
        }
        return true;
    }

    /** Sets one column from the film's event numbered {@code seq}; false when applied already or unknown. */
    boolean update(UUID film, long seq, Column column, Object value) {
        return jdbc.sql(target.sql("UPDATE catalog_film SET " + column.name().toLowerCase(Locale.ROOT)
                        + " = ?, seq = ? WHERE id = ? AND seq < ?"))
                .params(value, seq, film, seq).update() == 1;
    }

    /** Moves the film to event {@code seq} without changing a column (for link events); false when applied already. */
    boolean advance(UUID film, long seq) {
        return jdbc.sql(target.sql("UPDATE catalog_film SET seq = ? WHERE id = ? AND seq < ?")).params(seq, film, seq).update() == 1;
    }

    void addGenre(UUID film, UUID genre) {
        jdbc.sql(target.sql("INSERT INTO catalog_film_genre (film_id, genre_id) VALUES (?, ?) ON CONFLICT DO NOTHING"))
                .params(film, genre).update();
    }

    void removeGenre(UUID film, UUID genre) {
        jdbc.sql(target.sql("DELETE FROM catalog_film_genre WHERE film_id = ? AND genre_id = ?")).params(film, genre).update();
    }

    void addCredit(UUID film, UUID person, CreditRole role) {
        jdbc.sql(target.sql("INSERT INTO catalog_film_credit (film_id, person_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"))
                .params(film, person, role.name()).update();
    }

    void removeCredit(UUID film, UUID person, CreditRole role) {
        jdbc.sql(target.sql("DELETE FROM catalog_film_credit WHERE film_id = ? AND person_id = ? AND role = ?"))
                .params(film, person, role.name()).update();
    }

    /** The live films crediting any of {@code persons}. */
    public Set<UUID> filmsOfPersons(Collection<UUID> persons) {
        return persons.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql(target.sql("""
                        SELECT DISTINCT c.film_id FROM catalog_film_credit c JOIN catalog_film f ON f.id = c.film_id
                        WHERE c.person_id = ANY(?::uuid[]) AND NOT f.deleted"""))
                .param(idArray(persons)).query(UUID.class).list());
    }

    /** The live films of any of {@code genres}. */
    public Set<UUID> filmsOfGenres(Collection<UUID> genres) {
        return genres.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql(target.sql("""
                        SELECT DISTINCT fg.film_id FROM catalog_film_genre fg JOIN catalog_film f ON f.id = fg.film_id
                        WHERE fg.genre_id = ANY(?::uuid[]) AND NOT f.deleted"""))
                .param(idArray(genres)).query(UUID.class).list());
    }

    /** The documents of the live films among {@code ids}, with the current names of their genres and persons. */
    public Map<UUID, FilmDocument> documents(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String[] idArray = idArray(ids);
        Map<UUID, List<Ref>> genres = new HashMap<>();
        jdbc.sql(target.sql("""
                        SELECT fg.film_id, g.id, g.name FROM catalog_film_genre fg
                        JOIN catalog_genre g ON g.id = fg.genre_id AND NOT g.deleted
                        WHERE fg.film_id = ANY(?::uuid[]) ORDER BY g.name, g.id"""))
                .param(idArray).query(row -> {
                    genres.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Ref(row.getObject(2, UUID.class), row.getString(3)));
                });
        Map<UUID, Map<CreditRole, List<Ref>>> credits = new HashMap<>();
        jdbc.sql(target.sql("""
                        SELECT c.film_id, c.role, p.id, p.full_name FROM catalog_film_credit c
                        JOIN catalog_person p ON p.id = c.person_id AND NOT p.deleted
                        WHERE c.film_id = ANY(?::uuid[]) ORDER BY p.full_name, p.id"""))
                .param(idArray).query(row -> {
                    credits.computeIfAbsent(row.getObject(1, UUID.class), k -> new HashMap<>())
                            .computeIfAbsent(CreditRole.valueOf(row.getString(2)), k -> new ArrayList<>())
                            .add(new Ref(row.getObject(3, UUID.class), row.getString(4)));
                });
        Map<UUID, FilmDocument> documents = new LinkedHashMap<>();
        jdbc.sql(target.sql("""
                        SELECT id, title, description, imdb_rating, creation_date, type FROM catalog_film
                        WHERE id = ANY(?::uuid[]) AND NOT deleted"""))
                .param(idArray).query(row -> {
                    UUID id = row.getObject(1, UUID.class);
                    Date creationDate = row.getDate(5);
                    documents.put(id, FilmDocument.of(id, row.getString(2), row.getString(3),
                            row.getObject(4, Double.class), creationDate == null ? null : creationDate.toLocalDate(),
                            row.getString(6), genres.getOrDefault(id, List.of()),
                            credits.getOrDefault(id, Map.of())));
                });
        return documents;
    }
}
