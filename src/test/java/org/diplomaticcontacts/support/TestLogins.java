package org.diplomaticcontacts.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The admin logins tests use: a Basic password set per test context, and bearer JWTs signed with
 * the TEST-ONLY key pair in {@code src/test/resources/jwt} (generated for these tests, guards nothing).
 * Use the property constants in {@code @TestPropertySource(properties = {...})}.
 */
public final class TestLogins {

    public static final String ADMIN = "admin";
    public static final String PASSWORD = "test-secret";
    public static final String PASSWORD_PROPERTY = "spring.security.user.password=" + PASSWORD;
    public static final String JWT_PROPERTY =
            "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem";

    private static RSAPrivateKey privateKey;

    private TestLogins() {
    }

    public static String adminBasic() {
        return basic(ADMIN, PASSWORD);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String adminJwt() {
        return bearer("jwt-admin", List.of("admin"), Instant.now().plusSeconds(600));
    }

    public static String readerJwt() {
        return bearer("jwt-reader", List.of("reader"), Instant.now().plusSeconds(600));
    }

    public static String expiredAdminJwt() {
        return bearer("jwt-admin", List.of("admin"), Instant.now().minusSeconds(3600));
    }

    public static String bearer(String subject, List<String> roles, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issueTime(Date.from(expiresAt.minusSeconds(7200))).expirationTime(Date.from(expiresAt)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey()));
        }
        catch (JOSEException exception) {
            throw new IllegalStateException(exception);
        }
        return "Bearer " + jwt.serialize();
    }

    private static synchronized RSAPrivateKey privateKey() {
        if (privateKey == null) {
            try (InputStream pem = TestLogins.class.getResourceAsStream("/jwt/test-private.pem")) {
                String base64 = new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            }
            catch (IOException | java.security.GeneralSecurityException exception) {
                throw new IllegalStateException("test-only JWT key missing", exception);
            }
        }
        return privateKey;
    }
}
