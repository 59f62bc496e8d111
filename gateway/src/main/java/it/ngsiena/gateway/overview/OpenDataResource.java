package it.ngsiena.gateway.overview;

import it.ngsiena.contracts.Visibility;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.kernel.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One row per municipality with the headline figures of every workstream, as open data (CSV and JSON). */
@Path("/v1/open-data")
@Tag(name = "Open data", description = "Aggregate, non-personal figures for reuse")
public class OpenDataResource {

    /** The stable column names, in order. */
    static final List<String> COLUMNS = List.of(
            "istat_code",
            "name",
            "people_enrolled",
            "attendances",
            "training_hours",
            "sessions_attended",
            "certificates",
            "needs",
            "area_wide_needs",
            "endorsements_given",
            "endorsements_received",
            "studies",
            "studies_feasible",
            "feasible_estimated_cost_eur",
            "funding_identified_eur",
            "funding_awarded_eur",
            "announcements",
            "studies_with_cup",
            "pnrr_funding_awarded_eur");

    private final OverviewResource overviews;
    private final it.ngsiena.kernel.municipality.MunicipalityRegistry municipalities;
    private final StudyOpenData studies;
    private final Caller caller;
    private final OpenDataCatalogue catalogue;
    private final jakarta.persistence.EntityManager em;

    OpenDataResource(
            OverviewResource overviews,
            it.ngsiena.kernel.municipality.MunicipalityRegistry municipalities,
            StudyOpenData studies,
            Caller caller,
            OpenDataCatalogue catalogue,
            jakarta.persistence.EntityManager em) {
        this.overviews = overviews;
        this.municipalities = municipalities;
        this.studies = studies;
        this.caller = caller;
        this.catalogue = catalogue;
        this.em = em;
    }

    @GET
    @Path("/catalog.jsonld")
    @PermitAll
    @Transactional
    @Produces("application/ld+json")
    @Operation(
            operationId = "openDataCatalogue",
            summary = "The open data's catalogue (DCAT-AP_IT, JSON-LD)",
            description = "Public. What the national open-data portal harvests: the catalogue, its publisher (the"
                    + " Province, by its IPA code), each dataset (municipalities, studies) with its themes, rights"
                    + " holder, update frequency, temporal and spatial coverage, and each file (CSV, JSON) with its"
                    + " format, URL and licence (CC BY 4.0). docs/open-data.md describes it.")
    @APIResponse(
            responseCode = "200",
            description = "application/ld+json",
            content =
                    @Content(
                            mediaType = "application/ld+json",
                            schema = @Schema(type = SchemaType.OBJECT),
                            example = """
                    {"@context":{"dcat":"http://www.w3.org/ns/dcat#","dct":"http://purl.org/dc/terms/"},
                     "@type":["dcat:Catalog","dcatapit:Catalog"],
                     "dct:title":[{"@language":"it","@value":"Dati aperti di Next Generation Siena"}],
                     "dcat:dataset":[{"@type":["dcat:Dataset","dcatapit:Dataset"],"dct:identifier":"p_si:ngsiena-studies"}]}
                    """))
    public Response catalogue() {
        return Response.ok(catalogue.catalogue(lastChange()).toString(), "application/ld+json")
                .header("Link", OpenDataLicence.LINK_HEADER)
                .build();
    }

    /** The day the data last changed: the newest event the feed received, in Rome (today if there is none). */
    private java.time.LocalDate lastChange() {
        java.time.OffsetDateTime newest = em.createQuery(
                        "select max(a.receivedAt) from ActivityEntry a", java.time.OffsetDateTime.class)
                .getSingleResult();
        java.time.ZoneId rome = java.time.ZoneId.of("Europe/Rome");
        return newest == null
                ? java.time.LocalDate.now(rome)
                : newest.atZoneSameInstant(rome).toLocalDate();
    }

    @GET
    @Path("/municipalities.csv")
    @PermitAll
    @Transactional
    @Produces("text/csv")
    @Operation(
            operationId = "openDataMunicipalitiesCsv",
            summary = "Municipality figures as CSV (RFC 4180, UTF-8)",
            description = "Public. Header row, then one row per municipality; columns: istat_code, name,"
                    + " people_enrolled, attendances, training_hours, sessions_attended, certificates, needs,"
                    + " area_wide_needs, endorsements_given, endorsements_received, studies, studies_feasible,"
                    + " feasible_estimated_cost_eur, funding_identified_eur, funding_awarded_eur, announcements,"
                    + " studies_with_cup (studies naming it that have a CUP), pnrr_funding_awarded_eur (PNRR money"
                    + " awarded to studies naming it, as far as the caller may read their funding)."
                    + " Amounts in EUR with a dot as decimal separator; the funding cells are empty where the caller"
                    + " may not read the funding of the municipality's studies (0.00 means none). Only aggregates,"
                    + " no personal data. Licence CC BY 4.0 (the Link header with rel=license; the catalogue:"
                    + " openDataCatalogue).")
    @APIResponse(
            responseCode = "200",
            description = "text/csv",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = """
                    istat_code,name,people_enrolled,attendances,training_hours,sessions_attended,certificates,needs,\
                    area_wide_needs,endorsements_given,endorsements_received,studies,studies_feasible,\
                    feasible_estimated_cost_eur,funding_identified_eur,funding_awarded_eur,announcements,\
                    studies_with_cup,pnrr_funding_awarded_eur
                    052032,Siena,12,30,84.5,6,4,5,1,2,3,2,1,120000.00,,,3,1,
                    """))
    public Response csv() {
        return csv(COLUMNS, rows(), "ngsiena-municipalities.csv");
    }

    @GET
    @Path("/municipalities.json")
    @PermitAll
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "openDataMunicipalitiesJson",
            summary = "Municipality figures as JSON",
            description = "Public. The same rows and column names as the CSV, one object per municipality, with"
                    + " the licence.")
    @APIResponse(
            responseCode = "200",
            description = "One object per municipality",
            headers = @Header(name = "Link"),
            content = @Content(schema = @Schema(implementation = OpenDataFile.class)))
    public Response json() {
        return licensed(objects(COLUMNS, rows()));
    }

    @GET
    @Path("/studies.csv")
    @PermitAll
    @Transactional
    @Produces("text/csv")
    @Operation(
            operationId = "openDataStudiesCsv",
            summary = "Feasibility studies with their PNRR codes, as CSV",
            description = "Public. One row per study the caller may see, with the codes that join it to the national"
                    + " PNRR open data (Italia Domani, PNRR_Progetti.csv), under the national column names: CUP and"
                    + " Codice Locale Progetto (the national key), Missione, Componente, Codice Univoco Misura, Codice"
                    + " Univoco Submisura, and the money awarded by source (Finanziamento PNRR, - Stato, UE (Diverso da"
                    + " PNRR), Regione, Comune, Privato, Totale; EUR with a dot as decimal separator, empty where the"
                    + " caller may not read the study's funding). Before them: study_id, title, status, verdict,"
                    + " municipalities (ISTAT codes separated by spaces), lead_organisation, estimated_cost_eur."
                    + " The mapping is in docs/open-data.md.")
    @APIResponse(
            responseCode = "200",
            description = "text/csv",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = """
                    study_id,title,status,verdict,municipalities,lead_organisation,estimated_cost_eur,CUP,\
                    Codice Locale Progetto,Missione,Componente,Codice Univoco Misura,Codice Univoco Submisura,\
                    Finanziamento PNRR,Finanziamento - Stato,Finanziamento UE (Diverso da PNRR),Finanziamento Regione,\
                    Finanziamento Comune,Finanziamento Privato,Finanziamento Totale
                    3f6c2a7e-6a8b-4f4e-9a57-2f0c1f7b9d10,Studio di fattibilità: sportello digitale,COMPLETED,FEASIBLE,\
                    052032 052015,Open Impact,185000.00,J61B22000120006,SIENA-PNRR-2022-014,M1,M1C1,M1C1I1.04,\
                    M1C1I1.04.00,120000.00,0.00,0.00,0.00,15000.00,0.00,135000.00
                    """))
    public Response studiesCsv() {
        return csv(StudyOpenData.COLUMNS, studies.rows(caller.readerGrants()), "ngsiena-studies.csv");
    }

    @GET
    @Path("/studies.json")
    @PermitAll
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "openDataStudiesJson",
            summary = "Feasibility studies with their PNRR codes, as JSON",
            description = "Public. The same rows and column names as studies.csv, one object per study, with the"
                    + " licence.")
    @APIResponse(
            responseCode = "200",
            description = "One object per study",
            headers = @Header(name = "Link"),
            content = @Content(schema = @Schema(implementation = OpenDataFile.class)))
    public Response studiesJson() {
        return licensed(objects(StudyOpenData.COLUMNS, studies.rows(caller.readerGrants())));
    }

    private static Response licensed(List<Map<String, String>> items) {
        return Response.ok(new OpenDataFile(OpenDataLicence.URL, items))
                .header("Link", OpenDataLicence.LINK_HEADER)
                .build();
    }

    private static Response csv(List<String> columns, List<List<String>> rows, String fileName) {
        StringBuilder out = new StringBuilder(
                        columns.stream().map(OpenDataResource::cell).collect(Collectors.joining(",")))
                .append("\r\n");
        for (List<String> row : rows) {
            out.append(row.stream().map(OpenDataResource::cell).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return Response.ok(out.toString(), "text/csv; charset=utf-8; header=present")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .header("Link", OpenDataLicence.LINK_HEADER)
                .build();
    }

    private static List<Map<String, String>> objects(List<String> columns, List<List<String>> rows) {
        return rows.stream()
                .map(row -> {
                    Map<String, String> object = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        object.put(columns.get(i), row.get(i));
                    }
                    return object;
                })
                .toList();
    }

    private List<List<String>> rows() {
        Set<String> grants = caller.readerGrants();
        List<Map<String, Object>> visibleStudies = studies.studies(grants);
        return municipalities.all().stream()
                .map(m -> {
                    MunicipalityOverview o = overviews.overview(m.istatCode(), null);
                    var t = o.training();
                    var p = o.participation();
                    var f = o.feasibility();
                    long feasible = f.studiesByVerdict().getOrDefault("FEASIBLE", 0L)
                            + f.studiesByVerdict().getOrDefault("FEASIBLE_WITH_CONDITIONS", 0L);
                    // funding is read by the partners, the viewers, the admin and the municipality's officers:
                    // for anyone else its cells are empty, not 0.00 (which would say none was found)
                    boolean funding = caller.maySee(
                            Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES,
                            Workstream.FEASIBILITY,
                            List.of(m.istatCode()),
                            null);
                    return List.of(
                            o.istat(),
                            o.name(),
                            n(t.peopleEnrolled()),
                            n(t.attendances()),
                            t.hours().toPlainString(),
                            n(t.sessionsAttended()),
                            n(t.certificates()),
                            n(p.needs()),
                            n(p.areaWideNeeds()),
                            n(p.endorsementsGiven()),
                            n(p.endorsementsReceived()),
                            n(f.studies()),
                            n(feasible),
                            f.feasibleEstimatedCostEur().toPlainString(),
                            funding ? f.fundingIdentifiedEur().toPlainString() : "",
                            funding ? f.fundingAwardedEur().toPlainString() : "",
                            n(o.comms().announcements()),
                            n(visibleStudies.stream()
                                    .filter(st ->
                                            StudyOpenData.municipalities(st).contains(m.istatCode())
                                                    && st.get("cup") != null)
                                    .count()),
                            funding
                                    ? visibleStudies.stream()
                                            .filter(st -> StudyOpenData.municipalities(st)
                                                            .contains(m.istatCode())
                                                    && StudyOpenData.fundingReadable(st, grants))
                                            .map(st -> StudyOpenData.awarded(st, "PNRR"))
                                            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add)
                                            .toPlainString()
                                    : "");
                })
                .toList();
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    /**
     * RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. A cell that a
     * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) and is not a plain number
     * gets a leading apostrophe, so opening the file runs nothing.
     */
    static String cell(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
            value = "'" + value;
        }
        // quoted (RFC 4180) when it holds a separator: the comma of the file, and the semicolon that a spreadsheet
        // with Italian settings splits on
        if (value.contains(",")
                || value.contains(";")
                || value.contains("\"")
                || value.contains("\n")
                || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
