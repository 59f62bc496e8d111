package it.ngsiena.contracts;

/**
 * One event type of the catalogue: everything the platform knows of it, in one place.
 *
 * <p>The name (the payload record's {@code TYPE} constant) says who publishes it and its version:
 * {@code it.ngsiena.<source>.<thing>.<what-happened>.v<version>}, read once here. The rest is declared: the
 * aggregate (not always the thing named: an enrolment is recorded on its session's stream), who may see
 * the event ({@link Visibility}) and whether the gateway's programme figures count it.
 *
 * @param name the CloudEvents {@code type}, e.g. {@code it.ngsiena.participation.need.prioritised.v1}
 * @param payload the record its {@code data} is (its JSON Schema is {@code schemas/<name>.json})
 * @param source who publishes it: its topic and CloudEvents source
 * @param aggregate what the event's subject and record key identify, e.g. {@code session}: the events of
 *                  one aggregate share a partition, so their order
 * @param version the payload's version; a change that breaks readers is a new type with the next version
 * @param visibility who may see it in the gateway's read models, streams and webhooks
 * @param countedInFigures whether the municipal overview's figures (training, participation, feasibility,
 *                         communication) are computed from events of this type
 */
public record EventType(
        String name,
        Class<? extends Record> payload,
        EventSource source,
        String aggregate,
        int version,
        Visibility visibility,
        boolean countedInFigures) {

    /** A type the figures do not count, named by its record's {@code TYPE} constant. */
    public static EventType of(Class<? extends Record> payload, String aggregate, Visibility visibility) {
        String name = typeConstant(payload);
        String[] parts = name.split("\\.");
        if (parts.length != 6
                || !parts[0].equals("it")
                || !parts[1].equals("ngsiena")
                || !parts[5].matches("v[1-9][0-9]*")) {
            throw new IllegalArgumentException(name + " is not it.ngsiena.<source>.<thing>.<event>.v<version>");
        }
        EventSource source = EventSource.fromId(parts[2])
                .orElseThrow(() ->
                        new IllegalArgumentException("No event source is called " + parts[2] + " (" + name + ")"));
        return new EventType(
                name, payload, source, aggregate, Integer.parseInt(parts[5].substring(1)), visibility, false);
    }

    /** The same type, counted in the municipal overview's figures. */
    public EventType inFigures() {
        return new EventType(name, payload, source, aggregate, version, visibility, true);
    }

    /** Where its JSON Schema is on the class path. */
    public String schemaResource() {
        return "/schemas/" + name + ".json";
    }

    private static String typeConstant(Class<? extends Record> payload) {
        try {
            return (String) payload.getField("TYPE").get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(payload.getName() + " has no public static String TYPE", e);
        }
    }
}
