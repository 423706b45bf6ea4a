package org.diplomaticcontacts.shared.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * CORS: any web page may read the registry; only the origins an operator lists may write to it
 * (an admin's browser tool, say). A preflight is judged by the method it asks for.
 */
final class ReadAnywhereWriteFromListedOrigins implements CorsConfigurationSource {

    private static final List<String> EXPOSED = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION,
            HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE);

    private final CorsConfiguration reads = new CorsConfiguration();
    private final CorsConfiguration writes = new CorsConfiguration();

    ReadAnywhereWriteFromListedOrigins(List<String> writeOrigins) {
        reads.addAllowedOrigin(CorsConfiguration.ALL);
        reads.setAllowedMethods(List.of("GET", "HEAD"));
        reads.addAllowedHeader(CorsConfiguration.ALL);
        reads.setExposedHeaders(EXPOSED);
        reads.setMaxAge(3600L);

        writes.setAllowedOrigins(writeOrigins);
        writes.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        writes.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                HttpHeaders.IF_NONE_MATCH, "Idempotency-Key"));
        writes.setExposedHeaders(EXPOSED);
        writes.setMaxAge(3600L);
    }

    @Override
    public @Nullable CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        String method = request.getMethod();
        String requested = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (method.equals("OPTIONS") && requested != null) {
            method = requested;
        }
        return method.equals("GET") || method.equals("HEAD") ? reads : writes;
    }
}
