package dev.cinema.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How long after a command's answer its change is visible in the query side, at a steady command rate: POST a
 * person, then GET it from query-side with the answer's {@code X-Consistency-Token} (query-side holds the request
 * until its projection has passed that event). The raw baseline is the floor of any write-then-read path through
 * the same servers: a PostgreSQL INSERT committed, then the document indexed into Elasticsearch and read back by
 * id (real-time GET), at the same rate.
 */
final class ProjectionDelay {

    private static final int CLIENTS = 16;

    private final Platform platform;
    private final Settings settings;

    ProjectionDelay(Platform platform, Settings settings) {
        this.platform = platform;
        this.settings = settings;
    }

    List<Figure> measure() throws Exception {
        String describe = String.format("at %.0f commands/s: 201 → visible in query-side", settings.projectionRate());
        String raw = "INSERT committed → ES index + GET by id, same rate";
        Figure p50 = new Figure("projection delay", "p50 " + describe, "ms", raw, false);
        Figure p99 = new Figure("projection delay", "p99 " + describe, "ms", raw, false);
        BenchDatabase.create(platform);
        String index = "bench_projection_raw";
        platform.http().send("PUT", platform.elasticsearchUrl() + "/" + index,
                "{\"settings\":{\"number_of_replicas\":0}}", 0);
        for (int run = 1; run <= settings.runs(); run++) {
            String token = platform.adminToken();
            String prefix = "Bench delay " + Long.toString(System.nanoTime(), 36);
            Load.Sample platformRun = Load.steady("projection delay, run " + run, CLIENTS, settings.seconds(),
                    settings.projectionRate(), (client, i) -> {
                        HttpResponse<String> created = platform.http().send("POST", platform.commandUrl() + "/admin/api/v1/persons",
                                Http.JSON.writeValueAsString(Map.of("fullName", prefix + " " + client + "-" + i)), 201,
                                "Authorization", Http.bearer(token));
                        long written = System.nanoTime();
                        String id = Http.JSON.readTree(created.body()).get("id").asText();
                        String position = created.headers().firstValue("X-Consistency-Token").orElseThrow();
                        platform.http().send("GET", platform.queryUrl() + "/movies/api/v1/persons/" + id, null, 200,
                                "X-Consistency-Token", position);
                        return System.nanoTime() - written;
                    });
            p50.platformRuns.add(platformRun.p50Millis());
            p99.platformRuns.add(platformRun.p99Millis());
            Load.Sample rawRun = rawRun(run, index);
            p50.baselineRuns.add(rawRun.p50Millis());
            p99.baselineRuns.add(rawRun.p99Millis());
        }
        platform.http().send("DELETE", platform.elasticsearchUrl() + "/" + index, null, 0);
        return List.of(p50, p99);
    }

    private Load.Sample rawRun(int run, String index) throws Exception {
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> inserts = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                Connection connection = DriverManager.getConnection(platform.postgresUrl() + BenchDatabase.NAME, "postgres", "");
                if (c == 0) {
                    try (Statement ddl = connection.createStatement()) {
                        ddl.execute("CREATE TABLE IF NOT EXISTS bench_person (id uuid PRIMARY KEY, full_name text NOT NULL)");
                    }
                }
                connections.add(connection);
                inserts.add(connection.prepareStatement("INSERT INTO bench_person (id, full_name) VALUES (?, ?)"));
            }
            return Load.steady("raw write → visible, run " + run, CLIENTS, settings.seconds(), settings.projectionRate(),
                    (client, i) -> {
                        UUID id = UUID.randomUUID();
                        PreparedStatement insert = inserts.get(client);
                        insert.setObject(1, id);
                        insert.setString(2, "Bench raw " + client + "-" + i);
                        insert.executeUpdate();
                        long written = System.nanoTime();
                        platform.http().send("PUT", platform.elasticsearchUrl() + "/" + index + "/_doc/" + id,
                                Http.JSON.writeValueAsString(Map.of("id", id.toString(), "full_name", "Bench raw " + i)), 201);
                        platform.http().send("GET", platform.elasticsearchUrl() + "/" + index + "/_doc/" + id, null, 200);
                        return System.nanoTime() - written;
                    });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
