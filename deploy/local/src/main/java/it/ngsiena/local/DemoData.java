package it.ngsiena.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.infra.Tokens;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads the demo data of {@code seeds/demo-participation.json}, {@code seeds/demo-training.json} and
 * {@code seeds/demo-feasibility.json} (see FeasibilityDemo), {@code seeds/demo-comms.json} (see CommsDemo) and
 * {@code seeds/demo-programme.json} (see ProgrammeDemo)
 * through the gateway's public API, as the partners' systems and the municipality officers would, so that events and read models fill the
 * real way. Loading twice changes nothing: creates carry Idempotency-Keys or external ids, endorsements
 * are idempotent, and a lifecycle move already made answers 409, which is expected here.
 */
public final class DemoData {

    private static final ObjectMapper JSON = DemoApi.JSON;

    private final DemoApi api;
    private final String partner;
    private final String lms;
    private final Map<String, String> officers = new HashMap<>();

    private DemoData(LocalPlatform platform) {
        Tokens tokens = new Tokens(platform.issuer());
        this.api = new DemoApi(platform.gatewayUrl());
        this.partner = tokens.forClient("codesign-hub", "codesign-hub-secret");
        this.lms = tokens.forClient("euronike-lms", "euronike-lms-secret");
        officers.put("052032", tokens.forUser("officer-siena", "officer-siena"));
        officers.put("052015", tokens.forUser("officer-montepulciano", "officer-montepulciano"));
    }

    public static void load(LocalPlatform platform, Path seeds, Consumer<String> progress) {
        try {
            DemoData loader = new DemoData(platform);
            new ProgrammeDemo(loader.api, tokens(platform).forUser("admin", "admin"))
                    .load(JSON.readTree(seeds.resolve("demo-programme.json").toFile()), progress);
            Map<String, String> needs = loader.load(
                    JSON.readTree(seeds.resolve("demo-participation.json").toFile()), progress);
            loader.loadTraining(
                    JSON.readTree(seeds.resolve("demo-training.json").toFile()), progress);
            new FeasibilityDemo(loader.api, tokens(platform).forClient("openimpact-studio", "openimpact-studio-secret"))
                    .load(JSON.readTree(seeds.resolve("demo-feasibility.json").toFile()), needs, progress);
            new CommsDemo(loader.api, tokens(platform).forClient("ananse-cms", "ananse-cms-secret"))
                    .load(JSON.readTree(seeds.resolve("demo-comms.json").toFile()), progress);
        } catch (Exception e) {
            progress.accept("Demo data could not be loaded: " + e.getMessage());
        }
    }

    private static Tokens tokens(LocalPlatform platform) {
        return new Tokens(platform.issuer());
    }

    /** Loads the participation demo; answers the need ids by their external ids. */
    private Map<String, String> load(JsonNode demo, Consumer<String> progress) throws Exception {
        Map<String, String> workshops = new HashMap<>();
        for (JsonNode w : demo.get("workshops")) {
            ObjectNode body =
                    ((ObjectNode) w.deepCopy()).without(java.util.List.of("key", "held", "cancel", "cancelledAt"));
            JsonNode created = send(
                    "POST",
                    "/v1/participation/workshops",
                    partner,
                    body,
                    w.get("key").asText(),
                    201);
            String id = created.get("id").asText();
            workshops.put(w.get("key").asText(), id);
            if (w.has("held")) {
                send("POST", "/v1/participation/workshops/" + id + "/held", partner, w.get("held"), null, 200, 409);
            }
            if (w.has("cancel")) {
                send(
                        "POST",
                        "/v1/participation/workshops/" + id + "/cancel",
                        partner,
                        JSON.createObjectNode()
                                .put("reason", w.get("cancel").asText())
                                .put("occurredAt", w.get("cancelledAt").asText()),
                        null,
                        200,
                        409);
            }
        }
        ArrayNode items = JSON.createArrayNode();
        for (JsonNode n : demo.get("needs")) {
            ObjectNode need = n.get("need").deepCopy();
            if (n.hasNonNull("workshop")) {
                need.put("workshopId", workshops.get(n.get("workshop").asText()));
            }
            items.addObject().put("externalId", n.get("externalId").asText()).set("need", need);
        }
        ObjectNode batch = JSON.createObjectNode();
        batch.set("items", items);
        JsonNode pushed = send("POST", "/v1/participation/needs:batch", partner, batch, null, 200);
        Map<String, String> ids = new HashMap<>();
        pushed.get("results")
                .forEach(r -> ids.put(r.get("externalId").asText(), r.path("id").asText(null)));
        for (JsonNode n : demo.get("needs")) {
            String id = ids.get(n.get("externalId").asText());
            String path = "/v1/participation/needs/" + id;
            // every move dated as the seed says it happened in 2022 (the demo enters it today)
            for (JsonNode endorser : n.path("endorsedBy")) {
                send(
                        "POST",
                        path + "/endorsements?occurredAt=" + query(n, "endorsedAt"),
                        officers.get(endorser.asText()),
                        null,
                        null,
                        200);
            }
            String status = n.get("status").asText();
            if (n.has("reviewedAt")) {
                send("POST", path + "/review?occurredAt=" + query(n, "reviewedAt"), partner, null, null, 200, 409);
            }
            if (status.equals("PRIORITISED")) {
                send(
                        "POST",
                        path + "/prioritise",
                        partner,
                        dated(n, "decidedAt")
                                .put(
                                        "rationale",
                                        "Esempio fittizio: bisogno condiviso e coerente con le opportunità di finanziamento"),
                        null,
                        200,
                        409);
            } else if (status.equals("REJECTED")) {
                send(
                        "POST",
                        path + "/reject",
                        partner,
                        dated(n, "decidedAt")
                                .put("answer", "Esempio fittizio: il bisogno è già coperto da un servizio esistente"),
                        null,
                        200,
                        409);
            }
        }
        progress.accept("Demo data: " + workshops.size() + " workshops, "
                + pushed.get("created").asLong() + " new needs ("
                + pushed.get("unchanged").asLong() + " already there)");
        return ids;
    }

    private void loadTraining(JsonNode demo, Consumer<String> progress) throws Exception {
        Map<String, String> courses = new HashMap<>();
        for (JsonNode c : demo.get("courses")) {
            ObjectNode body = ((ObjectNode) c.deepCopy()).without("key");
            courses.put(
                    c.get("key").asText(),
                    send(
                                    "POST",
                                    "/v1/training/courses",
                                    lms,
                                    body,
                                    "demo-" + c.get("key").asText(),
                                    201)
                            .get("id")
                            .asText());
        }
        Map<String, String> people = new HashMap<>();
        int index = 0;
        Map<String, Boolean> halfTime = new HashMap<>();
        for (JsonNode p : demo.get("participants")) {
            ObjectNode body = ((ObjectNode) p.deepCopy()).without("key");
            people.put(
                    p.get("key").asText(),
                    send(
                                    "POST",
                                    "/v1/training/participants",
                                    lms,
                                    body,
                                    "demo-" + p.get("key").asText(),
                                    201)
                            .get("id")
                            .asText());
            halfTime.put(p.get("key").asText(), ++index % 5 == 0);
        }
        for (JsonNode s : demo.get("sessions")) {
            ObjectNode body = ((ObjectNode) s.deepCopy())
                    .without(java.util.List.of("key", "course", "participants", "enrolledAt"));
            String id = send(
                            "POST",
                            "/v1/training/courses/"
                                    + courses.get(s.get("course").asText()) + "/sessions",
                            lms,
                            body,
                            "demo-" + s.get("key").asText(),
                            201)
                    .get("id")
                    .asText();
            for (JsonNode who : s.get("participants")) {
                send(
                        "POST",
                        "/v1/training/sessions/" + id + "/enrolments",
                        lms,
                        dated(s, "enrolledAt").put("participantId", people.get(who.asText())),
                        null,
                        200,
                        201,
                        409);
            }
            double hours = java.time.Duration.between(
                                    java.time.OffsetDateTime.parse(
                                            s.get("startsAt").asText()),
                                    java.time.OffsetDateTime.parse(
                                            s.get("endsAt").asText()))
                            .toMinutes()
                    / 60.0;
            ArrayNode lines = JSON.createArrayNode();
            for (JsonNode who : s.get("participants")) {
                lines.addObject()
                        .put("participantId", people.get(who.asText()))
                        .put("hoursAttended", halfTime.get(who.asText()) ? hours / 2 : hours);
            }
            // The LMS closes the session with its attendance, so the held event carries the totals, dated when
            // the session ended (the demo enters 2022's sessions today).
            ObjectNode held = JSON.createObjectNode()
                    .put("deliveredHours", hours)
                    .put("occurredAt", s.get("endsAt").asText());
            held.set("attendance", lines);
            send("POST", "/v1/training/sessions/" + id + "/held", lms, held, null, 200, 409);
        }
        int certificates = 0;
        for (String course : courses.values()) {
            certificates += send("GET", "/v1/training/reports/courses/" + course, lms, null, null, 200)
                    .get("certificates")
                    .asInt();
        }
        progress.accept("Demo data: " + courses.size() + " courses, "
                + demo.get("sessions").size() + " sessions, " + people.size() + " participants, " + certificates
                + " certificates");
    }

    /** The seed's time of the move ({@code field}) as a query parameter's value. */
    static String query(JsonNode seed, String field) {
        return java.net.URLEncoder.encode(seed.get(field).asText(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A body with the seed's time of the move ({@code field}) as its occurredAt. */
    static ObjectNode dated(JsonNode seed, String field) {
        return JSON.createObjectNode().put("occurredAt", seed.get(field).asText());
    }

    private JsonNode send(
            String method, String path, String token, JsonNode body, String idempotencyKey, int... accepted)
            throws Exception {
        return api.send(method, path, token, body, idempotencyKey, accepted);
    }
}
