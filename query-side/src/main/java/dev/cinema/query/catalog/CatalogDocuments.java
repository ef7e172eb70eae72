package dev.cinema.query.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.cinema.query.catalog.film.FilmDocument;
import dev.cinema.query.catalog.film.FilmRows;
import dev.cinema.query.catalog.genre.GenreDocument;
import dev.cinema.query.catalog.genre.GenreRows;
import dev.cinema.query.catalog.person.PersonDocument;
import dev.cinema.query.catalog.person.PersonRows;
import dev.cinema.query.search.SearchIndex;
import dev.cinema.query.search.SearchIndices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the documents a projection batch changed, in one bulk request when the batch is about to commit, to the
 * indices of its {@link CatalogTarget}.
 *
 * <p>Documents are never patched: each is recomputed whole from the lookup state (the target's {@code catalog_*}
 * tables, in the transaction that also stores the processor's token), so a document is always what the facts say,
 * whatever order events of different aggregates arrive in. Batches of different segments (or instances) run
 * concurrently, and a film's document depends on persons' and genres' rows that another batch may be changing.
 * To make that converge, the write phase takes a transaction-scoped advisory lock (the target's): the batch that
 * writes later resolves its fan-out (films of a renamed person, persons of a retitled film) and reads the names
 * after every earlier batch has committed, and its own changes reach every document committed before. The lock is
 * held only from the write to the commit; handlers (the lookup-state updates) still run in parallel across segments.
 *
 * <p>Every document of a batch gets one external version drawn from a sequence under that lock, so versions grow
 * in commit order and Elasticsearch refuses an older write that arrives late. The sequence is shared by the live
 * projection and a reindex, so after a reindex's swap the live projection's writes outrank the replay's. Documents
 * whose row is gone or deleted are deleted. For the live target the bulk request refreshes the indices it touched,
 * so that once the token has passed an event, searches see it (read-your-writes waits for the token) and a cache
 * filled afterwards is fresh; a reindex builds with refresh off and refreshes once before its swap.
 */
public class CatalogDocuments {

    private static final Logger log = LoggerFactory.getLogger(CatalogDocuments.class);

    private final JdbcClient jdbc;
    private final ElasticsearchClient client;
    private final SearchIndices indices;
    private final CatalogTarget target;
    private final String changesResource;
    private final FilmRows films;
    private final PersonRows persons;
    private final GenreRows genres;
    private final List<CatalogChangeListener> listeners;

    CatalogDocuments(JdbcClient jdbc, ElasticsearchClient client, SearchIndices indices, CatalogTarget target,
                     FilmRows films, PersonRows persons, GenreRows genres, List<CatalogChangeListener> listeners) {
        this.jdbc = jdbc;
        this.client = client;
        this.indices = indices;
        this.target = target;
        this.changesResource = CatalogDocuments.class.getName() + ".changes." + target.name();
        this.films = films;
        this.persons = persons;
        this.genres = genres;
        this.listeners = listeners;
    }

    /**
     * The changes of the current batch (the event handler's unit of work); the first call of a batch arranges
     * for them to be written, and announced to the listeners, before it commits.
     */
    public CatalogChanges changes() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(changesResource, key -> {
            CatalogChanges changes = new CatalogChanges();
            unitOfWork.root().onPrepareCommit(u -> write(changes));
            return changes;
        });
    }

    void write(CatalogChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(target.writeLock()).query().listOfRows();
        changes.films.addAll(films.filmsOfPersons(changes.personsReachingFilms));
        changes.films.addAll(films.filmsOfGenres(changes.genresReachingFilms));
        changes.persons.addAll(persons.personsOfFilms(changes.filmsReachingPersons));
        long version = jdbc.sql("SELECT nextval('catalog_document_version_seq')").query(Long.class).single();

        List<BulkOperation> operations = new ArrayList<>();
        add(operations, FilmDocument.INDEX, changes.films, films::documents, version);
        add(operations, PersonDocument.INDEX, changes.persons, persons::documents, version);
        add(operations, GenreDocument.INDEX, changes.genres, genres::documents, version);
        if (operations.isEmpty()) {
            return;
        }
        try {
            if (target.live()) {
                for (SearchIndex index : List.of(FilmDocument.INDEX, PersonDocument.INDEX, GenreDocument.INDEX)) {
                    indices.ensure(index);
                }
            }
            Refresh refresh = target.live() ? Refresh.True : Refresh.False;
            BulkResponse response = client.bulk(b -> b.operations(operations).refresh(refresh));
            if (response.errors()) {
                response.items().stream().filter(CatalogDocuments::failed).findFirst().ifPresent(item -> {
                    throw new IllegalStateException("Elasticsearch refused " + item.index() + "/" + item.id()
                            + ": " + item.error().type() + " " + item.error().reason());
                });
            }
        } catch (IOException e) {
            // Unreachable Elasticsearch: the batch fails and the processor retries it with backoff.
            throw new UncheckedIOException(e);
        }
        if (target.live()) {
            listeners.forEach(listener -> listener.written(changes));
        }
        log.debug("{} wrote version {}: {} films, {} persons, {} genres", target.name(), version,
                changes.films.size(), changes.persons.size(), changes.genres.size());
    }

    private <T> void add(List<BulkOperation> operations, SearchIndex index, Set<UUID> ids,
                         Function<Set<UUID>, Map<UUID, T>> compute, long version) {
        Optional<String> writeName = target.writeName(index);
        if (writeName.isEmpty() || ids.isEmpty()) {
            return;
        }
        String alias = writeName.get();
        Map<UUID, T> documents = compute.apply(ids);
        for (UUID id : ids) {
            T document = documents.get(id);
            operations.add(document != null
                    ? BulkOperation.of(o -> o.index(i -> i.index(alias).id(id.toString()).document(document)
                            .version(version).versionType(VersionType.External).requireAlias(true)))
                    : BulkOperation.of(o -> o.delete(d -> d.index(alias).id(id.toString())
                            .version(version).versionType(VersionType.External))));
        }
    }

    /**
     * A refused write, other than a stale one (a newer version is there already: a redelivery). Deleting what is
     * gone is no error ({@code result: not_found}); a missing index or alias is, and fails the batch.
     */
    private static boolean failed(BulkResponseItem item) {
        return item.error() != null && !"version_conflict_engine_exception".equals(item.error().type());
    }
}
