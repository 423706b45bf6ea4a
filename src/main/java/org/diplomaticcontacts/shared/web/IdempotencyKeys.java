package org.diplomaticcontacts.shared.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The stored keys, each statement committed on its own: a key must be visible to a concurrent
 * retry the moment it is claimed, long before the write it guards commits.
 */
@Repository
class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);

    /**
     * How long a claim may stay unanswered before it counts as abandoned: an instance stopped in
     * the middle of a request leaves its claim behind, which would answer every retry with 409
     * for a day. A request fails within seconds when PostgreSQL is away, and imports, which may
     * take minutes, take no keys.
     */
    static final Duration ABANDONED = Duration.ofMinutes(15);

    record StoredAnswer(String requestHash, boolean completed, int status, @Nullable String contentType,
            @Nullable String location, @Nullable String etag, byte @Nullable [] body) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request and gives the claim's time, which {@link #complete} and
     * {@link #release} name so that they never touch a later claim of the same key (one taken
     * over after this one was abandoned); empty when someone holds it (in flight, not abandoned,
     * or answered).
     */
    Optional<OffsetDateTime> claim(String principal, String key, String requestHash) {
        jdbc.sql("""
                delete from idempotency_keys where principal = :principal and idempotency_key = :key
                and (created_at < now() - cast(:retention as interval)
                     or state = 'IN_FLIGHT' and created_at < now() - cast(:abandoned as interval))""")
                .param("principal", principal).param("key", key).param("retention", RETENTION.toSeconds() + " seconds")
                .param("abandoned", ABANDONED.toSeconds() + " seconds")
                .update();
        return jdbc.sql("""
                insert into idempotency_keys (principal, idempotency_key, request_hash, state)
                values (:principal, :key, :hash, 'IN_FLIGHT') on conflict do nothing returning created_at""")
                .param("principal", principal).param("key", key).param("hash", requestHash)
                .query(OffsetDateTime.class).optional();
    }

    Optional<StoredAnswer> find(String principal, String key) {
        return jdbc.sql("""
                select request_hash, state, response_status, response_type, location, etag, response_body
                from idempotency_keys where principal = :principal and idempotency_key = :key""")
                .param("principal", principal).param("key", key)
                .query((row, index) -> new StoredAnswer(row.getString("request_hash"),
                        row.getString("state").equals("COMPLETED"), row.getInt("response_status"),
                        row.getString("response_type"), row.getString("location"), row.getString("etag"),
                        row.getBytes("response_body")))
                .optional();
    }

    void complete(String principal, String key, OffsetDateTime claimed, int status, @Nullable String contentType,
            @Nullable String location, @Nullable String etag, byte[] body) {
        jdbc.sql("""
                update idempotency_keys set state = 'COMPLETED', response_status = :status, response_type = :type,
                       location = :location, etag = :etag, response_body = :body
                where principal = :principal and idempotency_key = :key and created_at = :claimed""")
                .param("status", status).param("type", contentType).param("location", location).param("etag", etag)
                .param("body", body).param("principal", principal).param("key", key).param("claimed", claimed)
                .update();
    }

    /** The request failed: free the key so that a corrected retry can proceed. */
    void release(String principal, String key, OffsetDateTime claimed) {
        jdbc.sql("""
                delete from idempotency_keys
                where principal = :principal and idempotency_key = :key and created_at = :claimed""")
                .param("principal", principal).param("key", key).param("claimed", claimed)
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        jdbc.sql("delete from idempotency_keys where created_at < now() - cast(:retention as interval)")
                .param("retention", RETENTION.toSeconds() + " seconds")
                .update();
    }
}
