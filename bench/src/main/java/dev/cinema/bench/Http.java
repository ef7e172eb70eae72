package dev.cinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/** A shared HTTP/1.1 client with the few calls the benchmarks make; a status other than expected is an exception. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "http");
                thread.setDaemon(true);
                return thread;
            }))
            .build();

    /** Sends and checks the status; {@code headers} are name/value pairs. */
    HttpResponse<String> send(String method, String url, String body, int expected, String... headers)
            throws IOException, InterruptedException {
        return sendBytes(method, url, body == null ? null : body.getBytes(StandardCharsets.UTF_8), "application/json",
                expected, headers);
    }

    /** As {@link #send} with a body already encoded (large bulk bodies kept as UTF-8, not as Java strings). */
    HttpResponse<String> sendBytes(String method, String url, byte[] body, String contentType, int expected,
                                   String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected != 0 && response.statusCode() != expected) {
            throw new IOException(method + " " + url + " → " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response;
    }

    JsonNode json(String method, String url, String body, int expected, String... headers)
            throws IOException, InterruptedException {
        String text = send(method, url, body, expected, headers).body();
        return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
