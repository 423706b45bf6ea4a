package org.diplomaticcontacts.support;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers here; asked once per test run. */
final class DockerEngine {

    private static volatile Boolean available;

    private DockerEngine() {
    }

    static boolean isAvailable() {
        if (available == null) {
            boolean answer;
            try {
                answer = DockerClientFactory.instance().isDockerAvailable();
            }
            catch (RuntimeException | LinkageError noDocker) {
                answer = false;
            }
            available = answer;
        }
        return available;
    }

    static final class Available implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isAvailable();
        }
    }

    static final class Missing implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !isAvailable();
        }
    }
}
