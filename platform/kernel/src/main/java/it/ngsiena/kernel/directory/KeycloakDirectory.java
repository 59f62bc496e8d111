package it.ngsiena.kernel.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link Directory} over Keycloak's admin REST API, with a client-credentials token of the directory's own
 * client (kept until shortly before it expires). Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class KeycloakDirectory implements Directory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final DirectoryConfig config;
    private final String tokenUrl;
    private final String adminUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private String token;
    private Instant tokenUntil = Instant.MIN;

    KeycloakDirectory(DirectoryConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.config = config;
        String realm = realmUrl.replaceAll("/+$", "");
        int at = realm.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalArgumentException("quarkus.oidc.auth-server-url does not name a realm: " + realmUrl);
        }
        this.tokenUrl = realm + "/protocol/openid-connect/token";
        this.adminUrl = realm.substring(0, at) + "/admin" + realm.substring(at);
    }

    @Override
    public Optional<Account> account(String subject) throws Unavailable {
        Optional<JsonNode> user = get("/users/" + encode(subject));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        JsonNode u = user.get();
        Set<String> roles = new HashSet<>();
        for (JsonNode role : get("/users/" + encode(subject) + "/role-mappings/realm/composite")
                .orElseThrow(() -> new Unavailable("the roles of " + subject + " could not be read", null))) {
            roles.add(role.path("name").asText());
        }
        boolean active = u.path("enabled").asBoolean(false);
        Optional<String> municipality =
                text(u.path("attributes").path("municipality").path(0));
        String clientId = u.path("serviceAccountClientId").asText("");
        if (!clientId.isEmpty()) {
            JsonNode client = get("/clients?clientId=" + encode(clientId))
                    .map(list -> list.path(0))
                    .orElse(JSON.missingNode());
            active = active && client.path("enabled").asBoolean(false);
            if (municipality.isEmpty()) {
                municipality = fixedClaim(client, "municipality");
            }
        }
        return Optional.of(new Account(subject, active, Set.copyOf(roles), municipality));
    }

    @Override
    public Optional<String> subjectOf(String username) throws Unavailable {
        return get("/users?exact=true&username=" + encode(username))
                .flatMap(list -> text(list.path(0).path("id")));
    }

    /** The realm's users a page at a time; for each person, their composite realm roles (one call each). */
    @Override
    public List<Person> people() throws Unavailable {
        List<Person> people = new ArrayList<>();
        int page = 100;
        for (int first = 0; ; first += page) {
            JsonNode users = get("/users?briefRepresentation=false&first=" + first + "&max=" + page)
                    .orElseThrow(() -> new Unavailable("the realm's users could not be listed", null));
            for (JsonNode u : users) {
                Optional<String> email = text(u.path("email"));
                if (!u.path("enabled").asBoolean(false) || email.isEmpty() || u.hasNonNull("serviceAccountClientId")) {
                    continue;
                }
                String subject = u.path("id").asText();
                Set<String> roles = new HashSet<>();
                for (JsonNode role : get("/users/" + encode(subject) + "/role-mappings/realm/composite")
                        .orElse(JSON.createArrayNode())) {
                    roles.add(role.path("name").asText());
                }
                Account account = new Account(
                        subject,
                        true,
                        roles,
                        text(u.path("attributes").path("municipality").path(0)));
                people.add(new Person(
                        subject,
                        email.get(),
                        text(u.path("firstName")).orElse(u.path("username").asText()),
                        text(u.path("attributes").path("locale").path(0)),
                        account.readerGrants()));
            }
            if (users.size() < page) {
                return people;
            }
        }
    }

    /** A claim the client's mappers set to a fixed value (Keycloak's hardcoded-claim mapper). */
    private static Optional<String> fixedClaim(JsonNode client, String claim) {
        for (JsonNode mapper : client.path("protocolMappers")) {
            JsonNode mapperConfig = mapper.path("config");
            if (claim.equals(mapperConfig.path("claim.name").asText())) {
                return text(mapperConfig.path("claim.value"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isEmpty()
                ? Optional.empty()
                : Optional.of(node.asText());
    }

    /** The JSON at an admin path; empty on 404. */
    private Optional<JsonNode> get(String path) throws Unavailable {
        HttpRequest request = HttpRequest.newBuilder(URI.create(adminUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        if (answer.statusCode() == 401) {
            forgetToken();
        }
        if (answer.statusCode() != 200) {
            throw new Unavailable("the directory answered " + answer.statusCode() + " for " + path, null);
        }
        return Optional.of(parse(answer.body()));
    }

    private synchronized String token() throws Unavailable {
        if (Instant.now().isBefore(tokenUntil)) {
            return token;
        }
        String secret = config.clientSecret()
                .orElseThrow(() -> new Unavailable(
                        "no secret for the directory's client " + config.clientId() + " (NGS_DIRECTORY_CLIENT_SECRET)",
                        null));
        String form = "grant_type=client_credentials&client_id=" + encode(config.clientId()) + "&client_secret="
                + encode(secret);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (answer.statusCode() != 200) {
            throw new Unavailable(
                    "the realm refused the directory's client " + config.clientId() + " (" + answer.statusCode() + ")",
                    null);
        }
        JsonNode body = parse(answer.body());
        token = body.path("access_token").asText();
        tokenUntil =
                Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong(60) - 30));
        return token;
    }

    private synchronized void forgetToken() {
        tokenUntil = Instant.MIN;
    }

    private HttpResponse<String> send(HttpRequest request) throws Unavailable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("the directory cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    private static JsonNode parse(String body) throws Unavailable {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new Unavailable("the directory's answer is not JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
