package it.ngsiena.comms.announcement;

import it.ngsiena.contracts.comms.ItemReference;
import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.text.Prose;
import it.ngsiena.kernel.text.SingleLine;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the announcement endpoints. */
public final class AnnouncementRequests {

    static final String ISTAT = "\\d{6}";
    static final String LANGUAGE = "it|en";
    static final String TAG = "[a-z0-9][a-z0-9-]{0,39}";

    private AnnouncementRequests() {}

    @Schema(name = "ItemReferenceRequest")
    public record Reference(
            @Schema(example = "NEED")
            @NotNull
            @Pattern(
                    regexp = "NEED|STUDY|TRAINING_SESSION|COURSE|WORKSHOP",
                    message = "must be NEED, STUDY, TRAINING_SESSION, COURSE or WORKSHOP")
            String type,

            @Schema(example = "6a1f7c9e-2b34-4d8a-9e51-0c3b7d2f8a61") @NotBlank @Size(max = 100)
            String id) {

        ItemReference toContract() {
            return new ItemReference(type, id);
        }
    }

    @Schema(name = "AnnouncementRequest")
    public record Write(
            @Schema(example = "Al via i laboratori d'autunno di Next Generation Siena")
            @NotBlank
            @Size(max = 200)
            @SingleLine
            String title,

            @Schema(example = "Tre laboratori per amministratori e dipendenti dei comuni.") @Size(max = 500)
            String summary,

            @Schema(
                    description = "Markdown",
                    example = "I laboratori trattano **governance di area**, piattaforma"
                            + " intercomunale e comunicazione.")
            @NotBlank
            @Size(max = 20000)
            String body,

            @Schema(example = "it") @NotNull @Pattern(regexp = LANGUAGE, message = "must be it or en")
            String language,

            @Schema(example = "PUBLIC") @NotNull Audience audience,

            @Schema(example = "[\"formazione\", \"laboratori\"]") @Size(max = 20)
            List<@NotNull @Pattern(regexp = TAG, message = "must be lower-case letters, digits and dashes") String>
                    tags,

            @Schema(example = "[\"052032\"]") @Size(max = 35)
            List<@NotNull @Pattern(regexp = ISTAT, message = "must be a 6-digit ISTAT code") String> municipalities,

            @Size(max = 20) List<@NotNull @Valid Reference> references,

            @Schema(
                    description = "The announcement this one translates (in another language); each original has at"
                            + " most one translation per language",
                    example = "0f8d5c3a-1b2e-4d6f-9a7c-3e5b1d2f4a60")
            UUID translationOf,

            @Schema(
                    description = "When it was drafted, " + OccurredAt.AFTERWARDS,
                    example = "2022-03-10T09:00:00+01:00")
            OffsetDateTime occurredAt) {}

    @Schema(
            name = "AnnouncementEdit",
            description = "Only the fields to change",
            example = "{\"summary\": \"Tre laboratori in autunno.\", \"tags\": [\"formazione\"]}")
    public record Edit(
            @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @SingleLine
            String title,

            @Size(max = 500) String summary,

            @Size(max = 20000) @Pattern(regexp = Prose.NOT_BLANK, message = "must not be blank")
            String body,

            @Pattern(regexp = LANGUAGE, message = "must be it or en")
            String language,

            Audience audience,

            @Size(max = 20)
            List<@NotNull @Pattern(regexp = TAG, message = "must be lower-case letters, digits and dashes") String>
                    tags,

            @Size(max = 35)
            List<@NotNull @Pattern(regexp = ISTAT, message = "must be a 6-digit ISTAT code") String> municipalities,

            @Size(max = 20) List<@NotNull @Valid Reference> references)
            implements MergePatch.Document {

        @AssertTrue(message = "at least one field is required")
        @Schema(hidden = true)
        boolean isAnything() {
            return title != null
                    || summary != null
                    || body != null
                    || language != null
                    || audience != null
                    || tags != null
                    || municipalities != null
                    || references != null;
        }
    }
}
