package dev.cinema.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Creates the read models' indices when their alias is missing, and writes documents idempotently.
 *
 * <p>Indices are made at startup (before the event processors start) and, should Elasticsearch have been
 * down then, again by the first write. Writes go through the alias with {@code require_alias}, so a missing
 * alias fails the write instead of letting Elasticsearch auto-create a concrete index with dynamic mappings.
 */
@Component
public class SearchIndices implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SearchIndices.class);
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    private final ElasticsearchClient client;
    private final SearchProperties properties;
    private final List<SearchIndex> indices;
    private final Set<SearchIndex> ready = ConcurrentHashMap.newKeySet();

    public SearchIndices(ElasticsearchClient client, SearchProperties properties, List<SearchIndex> indices) {
        this.client = client;
        this.properties = properties;
        this.indices = indices;
    }

    /** The alias that queries and projectors use for {@code index}. */
    public String alias(SearchIndex index) {
        return index.alias(properties.indexPrefix());
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (SearchIndex index : indices) {
            try {
                ensure(index);
            } catch (IOException | RuntimeException e) {
                // Not fatal: the app starts (readiness shows Elasticsearch down) and the first write retries.
                log.warn("Could not check or create the index for alias {} at startup: {}", alias(index), e.toString());
            }
        }
    }

    /** Creates {@code <alias>_v<version>} with the alias unless the alias exists already. Cheap once done. */
    public void ensure(SearchIndex index) throws IOException {
        if (ready.contains(index)) {
            return;
        }
        synchronized (this) {
            if (ready.contains(index)) {
                return;
            }
            String alias = alias(index);
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                create(index, alias);
            }
            ready.add(index);
        }
    }

    private void create(SearchIndex index, String alias) throws IOException {
        String concrete = index.concreteName(properties.indexPrefix());
        IndexSettings settings;
        TypeMapping mappings;
        try (InputStream settingsJson = resource(index.settingsResource());
             InputStream mappingsJson = resource(index.mappingsResource())) {
            settings = IndexSettings.of(s -> s.withJson(settingsJson)
                    .numberOfReplicas(String.valueOf(properties.numberOfReplicas())));
            mappings = TypeMapping.of(m -> m.withJson(mappingsJson));
        }
        try {
            client.indices().create(c -> c.index(concrete).settings(settings).mappings(mappings)
                    .aliases(alias, a -> a.isWriteIndex(true)));
            log.info("Created index {} with alias {}", concrete, alias);
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            // Another instance created it at the same moment (alias included), or the alias was removed by hand.
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                client.indices().putAlias(a -> a.index(concrete).name(alias).isWriteIndex(true));
                log.info("Pointed alias {} at the existing index {}", alias, concrete);
            }
        }
    }

    private static InputStream resource(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing index definition " + path, e);
        }
    }

    /**
     * Indexes {@code document} under {@code id} with external versioning: Elasticsearch keeps the document only
     * when {@code version} is higher than the stored one. Use the aggregate's sequence number of the event, so a
     * redelivered or older event changes nothing.
     *
     * @return false when the stored document is already at {@code version} or newer (nothing written)
     * @throws IOException when Elasticsearch cannot be reached; other failures as {@link ElasticsearchException}
     */
    public boolean indexVersioned(SearchIndex index, String id, Object document, long version) throws IOException {
        ensure(index);
        try {
            client.index(i -> i.index(alias(index)).id(id).document(document)
                    .versionType(VersionType.External).version(version).requireAlias(true));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409 && VERSION_CONFLICT.equals(e.error().type())) {
                return alreadyApplied(index, id, version);
            }
            throw e;
        } catch (ResponseException e) {
            // The rest-client transport turns only 400/401/403/404/405 into ElasticsearchException; a 409 comes
            // as the low-level client's ResponseException (elastic/elasticsearch-java#285).
            if (e.getResponse().getStatusLine().getStatusCode() == 409 && e.getMessage().contains(VERSION_CONFLICT)) {
                return alreadyApplied(index, id, version);
            }
            throw e;
        }
    }

    private boolean alreadyApplied(SearchIndex index, String id, long version) {
        log.debug("{}/{} is already at version {} or newer; skipped", alias(index), id, version);
        return false;
    }
}
