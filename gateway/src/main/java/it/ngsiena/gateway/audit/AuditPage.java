package it.ngsiena.gateway.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a record's history (oldest first) or of the audit feed (newest first). */
@Schema(name = "AuditPage")
public record AuditPage(
        List<AuditEntry> items,

        @Schema(
                description = "Pass as cursor to get the next page; absent on the last page",
                example = "MTY0ODExNjAwMDAwMDAwMDoxMg")
        String nextCursor) {}
