package dev.cinema.command.catalog;

import java.sql.Array;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link CatalogReferences} answered from the lookup tables, inside the command's own transaction. */
@Component
class JdbcCatalogReferences implements CatalogReferences {

    private final JdbcTemplate jdbc;

    JdbcCatalogReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> unknownGenres(Collection<UUID> genreIds) {
        return unknown("SELECT genre_id FROM catalog_genre WHERE genre_id = ANY (?)", genreIds);
    }

    @Override
    public List<UUID> unknownPersons(Collection<UUID> personIds) {
        return unknown("SELECT person_id FROM catalog_person WHERE person_id = ANY (?)", personIds);
    }

    private List<UUID> unknown(String sql, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<UUID> known = new HashSet<>(jdbc.query(con -> {
            var statement = con.prepareStatement(sql);
            Array array = con.createArrayOf("uuid", ids.toArray());
            statement.setArray(1, array);
            return statement;
        }, (row, i) -> row.getObject(1, UUID.class)));
        return ids.stream().distinct().filter(id -> !known.contains(id)).toList();
    }

    @Override
    public boolean genreNameTaken(String name, UUID exceptGenreId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM catalog_genre WHERE lower(name) = lower(?) AND genre_id <> ?)",
                Boolean.class, name, exceptGenreId));
    }

    @Override
    public List<FilmRef> filmsWithGenre(UUID genreId) {
        return jdbc.query("""
                SELECT f.film_id, f.title FROM catalog_film_genre g JOIN catalog_film f USING (film_id)
                WHERE g.genre_id = ? ORDER BY f.title, f.film_id""",
                (row, i) -> new FilmRef(row.getObject(1, UUID.class), row.getString(2)), genreId);
    }

    @Override
    public List<FilmRef> filmsCrediting(UUID personId) {
        return jdbc.query("""
                SELECT DISTINCT f.film_id, f.title FROM catalog_film_credit c JOIN catalog_film f USING (film_id)
                WHERE c.person_id = ? ORDER BY f.title, f.film_id""",
                (row, i) -> new FilmRef(row.getObject(1, UUID.class), row.getString(2)), personId);
    }
}
