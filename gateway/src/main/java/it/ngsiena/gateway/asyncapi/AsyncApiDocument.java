package it.ngsiena.gateway.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.Workstream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.TreeSet;

/**
 * The AsyncAPI 3.0 document of the platform's events, built from the event catalogue and the JSON
 * Schemas in the contracts: one channel per workstream topic, one message per event type (a
 * CloudEvents 1.0 envelope whose {@code data} is the type's schema). The outbox refuses types that
 * are not in the catalogue, so every event a service can publish is in this document.
 */
public final class AsyncApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiDocument() {
    }

    public static ObjectNode build() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Next Generation Siena events");
        info.put("version", "1.0.0");
        info.put("description", "Domain events of the four workstreams, published to Kafka through each service's"
                + " transactional outbox as CloudEvents 1.0 in structured JSON mode. Record key: the aggregate id."
                + " Events carry no personal data. Unreadable records go to <topic>.dlq.");
        ObjectNode server = doc.putObject("servers").putObject("local");
        server.put("host", "127.0.0.1:9092");
        server.put("protocol", "kafka");
        server.put("description", "The broker of the local run (./run)");
        doc.put("defaultContentType", "application/cloudevents+json");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode messages = doc.putObject("components").putObject("messages");
        for (Workstream workstream : Workstream.values()) {
            ObjectNode channel = channels.putObject(workstream.id());
            channel.put("address", workstream.topic());
            channel.put("description", "Events of the " + workstream.id() + " workstream, published by "
                    + workstream.source().substring(1));
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("publish-" + workstream.id());
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + workstream.id());
            operation.put("summary", workstream.source().substring(1) + " publishes its events");
            ArrayNode operationMessages = operation.putArray("messages");
            for (String type : new TreeSet<>(EventCatalog.TYPES.keySet())) {
                if (Workstream.ofEventType(type).filter(workstream::equals).isEmpty()) {
                    continue;
                }
                String key = type.replace('.', '-');
                channelMessages.putObject(key).put("$ref", "#/components/messages/" + key);
                operationMessages.addObject().put("$ref", "#/channels/" + workstream.id() + "/messages/" + key);
                messages.set(key, message(type, workstream));
            }
        }
        return doc;
    }

    private static ObjectNode message(String type, Workstream workstream) {
        JsonNode schema = schema(type);
        ObjectNode message = JSON.createObjectNode();
        message.put("name", type);
        message.put("title", schema.path("title").asText(type));
        message.put("summary", schema.path("description").asText());
        message.put("contentType", "application/cloudevents+json");
        // Who may see it in the gateway's read models, and in webhooks and streams (Visibility).
        message.put("x-visibility", EventCatalog.VISIBILITY.get(type).name());
        ObjectNode payload = message.putObject("payload");
        payload.put("type", "object");
        payload.putArray("required").add("specversion").add("id").add("source").add("type").add("subject")
                .add("time").add("data");
        ObjectNode properties = payload.putObject("properties");
        properties.putObject("specversion").put("const", "1.0");
        properties.putObject("id").put("type", "string");
        properties.putObject("source").put("const", workstream.source());
        properties.putObject("type").put("const", type);
        properties.putObject("subject").put("type", "string").put("description", "The aggregate id (the record key)");
        properties.putObject("time").put("type", "string").put("format", "date-time");
        properties.putObject("datacontenttype").put("const", "application/json");
        ObjectNode data = schema.deepCopy();
        data.remove("$schema");
        data.remove("$id");
        properties.set("data", data);
        return message;
    }

    private static JsonNode schema(String type) {
        try (InputStream in = EventCatalog.class.getResourceAsStream("/schemas/" + type + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No schema for " + type + " in the contracts");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
