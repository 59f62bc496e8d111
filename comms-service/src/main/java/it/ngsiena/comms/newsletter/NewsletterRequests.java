package it.ngsiena.comms.newsletter;

import it.ngsiena.kernel.text.SingleLine;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the subscriber and newsletter endpoints. */
public final class NewsletterRequests {

    private NewsletterRequests() {}

    @Schema(name = "SubscribeRequest")
    public record Subscribe(
            @Schema(example = "lettore@example.org") @NotBlank @Email @Size(max = 254)
            String email,

            @Schema(example = "it") @NotNull @Pattern(regexp = "it|en", message = "must be it or en")
            String language,

            @Schema(description = "Announcement tags of interest; empty: all", example = "[\"formazione\"]")
            @Size(max = 20)
            List<
                            @NotNull
                            @Pattern(
                                    regexp = "[a-z0-9][a-z0-9-]{0,39}",
                                    message = "must be lower-case letters, digits and dashes")
                            String>
                    topics,

            @Schema(description = "ISTAT codes of interest; empty: all", example = "[\"052032\"]") @Size(max = 35)
            List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code") String>
                    municipalities) {}

    @Schema(name = "Subscriber", description = "Personal data: for the comms partner and the admin only")
    public record SubscriberView(
            UUID id,
            String email,
            String language,
            List<String> topics,
            List<String> municipalities,
            @Schema(example = "CONFIRMED") String status,
            OffsetDateTime consentAt,
            OffsetDateTime unsubscribedAt,
            OffsetDateTime erasedAt,
            OffsetDateTime createdAt) {

        static SubscriberView of(Subscriber s) {
            return new SubscriberView(
                    s.id,
                    s.email,
                    s.language,
                    s.topics,
                    s.municipalities,
                    s.status,
                    s.consentAt,
                    s.unsubscribedAt,
                    s.erasedAt,
                    s.createdAt);
        }
    }

    @Schema(name = "SubscriptionState", description = "What a confirmation or unsubscribe link did")
    public record SubscriptionState(
            @Schema(example = "CONFIRMED") String status) {}

    @Schema(name = "NewsletterRequest")
    public record Compose(
            @Schema(description = "Subject line of the e-mail", example = "Next Generation Siena: le novità di ottobre")
            @NotBlank
            @Size(max = 200)
            @SingleLine
            String subject,

            @Schema(example = "it") @NotNull @Pattern(regexp = "it|en", message = "must be it or en")
            String language,

            @Schema(description = "Tags it is about; empty: all", example = "[\"formazione\"]") @Size(max = 20)
            List<@NotNull String> topics,

            @Schema(description = "ISTAT codes it is about; empty: all", example = "[]") @Size(max = 35)
            List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code") String>
                    municipalities) {}

    @Schema(name = "Newsletter")
    public record NewsletterView(
            UUID id,

            @Schema(description = "Subject line of the e-mail")
            String subject,

            String language,
            List<String> topics,
            List<String> municipalities,
            List<UUID> announcementIds,
            @Schema(example = "SENT") String status,
            OffsetDateTime sentAt,
            Integer recipients,
            OffsetDateTime createdAt) {

        static NewsletterView of(Newsletter n) {
            return new NewsletterView(
                    n.id,
                    n.subject,
                    n.language,
                    n.topics,
                    n.municipalities,
                    n.announcementIds,
                    n.status,
                    n.sentAt,
                    n.recipients,
                    n.createdAt);
        }
    }

    @Schema(name = "NewsletterDelivery", description = "One line of the send log")
    public record DeliveryView(
            UUID subscriberId,
            OffsetDateTime sentAt,

            @Schema(description = "Whether the e-mail was sent", example = "SENT")
            String outcome) {}
}
