package it.ngsiena.gateway.asyncapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/asyncapi")
@Tag(name = "Documents", description = "The platform's API documents")
public class AsyncApiResource {

    private static final ObjectNode DOCUMENT = AsyncApiDocument.build();

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "asyncApiDocument",
            summary = "The AsyncAPI 3.1 document of every event type",
            description = "Public. Kept in docs/asyncapi.json as well.")
    @APIResponse(responseCode = "200", description = "AsyncAPI 3.1 (JSON)")
    public ObjectNode document() {
        return DOCUMENT;
    }
}
