package it.ngsiena.kernel.http;

/**
 * Partial updates (PATCH) take a JSON merge patch (RFC 7396): the members sent replace the current
 * values, the members left out stay as they are. {@code application/json} is accepted as well, for
 * clients written before the document said so; the API document lists the merge-patch type only.
 */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }
}
