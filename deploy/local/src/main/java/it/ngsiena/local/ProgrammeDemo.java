package it.ngsiena.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * Records the programme's membership of {@code seeds/demo-programme.json} as the programme admin: the
 * municipalities of the kickoff (24 March 2022) and their roles, and the programme's targets. A membership
 * or target already recorded is left as it is (the admin may have changed it since).
 */
final class ProgrammeDemo {

    private final DemoApi api;
    private final String admin;

    ProgrammeDemo(DemoApi api, String admin) {
        this.api = api;
        this.admin = admin;
    }

    void load(JsonNode demo, Consumer<String> progress) throws Exception {
        int recorded = 0;
        for (JsonNode member : demo.get("members")) {
            String path = "/v1/programme/members/" + member.get("istat").asText();
            JsonNode existing = api.send("GET", path, admin, null, null, 200, 404);
            if (existing.has("istatCode")) {
                continue;
            }
            ObjectNode body = ((ObjectNode) member.deepCopy()).without("istat");
            api.send("PUT", path, admin, body, null, 201);
            recorded++;
        }
        progress.accept("Demo data: " + recorded + " programme memberships recorded ("
                + demo.get("members").size() + " in the seed)");
        loadTargets(demo, progress);
    }

    /** The programme's targets of the seed, each unless one is already set for its indicator and scope. */
    private void loadTargets(JsonNode demo, Consumer<String> progress) throws Exception {
        JsonNode existing =
                api.send("GET", "/v1/programme/targets", admin, null, null, 200).get("items");
        int set = 0;
        for (JsonNode target : demo.get("targets")) {
            String indicator = target.get("indicator").asText();
            String municipality = target.path("municipality").asText(null);
            boolean there = false;
            for (JsonNode e : existing) {
                there |= e.get("indicator").asText().equals(indicator)
                        && java.util.Objects.equals(e.path("municipality").asText(null), municipality);
            }
            if (!there) {
                ObjectNode body = ((ObjectNode) target.deepCopy()).without("indicator");
                api.send("PUT", "/v1/programme/targets/" + indicator, admin, body, null, 200);
                set++;
            }
        }
        progress.accept("Demo data: " + set + " programme targets set ("
                + demo.get("targets").size() + " in the seed)");
    }
}
