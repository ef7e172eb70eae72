package dev.cinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Film search latency at 50 clients through query-side (token, Redis cache, Elasticsearch), cached (a few queries
 * asked again and again) and uncached (every query new: two title words and a random term), against the same
 * Elasticsearch query (multi_match best_fields with fuzziness, the same fields, page and source filter) sent
 * straight to Elasticsearch with the same query texts.
 */
final class SearchLatency {

    private static final List<String> FIELDS = List.of("title^3", "description", "actors_names", "writers_names", "directors_names");

    private final Platform platform;
    private final Settings settings;

    SearchLatency(Platform platform, Settings settings) {
        this.platform = platform;
        this.settings = settings;
    }

    List<Figure> measure() throws Exception {
        List<String> words = titleWords();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            repeated.add(words.get(i % words.size()));
        }
        String token = platform.userToken();
        List<Figure> figures = new ArrayList<>();
        for (boolean cached : List.of(true, false)) {
            String kind = cached ? "cached (10 queries repeated)" : "uncached (every query new)";
            String raw = "the same query straight to Elasticsearch";
            Figure p50 = new Figure("search latency", String.format("p50, %d clients, %s", settings.searchClients(), kind), "ms", raw, false);
            Figure p99 = new Figure("search latency", String.format("p99, %d clients, %s", settings.searchClients(), kind), "ms", raw, false);
            Figure rate = new Figure("search throughput", String.format("%d clients, %s", settings.searchClients(), kind), "req/s", raw, true);
            for (int run = 1; run <= settings.runs(); run++) {
                Load.Sample viaApi = Load.closed(String.format("search %s via API, run %d", cached ? "cached" : "uncached", run),
                        settings.searchClients(), settings.seconds(), (client, i) -> {
                            String query = cached ? repeated.get((int) (i % repeated.size())) : fresh(words);
                            platform.http().send("GET", platform.queryUrl() + "/movies/api/v1/films/search?page_size=50&query="
                                    + URLEncoder.encode(query, StandardCharsets.UTF_8), null, 200, "Authorization", Http.bearer(token));
                            return -1;
                        });
                Load.Sample direct = Load.closed(String.format("search %s straight to ES, run %d", cached ? "cached" : "uncached", run),
                        settings.searchClients(), settings.seconds(), (client, i) -> {
                            String query = cached ? repeated.get((int) (i % repeated.size())) : fresh(words);
                            platform.http().send("POST", platform.elasticsearchUrl() + "/films/_search", elasticsearchQuery(query), 200);
                            return -1;
                        });
                p50.platformRuns.add(viaApi.p50Millis());
                p99.platformRuns.add(viaApi.p99Millis());
                rate.platformRuns.add(viaApi.perSecond());
                p50.baselineRuns.add(direct.p50Millis());
                p99.baselineRuns.add(direct.p99Millis());
                rate.baselineRuns.add(direct.perSecond());
            }
            figures.addAll(List.of(p50, p99, rate));
        }
        return figures;
    }

    private static String fresh(List<String> words) {
        var random = ThreadLocalRandom.current();
        StringBuilder nonsense = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            nonsense.append((char) ('a' + random.nextInt(26)));
        }
        return words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(words.size())) + " " + nonsense;
    }

    private static String elasticsearchQuery(String text) throws Exception {
        return Http.JSON.writeValueAsString(Map.of(
                "query", Map.of("multi_match", Map.of("query", text, "fields", FIELDS, "type", "best_fields", "fuzziness", "AUTO")),
                "from", 0, "size", 50, "track_total_hits", true,
                "_source", Map.of("includes", List.of("id", "title", "imdb_rating"))));
    }

    /** Words of the catalogue's film titles, the vocabulary of the generated queries. */
    private List<String> titleWords() throws Exception {
        JsonNode hits = platform.http().json("POST", platform.elasticsearchUrl() + "/films/_search",
                "{\"size\":500,\"_source\":[\"title\"]}", 200).path("hits").path("hits");
        Set<String> words = new LinkedHashSet<>();
        hits.forEach(hit -> {
            for (String word : hit.path("_source").path("title").asText("").toLowerCase().split("[^\\p{L}\\p{N}]+")) {
                if (word.length() > 3) {
                    words.add(word);
                }
            }
        });
        if (words.isEmpty()) {
            throw new IllegalStateException("the films index is empty: load a catalogue first (make up, make import)");
        }
        return new ArrayList<>(words);
    }
}
