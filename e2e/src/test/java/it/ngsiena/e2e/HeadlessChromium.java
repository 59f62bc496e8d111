package it.ngsiena.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.infra.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium, headless, driven through its DevTools protocol over a WebSocket: open a page, run
 * a script in it, take a screenshot. Enough to use a web page as a person would, without a WebDriver.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, String pageSocket) {
        this.process = process;
        this.profile = profile;
        this.socket = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new Answers())
                .join();
    }

    /** Starts the browser ({@code chromium}, or the system property {@code ngs.chromium}) with an empty profile. */
    static HeadlessChromium start() {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("ngs-chromium");
            Process process = new ProcessBuilder(
                            System.getProperty("ngs.chromium", "chromium"),
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--no-first-run",
                            "--window-size=1200,900",
                            "--remote-debugging-port=0",
                            "--user-data-dir=" + profile,
                            "about:blank")
                    .redirectErrorStream(true)
                    .redirectOutput(profile.resolve("chromium.log").toFile())
                    .start();
            int port = devToolsPort(profile.resolve("DevToolsActivePort"), process);
            JsonNode targets = JSON.readTree(HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            for (JsonNode target : targets) {
                if (target.path("type").asText().equals("page")) {
                    return new HeadlessChromium(
                            process,
                            profile,
                            target.path("webSocketDebuggerUrl").asText());
                }
            }
            throw new IllegalStateException("Chromium opened no page: " + targets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Chromium (Debian package chromium)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The browser writes its DevTools port into the profile once it listens. */
    private static int devToolsPort(Path file, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && !Files.readAllLines(file).isEmpty()) {
                return Integer.parseInt(Files.readAllLines(file).get(0).trim());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Chromium ended: " + Files.readString(file.resolveSibling("chromium.log")));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Chromium did not open its DevTools port within 60 s");
    }

    void navigate(String url) {
        send("Page.navigate", JSON.createObjectNode().put("url", url));
    }

    /**
     * The value of a JavaScript expression in the page (promises awaited); empty while the page is being
     * replaced by another (its script context is gone meanwhile).
     */
    JsonNode evaluate(String expression) {
        JsonNode answer = send(
                "Runtime.evaluate",
                JSON.createObjectNode()
                        .put("expression", expression)
                        .put("returnByValue", true)
                        .put("awaitPromise", true));
        if (answer.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + answer.path("exceptionDetails"));
        }
        return answer.path("result").path("value");
    }

    /** Waits until the expression is true in the page, retrying through navigations. */
    void awaitTrue(String expression, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (evaluate(expression).asBoolean(false)) {
                    return;
                }
            } catch (RuntimeException navigating) {
                last = navigating;
            }
            pause(200);
        }
        throw new AssertionError(
                "not true within " + timeout + ": " + expression + " (page: "
                        + safely("location.href + ' ' + document.body.innerText") + ")",
                last);
    }

    String safely(String expression) {
        try {
            return evaluate(expression).asText();
        } catch (RuntimeException e) {
            return "? " + e.getMessage();
        }
    }

    byte[] screenshot() {
        return Base64.getDecoder()
                .decode(send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"))
                        .path("data")
                        .asText());
    }

    private JsonNode send(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode reply = answer.get(30, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.path("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            answers.remove(id);
        }
    }

    /** Replies by id to whoever waits for them; the protocol's events are not needed here. */
    private final class Answers implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> waiting =
                            answers.get(message.path("id").asInt(-1));
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } catch (IOException e) {
                    // not JSON: nothing waits for it
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser goes anyway
        }
        var helpers = process.descendants().toList(); // renderer and zygote processes
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        helpers.forEach(ProcessHandle::destroyForcibly);
        Directories.deleteRecursively(profile);
    }
}
