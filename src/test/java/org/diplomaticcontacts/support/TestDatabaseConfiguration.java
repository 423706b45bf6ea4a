package org.diplomaticcontacts.support;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL every test runs on, always fresh and always migrated by the production Flyway
 * scripts: a Testcontainers PostgreSQL where a Docker engine answers, otherwise a new database
 * created on the server the configuration names (by default the local one at
 * 127.0.0.1:5432) and dropped when the test context closes. Each test context gets its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(DockerEngine.Available.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer("postgres:15-alpine");
    }

    @Bean
    @Conditional(DockerEngine.Missing.class)
    JdbcConnectionDetails freshDatabaseOnConfiguredServer(Environment environment) {
        return FreshDatabase.create(
                environment.getProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                environment.getProperty("spring.datasource.username", "postgres"),
                environment.getProperty("spring.datasource.password", ""));
    }
}
