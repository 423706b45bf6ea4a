package org.diplomaticcontacts.shared.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomaticcontacts.shared.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: a client (by remote address) that failed to log in
 * {@code maxFailedLogins} times within the window gets 429 with {@code Retry-After} for any
 * further request carrying credentials until the window has passed. Requests without
 * credentials are never throttled, nor are reads, which ignore credentials: the filter runs in
 * the write chain only ({@link SecurityConfiguration}). Kept in memory: one instance's view.
 */
@Component
class LoginThrottle extends OncePerRequestFilter {

    private record Failures(Instant windowStart, int count) {
    }

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final ProblemResponses problems;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(ProblemResponses problems, AdminAccessProperties properties) {
        this.problems = problems;
        this.maxFailures = properties.maxFailedLogins();
        this.window = properties.failedLoginWindow();
    }

    /** Only requests that try to log in are judged. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Failures recorded = failures.get(request.getRemoteAddr());
        Instant now = clock.instant();
        if (recorded != null && recorded.count() >= maxFailures && now.isBefore(recorded.windowStart().plus(window))) {
            long wait = Math.max(1, Duration.between(now, recorded.windowStart().plus(window)).toSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed logins from this client; try again in " + wait + " seconds");
            return;
        }
        chain.doFilter(request, response);
    }

    void recordFailure(HttpServletRequest request) {
        Instant now = clock.instant();
        failures.compute(request.getRemoteAddr(), (client, recorded) ->
                recorded == null || !now.isBefore(recorded.windowStart().plus(window))
                        ? new Failures(now, 1)
                        : new Failures(recorded.windowStart(), recorded.count() + 1));
        if (failures.size() > 100_000) {
            failures.values().removeIf(recorded -> !now.isBefore(recorded.windowStart().plus(window)));
        }
    }
}
