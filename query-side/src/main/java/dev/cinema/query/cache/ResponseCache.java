package dev.cinema.query.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.query.catalog.CatalogChangeListener;
import dev.cinema.query.catalog.CatalogChanges;
import dev.cinema.query.web.Page;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Caches the content API's answers in Redis and forgets exactly what a projection batch rewrote.
 *
 * <p>Every answer belongs to a scope with a generation counter: a detail to its document ({@code film:<id>};
 * a person's film list to {@code person:<id>}, whose document lists them), a list or search to its index
 * ({@code films}, {@code persons}, {@code genres}). A cached answer's key holds the generation read before the
 * answer was computed. {@code CatalogDocuments} reports each batch right after writing Elasticsearch (and before
 * the batch commits), and the cache bumps the generations of the documents written and of their indices' lists:
 * new requests miss, and an answer computed from the old state but stored after the bump sits under the old
 * generation, where nobody looks. Only successful answers are cached (a failed load throws through). With Redis
 * unreachable, requests are answered from Elasticsearch; the invalidation failing fails the batch, which the
 * processor retries, so the cache never keeps an answer older than the index. Entries expire after a TTL too.
 * A reindex's alias swap changes every answer at once: {@link #invalidateAll()} bumps one more generation,
 * {@code all}, that is part of every key.
 */
@Component
public class ResponseCache implements CatalogChangeListener {

    /** Computes an answer on a miss; exceptions (404, Elasticsearch down) pass through and nothing is stored. */
    @FunctionalInterface
    public interface Loader<T> {
        T load() throws IOException;
    }

    @ConfigurationProperties("cinema.cache")
    public record Properties(String keyPrefix, Duration ttl) {
        public Properties {
            keyPrefix = keyPrefix == null ? "cinema:query:" : keyPrefix;
            ttl = ttl == null ? Duration.ofMinutes(10) : ttl;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);
    private static final String ALL = "all";

    private final RedissonClient redisson;
    private final ObjectMapper json;
    private final Properties properties;

    public ResponseCache(RedissonClient redisson, ObjectMapper json, Properties properties) {
        this.redisson = redisson;
        this.json = json;
        this.properties = properties;
    }

    public static String document(String kind, UUID id) {
        return kind + ":" + id;
    }

    public <T> T get(String scope, String key, Class<T> type, Loader<T> loader) throws IOException {
        return cached(scope, key, json.constructType(type), loader);
    }

    public <T> Page<T> page(String scope, String key, Class<T> itemType, Loader<Page<T>> loader) throws IOException {
        return cached(scope, key, json.getTypeFactory().constructParametricType(Page.class, itemType), loader);
    }

    private <T> T cached(String scope, String key, JavaType type, Loader<T> loader) throws IOException {
        String entry;
        try {
            Map<String, String> generations = redisson.getBuckets(StringCodec.INSTANCE)
                    .get(generationKey(ALL), generationKey(scope));
            entry = properties.keyPrefix() + scope + ":" + generations.getOrDefault(generationKey(ALL), "0") + "."
                    + generations.getOrDefault(generationKey(scope), "0") + ":" + key;
            String hit = redisson.<String>getBucket(entry, StringCodec.INSTANCE).get();
            if (hit != null) {
                return json.readValue(hit, type);
            }
        } catch (RedisException e) {
            log.warn("Cache unavailable, answering from the index: {}", e.toString());
            return loader.load();
        }
        T answer = loader.load();
        try {
            redisson.getBucket(entry, StringCodec.INSTANCE).set(json.writeValueAsString(answer), properties.ttl());
        } catch (RedisException e) {
            log.warn("Could not cache {}: {}", entry, e.toString());
        }
        return answer;
    }

    @Override
    public void written(CatalogChanges changes) {
        RBatch batch = redisson.createBatch();
        bump(batch, "film", "films", changes.films());
        bump(batch, "person", "persons", changes.persons());
        bump(batch, "genre", "genres", changes.genres());
        batch.execute();
    }

    /** Forgets every cached answer (after a reindex swapped the indices under them). */
    public void invalidateAll() {
        redisson.getAtomicLong(generationKey(ALL)).incrementAndGet();
    }

    private void bump(RBatch batch, String kind, String index, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        batch.getAtomicLong(generationKey(index)).incrementAndGetAsync();
        ids.forEach(id -> batch.getAtomicLong(generationKey(document(kind, id))).incrementAndGetAsync());
    }

    private String generationKey(String scope) {
        return properties.keyPrefix() + "generation:" + scope;
    }
}
