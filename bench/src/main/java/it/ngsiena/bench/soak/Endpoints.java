package it.ngsiena.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list and read endpoints of each service and of the gateway that the soak calls, with the ids in
 * their paths taken from the demo data (the first item of the matching list).
 */
final class Endpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per service, its read endpoints; {name} stands for the id of the first item of the list in {@link #IDS}. */
    static final Map<String, List<String>> READS = Map.of(
            "training",
                    List.of(
                            "/v1/training/calendar",
                            "/v1/training/courses",
                            "/v1/training/courses/{course}",
                            "/v1/training/participants",
                            "/v1/training/participants/{participant}",
                            "/v1/training/sessions",
                            "/v1/training/sessions/{session}",
                            "/v1/training/sessions/{session}/enrolments",
                            "/v1/training/topics",
                            "/v1/training/reports/courses/{course}",
                            "/v1/training/reports/municipalities/052032"),
            "participation",
                    List.of(
                            "/v1/participation/needs?municipality=052032&size=25",
                            "/v1/participation/needs",
                            "/v1/participation/needs/{need}",
                            "/v1/participation/needs/{need}/solutions",
                            "/v1/participation/themes",
                            "/v1/participation/workshops",
                            "/v1/participation/workshops/{workshop}"),
            "feasibility",
                    List.of(
                            "/v1/feasibility/funding-opportunities",
                            "/v1/feasibility/funding-opportunities/{opportunity}",
                            "/v1/feasibility/pnrr-components",
                            "/v1/feasibility/studies",
                            "/v1/feasibility/studies/{study}",
                            "/v1/feasibility/studies/{study}/funding-sources",
                            "/v1/feasibility/studies/{study}/matching-opportunities",
                            "/v1/feasibility/studies/{study}/opportunities",
                            "/v1/feasibility/summaries/municipalities/052032",
                            "/v1/feasibility/summaries/programme"),
            "comms",
                    List.of(
                            "/v1/comms/announcements",
                            "/v1/comms/announcements.atom",
                            "/v1/comms/announcements/{announcement}",
                            "/v1/comms/calendar",
                            "/v1/comms/calendar.ics",
                            "/v1/comms/subscribers"),
            "gateway",
                    List.of(
                            "/v1/activity?limit=20",
                            "/v1/municipalities",
                            "/v1/municipalities/052032/overview",
                            "/v1/needs/{need}/trace",
                            "/v1/open-data/municipalities.csv",
                            "/v1/open-data/municipalities.json",
                            "/v1/programme/kpis",
                            "/v1/programme/members",
                            "/v1/programme/members/052032",
                            "/status"));

    /** Where each id placeholder comes from: the service and its list. */
    private static final Map<String, String[]> IDS = Map.of(
            "course", new String[] {"training", "/v1/training/courses"},
            "participant", new String[] {"training", "/v1/training/participants"},
            "session", new String[] {"training", "/v1/training/sessions"},
            "need", new String[] {"participation", "/v1/participation/needs"},
            "workshop", new String[] {"participation", "/v1/participation/workshops"},
            "opportunity", new String[] {"feasibility", "/v1/feasibility/funding-opportunities"},
            "study", new String[] {"feasibility", "/v1/feasibility/studies"},
            "announcement", new String[] {"comms", "/v1/comms/announcements"});

    private Endpoints() {}

    /**
     * Full URLs per service, ids filled in; an endpoint that does not answer 200 once now is left out and
     * named in {@code skipped} (the soak measures what works, and says what it could not call).
     */
    static Map<String, List<String>> resolve(Map<String, String> baseUrls, String token, List<String> skipped)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> ids = new LinkedHashMap<>();
        for (var id : IDS.entrySet()) {
            JsonNode list = JSON.readTree(get(http, baseUrls.get(id.getValue()[0]) + id.getValue()[1], token)
                    .body());
            JsonNode first = firstItem(list);
            if (first != null && first.hasNonNull("id")) {
                ids.put(id.getKey(), first.get("id").asText());
            }
        }
        Map<String, List<String>> urls = new LinkedHashMap<>();
        for (String service : List.of("training", "participation", "feasibility", "comms", "gateway")) {
            List<String> resolved = new ArrayList<>();
            for (String path : READS.get(service)) {
                String url = baseUrls.get(service) + path;
                for (var id : ids.entrySet()) {
                    url = url.replace("{" + id.getKey() + "}", id.getValue());
                }
                int status = url.contains("{") ? 0 : get(http, url, token).statusCode();
                if (status == 200) {
                    resolved.add(url);
                } else {
                    skipped.add(
                            service + " " + path + " (" + (status == 0 ? "no demo item" : "answered " + status) + ")");
                }
            }
            urls.put(service, resolved);
        }
        return urls;
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The first item of a list answer, whatever its shape (an array, or an object with an array in it). */
    private static JsonNode firstItem(JsonNode list) {
        if (list.isArray()) {
            return list.isEmpty() ? null : list.get(0);
        }
        if (list.has("items")
                && list.get("items").isArray()
                && !list.get("items").isEmpty()) {
            return list.get("items").get(0);
        }
        for (JsonNode field : list) {
            if (field.isArray() && !field.isEmpty()) {
                return field.get(0);
            }
        }
        return null;
    }
}
