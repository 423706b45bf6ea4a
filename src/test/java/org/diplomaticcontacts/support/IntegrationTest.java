package org.diplomaticcontacts.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full-flow test: the whole application on a random port, over HTTP, on a fresh PostgreSQL
 * database migrated by the production scripts. Test classes with the same configuration share
 * one application (and database); a test that changes rows others count should clean up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({TestDatabaseConfiguration.class, SqlStatementCounter.class})
public @interface IntegrationTest {
}
