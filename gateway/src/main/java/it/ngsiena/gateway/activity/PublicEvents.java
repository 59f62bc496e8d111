package it.ngsiena.gateway.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The events anonymous callers see in the feed: what the programme tells the public (courses and
 * sessions, needs submitted and prioritised, workshops, studies requested and completed, funding
 * calls, announcements published for the PUBLIC). Events about single people (enrolments,
 * certificates, attendance), subscriptions, drafts and other audiences stay for signed-in callers.
 */
final class PublicEvents {

    private static final Set<String> PUBLIC = Set.of(
            "it.ngsiena.training.course.created.v1",
            "it.ngsiena.training.session.scheduled.v1",
            "it.ngsiena.training.session.rescheduled.v1",
            "it.ngsiena.training.session.cancelled.v1",
            "it.ngsiena.training.session.held.v1",
            "it.ngsiena.participation.need.submitted.v1",
            "it.ngsiena.participation.need.prioritised.v1",
            "it.ngsiena.participation.need.area-wide.v1",
            "it.ngsiena.participation.workshop.planned.v1",
            "it.ngsiena.participation.workshop.held.v1",
            "it.ngsiena.participation.workshop.cancelled.v1",
            "it.ngsiena.feasibility.study.requested.v1",
            "it.ngsiena.feasibility.study.completed.v1",
            "it.ngsiena.feasibility.opportunity.published.v1");

    private static final String ANNOUNCEMENT_PUBLISHED = "it.ngsiena.comms.announcement.published.v1";

    private PublicEvents() {
    }

    static boolean isPublic(String type, JsonNode data) {
        if (ANNOUNCEMENT_PUBLISHED.equals(type)) {
            return "PUBLIC".equals(data.path("audience").asText());
        }
        return PUBLIC.contains(type);
    }
}
