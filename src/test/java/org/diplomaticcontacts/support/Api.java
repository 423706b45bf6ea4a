package org.diplomaticcontacts.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A raw HTTP client for full-flow tests that need what a typed client smooths over: bodies
 * that are not JSON, chunked bodies, many threads at once, any header. Works outside Spring too.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call post(String path) {
        return call("POST", path);
    }

    public Call put(String path) {
        return call("PUT", path);
    }

    public Call delete(String path) {
        return call("DELETE", path);
    }

    public final class Call {

        private final String method;
        private final String path;
        private final List<String[]> headers = new ArrayList<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        public Call admin() {
            return header("Authorization", TestLogins.adminBasic());
        }

        public Call json(String json) {
            header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
            return this;
        }

        public Call json(Object value) {
            return json(JSON.writeValueAsString(value));
        }

        public Call xml(String xml) {
            header("Content-Type", "application/xml");
            body = HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8);
            return this;
        }

        /** A JSON body sent with chunked transfer encoding (no Content-Length). */
        public Call chunkedJson(byte[] json) {
            header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(json));
            return this;
        }

        public Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).method(method, body);
            headers.forEach(header -> request.header(header[0], header[1]));
            try {
                HttpResponse<String> response = CLIENT.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(response.statusCode(), response.headers(), response.body());
            }
            catch (IOException exception) {
                throw new IllegalStateException(method + " " + path + " failed", exception);
            }
            catch (InterruptedException exception) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(exception);
            }
        }
    }

    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public List<String> allHeaders(String name) {
            return headers.allValues(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The {@code field} names of the problem's {@code errors} list. */
        public List<String> errorFields() {
            JsonNode errors = json().get("errors");
            return errors == null ? List.of()
                    : errors.valueStream().map(error -> error.get("field").asString()).toList();
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }

}
