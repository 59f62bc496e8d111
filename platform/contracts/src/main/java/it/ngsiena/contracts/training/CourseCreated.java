package it.ngsiena.contracts.training;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A course (track) of the training programme was created. */
public record CourseCreated(
        UUID courseId,
        String title,
        String topic,
        BigDecimal plannedHours,
        int certificateThresholdPercent,
        OffsetDateTime createdAt) {

    public static final String TYPE = "it.ngsiena.training.course.created.v1";
}
