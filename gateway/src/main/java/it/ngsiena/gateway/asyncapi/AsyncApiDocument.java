package it.ngsiena.gateway.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.EventSource;
import it.ngsiena.contracts.EventType;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.kernel.events.Actor;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.kernel.inbox.DeadLetters;
import it.ngsiena.kernel.tracing.TraceContext;
import java.util.List;

/**
 * The AsyncAPI 3.1 document of the platform's events, built from the event catalogue and the JSON
 * Schemas in the contracts: one channel per workstream topic, one message per event type (a
 * CloudEvents 1.0 envelope whose {@code data} is the type's schema). The outbox refuses types that
 * are not in the catalogue, so every event a service can publish is in this document. The Kafka side
 * too: the record key (the aggregate id), the record headers (content type, the write's trace), the
 * dead-letter topics with their headers, and the production cluster's TLS and SCRAM.
 */
public final class AsyncApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiDocument() {}

    /** The document of the platform's events. */
    public static ObjectNode build() {
        return build(EventCatalog.PLATFORM);
    }

    /** The document of a catalogue's events (a test's, with a type of its own). */
    public static ObjectNode build(EventCatalog catalog) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Next Generation Siena events");
        // minor steps: fields and types added (1.1.0: participant.enrolled says promotedFromWaitingList; 1.3.0:
        // the actor extensions)
        info.put("version", "1.3.0");
        info.put(
                "description",
                "Domain events of the four workstreams, published to Kafka through each service's"
                        + " transactional outbox as CloudEvents 1.0 in structured JSON mode. Record key: the aggregate id."
                        + " Events carry no names or e-mails: a training participant appears by a random id, which an"
                        + " erasure (participant.erased, by the id's SHA-256) turns into a pseudonym. Who made an event"
                        + " happen travels in three CloudEvents extension attributes: actorsub (the token's account"
                        + " id), actorclient (the client id, or the service that acted by itself) and actorrole (the"
                        + " caller's platform roles; system, anonymous); events published before version 1.3.0 of this document have none."
                        + " Unreadable records go to <topic>.dlq.");
        ObjectNode servers = doc.putObject("servers");
        ObjectNode local = servers.putObject("local");
        local.put("host", "127.0.0.1:9092");
        local.put("protocol", "kafka");
        local.put("description", "The broker of the local run (./run), plaintext");
        ObjectNode production = servers.putObject("production");
        production.put("host", "ngs-kafka-kafka-bootstrap:9093");
        production.put("protocol", "kafka-secure");
        production.put(
                "description",
                "The cluster of the Kubernetes production overlay (Strimzi): TLS, and a SCRAM user"
                        + " per service with ACLs on its own topic (NGS_EVENTS_SECURITY_PROTOCOL=SASL_SSL)");
        production.putArray("security").addObject().put("$ref", "#/components/securitySchemes/scram");
        doc.put("defaultContentType", "application/cloudevents+json");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        components
                .putObject("securitySchemes")
                .putObject("scram")
                .put("type", "scramSha512")
                .put("description", "A Kafka user of the service (SASL SCRAM-SHA-512 over TLS)");
        messages.set(DEAD_LETTER, deadLetter());
        List<EventType> types = EventSchemas.byName(catalog);
        for (EventSource workstream : EventSource.all()) {
            ObjectNode channel = channels.putObject(workstream.id());
            channel.put("address", workstream.topic());
            channel.put(
                    "description",
                    (workstream instanceof Workstream
                                    ? "Events of the " + workstream.id() + " workstream"
                                    : "Events of the programme itself (its membership)")
                            + ", published by "
                            + workstream.source().substring(1));
            channel.putObject("bindings").set("kafka", kafkaTopic(workstream.topic()));
            deadLetters(workstream, channels, operations);
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("publish-" + workstream.id());
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + workstream.id());
            operation.put("summary", workstream.source().substring(1) + " publishes its events");
            ArrayNode operationMessages = operation.putArray("messages");
            for (EventType type : types) {
                if (!type.source().equals(workstream)) {
                    continue;
                }
                String key = type.name().replace('.', '-');
                channelMessages.putObject(key).put("$ref", "#/components/messages/" + key);
                operationMessages.addObject().put("$ref", "#/channels/" + workstream.id() + "/messages/" + key);
                messages.set(key, message(type, workstream));
            }
        }
        return doc;
    }

    private static ObjectNode message(EventType type, EventSource workstream) {
        JsonNode schema = EventSchemas.embedded(type);
        ObjectNode message = JSON.createObjectNode();
        message.put("name", type.name());
        message.put("title", schema.path("title").asText(type.name()));
        message.put("summary", schema.path("description").asText());
        message.put("contentType", "application/cloudevents+json");
        // Who may see it in the gateway's read models, and in webhooks and streams (Visibility).
        message.put("x-visibility", type.visibility().name());
        // What the subject and record key identify, and whether the municipal overview counts the event.
        message.put("x-aggregate", type.aggregate());
        message.put("x-counted-in-figures", type.countedInFigures());
        message.set("headers", recordHeaders(false));
        message.putObject("bindings")
                .set(
                        "kafka",
                        JSON.createObjectNode()
                                .<ObjectNode>set(
                                        "key",
                                        JSON.createObjectNode()
                                                .put("type", "string")
                                                .put(
                                                        "description",
                                                        "The aggregate id, the event's subject: one partition, so"
                                                                + " one order, per aggregate"))
                                .put("bindingVersion", KAFKA_BINDING));
        ObjectNode payload = message.putObject("payload");
        payload.put("type", "object");
        payload.putArray("required")
                .add("specversion")
                .add("id")
                .add("source")
                .add("type")
                .add("subject")
                .add("time")
                .add("data");
        ObjectNode properties = payload.putObject("properties");
        properties.putObject("specversion").put("const", "1.0");
        properties.putObject("id").put("type", "string");
        properties.putObject("source").put("const", workstream.source());
        properties.putObject("type").put("const", type.name());
        properties.putObject("subject").put("type", "string").put("description", "The aggregate id (the record key)");
        properties.putObject("time").put("type", "string").put("format", "date-time");
        properties.putObject("datacontenttype").put("const", "application/json");
        properties
                .putObject(Actor.SUBJECT_EXTENSION)
                .put("type", "string")
                .put(
                        "description",
                        "Extension: the account id (the token's sub) of who made it happen; absent when the platform"
                                + " moved by itself or the caller was anonymous. Never a name or an address.");
        properties
                .putObject(Actor.CLIENT_EXTENSION)
                .put("type", "string")
                .put(
                        "description",
                        "Extension: the client the caller's token was issued to (its azp), or the service that"
                                + " moved by itself");
        properties
                .putObject(Actor.ROLE_EXTENSION)
                .put("type", "string")
                .put(
                        "description",
                        "Extension: the caller's platform roles, comma-separated; system for a move the platform"
                                + " made by itself (a reaction to another event, a scheduled job), anonymous for a"
                                + " public call");
        properties.set("data", schema);
        return message;
    }

    private static final String KAFKA_BINDING = "0.5.0";
    private static final String DEAD_LETTER = "dead-letter";

    private static ObjectNode kafkaTopic(String topic) {
        return JSON.createObjectNode().put("topic", topic).put("partitions", 1).put("bindingVersion", KAFKA_BINDING);
    }

    /** The record headers: the content type, the write's trace, and on a dead letter why and where from. */
    private static ObjectNode recordHeaders(boolean deadLetter) {
        ObjectNode headers = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("content-type").put("const", EventCodec.CONTENT_TYPE);
        properties
                .putObject(TraceContext.TRACEPARENT)
                .put("type", "string")
                .put("pattern", "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
                .put("description", "W3C trace context of the request that wrote the event, when it was traced");
        if (deadLetter) {
            properties
                    .putObject(DeadLetters.REASON)
                    .put("type", "string")
                    .put("description", "Why the consumer gave up");
            properties
                    .putObject(DeadLetters.ORIGIN)
                    .put("type", "string")
                    .put("description", "The record's topic, partition and offset: <topic>-<partition>@<offset>");
            properties
                    .putObject(DeadLetters.CONSUMER)
                    .put("type", "string")
                    .put("description", "The consumer group that could not handle it");
        }
        return headers;
    }

    /** Records a consumer could not handle go, unchanged, to the topic's dead-letter topic. */
    private static void deadLetters(EventSource workstream, ObjectNode channels, ObjectNode operations) {
        String name = workstream.id() + "-dlq";
        ObjectNode channel = channels.putObject(name);
        channel.put("address", workstream.topic() + ".dlq");
        channel.put(
                "description",
                "Records of " + workstream.topic() + " that a consumer could not handle, as they were,"
                        + " with the reason; GET /v1/admin/dead-letters lists them, POST /v1/admin/dead-letters/replay has"
                        + " the consumer handle them again");
        channel.putObject("bindings").set("kafka", kafkaTopic(workstream.topic() + ".dlq"));
        channel.putObject("messages").putObject(DEAD_LETTER).put("$ref", "#/components/messages/" + DEAD_LETTER);
        ObjectNode operation = operations.putObject("dead-letter-" + workstream.id());
        operation.put("action", "send");
        operation.putObject("channel").put("$ref", "#/channels/" + name);
        operation.put("summary", "A consumer of " + workstream.topic() + " sets aside a record it cannot handle");
        operation.putArray("messages").addObject().put("$ref", "#/channels/" + name + "/messages/" + DEAD_LETTER);
    }

    private static ObjectNode deadLetter() {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", DEAD_LETTER);
        message.put("title", "Dead letter");
        message.put(
                "summary",
                "A record of the workstream topic that a consumer could not read or handle: its key, value"
                        + " and headers as they were, and three headers more");
        message.set("headers", recordHeaders(true));
        message.putObject("payload")
                .put(
                        "description",
                        "The record's value as it was (usually a CloudEvent of the topic," + " perhaps unreadable)");
        return message;
    }
}
