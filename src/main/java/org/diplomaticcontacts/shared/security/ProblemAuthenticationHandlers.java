package org.diplomaticcontacts.shared.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomaticcontacts.shared.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 as problem details, with the {@code WWW-Authenticate} challenges a client needs
 * to know how to log in. A 401 for a request that carried credentials counts as a failed login.
 */
@Component
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String BASIC_CHALLENGE = "Basic realm=\"Diplomatic Contacts\", charset=\"UTF-8\"";

    private final ProblemResponses problems;
    private final LoginThrottle throttle;
    private final boolean bearerEnabled;

    ProblemAuthenticationHandlers(ProblemResponses problems, LoginThrottle throttle,
            ObjectProvider<JwtDecoder> jwtDecoder) {
        this.problems = problems;
        this.throttle = throttle;
        this.bearerEnabled = jwtDecoder.getIfAvailable() != null;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        boolean triedToLogIn = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (triedToLogIn) {
            throttle.recordFailure(request);
        }
        challenge(response, bearerEnabled ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, triedToLogIn
                ? "The credentials were not accepted"
                : "Log in as an admin (HTTP Basic" + (bearerEnabled ? " or a bearer token" : "")
                        + ") to change the registry");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        challenge(response, "Bearer error=\"insufficient_scope\"");
        problems.write(request, response, HttpStatus.FORBIDDEN, "Only admins may change the registry");
    }

    private void challenge(HttpServletResponse response, String bearer) {
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        if (bearerEnabled) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, bearer);
        }
    }
}
