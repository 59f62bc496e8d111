package it.ngsiena.contracts.feasibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The codes that join a study to the national records were recorded or changed: its CUP (Codice Unico
 * di Progetto), its local project code (Codice Locale Progetto) and the PNRR measure it is classified
 * under, from the sub-measure code (e.g. M1C1I1.01.00) down to its mission, component and measure. Each
 * field holds the current value (null: not known yet).
 */
public record StudyProjectCodesRecorded(
        UUID studyId,
        List<UUID> needIds,
        List<String> municipalities,
        String cup,
        String localProjectCode,
        String pnrrMission,
        String pnrrComponent,
        String pnrrMeasure,
        String pnrrSubMeasure,
        OffsetDateTime recordedAt) {

    public static final String TYPE = "it.ngsiena.feasibility.study.project-codes-recorded.v1";
}
