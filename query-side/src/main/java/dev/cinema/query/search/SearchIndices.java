package dev.cinema.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Creates the read models' indices when their alias is missing.
 *
 * <p>Indices are made at startup (before the event processors start) and, should Elasticsearch have been
 * down then, again by the first write. Writes go through the alias with {@code require_alias}, so a missing
 * alias fails the write instead of letting Elasticsearch auto-create a concrete index with dynamic mappings
 * (documents are written by {@code CatalogDocuments}).
 */
@Component
public class SearchIndices implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SearchIndices.class);

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
}
