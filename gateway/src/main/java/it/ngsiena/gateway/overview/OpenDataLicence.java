package it.ngsiena.gateway.overview;

/**
 * The licence of the programme's open data, Creative Commons Attribution 4.0: named in every file (a
 * {@code Link rel="license"} header, and the JSON's {@code license}) and in the DCAT-AP_IT catalogue.
 */
final class OpenDataLicence {

    static final String URL = "https://creativecommons.org/licenses/by/4.0/";
    static final String NAME = "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)";
    /** The licence's kind in the ADMS licence type vocabulary, which DCAT-AP_IT asks for in dct:type. */
    static final String ADMS_TYPE = "http://purl.org/adms/licencetype/Attribution";

    static final String VERSION = "4.0";

    /** The header that names the licence on a file's answer. */
    static final String LINK_HEADER = "<" + URL + ">; rel=\"license\"";

    private OpenDataLicence() {}
}
