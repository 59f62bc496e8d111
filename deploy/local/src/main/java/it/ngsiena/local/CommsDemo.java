package it.ngsiena.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads {@code seeds/demo-comms.json} as Ananse's CMS would: writes each announcement with a fixed
 * Idempotency-Key, then publishes it and, for the archived example, archives it. Moves already made
 * answer 409, so a second run changes nothing.
 */
final class CommsDemo {

    private final DemoApi api;
    private final String cms;

    CommsDemo(DemoApi api, String cmsToken) {
        this.api = api;
        this.cms = cmsToken;
    }

    void load(JsonNode demo, Consumer<String> progress) throws Exception {
        int count = 0;
        for (JsonNode a : demo.get("announcements")) {
            ObjectNode body =
                    ((ObjectNode) a.deepCopy()).without(List.of("key", "target", "publishedAt", "archivedAt"));
            String id = api.send(
                            "POST",
                            "/v1/comms/announcements",
                            cms,
                            body,
                            "demo-" + a.get("key").asText(),
                            201)
                    .get("id")
                    .asText();
            String path = "/v1/comms/announcements/" + id;
            // published on the partner's site in 2022, recorded now
            api.send(
                    "POST",
                    path + "/publish?occurredAt=" + DemoData.query(a, "publishedAt"),
                    cms,
                    null,
                    null,
                    200,
                    409);
            if ("ARCHIVED".equals(a.get("target").asText())) {
                api.send(
                        "POST",
                        path + "/archive?occurredAt=" + DemoData.query(a, "archivedAt"),
                        cms,
                        null,
                        null,
                        200,
                        409);
            }
            count++;
        }
        progress.accept("Demo data: " + count + " announcements published (one archived)");
    }
}
