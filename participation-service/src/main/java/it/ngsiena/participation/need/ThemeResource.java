package it.ngsiena.participation.need;

import it.ngsiena.kernel.paging.Items;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/participation/themes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Needs")
public class ThemeResource {

    /** A theme of the taxonomy with its labels. */
    @Schema(name = "NeedTheme")
    public record ThemeView(
            @Schema(example = "MOBILITY") String code,
            @Schema(example = "Mobilità e trasporti") String labelIt,
            @Schema(example = "Mobility and transport") String labelEn) {}

    @GET
    @PermitAll
    @Operation(
            operationId = "listThemes",
            summary = "The theme taxonomy, with Italian and English labels",
            description =
                    "Anonymous. Every need theme code with its Italian and English label, for filters and " + "forms.")
    public Items<ThemeView> themes() {
        return Items.of(Arrays.stream(Theme.values())
                .map(t -> new ThemeView(t.name(), t.labelIt(), t.labelEn()))
                .toList());
    }
}
