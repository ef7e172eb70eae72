package dev.cinema.query.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.cinema.query.catalog.film.FilmProjector;
import dev.cinema.query.catalog.film.FilmRows;
import dev.cinema.query.catalog.genre.GenreProjector;
import dev.cinema.query.catalog.genre.GenreRows;
import dev.cinema.query.catalog.person.PersonProjector;
import dev.cinema.query.catalog.person.PersonRows;
import dev.cinema.query.search.SearchIndices;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalogue projection wired to one {@link CatalogTarget}: the film, person and genre projectors over that
 * target's lookup tables, writing its indices. The live projection is registered in the {@value
 * CatalogProcessing#GROUP} processing group; a reindex builds one of its own for the next index versions.
 */
public final class CatalogProjection {

    /** The classes of the event handlers, to assign them to a processing group. */
    static final List<Class<?>> HANDLER_TYPES = List.of(FilmProjector.class, PersonProjector.class, GenreProjector.class);

    private final CatalogTarget target;
    private final List<Object> eventHandlers;

    public CatalogProjection(CatalogTarget target, JdbcClient jdbc, ElasticsearchClient client, SearchIndices indices,
                             List<CatalogChangeListener> listeners) {
        this.target = target;
        FilmRows films = new FilmRows(jdbc, target);
        PersonRows persons = new PersonRows(jdbc, target);
        GenreRows genres = new GenreRows(jdbc, target);
        CatalogDocuments documents = new CatalogDocuments(jdbc, client, indices, target, films, persons, genres,
                List.copyOf(listeners));
        this.eventHandlers = List.of(new FilmProjector(films, documents), new PersonProjector(persons, documents),
                new GenreProjector(genres, documents));
    }

    public CatalogTarget target() {
        return target;
    }

    /** The projectors, annotated {@code @EventHandler}s, for an event processor's handler invoker. */
    public List<Object> eventHandlers() {
        return eventHandlers;
    }
}
