package it.ngsiena.gateway.bodylimit;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import java.util.Comparator;
import java.util.List;

/** The body limit of each route: the longest matching pattern's, else the default. */
final class BodyLimits {

    /** A path pattern ({@code *} for one segment; the paths below it included) and its limit in bytes. */
    record Route(List<String> segments, long limit) {

        static Route parse(String entry) {
            int equals = entry.lastIndexOf('=');
            if (equals <= 0 || !entry.strip().startsWith("/")) {
                throw new IllegalArgumentException(
                        "ngs.gateway.body-limit.routes: '" + entry + "' is not <path pattern>=<size>, e.g. /v1/x=5M");
            }
            long limit = new MemorySizeConverter()
                    .convert(entry.substring(equals + 1).strip())
                    .asLongValue();
            return new Route(BodyLimits.segments(entry.substring(0, equals).strip()), limit);
        }

        boolean covers(List<String> path) {
            if (path.size() < segments.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                if (!segments.get(i).equals("*") && !segments.get(i).equals(path.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final long defaultLimit;
    private final List<Route> routes;

    BodyLimits(long defaultLimit, List<String> routes) {
        this.defaultLimit = defaultLimit;
        this.routes = routes.stream()
                .filter(r -> !r.isBlank())
                .map(Route::parse)
                .sorted(Comparator.comparingInt((Route r) -> r.segments().size())
                        .reversed())
                .toList();
    }

    /** The limit in bytes for a normalised path. */
    long limitFor(String path) {
        List<String> segments = segments(path);
        return routes.stream()
                .filter(r -> r.covers(segments))
                .findFirst()
                .map(Route::limit)
                .orElse(defaultLimit);
    }

    static List<String> segments(String path) {
        return java.util.Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
