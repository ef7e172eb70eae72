package dev.cinema.kit.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends malformed requests to a running app over real HTTP (so Tomcat's own parsing is part of the test) and
 * records every answer that is not a client error. Each request comes from a random client address
 * (X-Forwarded-For, trusted from loopback) so that per-IP rate limits of the app under test are not used up.
 */
public final class FuzzClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String bearer;
    private final List<String> wrong = new ArrayList<>();
    private int sent;

    public FuzzClient(String baseUrl, String bearer) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    /** Sends the body and expects a 4xx; anything else is recorded with the case's label. */
    public void expectRefused(String method, String path, MalformedInput.Body body) {
        int status = send(method, path, body.contentType(), body.bytes());
        if (status < 400 || status >= 500) {
            wrong.add(status + " " + method + " " + path + " [" + body.label() + "]");
        }
    }

    /** Sends a request without a body and expects anything but a 5xx (a strange query may still find nothing). */
    public int expectNoServerError(String method, String rawPathAndQuery) {
        int status = send(method, rawPathAndQuery, null, null);
        if (status >= 500) {
            wrong.add(status + " " + method + " " + rawPathAndQuery);
        }
        return status;
    }

    public int send(String method, String rawPathAndQuery, String contentType, byte[] body) {
        sent++;
        try {
            return http.send(request(method, rawPathAndQuery, contentType, body), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            // A connection the server closed on an oversized request is a refusal, not a server error.
            return 413;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A well-formed request with the same credentials, for setting up what the fuzz cases then target. */
    public HttpResponse<String> exchange(String method, String path, String contentType, byte[] body) throws Exception {
        return http.send(request(method, path, contentType, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String rawPathAndQuery, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + rawPathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", randomAddress())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }

    public int sent() {
        return sent;
    }

    /** Every answer that broke the expectation, as {@code status method path [case]}. */
    public List<String> wrongAnswers() {
        return wrong;
    }

    private static String randomAddress() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
