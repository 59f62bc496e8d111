package it.ngsiena.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every container the manifests run must have, as a list of what is missing: startup, readiness
 * and liveness probes, CPU and memory requests and limits, a user that is not root, no privilege
 * escalation, an image given as a parameter (named in the kustomization's {@code images}, never
 * {@code latest}), and no credential written as a plain environment value.
 */
final class ContainerRules {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");
    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*");

    private ContainerRules() {}

    /**
     * The annotation (value "false") of a Secret that holds nothing confidential, only because a consumer
     * reads its setting from Secrets alone (the realm import's placeholders).
     */
    static final String NOT_CONFIDENTIAL = "ngs-platform/confidential";

    /** The problems of all workloads among the objects, each naming the object and the container. */
    static List<String> problems(List<JsonNode> objects, Set<String> parameterisedImages) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            boolean confidential = !"false"
                    .equals(object.path("metadata")
                            .path("annotations")
                            .path(NOT_CONFIDENTIAL)
                            .asText());
            if (kind.equals("Secret") && confidential && (object.has("data") || object.has("stringData"))) {
                problems.add(
                        "Secret " + object.path("metadata").path("name").asText() + " is written in the manifests");
            }
            if (!WORKLOADS.contains(kind)) {
                continue;
            }
            JsonNode pod = object.path("spec").path("template").path("spec");
            for (JsonNode container : pod.path("containers")) {
                String where = kind + " " + object.path("metadata").path("name").asText() + ", container "
                        + container.path("name").asText() + ": ";
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    if (!container.has(probe)) {
                        problems.add(where + "no " + probe);
                    }
                }
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (container
                                .path("resources")
                                .path(bound)
                                .path(resource)
                                .isMissingNode()) {
                            problems.add(where + "no " + resource + " " + bound);
                        }
                    }
                }
                if (!runsAsNonRoot(pod.path("securityContext"), container.path("securityContext"))) {
                    problems.add(where + "may run as root (runAsNonRoot and a non-zero runAsUser are needed)");
                }
                if (container
                        .path("securityContext")
                        .path("allowPrivilegeEscalation")
                        .asBoolean(true)) {
                    problems.add(where + "allows privilege escalation");
                }
                String image = container.path("image").asText();
                if (image.isEmpty()
                        || image.endsWith(":latest")
                        || !image.contains(":")
                        || parameterisedImages.stream().noneMatch(image::startsWith)) {
                    problems.add(where + "image " + image + " is not a parameter with a tag");
                }
                if (!namesItsRegistry(image)) {
                    problems.add(where + "image " + image + " does not name its registry");
                }
                for (JsonNode env : container.path("env")) {
                    if (CREDENTIAL.matcher(env.path("name").asText()).matches() && env.has("value")) {
                        problems.add(where + env.path("name").asText() + " is written in plain text");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * A short name ({@code ngs/gateway}, {@code postgres}) resolves to Docker Hub, where the namespace may
     * be anybody's: the first segment must be a registry host (a dot or a port in it, or localhost).
     */
    static boolean namesItsRegistry(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }

    private static boolean runsAsNonRoot(JsonNode pod, JsonNode container) {
        boolean nonRoot = container
                .path("runAsNonRoot")
                .asBoolean(pod.path("runAsNonRoot").asBoolean(false));
        long user = container.path("runAsUser").asLong(pod.path("runAsUser").asLong(0));
        return nonRoot && user != 0;
    }
}
