package it.ngsiena.gateway.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.gateway.routing.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open data's catalogue in DCAT-AP_IT, the Italian profile the national portal (dati.gov.it) harvests:
 * one catalogue, a dataset per file family (municipalities, studies), a distribution per format, each with
 * the licence, the publisher (the Province, by its IPA code), the temporal coverage (from the programme's
 * start) and the spatial one (the Province of Siena). JSON-LD with the profile's own terms.
 */
@ApplicationScoped
public class OpenDataCatalogue {

    static final String THEMES = "http://publications.europa.eu/resource/authority/data-theme";
    static final String FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/";
    static final String DAILY = "http://publications.europa.eu/resource/authority/frequency/DAILY";
    static final String ITALIAN = "http://publications.europa.eu/resource/authority/language/ITA";

    /** What the catalogue says of each dataset. */
    record Dataset(String id, String titleIt, String titleEn, String descriptionIt, String theme, String path) {}

    static final List<Dataset> DATASETS = List.of(
            new Dataset(
                    "ngsiena-municipalities",
                    "Next Generation Siena: i comuni in cifre",
                    "Next Generation Siena: the municipalities in figures",
                    "Per ciascuno dei 35 comuni della Provincia di Siena: persone formate, ore di formazione,"
                            + " attestati, bisogni raccolti e sostenuti, studi di fattibilità e loro esiti, finanziamenti"
                            + " individuati e ottenuti, annunci. Solo dati aggregati, nessun dato personale.",
                    "GOVE",
                    "/v1/open-data/municipalities"),
            new Dataset(
                    "ngsiena-studies",
                    "Next Generation Siena: studi di fattibilità e codici PNRR",
                    "Next Generation Siena: feasibility studies and PNRR codes",
                    "Gli studi di fattibilità del programma con stato, esito, costo stimato, comuni coinvolti, CUP,"
                            + " codice locale progetto, classificazione PNRR e finanziamenti ottenuti per fonte, con i"
                            + " nomi di colonna dei dati aperti nazionali del PNRR (Italia Domani).",
                    "ECON",
                    "/v1/open-data/studies"));

    private final ObjectMapper json;
    private final PublicUrl publicUrl;
    private final String publisherId;
    private final String publisherName;
    private final LocalDate coverageStart;

    OpenDataCatalogue(
            ObjectMapper json,
            PublicUrl publicUrl,
            @ConfigProperty(name = "ngs.open-data.publisher-id") String publisherId,
            @ConfigProperty(name = "ngs.open-data.publisher-name") String publisherName,
            @ConfigProperty(name = "ngs.programme.start") java.time.OffsetDateTime programmeStart) {
        this.json = json;
        this.publicUrl = publicUrl;
        this.publisherId = publisherId;
        this.publisherName = publisherName;
        this.coverageStart = programmeStart.toLocalDate();
    }

    /** The catalogue, its data last changed on {@code modified}. */
    ObjectNode catalogue(LocalDate modified) {
        ObjectNode root = json.createObjectNode();
        ObjectNode context = root.putObject("@context");
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("dcatapit", "http://dati.gov.it/onto/dcatapit#");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("locn", "http://www.w3.org/ns/locn#");
        context.put("owl", "http://www.w3.org/2002/07/owl#");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        root.put("@id", publicUrl.base() + "/v1/open-data/catalog");
        types(root, "dcat:Catalog", "dcatapit:Catalog");
        texts(root, "dct:title", "Dati aperti di Next Generation Siena", "Next Generation Siena open data");
        texts(
                root,
                "dct:description",
                "I dati aperti del programma intercomunale Next Generation Siena: formazione, partecipazione,"
                        + " studi di fattibilità e comunicazione nei comuni della Provincia di Siena.",
                "The open data of the Next Generation Siena intercommunal programme: training, participation,"
                        + " feasibility studies and communication in the municipalities of the Province of Siena.");
        root.set("dct:publisher", agent());
        root.set("dct:modified", date(modified));
        root.putObject("foaf:homepage").put("@id", publicUrl.base() + "/");
        ArrayNode languages = root.putArray("dct:language");
        languages.addObject().put("@id", ITALIAN);
        root.putObject("dcat:themeTaxonomy").put("@id", THEMES);
        ArrayNode datasets = root.putArray("dcat:dataset");
        DATASETS.forEach(d -> datasets.add(dataset(d, modified)));
        return root;
    }

    private ObjectNode dataset(Dataset d, LocalDate modified) {
        ObjectNode node = json.createObjectNode();
        node.put("@id", publicUrl.base() + d.path());
        types(node, "dcat:Dataset", "dcatapit:Dataset");
        node.put("dct:identifier", publisherId + ":" + d.id());
        texts(node, "dct:title", d.titleIt(), d.titleEn());
        ObjectNode description = node.putObject("dct:description");
        description.put("@language", "it");
        description.put("@value", d.descriptionIt());
        node.set("dct:modified", date(modified));
        node.putObject("dcat:theme").put("@id", THEMES + "/" + d.theme());
        node.set("dct:rightsHolder", agent());
        node.set("dct:publisher", agent());
        node.putObject("dct:accrualPeriodicity").put("@id", DAILY);
        ObjectNode temporal = node.putObject("dct:temporal");
        types(temporal, "dct:PeriodOfTime");
        temporal.set("dcatapit:startDate", date(coverageStart));
        ObjectNode spatial = node.putObject("dct:spatial");
        types(spatial, "dct:Location");
        spatial.put("locn:geographicName", "Provincia di Siena");
        spatial.put("dcatapit:geographicalIdentifier", "ISTAT:052");
        ArrayNode distributions = node.putArray("dcat:distribution");
        distributions.add(distribution(d, "CSV", ".csv", "text/csv"));
        distributions.add(distribution(d, "JSON", ".json", "application/json"));
        return node;
    }

    private ObjectNode distribution(Dataset d, String format, String extension, String mediaType) {
        String url = publicUrl.base() + d.path() + extension;
        ObjectNode node = json.createObjectNode();
        node.put("@id", url);
        types(node, "dcat:Distribution", "dcatapit:Distribution");
        node.putObject("dct:format").put("@id", FILE_TYPES + format);
        node.put("dcat:mediaType", mediaType);
        node.putObject("dcat:accessURL").put("@id", url);
        node.putObject("dcat:downloadURL").put("@id", url);
        texts(node, "dct:description", d.titleIt() + " (" + format + ")", d.titleEn() + " (" + format + ")");
        ObjectNode licence = node.putObject("dct:license");
        licence.put("@id", OpenDataLicence.URL);
        types(licence, "dct:LicenseDocument", "dcatapit:LicenseDocument");
        licence.putObject("dct:type").put("@id", OpenDataLicence.ADMS_TYPE);
        licence.put("foaf:name", OpenDataLicence.NAME);
        licence.put("owl:versionInfo", OpenDataLicence.VERSION);
        return node;
    }

    private ObjectNode agent() {
        ObjectNode agent = json.createObjectNode();
        types(agent, "foaf:Agent", "dcatapit:Agent");
        agent.put("dct:identifier", publisherId);
        agent.put("foaf:name", publisherName);
        return agent;
    }

    private static void types(ObjectNode node, String... types) {
        ArrayNode array = node.putArray("@type");
        for (String type : types) {
            array.add(type);
        }
    }

    private void texts(ObjectNode node, String property, String italian, String english) {
        ArrayNode values = node.putArray(property);
        values.addObject().put("@language", "it").put("@value", italian);
        values.addObject().put("@language", "en").put("@value", english);
    }

    private ObjectNode date(LocalDate day) {
        return json.createObjectNode().put("@type", "xsd:date").put("@value", day.toString());
    }
}
