package org.diplomaticcontacts.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Predicate;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** PostgreSQL going away: fail fast with 503, say so in health, and come back without a restart. */
@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY, "diplomatic-contacts.test.context=database-down"})
class DatabaseDownTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcConnectionDetails database;

    @Test
    void whileTheDatabaseIsAwayReadsFailFastWith503AndHealthIsDownAndBothRecoverByThemselves() throws Exception {
        Api api = new Api(port);
        assertThat(api.get("/api/v1/meetings/1").send().status()).isEqualTo(200);
        String url = database.getJdbcUrl();
        String name = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        String serverUrl = url.replace("/" + name, "/postgres");
        assertThat(name).startsWith("dc_test_");

        try (Connection admin = DriverManager.getConnection(serverUrl, database.getUsername(), database.getPassword());
                Statement sql = admin.createStatement()) {
            try {
                sql.execute("alter database " + name + " allow_connections false");
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name
                        + "' and pid <> pg_backend_pid()");

                long started = System.nanoTime();
                Api.Reply read = api.get("/api/v1/meetings/1").send();
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(read.status()).as(read.toString()).isEqualTo(503);
                assertThat(read.isProblem()).isTrue();
                assertThat(read.json().get("status").asInt()).isEqualTo(503);
                assertThat(read.header("Retry-After")).isPresent();
                assertThat(took).as("fails fast").isLessThan(Duration.ofMillis(3500));

                Api.Reply list = api.get("/api/v1/meetings?q=schneider").send();
                assertThat(list.status()).as(list.toString()).isEqualTo(503);
                assertThat(list.isProblem()).isTrue();

                Api.Reply write = api.post("/api/v1/cooperation-areas").admin()
                        .json("{\"code\": \"while-down\", \"name\": \"While down\"}").send();
                assertThat(write.status()).as(write.toString()).isEqualTo(503);
                assertThat(write.isProblem()).isTrue();

                // the key is claimed in PostgreSQL before the request runs
                Api.Reply keyed = api.post("/api/v1/cooperation-areas").admin().header("Idempotency-Key", "while-down")
                        .json("{\"code\": \"while-down\", \"name\": \"While down\"}").send();
                assertThat(keyed.status()).as(keyed.toString()).isEqualTo(503);
                assertThat(keyed.isProblem()).isTrue();
                assertThat(keyed.header("Retry-After")).isPresent();

                Api.Reply health = api.get("/actuator/health").send();
                assertThat(health.status()).as(health.toString()).isEqualTo(503);
                assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
            }
            finally {
                sql.execute("alter database " + name + " allow_connections true");
            }
        }

        Api.Reply recovered = poll(() -> api.get("/api/v1/meetings/1").send(), reply -> reply.status() == 200);
        assertThat(recovered.status()).as("reads recover: " + recovered).isEqualTo(200);
        Api.Reply health = poll(() -> api.get("/actuator/health").send(), reply -> reply.status() == 200);
        assertThat(health.status()).as("health recovers: " + health).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/api/v1/cooperation-areas/while-down").send().status()).isEqualTo(404);
    }

    private static Api.Reply poll(java.util.function.Supplier<Api.Reply> call, Predicate<Api.Reply> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Api.Reply reply = call.get();
        while (!done.test(reply) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            reply = call.get();
        }
        return reply;
    }

}
