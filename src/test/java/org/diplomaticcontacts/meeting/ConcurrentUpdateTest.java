package org.diplomaticcontacts.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diplomaticcontacts.support.LockWaits.awaitWaitingForALock;
import static org.diplomaticcontacts.support.LockWaits.execute;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.diplomaticcontacts.support.Api;
import org.diplomaticcontacts.support.IntegrationTest;
import org.diplomaticcontacts.support.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** Many admins at once: no update is lost, no POST happens twice. */
@IntegrationTest
@TestPropertySource(properties = {TestLogins.PASSWORD_PROPERTY, "diplomatic-contacts.test.context=concurrent-writes"})
class ConcurrentUpdateTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    Api api;
    ExecutorService pool;

    @BeforeEach
    void start() {
        api = new Api(port);
        pool = Executors.newFixedThreadPool(20);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Runs all calls at once behind a start gate and returns their replies in order. */
    private List<Api.Reply> allAtOnce(List<Callable<Api.Reply>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Api.Reply>> futures = new ArrayList<>();
        for (Callable<Api.Reply> call : calls) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                gate.await();
                return call.call();
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        gate.countDown();
        List<Api.Reply> replies = new ArrayList<>();
        for (Future<Api.Reply> future : futures) {
            replies.add(future.get(60, TimeUnit.SECONDS));
        }
        return replies;
    }

    @Test
    void twentyConcurrentUpdatesWithTheSameETagLetExactlyOneWinAndNoUpdateIsLost() throws Exception {
        Api.Reply created = api.post("/api/v1/meetings").admin()
                .json(MeetingWriteTest.meeting("Race start", "2019-05-02", List.of(Map.of("officialId", 1)))).send();
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String etag = created.header("ETag").orElseThrow();

        List<Callable<Api.Reply>> updates = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            String title = "Racer " + n;
            updates.add(() -> api.put("/api/v1/meetings/" + id).admin().header("If-Match", etag)
                    .json(MeetingWriteTest.meeting(title, "2019-05-02",
                            List.of(Map.of("officialId", 1), Map.of("officialId", 2))))
                    .send());
        }
        List<Api.Reply> replies = allAtOnce(updates);

        assertThat(replies).extracting(Api.Reply::status).as(replies.toString())
                .containsOnly(200, 412).filteredOn(status -> status == 200).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 412).hasSize(19)
                .allSatisfy(reply -> assertThat(reply.isProblem()).isTrue());
        Api.Reply winner = replies.stream().filter(reply -> reply.status() == 200).findFirst().orElseThrow();
        JsonNode stored = api.get("/api/v1/meetings/" + id).send().json();
        assertThat(stored.get("title").asString()).isEqualTo(winner.json().get("title").asString());
        assertThat(stored.get("participants")).hasSize(2);
        List<String> actions = api.get("/api/v1/meetings/" + id + "/history").send().json().valueStream()
                .map(entry -> entry.get("action").asString()).toList();
        assertThat(actions).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void concurrentRetriesOfOnePostWithAnIdempotencyKeyCreateOneMeeting() throws Exception {
        String key = "create-retry-" + System.nanoTime();
        String body = Api.JSON.writeValueAsString(
                MeetingWriteTest.meeting("Idempotent summit", "2021-06-01", List.of(Map.of("officialId", 3))));

        List<Callable<Api.Reply>> posts = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            posts.add(() -> api.post("/api/v1/meetings").admin().header("Idempotency-Key", key).json(body).send());
        }
        List<Api.Reply> replies = allAtOnce(posts);

        // which retries find the first still running (409) and which find it answered (a replayed 201)
        // depends on timing; either way each answer is one of the two
        assertThat(replies).extracting(Api.Reply::status).as(replies.toString()).isSubsetOf(201, 409);
        List<Api.Reply> createdReplies = replies.stream().filter(reply -> reply.status() == 201).toList();
        assertThat(createdReplies).isNotEmpty();
        long id = createdReplies.get(0).json().get("id").asLong();
        assertThat(createdReplies).allSatisfy(reply -> assertThat(reply.json().get("id").asLong()).isEqualTo(id));
        assertThat(createdReplies.stream().filter(reply -> reply.header("Idempotent-Replayed").isEmpty()))
                .as("exactly one original answer").hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 409)
                .allSatisfy(reply -> assertThat(reply.isProblem()).isTrue());
        assertThat(api.get("/api/v1/meetings?q=idempotent+summit").send().json().at("/page/totalElements").asLong())
                .isEqualTo(1);

        Api.Reply replay = api.post("/api/v1/meetings").admin().header("Idempotency-Key", key).json(body).send();
        Api.Reply original = createdReplies.stream().filter(reply -> reply.header("Idempotent-Replayed").isEmpty())
                .findFirst().orElseThrow();
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(original.body());
        assertThat(replay.header("Location")).isEqualTo(original.header("Location")).isPresent();
        assertThat(replay.header("ETag")).isEqualTo(original.header("ETag"));

        String otherBody = body.replace("Idempotent summit", "Another summit");
        Api.Reply misuse = api.post("/api/v1/meetings").admin().header("Idempotency-Key", key).json(otherBody).send();
        assertThat(misuse.status()).isEqualTo(422);
        assertThat(misuse.isProblem()).isTrue();
        assertThat(api.get("/api/v1/meetings?q=another+summit").send().json().at("/page/totalElements").asLong())
                .isZero();

        // kept in PostgreSQL, not in memory: a restarted instance still knows the key
        assertThat(jdbc.sql("select state from idempotency_keys where principal = 'admin' and idempotency_key = ?")
                .param(key).query(String.class).single()).isEqualTo("COMPLETED");
        assertThat(api.get("/api/v1/meetings/" + id).send().status()).isEqualTo(200);
    }

    /**
     * A meeting created as related to one that another write is changing: both sides of the
     * relation are stored, so the new meeting waits for that write and then relates to the
     * meeting as it committed it, instead of failing the other's version check with a 412.
     */
    @Test
    void aMeetingRelatedToOneBeingChangedWaitsForTheChangeInsteadOfFailing() throws Exception {
        long other = MeetingWriteTest.created(api.post("/api/v1/meetings").admin()
                .json(MeetingWriteTest.meeting("Talks changed meanwhile", "2021-06-03",
                        List.of(Map.of("officialId", 3))))
                .send()).json().get("id").asLong();
        String body = Api.JSON.writeValueAsString(Map.of("kind", "CALL", "title", "Follow-up of changed talks",
                "date", "2021-06-04", "participants", List.of(Map.of("officialId", 3)),
                "relatedMeetingIds", List.of(other)));

        CompletableFuture<Api.Reply> relating;
        try (Connection changing = dataSource.getConnection()) {
            changing.setAutoCommit(false);
            execute(changing, "update meetings set version = version + 1, summary = 'Changed' where id = " + other);
            relating = CompletableFuture.supplyAsync(() -> api.post("/api/v1/meetings").admin().json(body).send());
            awaitWaitingForALock(jdbc, relating, 1);
            changing.commit();
        }
        Api.Reply reply = relating.get(30, TimeUnit.SECONDS);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode stored = api.get("/api/v1/meetings/" + other).send().json();
        assertThat(stored.get("summary").asString()).isEqualTo("Changed");
        assertThat(stored.at("/relatedMeetings/0/id").asLong()).isEqualTo(reply.json().get("id").asLong());
    }

    /**
     * An update that sends {@code If-Match: *} ("whatever is there") while another write changes
     * the meeting: the meeting is locked before it is read, so the update waits, reads what the
     * other committed and wins, instead of failing a version check on what it read before.
     */
    @Test
    void anUpdateOfWhateverIsThereWaitsForAConcurrentChangeInsteadOfFailing() throws Exception {
        long meeting = MeetingWriteTest.created(api.post("/api/v1/meetings").admin()
                .json(MeetingWriteTest.meeting("Talks being changed", "2021-06-05", List.of(Map.of("officialId", 3))))
                .send()).json().get("id").asLong();

        CompletableFuture<Api.Reply> updating;
        try (Connection changing = dataSource.getConnection()) {
            changing.setAutoCommit(false);
            execute(changing, "update meetings set version = version + 1, summary = 'Changed' where id = " + meeting);
            updating = CompletableFuture.supplyAsync(() -> api.put("/api/v1/meetings/" + meeting).admin()
                    .header("If-Match", "*").json(MeetingWriteTest.meeting("Talks changed twice", "2021-06-05",
                            List.of(Map.of("officialId", 3))))
                    .send());
            awaitWaitingForALock(jdbc, updating, 1);
            changing.commit();
        }
        Api.Reply reply = updating.get(30, TimeUnit.SECONDS);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/meetings/" + meeting).send().json().get("title").asString())
                .isEqualTo("Talks changed twice");
    }

    /** An instance stopped mid-request leaves its claim: after 15 minutes a retry runs instead of a 409 for a day. */
    @Test
    void aClaimLeftUnansweredForFifteenMinutesIsTakenByTheRetry() throws Exception {
        String body = Api.JSON.writeValueAsString(
                MeetingWriteTest.meeting("Summit after a crash", "2021-06-02", List.of(Map.of("officialId", 3))));
        // the claims a crashed instance would have left for this very request
        MeetingWriteTest.created(
                api.post("/api/v1/meetings").admin().header("Idempotency-Key", "answered").json(body).send());
        String hash = jdbc.sql("select request_hash from idempotency_keys where idempotency_key = 'answered'")
                .query(String.class).single();
        for (String[] claim : new String[][] {{"crashed-recently", "10 minutes"}, {"crashed-long-ago", "16 minutes"}}) {
            jdbc.sql("""
                    insert into idempotency_keys (principal, idempotency_key, request_hash, state, created_at)
                    values ('admin', ?, ?, 'IN_FLIGHT', now() - cast(? as interval))""")
                    .params(claim[0], hash, claim[1]).update();
        }

        Api.Reply recent = api.post("/api/v1/meetings").admin().header("Idempotency-Key", "crashed-recently")
                .json(body).send();
        Api.Reply old = api.post("/api/v1/meetings").admin().header("Idempotency-Key", "crashed-long-ago")
                .json(body).send();

        assertThat(recent.status()).as("still possibly running: " + recent).isEqualTo(409);
        assertThat(old.status()).as(old.toString()).isEqualTo(201);
        assertThat(old.header("Idempotent-Replayed")).isEmpty();
        assertThat(jdbc.sql("select state from idempotency_keys where idempotency_key = 'crashed-long-ago'")
                .query(String.class).single()).isEqualTo("COMPLETED");
    }
}
