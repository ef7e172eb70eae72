package dev.cinema.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Commands per second through command-side's REST API into the event store (POST a person: one PersonCreated event,
 * written by Axon in its own transaction) at 1 and 16 clients, against single-row INSERTs of rows of the same
 * size into a table shaped like {@code domain_event_entry}, autocommit, over 1 and 16 JDBC connections. The raw
 * table lives in the database {@code cinema_bench}, never in the platform's.
 */
final class CommandThroughput {

    private final Platform platform;
    private final Settings settings;

    CommandThroughput(Platform platform, Settings settings) {
        this.platform = platform;
        this.settings = settings;
    }

    List<Figure> measure() throws Exception {
        int[] rowSize = eventRowSize();
        BenchDatabase.create(platform);
        try (Connection admin = DriverManager.getConnection(platform.postgresUrl() + BenchDatabase.NAME, "postgres", "")) {
            try (Statement ddl = admin.createStatement()) {
                ddl.execute("""
                        CREATE TABLE IF NOT EXISTS bench_event_entry (
                          global_index bigserial PRIMARY KEY, event_identifier varchar(255) NOT NULL UNIQUE,
                          aggregate_identifier varchar(255) NOT NULL, sequence_number bigint NOT NULL, type varchar(255),
                          meta_data bytea, payload bytea NOT NULL, payload_revision varchar(255),
                          payload_type varchar(255) NOT NULL, time_stamp varchar(255) NOT NULL,
                          UNIQUE (aggregate_identifier, sequence_number))""");
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (int clients : settings.commandClients()) {
            Figure figure = new Figure("command throughput", clients + (clients == 1 ? " client" : " clients")
                    + ": POST person → event store", "cmd/s",
                    String.format("single-row INSERT (%d+%d bytes payload+metadata), autocommit, %d JDBC connection%s",
                            rowSize[0], rowSize[1], clients, clients == 1 ? "" : "s"), true);
            for (int run = 1; run <= settings.runs(); run++) {
                String token = platform.adminToken();
                String prefix = "Bench " + Long.toString(System.nanoTime(), 36);
                Load.Sample commands = Load.closed(String.format("commands, %d clients, run %d", clients, run), clients,
                        settings.seconds(), (client, i) -> {
                            platform.http().send("POST", platform.commandUrl() + "/admin/api/v1/persons",
                                    Http.JSON.writeValueAsString(Map.of("fullName", prefix + " " + client + "-" + i)), 201,
                                    "Authorization", Http.bearer(token));
                            return -1;
                        });
                figure.platformRuns.add(commands.perSecond());
                figure.baselineRuns.add(rawInserts(clients, run, rowSize).perSecond());
            }
            figures.add(figure);
        }
        return figures;
    }

    private Load.Sample rawInserts(int clients, int run, int[] rowSize) throws Exception {
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> statements = new ArrayList<>();
        byte[] payload = new byte[rowSize[0]];
        byte[] metadata = new byte[rowSize[1]];
        java.util.Arrays.fill(payload, (byte) 'p');
        java.util.Arrays.fill(metadata, (byte) 'm');
        try {
            for (int c = 0; c < clients; c++) {
                Connection connection = DriverManager.getConnection(platform.postgresUrl() + BenchDatabase.NAME, "postgres", "");
                connections.add(connection);
                statements.add(connection.prepareStatement("""
                        INSERT INTO bench_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                          meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, ?, 0, 'Person', ?, ?, NULL, 'dev.cinema.contracts.catalog.person.PersonCreated', ?)"""));
            }
            return Load.closed(String.format("raw INSERTs, %d connections, run %d", clients, run), clients, settings.seconds(),
                    (client, i) -> {
                        PreparedStatement insert = statements.get(client);
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setBytes(3, metadata);
                        insert.setBytes(4, payload);
                        insert.setString(5, Instant.now().toString());
                        insert.executeUpdate();
                        return -1;
                    });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** Average payload and metadata sizes of the platform's PersonCreated events (read only). */
    private int[] eventRowSize() throws Exception {
        try (Connection store = DriverManager.getConnection(platform.postgresUrl() + settings.eventStore(), "postgres", "");
             Statement query = store.createStatement();
             ResultSet sizes = query.executeQuery("""
                     SELECT coalesce(avg(length(payload)), 80)::int, coalesce(avg(length(meta_data)), 250)::int
                     FROM (SELECT payload, meta_data FROM domain_event_entry
                           WHERE payload_type LIKE '%PersonCreated' ORDER BY global_index DESC LIMIT 1000) recent""")) {
            sizes.next();
            return new int[] {sizes.getInt(1), sizes.getInt(2)};
        }
    }
}
