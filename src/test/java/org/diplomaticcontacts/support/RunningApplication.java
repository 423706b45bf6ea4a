package org.diplomaticcontacts.support;

import java.util.ArrayList;
import java.util.List;

import org.diplomaticcontacts.DiplomaticContactsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole application started by hand, for test engines that Spring's test context does not
 * drive (jqwik): a random port, a fresh database on the local PostgreSQL migrated by Flyway,
 * both gone on {@link #close()}.
 */
public final class RunningApplication implements AutoCloseable {

    private final FreshDatabase database;
    private final ConfigurableApplicationContext context;

    private RunningApplication(FreshDatabase database, ConfigurableApplicationContext context) {
        this.database = database;
        this.context = context;
    }

    public static RunningApplication start(String... properties) {
        String server = System.getProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        FreshDatabase database = FreshDatabase.create(server, "postgres", "");
        List<String> all = new ArrayList<>(List.of("server.port=0", "spring.datasource.url=" + database.getJdbcUrl(),
                "spring.datasource.username=postgres", "spring.datasource.password="));
        all.addAll(List.of(properties));
        try {
            // as command-line arguments: they must outrank application.yaml (builder "properties"
            // are mere defaults, and would leave the application on the configured database)
            ConfigurableApplicationContext context = new SpringApplicationBuilder(DiplomaticContactsApplication.class)
                    .run(all.stream().map(property -> "--" + property).toArray(String[]::new));
            return new RunningApplication(database, context);
        }
        catch (RuntimeException failed) {
            database.destroy();
            throw failed;
        }
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    @Override
    public void close() {
        context.close();
        database.destroy();
    }
}
