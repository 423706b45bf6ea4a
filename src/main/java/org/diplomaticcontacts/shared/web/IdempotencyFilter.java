package org.diplomaticcontacts.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomaticcontacts.shared.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a {@code POST} with an {@code Idempotency-Key} happen at most once per admin and key:
 * a retry with the same body gets the first answer again; the same key with another body is
 * refused (422); a retry while the first is still running is refused (409). Runs after
 * authentication, so only admins' requests get here and keys are scoped to the admin.
 * Imports are left out: an import already changes nothing the second time (its records are
 * matched by external id), and keeping its answer would mean holding a body of up to 256 MB in
 * memory to hash it.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;
    private static final String IMPORTS = "/api/v1/imports";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final ProblemResponses problems;

    IdempotencyFilter(IdempotencyKeys keys, ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getMethod().equals("POST") || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith(IMPORTS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problems.write(request, response, HttpStatus.BAD_REQUEST,
                    HEADER + " must have between 1 and " + MAX_KEY_LENGTH + " characters");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        }
        catch (PayloadTooLargeException tooLarge) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            return;
        }
        try {
            claimAndRun(new CachedBodyRequest(request, body), response, chain, authentication.getName(), key);
        }
        catch (DataAccessResourceFailureException | TransientDataAccessException unavailable) {
            // the key could not be claimed or looked up, so the request has not run
            log.warn("Idempotency key store unavailable: {}", unavailable.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "The registry's database is not answering; try again shortly");
        }
    }

    private void claimAndRun(CachedBodyRequest request, HttpServletResponse response, FilterChain chain,
            String principal, String key) throws IOException, ServletException {
        String hash = hash(request, request.body);
        Optional<OffsetDateTime> claimed = keys.claim(principal, key, hash);
        if (claimed.isPresent()) {
            runOnce(request, response, chain, principal, key, claimed.get());
            return;
        }
        Optional<IdempotencyKeys.StoredAnswer> stored = keys.find(principal, key);
        if (stored.isEmpty()) {
            // released between our claim and our look: the first attempt failed; this one may run
            claimed = keys.claim(principal, key, hash);
            if (claimed.isPresent()) {
                runOnce(request, response, chain, principal, key, claimed.get());
                return;
            }
            stored = keys.find(principal, key);
        }
        answerRetry(request, response, hash, stored.orElseThrow());
    }

    private void runOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String principal, String key, OffsetDateTime claimed) throws IOException, ServletException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean succeeded = false;
        try {
            chain.doFilter(request, answer);
            succeeded = answer.getStatus() >= 200 && answer.getStatus() < 300;
        }
        finally {
            try {
                if (succeeded) {
                    keys.complete(principal, key, claimed, answer.getStatus(), answer.getContentType(),
                            answer.getHeader(HttpHeaders.LOCATION), answer.getHeader(HttpHeaders.ETAG),
                            answer.getContentAsByteArray());
                }
                else {
                    keys.release(principal, key, claimed);
                }
            }
            catch (DataAccessException unavailable) {
                // The request's own answer stands. A key left claimed answers retries with 409 until it
                // counts as abandoned (IdempotencyKeys.ABANDONED), rather than letting a retry at once
                // write a second time what may have been written.
                log.warn("Idempotency key {} of {} left claimed: {}", key, principal, unavailable.getMessage());
            }
            answer.copyBodyToResponse();
        }
    }

    private void answerRetry(HttpServletRequest request, HttpServletResponse response, String hash,
            IdempotencyKeys.StoredAnswer stored) throws IOException {
        if (!stored.requestHash().equals(hash)) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "This " + HEADER + " was already used for a different request; use a new key for a new request");
            return;
        }
        if (!stored.completed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, HttpStatus.CONFLICT,
                    "A request with this " + HEADER + " is still being processed; retry shortly to get its answer");
            return;
        }
        response.setStatus(stored.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    /** Same method, path, query and body: the same request. */
    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    /** The request again, its body already read, for the controller to read once more. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
