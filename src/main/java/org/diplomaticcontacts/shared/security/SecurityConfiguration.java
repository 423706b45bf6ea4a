package org.diplomaticcontacts.shared.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;

/**
 * Reads are public; every other request needs the ADMIN role. Stateless: no session, no
 * cookie, hence no CSRF token to check. Admins log in with HTTP Basic against Spring Boot's own
 * {@code spring.security.user.*}, and with bearer JWTs when
 * {@code spring.security.oauth2.resourceserver.jwt.*} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminAccessProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String ADMIN = "ADMIN";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /**
     * Reads are public, so they never look at credentials: a dashboard that sends a stale
     * password or an expired token along with a GET still gets its answer instead of a 401.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain reads(HttpSecurity http, AdminAccessProperties properties) throws Exception {
        http.securityMatcher(request -> READ_METHODS.contains(request.getMethod()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors
                        .configurationSource(new ReadAnywhereWriteFromListedOrigins(properties.writeOrigins())))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
            ProblemAuthenticationHandlers problems, LoginThrottle throttle, AdminAccessProperties properties)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors
                        .configurationSource(new ReadAnywhereWriteFromListedOrigins(properties.writeOrigins())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET).permitAll()
                        .requestMatchers(HttpMethod.HEAD).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS).permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().hasRole(ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(throttle, BasicAuthenticationFilter.class);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(adminRoleFromClaim(properties))));
        }
        return http.build();
    }

    /**
     * The throttle belongs to the write chain only: as a filter bean, the servlet container would
     * also run it ahead of every request, reads included, which ignore credentials.
     */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottleInTheWriteChainOnly(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(throttle);
        registration.setEnabled(false);
        return registration;
    }

    /** Picked up by Spring Security's filter chain in place of its default firewall. */
    @Bean
    HttpFirewall firewall() {
        return FirewallRules.strictFirewall();
    }

    /**
     * No observation of each security filter, login or access decision: with an observation
     * registry present, Spring Security wraps every filter of the chain in one on every request,
     * even when the observations themselves are filtered out (a few percent of a list page's
     * throughput in the benchmark). {@code http_server_requests} still times every request per endpoint.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The Basic login from Spring Boot's {@code spring.security.user.*}. Declared here because
     * Boot's own backs off as soon as a JWT decoder exists, and both logins must work together.
     * Without a configured password Boot generates a random one; it is logged once, never fixed.
     */
    @Bean
    UserDetailsService admins(SecurityProperties security) {
        SecurityProperties.User user = security.getUser();
        if (user.isPasswordGenerated()) {
            log.warn("""

                    Using generated admin password: {}
                    Set SPRING_SECURITY_USER_NAME and SPRING_SECURITY_USER_PASSWORD to choose the admin login.
                    """, user.getPassword());
        }
        String password = user.getPassword().startsWith("{") ? user.getPassword() : "{noop}" + user.getPassword();
        List<String> roles = new ArrayList<>(user.getRoles());
        if (roles.isEmpty()) {
            roles.add(ADMIN);
        }
        return new InMemoryUserDetailsManager(
                User.withUsername(user.getName()).password(password).roles(roles.toArray(String[]::new)).build());
    }

    /** Scopes as usual, plus ROLE_ADMIN when the configured claim holds the admin role. */
    private static JwtAuthenticationConverter adminRoleFromClaim(AdminAccessProperties properties) {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            if (rolesOf(jwt, properties.jwtRolesClaim()).stream()
                    .anyMatch(properties.jwtAdminRole()::equalsIgnoreCase)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + ADMIN));
            }
            return authorities;
        });
        return converter;
    }

    private static List<String> rolesOf(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof String single) {
            return List.of(single.split("[\\s,]+"));
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
