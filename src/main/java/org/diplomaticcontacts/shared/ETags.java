package org.diplomaticcontacts.shared;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic locking over HTTP. A resource's ETag is its row version. {@code PUT} and
 * {@code DELETE} must name the version they were based on in {@code If-Match}: without it they
 * are refused (428), because a write that cannot say what it read could overwrite another
 * admin's change unseen. {@code If-Match: *} is accepted as "whatever is there now".
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static <T> ResponseEntity<T> ok(Versioned<T> resource) {
        return ResponseEntity.ok().eTag(of(resource.version())).body(resource.body());
    }

    public static <T> ResponseEntity<T> created(URI location, Versioned<T> resource) {
        return ResponseEntity.created(location).eTag(of(resource.version())).body(resource.body());
    }

    /**
     * The version an {@code If-Match} header requires, or null for {@code *}.
     *
     * @throws PreconditionException 428 when the header is missing, 412 when it names no version we issue
     */
    public static @Nullable Long requiredVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionException(HttpStatus.PRECONDITION_REQUIRED,
                    "This write needs an If-Match header with the resource's ETag (or *), so that no update is lost");
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return null;
        }
        String tag = value.startsWith("W/") ? value.substring(2) : value;
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        }
        catch (NumberFormatException notOurs) {
            throw stale();
        }
    }

    /** Refuses the write unless the resource is still at the version the client read. */
    public static void check(@Nullable Long required, long current) {
        if (required != null && required != current) {
            throw stale();
        }
    }

    public static PreconditionException stale() {
        return new PreconditionException(HttpStatus.PRECONDITION_FAILED,
                "The resource has changed since you read it: read it again and reapply your change");
    }

    /** A conditional request whose condition does not hold. */
    public static class PreconditionException extends RuntimeException {

        private final HttpStatus status;

        PreconditionException(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }
}
