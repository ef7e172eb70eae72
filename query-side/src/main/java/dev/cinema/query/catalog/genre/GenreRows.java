package dev.cinema.query.catalog.genre;

import static dev.cinema.query.catalog.CatalogRows.idArray;

import dev.cinema.query.catalog.CatalogTarget;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The genres' lookup state ({@code catalog_genre}) and the genre documents computed from it. */
public class GenreRows {

    private final JdbcClient jdbc;
    private final CatalogTarget target;

    public GenreRows(JdbcClient jdbc, CatalogTarget target) {
        this.jdbc = jdbc;
        this.target = target;
    }

    boolean create(UUID genre, long seq, String name, String description) {
        return jdbc.sql(target.sql("""
                        INSERT INTO catalog_genre (id, seq, name, description) VALUES (?, ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING"""))
                .params(genre, seq, name, description).update() == 1;
    }

    /** The columns a single genre event sets (named in lower case); fixed here, never taken from input. */
    enum Column { NAME, DESCRIPTION, DELETED }

    /** Sets one column from the genre's event numbered {@code seq}; false when applied already or unknown. */
    boolean update(UUID genre, long seq, Column column, Object value) {
        return jdbc.sql(target.sql("UPDATE catalog_genre SET " + column.name().toLowerCase(Locale.ROOT)
                        + " = ?, seq = ? WHERE id = ? AND seq < ?"))
                .params(value, seq, genre, seq).update() == 1;
    }

    public Map<UUID, GenreDocument> documents(Collection<UUID> ids) {
        Map<UUID, GenreDocument> documents = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(target.sql("SELECT id, name, description FROM catalog_genre WHERE id = ANY(?::uuid[]) AND NOT deleted"))
                    .param(idArray(ids)).query(row -> {
                        UUID id = row.getObject(1, UUID.class);
                        documents.put(id, new GenreDocument(id, row.getString(2), row.getString(3)));
                    });
        }
        return documents;
    }
}
