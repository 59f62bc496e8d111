package it.ngsiena.gateway.activity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the feed, newest first; {@code nextCursor} fetches the older events that follow. */
@Schema(name = "ActivityPage")
public record ActivityPage(
        List<ActivityItem> items,

        @Schema(
                description = "Pass as cursor to get the next (older) page; absent on the last page",
                example = "MTY0ODExNjAwMDAwMDAwMDoxMg")
        String nextCursor) {}
