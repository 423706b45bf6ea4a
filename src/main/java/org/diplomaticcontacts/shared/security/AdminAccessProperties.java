package org.diplomaticcontacts.shared.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param writeOrigins browser origins allowed to send writes (CORS); reads are open to every origin
 * @param jwtRolesClaim the JWT claim (a string or a list of strings) that holds the caller's roles
 * @param jwtAdminRole the value in that claim that makes the caller an admin
 * @param maxFailedLogins failed logins one client may make within {@code failedLoginWindow}
 *        before its further attempts are refused with 429
 */
@ConfigurationProperties("diplomatic-contacts.security")
record AdminAccessProperties(@DefaultValue List<String> writeOrigins, @DefaultValue("roles") String jwtRolesClaim,
        @DefaultValue("admin") String jwtAdminRole, @DefaultValue("10") int maxFailedLogins,
        @DefaultValue("5m") Duration failedLoginWindow) {
}
