package it.ngsiena.gateway.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who made an event happen, as the event said it (the CloudEvents extensions actorsub, actorclient, actorrole). */
@Schema(
        name = "Actor",
        description = "Who made it happen: an account id, a client id and roles; never a name or an address")
public record ActorView(
        @Schema(
                description = "The account's id at the identity provider (the token's sub); shown to callers"
                        + " with a role of the platform only, absent for the platform itself and anonymous callers",
                example = "5b0c6f2e-1d7a-4c1e-9f3b-8e2a7d4c6b10")
        String subject,

        @Schema(
                description = "The client the token was issued to (its azp), or the service that acted by itself",
                example = "ngs-frontend")
        String client,

        @Schema(
                description = "The caller's roles of the platform, comma-separated; system when the platform"
                        + " moved by itself (a reaction to another event, a scheduled job), anonymous for a"
                        + " public call",
                example = "participation-partner")
        String role) {

    /** The actor of a stored event, if it said one; its subject only for those who may see subjects. */
    static ActorView of(String subject, String client, String role, boolean showSubject) {
        if (subject == null && client == null && role == null) {
            return null;
        }
        return new ActorView(showSubject ? subject : null, client, role);
    }
}
