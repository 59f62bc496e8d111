package it.ngsiena.participation.need;

import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.text.Prose;
import it.ngsiena.kernel.text.SingleLine;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to a need's text or theme; absent fields stay as they are. */
@Schema(name = "NeedEdit")
public record NeedEdit(
        @Schema(example = "Sportello digitale intercomunale per l'edilizia e le attività produttive")
        @Size(max = 200)
        @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @SingleLine
        String title,

        @Size(max = 5000) @Pattern(regexp = Prose.NOT_BLANK, message = "must not be blank")
        String description,

        @Schema(example = "DIGITAL_TRANSITION") Theme theme)
        implements MergePatch.Document {

    @AssertTrue(message = "at least one of title, description, theme is required")
    @Schema(hidden = true)
    boolean isAnyField() {
        return title != null || description != null || theme != null;
    }
}
