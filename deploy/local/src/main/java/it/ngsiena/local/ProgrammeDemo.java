package it.ngsiena.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * Records the programme's membership of {@code seeds/demo-programme.json} as the programme admin: the
 * municipalities of the kickoff (24 March 2022) and their roles. A membership already recorded is left
 * as it is (the admin may have changed it since).
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
    }
}
