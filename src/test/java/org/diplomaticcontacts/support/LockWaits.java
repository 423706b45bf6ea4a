package org.diplomaticcontacts.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.simple.JdbcClient;

/** For tests of writes that wait for one another: a statement in a session of one's own, and the wait for a lock. */
public final class LockWaits {

    private LockWaits() {
    }

    /** Runs one statement on a connection the test holds (its transaction left open, if it has one). */
    public static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    /**
     * Until {@code sessions} sessions of this database wait for a lock, or the work has finished
     * anyway (then the test's assertions say what went wrong); at most 10 seconds.
     */
    public static void awaitWaitingForALock(JdbcClient jdbc, Future<?> work, int sessions)
            throws InterruptedException {
        for (int attempt = 0; attempt < 200 && !work.isDone(); attempt++) {
            long waiting = jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'""").query(Long.class).single();
            if (waiting >= sessions) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
