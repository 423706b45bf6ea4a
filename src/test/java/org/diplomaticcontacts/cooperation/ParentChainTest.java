package org.diplomaticcontacts.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.diplomaticcontacts.support.LockWaits.awaitWaitingForALock;
import static org.diplomaticcontacts.support.LockWaits.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A chain of parents always ends (V39): two writes moving two records under each other at the
 * same time each pass their own check, and the second to commit is refused.
 */
@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY, "diplomatic-contacts.test.context=parent-chain"})
class ParentChainTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoAreasMovedUnderEachOtherAtOnceCannotBothCommit() throws SQLException {
        jdbc.sql("insert into cooperation_areas (code, name) values ('race-x', 'X'), ('race-y', 'Y')").update();

        raceToACycle("update cooperation_areas set parent_code = 'race-y' where code = 'race-x'",
                "update cooperation_areas set parent_code = 'race-x' where code = 'race-y'");

        assertThat(areaParent("race-x")).isEqualTo("race-y");
        assertThat(areaParent("race-y")).as("the second move was refused").isNull();
    }

    @Test
    void twoOrganizationsMovedUnderEachOtherAtOnceCannotBothCommit() throws SQLException {
        long x = insertOrganization("Race X");
        long y = insertOrganization("Race Y");

        raceToACycle("update organizations set parent_id = " + y + " where id = " + x,
                "update organizations set parent_id = " + x + " where id = " + y);

        assertThat(organizationParent(x)).isEqualTo(y);
        assertThat(organizationParent(y)).as("the second move was refused").isNull();
    }

    @Test
    void aParentSwappedInOneTransactionPassesThroughACycleAndIsKept() throws SQLException {
        jdbc.sql("insert into cooperation_areas (code, name) values ('swap-top', 'Top')").update();
        jdbc.sql("insert into cooperation_areas (code, name, parent_code) values ('swap-sub', 'Sub', 'swap-top')")
                .update();

        try (Connection swapping = dataSource.getConnection()) {
            swapping.setAutoCommit(false);
            execute(swapping, "update cooperation_areas set parent_code = 'swap-sub' where code = 'swap-top'");
            execute(swapping, "update cooperation_areas set parent_code = null where code = 'swap-sub'");
            swapping.commit();
        }

        assertThat(areaParent("swap-top")).isEqualTo("swap-sub");
        assertThat(areaParent("swap-sub")).isNull();
    }

    /**
     * An admin's move, checked against what was committed, commits after another transaction's
     * move that makes it a cycle: the trigger refuses it at commit, and the admin gets a 422, not
     * a 500, with nothing changed.
     */
    @Test
    void anAreaMovedByAnAdminWhileTheOppositeMoveCommitsIsA422() throws Exception {
        jdbc.sql("insert into cooperation_areas (code, name) values ('api-x', 'X'), ('api-y', 'Y')").update();
        Api api = new Api(port);
        String etag = api.get("/api/v1/cooperation-areas/api-y").send().header("ETag").orElseThrow();
        CompletableFuture<Api.Reply> moving;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            execute(other, "update cooperation_areas set parent_code = 'api-y' where code = 'api-x'");
            // the other transaction has reached its commit-time check: it holds the lock the admin's check waits for
            execute(other, "select pg_advisory_xact_lock(hashtext('cooperation_areas.parent_code'))");
            moving = CompletableFuture.supplyAsync(() -> api.put("/api/v1/cooperation-areas/api-y").admin()
                    .header("If-Match", etag).json("{\"name\": \"Y\", \"parentCode\": \"api-x\"}").send());
            awaitWaitingForALock(jdbc, moving, 1);
            other.commit();
        }
        Api.Reply reply = moving.get(30, TimeUnit.SECONDS);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.isProblem()).isTrue();
        assertThat(areaParent("api-y")).isNull();
        assertThat(areaParent("api-x")).isEqualTo("api-y");
    }

    /** Runs both moves uncommitted at once, then commits them in order: V39 refuses the second (DC001). */
    private void raceToACycle(String firstMove, String secondMove) throws SQLException {
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            execute(first, firstMove);
            execute(second, secondMove);
            first.commit();
            assertThatThrownBy(second::commit).isInstanceOfSatisfying(SQLException.class,
                    refused -> assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("DC001"));
            second.rollback();
        }
    }

    private long insertOrganization(String name) {
        return jdbc.sql("insert into organizations (name, kind) values (:name, 'OTHER') returning id")
                .param("name", name).query(Long.class).single();
    }

    private String areaParent(String code) {
        return jdbc.sql("select parent_code from cooperation_areas where code = :code").param("code", code)
                .query(String.class).list().get(0);
    }

    private Long organizationParent(long id) {
        return jdbc.sql("select parent_id from organizations where id = :id").param("id", id)
                .query(Long.class).list().get(0);
    }
}
