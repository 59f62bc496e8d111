package it.ngsiena.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads {@code seeds/demo-feasibility.json} as Open Impact's tool would: publishes the funding
 * opportunities, waits for the studies that the feasibility service opens by itself for the
 * prioritised demo needs (the participation event travels through Kafka), then moves each to its
 * target state with its milestones, indicators, documents, funding and opportunity links. Parts are
 * added only to a study that has none, lifecycle moves already made answer 409: a second run changes
 * nothing.
 */
final class FeasibilityDemo {

    private static final Duration STUDY_WAIT = Duration.ofSeconds(60);

    private final DemoApi api;
    private final String tool;

    FeasibilityDemo(DemoApi api, String toolToken) {
        this.api = api;
        this.tool = toolToken;
    }

    void load(JsonNode demo, Map<String, String> needIds, Consumer<String> progress) throws Exception {
        Map<String, String> opportunities = new HashMap<>();
        for (JsonNode o : demo.get("opportunities")) {
            ObjectNode body = ((ObjectNode) o.deepCopy()).without("key");
            opportunities.put(
                    o.get("key").asText(),
                    api.send(
                                    "POST",
                                    "/v1/feasibility/funding-opportunities",
                                    tool,
                                    body,
                                    "demo-" + o.get("key").asText(),
                                    201)
                            .get("id")
                            .asText());
        }
        int studies = 0;
        for (JsonNode entry : demo.get("studies")) {
            String need = needIds.get(entry.get("need").asText());
            String study = need == null ? null : awaitStudy(need);
            if (study == null) {
                progress.accept("Demo data: no study appeared for need "
                        + entry.get("need").asText() + "; skipped");
                continue;
            }
            advance(study, entry, opportunities);
            studies++;
        }
        progress.accept("Demo data: " + opportunities.size() + " funding opportunities, " + studies
                + " studies brought to their demo state");
    }

    private String awaitStudy(String needId) throws Exception {
        Instant until = Instant.now().plus(STUDY_WAIT);
        while (Instant.now().isBefore(until)) {
            JsonNode page = api.send("GET", "/v1/feasibility/studies?need=" + needId, tool, null, null, 200);
            if (page.get("items").size() > 0) {
                return page.get("items").get(0).get("id").asText();
            }
            Thread.sleep(500);
        }
        return null;
    }

    private void advance(String id, JsonNode entry, Map<String, String> opportunities) throws Exception {
        String path = "/v1/feasibility/studies/" + id;
        String target = entry.get("target").asText();
        if (target.equals("ABANDONED")) {
            api.send(
                    "POST",
                    path + "/abandon",
                    tool,
                    DemoData.dated(entry, "abandonedAt")
                            .put("reason", entry.get("abandon").asText()),
                    null,
                    200,
                    409);
            return;
        }
        if (target.equals("REQUESTED")) {
            return;
        }
        var start = DemoApi.JSON
                .createObjectNode()
                .put("leadOrganisation", "Open Impact")
                .put("leadRole", entry.get("leadRole").asText());
        if (entry.has("startedAt")) {
            start.put("occurredAt", entry.get("startedAt").asText()); // when it started, in 2022
        }
        api.send("POST", path + "/start", tool, start, null, 200, 409);
        JsonNode study = api.send("GET", path, tool, null, null, 200);
        if (study.get("milestones").isEmpty()) {
            for (JsonNode m : entry.path("milestones")) {
                ObjectNode body = ((ObjectNode) m.deepCopy()).without("reachedOn");
                String milestone = api.send("POST", path + "/milestones", tool, body, null, 201)
                        .get("id")
                        .asText();
                if (m.has("reachedOn")) {
                    api.send(
                            "POST",
                            path + "/milestones/" + milestone + "/reached",
                            tool,
                            DemoApi.JSON
                                    .createObjectNode()
                                    .put("reachedOn", m.get("reachedOn").asText()),
                            null,
                            200);
                }
            }
            for (JsonNode i : entry.path("indicators")) {
                api.send("POST", path + "/indicators", tool, i, null, 201);
            }
            for (JsonNode d : entry.path("documents")) {
                api.send("POST", path + "/documents", tool, d, null, 201);
            }
        }
        // the list is {"items": [...]}: funding is added when its items are empty
        if (api.send("GET", path + "/funding-sources", tool, null, null, 200)
                .path("items")
                .isEmpty()) {
            for (JsonNode f : entry.path("funding")) {
                api.send("POST", path + "/funding-sources", tool, f, null, 201);
            }
        }
        for (JsonNode key : entry.path("opportunities")) {
            api.send(
                    "POST",
                    path + "/opportunities",
                    tool,
                    DemoData.dated(entry, "matchedAt").put("opportunityId", opportunities.get(key.asText())),
                    null,
                    200,
                    201);
        }
        if (entry.has("projectCodes")) {
            JsonNode current = api.send("GET", path, tool, null, null, 200);
            if (current.path("localProjectCode").isNull()
                    || current.path("localProjectCode").isMissingNode()) {
                api.sendWith(
                        "PATCH",
                        path,
                        tool,
                        entry.get("projectCodes"),
                        Map.of("If-Match", "\"" + current.get("version").asLong() + "\""),
                        200);
            }
        }
        if (target.equals("COMPLETED")) {
            api.send("POST", path + "/complete", tool, entry.get("complete"), null, 200, 409);
        }
    }
}
