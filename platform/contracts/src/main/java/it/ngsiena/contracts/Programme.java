package it.ngsiena.contracts;

/**
 * The programme as a publisher of events: what belongs to no workstream (which municipalities take part),
 * kept by the gateway. Topic {@code ngs.programme.v1}, source {@code /gateway}.
 */
public final class Programme implements EventSource {

    public static final Programme EVENTS = new Programme();

    private Programme() {}

    @Override
    public String id() {
        return "programme";
    }

    @Override
    public String source() {
        return "/gateway";
    }

    @Override
    public String toString() {
        return id();
    }
}
