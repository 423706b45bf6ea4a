package org.diplomaticcontacts.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomaticcontacts.shared.PayloadTooLargeException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the API's limit with 413 — JSON bodies too, which the container's
 * own form-size limits do not cover. A declared Content-Length over the limit is refused before
 * reading; a chunked body is cut off the moment it passes the limit. Bulk imports have their
 * own, larger limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long apiLimit;
    private final long importLimit;
    private final ProblemResponses problems;

    RequestBodyLimitFilter(@Value("${diplomatic-contacts.limits.request-body:1MB}") DataSize apiLimit,
            @Value("${diplomatic-contacts.limits.import-body:256MB}") DataSize importLimit, ProblemResponses problems) {
        this.apiLimit = apiLimit.toBytes();
        this.importLimit = importLimit.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().startsWith("/api/v1/imports") ? importLimit : apiLimit;
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
                    new PayloadTooLargeException(limit).getMessage());
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private @Nullable ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), limit);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = delegate.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = delegate.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) {
            read += bytes;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
