package dev.cinema.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code make bench}: measures the running platform (make up) against raw baselines and writes the table to
 * bench/results/&lt;date&gt;.md. Options as {@code --name=value}: see {@link Settings} and {@link Platform};
 * bench/README.md explains them.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Settings settings = Settings.from(options);
        Platform platform = Platform.from(options);
        Path out = Path.of(options.getOrDefault("out", "bench/results"));
        List<Figure> figures = new ArrayList<>();
        System.err.println("Benchmarks: " + settings.describe());
        try {
            if (settings.runs("commands")) {
                figures.addAll(new CommandThroughput(platform, settings).measure());
            }
            if (settings.runs("projection")) {
                figures.addAll(new ProjectionDelay(platform, settings).measure());
            }
            if (settings.runs("search")) {
                figures.addAll(new SearchLatency(platform, settings).measure());
            }
            if (settings.runs("ugc")) {
                figures.addAll(new UgcIngest(platform, settings).measure());
            }
            if (settings.runs("reindex")) {
                // The query-side of the reindex store (bench.sh reindex-store), unless told otherwise.
                Map<String, String> reindexOptions = new HashMap<>(options);
                reindexOptions.put("query-url", options.getOrDefault("query-url-for-reindex", platform.queryUrl()));
                figures.addAll(new Reindex(Platform.from(reindexOptions), settings,
                        options.getOrDefault("reindex-index-prefix", "bench_")).measure());
            }
        } finally {
            if (!figures.isEmpty()) {
                Path file = Results.write(out, settings.name(), figures, settings.describe(), options.get("note"));
                System.err.println("Results: " + file);
                System.out.print(java.nio.file.Files.readString(file));
            }
        }
        System.exit(0);
    }
}
