package it.ngsiena.kernel.openapi;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Adds what the Italian interoperability guidelines ask of every API document: {@code x-api-id} and
 * {@code x-summary} on the document (from {@code ngs.api.id} and {@code ngs.api.summary}).
 */
public class PlatformOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var config = ConfigProvider.getConfig();
        Optional<String> id = config.getOptionalValue("ngs.api.id", String.class);
        Optional<String> summary = config.getOptionalValue("ngs.api.summary", String.class);
        id.ifPresent(v -> openAPI.addExtension("x-api-id", v));
        summary.ifPresent(v -> openAPI.addExtension("x-summary", v));
        if (openAPI.getInfo() != null) {
            summary.ifPresent(v -> openAPI.getInfo().addExtension("x-summary", v));
        }
    }
}
