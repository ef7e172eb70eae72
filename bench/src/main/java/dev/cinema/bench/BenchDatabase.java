package dev.cinema.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** The PostgreSQL database of the raw baselines, apart from the platform's own. */
final class BenchDatabase {

    static final String NAME = "cinema_bench";

    private BenchDatabase() {
    }

    static synchronized void create(Platform platform) throws Exception {
        try (Connection postgres = DriverManager.getConnection(platform.postgresUrl() + "postgres", "postgres", "");
             Statement statement = postgres.createStatement();
             ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + NAME);
            }
        }
    }
}
