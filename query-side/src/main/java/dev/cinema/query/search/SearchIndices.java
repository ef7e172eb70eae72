package dev.cinema.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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

    /** The version of {@code index} its alias points at (creating the first one when there is none). */
    public int liveVersion(SearchIndex index) throws IOException {
        ensure(index);
        String alias = alias(index);
        String concrete = client.indices().getAlias(a -> a.name(alias)).result().keySet().iterator().next();
        return versionOf(index, concrete).orElseThrow(() ->
                new IllegalStateException("Alias " + alias + " points at " + concrete + ", not a version of it"));
    }

    /**
     * Creates version {@code version} of {@code index} for a rebuild, empty, with the alias {@code buildAlias} to
     * write it through: refresh off and no replicas while it fills ({@link #finishBuild} restores them). A leftover
     * index of that version (an abandoned rebuild) is dropped first; clients go on reading the live version.
     */
    public void createForBuild(SearchIndex index, int version, String buildAlias) throws IOException {
        String concrete = concreteName(index, version);
        IndexSettings settings = settings(index, s -> s.numberOfReplicas("0").refreshInterval(t -> t.time("-1")));
        TypeMapping mappings = mappings(index);
        client.indices().delete(d -> d.index(concrete).ignoreUnavailable(true));
        client.indices().create(c -> c.index(concrete).settings(settings).mappings(mappings)
                .aliases(buildAlias, a -> a.isWriteIndex(true)));
        log.info("Created index {} to rebuild {}, written through {}", concrete, alias(index), buildAlias);
    }

    /** Gives a rebuilt index the live settings back (refresh interval, replicas) and makes everything in it visible. */
    public void finishBuild(SearchIndex index, int version) throws IOException {
        String concrete = concreteName(index, version);
        client.indices().putSettings(p -> p.index(concrete).settings(s -> s
                .numberOfReplicas(String.valueOf(properties.numberOfReplicas()))
                .refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(r -> r.index(concrete));
    }

    /**
     * Points each alias at its rebuilt version and drops the build aliases, in one atomic {@code _aliases} request:
     * readers see either all old versions or all new ones.
     *
     * @param versions   the rebuilt version of each index
     * @param buildAlias the build alias of an index, to remove
     */
    public void swap(Map<SearchIndex, Integer> versions, Function<SearchIndex, String> buildAlias) throws IOException {
        List<Action> actions = new ArrayList<>();
        List<String> swapped = new ArrayList<>();
        for (Map.Entry<SearchIndex, Integer> entry : versions.entrySet()) {
            SearchIndex index = entry.getKey();
            String alias = alias(index);
            String concrete = concreteName(index, entry.getValue());
            Optional<String> live = target(alias);
            if (live.isPresent() && live.get().equals(concrete)) {
                continue;
            }
            live.ifPresent(old -> actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias)))));
            actions.add(Action.of(a -> a.add(r -> r.index(concrete).alias(alias).isWriteIndex(true))));
            actions.add(Action.of(a -> a.remove(r -> r.index(concrete).alias(buildAlias.apply(index)))));
            swapped.add(alias + " -> " + concrete);
        }
        if (!actions.isEmpty()) {
            client.indices().updateAliases(u -> u.actions(actions));
            log.info("Swapped aliases: {}", String.join(", ", swapped));
        }
    }

    /** Drops every version of {@code index} other than {@code keep}. */
    public void dropVersionsOtherThan(SearchIndex index, int keep) throws IOException {
        for (String concrete : client.indices().get(g -> g.index(versionPattern(index))).result().keySet()) {
            if (versionOf(index, concrete).orElse(keep) != keep) {
                client.indices().delete(d -> d.index(concrete));
                log.info("Dropped index {}", concrete);
            }
        }
    }

    /** Drops version {@code version} of {@code index} (a cancelled or failed rebuild), if it exists. */
    public void dropVersion(SearchIndex index, int version) throws IOException {
        String concrete = concreteName(index, version);
        client.indices().delete(d -> d.index(concrete).ignoreUnavailable(true));
        log.info("Dropped index {}", concrete);
    }

    /** The concrete index {@code alias} points at now, or empty when it points nowhere. */
    public Optional<String> target(String alias) throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return Optional.empty();
        }
        return client.indices().getAlias(a -> a.name(alias)).result().keySet().stream().findFirst();
    }

    public String concreteName(SearchIndex index, int version) {
        return new SearchIndex(index.name(), version).concreteName(properties.indexPrefix());
    }

    private String versionPattern(SearchIndex index) {
        return properties.indexPrefix() + index.name() + "_v*";
    }

    private Optional<Integer> versionOf(SearchIndex index, String concrete) {
        String prefix = properties.indexPrefix() + index.name() + "_v";
        if (!concrete.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(concrete.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private IndexSettings settings(SearchIndex index, Function<IndexSettings.Builder, IndexSettings.Builder> adjust)
            throws IOException {
        try (InputStream settingsJson = resource(index.settingsResource())) {
            return IndexSettings.of(s -> adjust.apply(s.withJson(settingsJson)));
        }
    }

    private TypeMapping mappings(SearchIndex index) throws IOException {
        try (InputStream mappingsJson = resource(index.mappingsResource())) {
            return TypeMapping.of(m -> m.withJson(mappingsJson));
        }
    }

    private void create(SearchIndex index, String alias) throws IOException {
        String concrete = index.concreteName(properties.indexPrefix());
        IndexSettings settings = settings(index, s -> s.numberOfReplicas(String.valueOf(properties.numberOfReplicas())));
        TypeMapping mappings = mappings(index);
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
