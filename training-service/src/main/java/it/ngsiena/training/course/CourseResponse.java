package it.ngsiena.training.course;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Course")
public record CourseResponse(
        UUID id,

        @Schema(example = "PNRR: bandi, regole e rendicontazione")
        String title,

        @Schema(example = "PNRR") Topic topic,
        @Schema(example = "Recovery Plan e PNRR") String topicLabelIt,
        @Schema(example = "Recovery Plan and PNRR") String topicLabelEn,
        String description,
        @Schema(example = "12") BigDecimal plannedHours,
        @Schema(example = "75") int certificateThresholdPercent,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    static CourseResponse of(Course c) {
        return new CourseResponse(
                c.id,
                c.title,
                c.topic,
                c.topic.labelIt(),
                c.topic.labelEn(),
                c.description,
                c.plannedHours,
                c.certificateThresholdPercent,
                c.createdAt,
                c.updatedAt,
                c.version);
    }
}
