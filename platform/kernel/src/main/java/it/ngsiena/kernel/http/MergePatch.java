package it.ngsiena.kernel.http;

/**
 * Partial updates (PATCH) take a JSON merge patch (RFC 7396): the members sent replace the current
 * values, the members left out stay as they are. {@code application/json} is accepted as well, for
 * clients written before the document said so; the API document lists the merge-patch type only.
 * In RFC 7396 a member sent as {@code null} removes the field; none of the platform's editable fields
 * can be removed, so such a patch is refused with a 400 naming the member ({@link MergePatchNulls})
 * rather than read as "leave it as it is".
 */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    /** What {@code null} means in a patch, said once for every PATCH operation of the API document. */
    public static final String NULL_MEMBERS = "A member sent as null would remove the field (RFC 7396); no field"
            + " here can be removed, so such a patch is refused with 400 naming the member.";

    /** Marks the request records that PATCH operations read, so that {@link MergePatchNulls} checks them. */
    public interface Document {}

    private MergePatch() {}
}
