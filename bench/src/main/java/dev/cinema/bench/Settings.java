package dev.cinema.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * How long and how hard to measure (command line {@code --name=value}; defaults are the full run of
 * {@code make bench}; {@code make bench-short} uses small ones).
 *
 * @param runs           runs of each measure, platform and baseline alternating (medians reported)
 * @param seconds        length of one run of a load benchmark
 * @param only           which benchmarks: commands, projection, search, ugc, reindex
 * @param eventStore     the platform's PostgreSQL database (read only: event sizes and counts)
 * @param reindexStore   the database of the query-side that the reindex benchmark drives (its own catalogue)
 */
record Settings(int runs, double seconds, Set<String> only, int[] commandClients, double projectionRate,
                int searchClients, int ugcClients, int ugcBatch, double ugcDelayRate, String eventStore,
                String reindexStore, String clickHouseDatabase, String name) {

    static final Set<String> ALL = Set.of("commands", "projection", "search", "ugc", "reindex");

    static Settings from(Map<String, String> options) {
        return new Settings(
                Integer.parseInt(options.getOrDefault("runs", "3")),
                Double.parseDouble(options.getOrDefault("seconds", "20")),
                Set.of(options.getOrDefault("only", "commands,projection,search,ugc,reindex").split(",")),
                Arrays.stream(options.getOrDefault("command-clients", "1,16").split(",")).mapToInt(Integer::parseInt).toArray(),
                Double.parseDouble(options.getOrDefault("projection-rate", "20")),
                Integer.parseInt(options.getOrDefault("search-clients", "50")),
                Integer.parseInt(options.getOrDefault("ugc-clients", "8")),
                Integer.parseInt(options.getOrDefault("ugc-batch", "100")),
                Double.parseDouble(options.getOrDefault("ugc-delay-rate", "10")),
                options.getOrDefault("event-store", "cinema"),
                options.getOrDefault("reindex-store", "cinema_reindex_bench"),
                options.getOrDefault("clickhouse-database", "cinema"),
                options.get("name"));
    }

    boolean runs(String benchmark) {
        return only.contains(benchmark);
    }

    String describe() {
        return String.format("%d runs of %.0f s, command clients %s, projection at %.0f commands/s, search %d clients,"
                        + " UGC %d clients × %d events per request, delay sampled at %.0f requests/s",
                runs, seconds, Arrays.toString(commandClients), projectionRate, searchClients, ugcClients, ugcBatch, ugcDelayRate);
    }
}
