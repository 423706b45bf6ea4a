package org.diplomaticcontacts.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A database of its own on an existing PostgreSQL server, for one test context: created empty
 * (Flyway then migrates it like production) and dropped when the context closes, so that test
 * runs never see each other's rows or leftovers.
 */
final class FreshDatabase implements JdbcConnectionDetails, DisposableBean {

    private final String serverUrl;
    private final String username;
    private final String password;
    private final String name;

    private FreshDatabase(String serverUrl, String username, String password, String name) {
        this.serverUrl = serverUrl;
        this.username = username;
        this.password = password;
        this.name = name;
    }

    static FreshDatabase create(String serverUrl, String username, String password) {
        String name = "dc_test_" + UUID.randomUUID().toString().replace("-", "");
        FreshDatabase database = new FreshDatabase(serverUrl, username, password, name);
        database.execute("create database " + name);
        return database;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getJdbcUrl() {
        return withDatabase(serverUrl, name);
    }

    String name() {
        return name;
    }

    @Override
    public void destroy() {
        // The connection pool closes before this bean (it depends on it); FORCE ends any straggler.
        execute("drop database if exists " + name + " with (force)");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException exception) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + serverUrl
                    + " (set spring.datasource.url/username/password to a PostgreSQL server)", exception);
        }
    }

    /** {@code jdbc:postgresql://host:5432/postgres?x=y} with its database replaced. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            return base + "/" + database + parameters;
        }
        return base.substring(0, slash + 1) + database + parameters;
    }
}
